// The graticule and the MGRS grid, in more than one view CRS.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "geo/map_grid.hpp"

using namespace pamir;
using namespace pamir::geo;

namespace {

Projection crs(const std::string& definition) {
  auto p = Projection::create(definition);
  EXPECT_TRUE(p) << p.error();
  return std::move(*p);
}

const GridLine* lineLabelled(const MapGrid& g, const std::string& label) {
  for (const auto& l : g.lines)
    if (l.label == label) return &l;
  return nullptr;
}

bool hasLabel(const MapGrid& g, const std::string& text) {
  return std::any_of(g.labels.begin(), g.labels.end(), [&](const GridLabel& l) { return l.text == text; });
}

// Distance of `q` from the nearest vertex of the line.
double nearestVertex(const GridLine& l, const XY& q) {
  double best = 1e300;
  for (const auto& part : l.parts)
    for (const XY& v : part) best = std::min(best, std::hypot(v.x - q.x, v.y - q.y));
  return best;
}

}  // namespace

TEST(MapGrid, TheIntervalIsRoundAndGivesAFewLinesAcross) {
  EXPECT_EQ(graticuleStep(360), 30);
  EXPECT_EQ(graticuleStep(60), 10);
  EXPECT_EQ(graticuleStep(20), 5);
  EXPECT_EQ(graticuleStep(3), 0.5);
  EXPECT_NEAR(graticuleStep(0.5), 5.0 / 60, 1e-12);
  EXPECT_NEAR(graticuleStep(0.001), 1.0 / 60, 1e-12);  // never finer than a minute
}

TEST(MapGrid, LabelsNameTheHemisphereAndMinutes) {
  EXPECT_EQ(graticuleLabel(70, false, 10), "70°E");
  EXPECT_EQ(graticuleLabel(-75, false, 5), "75°W");
  EXPECT_EQ(graticuleLabel(37.5, true, 0.5), "37°30′N");
  EXPECT_EQ(graticuleLabel(-10, true, 10), "10°S");
  EXPECT_EQ(graticuleLabel(0, true, 10), "0°");
  EXPECT_EQ(graticuleLabel(180, false, 30), "180°");
  EXPECT_EQ(graticuleLabel(190, false, 10), "170°W");
}

TEST(MapGrid, GraticuleLinesLieWhereTheirLongitudeAndLatitudeProject) {
  for (const char* def :
       {"+proj=lcc +lat_0=38 +lon_0=70 +lat_1=30 +lat_2=46 +datum=WGS84 +units=m", "EPSG:4326", "EPSG:3857"}) {
    const Projection p = crs(def);
    const Bounds view = p.forwardBounds({60, 30, 80, 46});
    const MapGrid g = graticule(p, view);
    const GridLine* m70 = lineLabelled(g, "70°E");
    const GridLine* p40 = lineLabelled(g, "40°N");
    ASSERT_NE(m70, nullptr) << def;
    ASSERT_NE(p40, nullptr) << def;
    EXPECT_EQ(m70->kind, GridLine::Kind::Meridian);
    EXPECT_EQ(p40->kind, GridLine::Kind::Parallel);
    // Both pass through 70°E 40°N, within a sample's spacing.
    const XY cross = p.forward({70, 40});
    const double tolerance = (view.width() + view.height()) / 50;
    EXPECT_LT(nearestVertex(*m70, cross), tolerance) << def;
    EXPECT_LT(nearestVertex(*p40, cross), tolerance) << def;
    EXPECT_FALSE(lineLabelled(g, "150°E")) << def;  // far outside the view
  }
}

TEST(MapGrid, AViewAcrossTheAntimeridianGetsItsOwnFewMeridians) {
  const Projection p = crs("+proj=eqc +lon_0=180 +datum=WGS84 +units=m");
  const Bounds view = p.forwardBounds({170, -10, 190, 10});
  const Bounds ll = visibleLonLat(p, view);
  EXPECT_NEAR(ll.width(), 20, 0.5);
  const MapGrid g = graticule(p, view);
  EXPECT_TRUE(lineLabelled(g, "180°"));
  EXPECT_TRUE(lineLabelled(g, "175°W"));
  EXPECT_TRUE(lineLabelled(g, "175°E"));
  for (const auto& l : g.lines)
    for (const auto& part : l.parts) {
      double lo = 1e300, hi = -1e300;
      for (const XY& v : part) lo = std::min(lo, v.x), hi = std::max(hi, v.x);
      EXPECT_LT(hi - lo, view.width() * 1.5) << l.label << ": a line drawn the long way round";
    }
}

TEST(MapGrid, AViewOfAPoleSpansEveryLongitude) {
  const Projection p = crs("EPSG:3413");  // NSIDC polar stereographic north
  const Bounds view = p.forwardBounds({-180, 70, 180, 90});
  const Bounds ll = visibleLonLat(p, view);
  EXPECT_EQ(ll.minx, -180);
  EXPECT_EQ(ll.maxx, 180);
  EXPECT_EQ(ll.maxy, 90);
}

TEST(MapGrid, MgrsZonesCarryTheirDesignatorsAndSquaresTheirLetters) {
  const Projection p = crs("+proj=lcc +lat_0=38 +lon_0=70 +lat_1=30 +lat_2=46 +datum=WGS84 +units=m");
  // Tajikistan at country scale: zones and bands, no squares.
  const Bounds wide = p.forwardBounds({60, 32, 80, 45});
  const MapGrid zones = mgrsGrid(p, wide, 1.8e6);
  EXPECT_TRUE(hasLabel(zones, "42S"));
  EXPECT_TRUE(hasLabel(zones, "43T"));
  EXPECT_TRUE(std::none_of(zones.lines.begin(), zones.lines.end(),
                           [](const GridLine& l) { return l.kind == GridLine::Kind::SquareEdge; }));
  // Round Dushanbe: the 100 km squares, WH among them (38.70N 70.00E is 42S WH).
  const Bounds near = p.forwardBounds({69.5, 38.3, 70.5, 39.1});
  const MapGrid squares = mgrsGrid(p, near, 90e3);
  EXPECT_TRUE(std::any_of(squares.lines.begin(), squares.lines.end(),
                          [](const GridLine& l) { return l.kind == GridLine::Kind::SquareEdge; }));
  EXPECT_TRUE(hasLabel(squares, "WH"));
}

TEST(MapGrid, NorwaysWideZoneStartsAtThreeDegreesEast) {
  const Projection p = crs("EPSG:4326");
  const MapGrid g = mgrsGrid(p, {0, 56, 12, 64}, 7e5, 0);
  bool westEdgeAt3 = false;
  for (const auto& l : g.lines)
    if (l.kind == GridLine::Kind::ZoneEdge)
      for (const auto& part : l.parts)
        if (part.front().x == 3.0 && part.back().x == 3.0 && part.front().y >= 56 - 1e-9) westEdgeAt3 = true;
  EXPECT_TRUE(westEdgeAt3);
  EXPECT_TRUE(hasLabel(g, "32V"));
}
