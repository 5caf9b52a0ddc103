// The window's measuring tools without a window: drawing paths and areas,
// rings, and undo/redo over every kind of edit.
#include <gtest/gtest.h>

#include "app/measure_tools.hpp"
#include "geo/geodesic.hpp"
#include "geo/path_measure.hpp"

using namespace pamir;
using namespace pamir::app;

namespace {

const LonLat kOutpost{74.9, 37.4};
const LonLat kGilgit{74.30833, 35.92083};
const LonLat kKhorugh{71.5531, 37.4897};

const geo::Projection& view() {
  static const geo::Projection p = *geo::Projection::create("");
  return p;
}

std::vector<std::string> labels(const MeasureTools& t) {
  std::vector<std::string> out;
  for (const auto& m : t.list()) out.push_back(m.label);
  return out;
}

}  // namespace

TEST(MeasureTools, APathTakesAnyNumberOfPointsAndFinishesOnEnter) {
  MeasureTools t;
  t.setTool(MeasureTool::Path);
  EXPECT_FALSE(t.addPoint({kOutpost, "outpost"}, view()));
  EXPECT_FALSE(t.finish(view()));  // one point is not a path
  t.addPoint({kGilgit, "Gilgit"}, view());
  t.addPoint({kGilgit, "Gilgit"}, view());  // a double click's second half adds nothing
  t.addPoint({kKhorugh, ""}, view());
  EXPECT_EQ(t.draft().size(), 3u);
  // Backspace takes the last point back.
  EXPECT_TRUE(t.removeLastPoint());
  EXPECT_EQ(t.draft().size(), 2u);
  t.addPoint({kKhorugh, ""}, view());
  // The cursor reads from the last point, and the total with the leg to it.
  const CursorReadout r = t.readout(kOutpost);
  EXPECT_NEAR(r.distance_m, geo::distance(kKhorugh, kOutpost), 1e-6);
  EXPECT_NEAR(r.total_m, geo::pathLength({kOutpost, kGilgit, kKhorugh, kOutpost}), 1e-6);
  ASSERT_TRUE(t.finish(view()));
  ASSERT_EQ(t.list().size(), 1u);
  const Measurement& m = t.list()[0];
  EXPECT_EQ(m.kind, MeasurementKind::Path);
  EXPECT_EQ(m.vertices.size(), 3u);
  EXPECT_NEAR(m.geodesic_m, geo::pathLength({kOutpost, kGilgit, kKhorugh}), 1e-6);
  EXPECT_NE(m.label.find("Path 1: outpost → "), std::string::npos) << m.label;
  EXPECT_TRUE(t.draft().empty());
  EXPECT_EQ(t.tool(), MeasureTool::Path);  // the tool stays for the next one
}

TEST(MeasureTools, AnAreaNeedsThreePointsAndMeasuresOnTheEllipsoid) {
  MeasureTools t;
  t.setTool(MeasureTool::Area);
  t.addPoint({{74, 37}, ""}, view());
  t.addPoint({{75, 37}, ""}, view());
  EXPECT_FALSE(t.finish(view()));
  t.addPoint({{75, 38}, ""}, view());
  t.addPoint({{74, 38}, ""}, view());
  ASSERT_TRUE(t.finish(view()));
  const Measurement& m = t.list()[0];
  EXPECT_EQ(m.kind, MeasurementKind::Area);
  const geo::PolygonMeasure g = geo::measurePolygon({{74, 37}, {75, 37}, {75, 38}, {74, 38}});
  EXPECT_NEAR(m.area_m2, g.area_m2, 1e-3);
  EXPECT_NEAR(m.geodesic_m, g.perimeter_m, 1e-6);
  // The conformal view CRS overstates nothing here: it shrinks the cell by about 1 %.
  EXPECT_NEAR(m.planarArea_m2 / m.area_m2, 0.989, 0.003);
}

TEST(MeasureTools, RingsForEveryRadiusTypedAreOneStep) {
  MeasureTools t;
  std::string why;
  EXPECT_FALSE(t.setRingRadii("100, , 200 km", &why));
  EXPECT_EQ(t.ringRadii(), std::vector<double>{100000.0});  // unchanged
  ASSERT_TRUE(t.setRingRadii("300, 100, 200 km", &why)) << why;
  t.setTool(MeasureTool::Ring);
  EXPECT_TRUE(t.addPoint({kOutpost, "outpost"}, view()));
  ASSERT_EQ(t.list().size(), 3u);
  EXPECT_EQ(t.list()[0].radius_m, 100000.0);  // innermost first
  EXPECT_EQ(t.list()[2].radius_m, 300000.0);
  EXPECT_EQ(t.list()[0].kind, MeasurementKind::Ring);
  EXPECT_TRUE(t.undo(view()));
  EXPECT_TRUE(t.list().empty());
  // From an attribute: the field is recorded.
  t.addRings({kOutpost, "outpost"}, {20000.0}, view(), "uncertainty_km");
  EXPECT_EQ(t.list()[0].radiusFrom, "uncertainty_km");
  EXPECT_NE(t.list()[0].label.find("(uncertainty_km)"), std::string::npos);
}

TEST(MeasureTools, UndoAndRedoEveryEdit) {
  MeasureTools t;
  t.add(measure(kOutpost, kGilgit, view(), "a"));
  t.add(measure(kOutpost, kKhorugh, view(), "b"));
  EXPECT_TRUE(t.rename(0, "outpost to Gilgit"));
  EXPECT_FALSE(t.rename(0, "outpost to Gilgit"));  // no change, no step
  EXPECT_TRUE(t.setColor(1, 0x008C3CFFu));
  EXPECT_TRUE(t.setHidden(1, true));
  EXPECT_TRUE(t.remove(0));
  EXPECT_EQ(labels(t), std::vector<std::string>{"b"});
  EXPECT_TRUE(t.list()[0].hidden);

  EXPECT_TRUE(t.undo(view()));  // the delete
  EXPECT_EQ(labels(t), (std::vector<std::string>{"outpost to Gilgit", "b"}));
  EXPECT_TRUE(t.undo(view()));  // hidden
  EXPECT_FALSE(t.list()[1].hidden);
  EXPECT_TRUE(t.undo(view()));  // colour
  EXPECT_EQ(t.list()[1].shownColor(), defaultColor(MeasurementKind::Line));
  EXPECT_TRUE(t.undo(view()));  // rename
  EXPECT_EQ(labels(t), (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(t.redo(view()));
  EXPECT_TRUE(t.redo(view()));
  EXPECT_EQ(t.list()[1].color, 0x008C3CFFu);
  EXPECT_EQ(labels(t), (std::vector<std::string>{"outpost to Gilgit", "b"}));
  // A new edit drops what could be redone.
  EXPECT_TRUE(t.clear());
  EXPECT_FALSE(t.canRedo());
  EXPECT_FALSE(t.redo(view()));
  EXPECT_TRUE(t.undo(view()));
  EXPECT_EQ(t.list().size(), 2u);
  // Back to the start, and no further.
  while (t.undo(view())) {
  }
  EXPECT_TRUE(t.list().empty());
  EXPECT_FALSE(t.canUndo());
  // Drawing points is not a step: Backspace is for that.
  t.setTool(MeasureTool::Line);
  t.addPoint({kOutpost, ""}, view());
  EXPECT_FALSE(t.canUndo() && t.list().empty());
}

TEST(MeasureTools, UndoBringsBackMeasurementsMeasuredInTheViewCrsOfNow) {
  MeasureTools t;
  t.add(measure(kOutpost, kGilgit, view(), "a"));
  t.remove(0);
  const auto mercator = geo::Projection::create("EPSG:3857");
  ASSERT_TRUE(mercator);
  t.remeasureAll(*mercator);
  ASSERT_TRUE(t.undo(*mercator));
  EXPECT_EQ(t.list()[0].planarCrs, mercator->name());
  EXPECT_GT(t.list()[0].planar_m, t.list()[0].geodesic_m * 1.2);  // Mercator at 37°N
}

TEST(MeasureTools, TheHistoryIsBounded) {
  MeasureTools t;
  for (size_t i = 0; i < kUndoSteps + 20; ++i) t.add(measure(kOutpost, kGilgit, view(), std::to_string(i)));
  size_t undone = 0;
  while (t.undo(view())) ++undone;
  EXPECT_EQ(undone, kUndoSteps);
  EXPECT_EQ(t.list().size(), 20u);
}

TEST(MeasureTools, ToolsSwitchAndDropTheDraft) {
  MeasureTools t;
  t.setTool(MeasureTool::Path);
  t.addPoint({kOutpost, ""}, view());
  t.setTool(MeasureTool::Area);
  EXPECT_TRUE(t.draft().empty());
  t.setTool(MeasureTool::Area);  // the same tool again: off
  EXPECT_EQ(t.tool(), MeasureTool::None);
  EXPECT_FALSE(t.addPoint({kOutpost, ""}, view()));
  EXPECT_TRUE(t.draft().empty());
  EXPECT_STREQ(toolName(MeasureTool::Ring), "ring");
}
