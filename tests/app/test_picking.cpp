// Identify: which feature is under the cursor.
#include <gtest/gtest.h>

#include "app/picking.hpp"

using namespace pamir;

namespace {
Layer areaWithHole() {
  Layer l;
  Feature f;
  f.fid = 7;
  Polygon p;
  p.outer = {{70, 36}, {74, 36}, {74, 39}, {70, 39}, {70, 36}};
  p.holes = {{{71, 37}, {73, 37}, {73, 38}, {71, 38}, {71, 37}}};
  f.geometry.polygons.push_back(p);
  l.features.push_back(f);
  return l;
}
Layer site(LonLat p) {
  Layer l;
  Feature f;
  f.fid = 1;
  f.geometry.points.push_back(p);
  l.features.push_back(f);
  return l;
}
}  // namespace

TEST(Picking, PointsWithinTheirSymbolAreasOutsideHoles) {
  auto proj = geo::Projection::create("EPSG:4326");
  ASSERT_TRUE(proj);
  Bounds e;
  e.add(69, 35);
  e.add(75, 40);
  MapView view = MapView::fromExtent(e, 600, 500);  // 100 px per degree
  Layer area = areaWithHole();
  Layer point = site({72.5, 37.5});  // inside the hole
  std::vector<const Layer*> layers{&area, &point};
  auto all = [](const Layer&, size_t) { return true; };
  auto at = [&](double lon, double lat) {
    XY px = view.mapToPixel(proj->forward({lon, lat}));
    return app::pickFeature(layers, *proj, view, px.x, px.y, 5.0, all);
  };
  auto hit = at(72.52, 37.52);  // 2-3 px from the site
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->layer, &point);
  EXPECT_FALSE(at(71.5, 37.5)) << "inside the hole is outside the polygon";
  hit = at(70.5, 36.5);
  ASSERT_TRUE(hit);
  EXPECT_EQ(hit->layer, &area);
  EXPECT_FALSE(at(69.5, 35.5));
  // Hidden features and layers are not picked.
  auto none = [](const Layer&, size_t) { return false; };
  XY px = view.mapToPixel(proj->forward({72.5, 37.5}));
  EXPECT_FALSE(app::pickFeature(layers, *proj, view, px.x, px.y, 5.0, none));
  point.visible = false;
  EXPECT_FALSE(at(72.5, 37.5));
}

// Picking cuts geometry as the renderer draws it: a polygon from 170°E to
// 170°W is hit near the antimeridian, not in the band across the map that its
// two sides would otherwise span, and a cap round the pole is hit over it.
TEST(Picking, PolygonsAcrossTheAntimeridianAndRoundAPole) {
  auto proj = geo::Projection::create("EPSG:4326");
  ASSERT_TRUE(proj);
  Bounds e;
  e.add(-180, -90);
  e.add(180, 90);
  MapView view = MapView::fromExtent(e, 720, 360);
  Layer area;
  Feature f;
  f.geometry.polygons.push_back({{{170, -10}, {-170, -10}, {-170, 10}, {170, 10}, {170, -10}}, {}});
  area.features.push_back(f);
  Layer cap;
  Feature c;
  c.geometry.polygons.resize(1);
  for (int i = 0; i <= 36; ++i) c.geometry.polygons[0].outer.push_back({-180.0 + 10.0 * (i % 36), 80});
  cap.features.push_back(c);
  std::vector<const Layer*> layers{&area, &cap};
  auto all = [](const Layer&, size_t) { return true; };
  auto at = [&](double lon, double lat) {
    XY px = view.mapToPixel(proj->forward({lon, lat}));
    auto hit = app::pickFeature(layers, *proj, view, px.x, px.y, 2.0, all);
    return hit ? hit->layer : nullptr;
  };
  EXPECT_EQ(at(175, 0), &area);
  EXPECT_EQ(at(-175, 0), &area);
  EXPECT_EQ(at(0, 0), nullptr);
  EXPECT_EQ(at(30, 85), &cap);
  EXPECT_EQ(at(30, 70), nullptr);
}

// "What is here": every feature under the point across layers, points first,
// topmost layer first; the index follows a change of CRS.
TEST(Picking, EveryFeatureUnderAPointAcrossLayers) {
  auto proj = geo::Projection::create("EPSG:4326");
  ASSERT_TRUE(proj);
  Bounds e;
  e.add(69, 35);
  e.add(75, 40);
  MapView view = MapView::fromExtent(e, 600, 500);
  Layer area = areaWithHole();
  Layer point = site({70.5, 36.5});
  Layer other = site({74.5, 39.5});
  std::vector<const Layer*> layers{&area, &point, &other};
  auto all = [](const Layer&, size_t) { return true; };
  app::PickIndex index;
  index.update(layers, *proj);
  XY px = view.mapToPixel(proj->forward({70.5, 36.5}));
  auto here = index.pickAll(view, px.x, px.y, 5.0, all);
  ASSERT_EQ(here.size(), 2u);
  EXPECT_EQ(here[0].layer, &point);
  EXPECT_EQ(here[1].layer, &area);
  ASSERT_NE(index.shape(here[1]), nullptr);
  EXPECT_EQ(index.shape(here[1])->areas.size(), 1u);
  EXPECT_TRUE(index.pickAll(view, 10, 490, 5.0, all).empty());

  auto merc = geo::Projection::create("EPSG:3857");
  ASSERT_TRUE(merc);
  index.update(layers, *merc);
  MapView mview = MapView::fromExtent(merc->forwardBounds(e), 600, 500);
  px = mview.mapToPixel(merc->forward({70.5, 36.5}));
  EXPECT_EQ(index.pickAll(mview, px.x, px.y, 5.0, all).size(), 2u);
}

// A large index is built a slice per call when given a budget: picks see the
// layers indexed so far, and the whole index picks what one built at once does.
TEST(Picking, ALargeIndexIsBuiltInSlicesAndThenPicksAsOneBuiltAtOnce) {
  auto proj = geo::Projection::create("EPSG:4326");
  ASSERT_TRUE(proj);
  Layer walks;
  for (int i = 0; i < 6000; ++i) {
    Feature f;
    f.fid = i;
    Path line;
    for (int k = 0; k < 200; ++k) line.push_back({60 + (i % 100) * 0.2 + k * 0.001, 30 + (i / 100) * 0.2});
    f.geometry.lines.push_back(std::move(line));
    walks.features.push_back(std::move(f));
  }
  Layer top = site({60.1, 30.0});  // above the first line's start
  const std::vector<const Layer*> layers{&walks, &top};
  Bounds e;
  e.add(59, 29);
  e.add(81, 43);
  const MapView view = MapView::fromExtent(e, 800, 600);
  auto all = [](const Layer&, size_t) { return true; };
  const XY onLine = view.mapToPixel(proj->forward({60.05, 30.0}));
  const XY onSite = view.mapToPixel(proj->forward({60.1, 30.0}));

  app::PickIndex sliced;
  int calls = 0;
  while (!sliced.update(layers, *proj, 100'000)) {
    ++calls;
    ASSERT_TRUE(sliced.building());
    ASSERT_LT(calls, 100);
    // The site's layer is indexed last: until then it is not picked.
    const auto p = sliced.pick(view, onSite.x, onSite.y, 3.0, all);
    if (p) {
      EXPECT_EQ(p->layer, &walks);
    }
  }
  EXPECT_GT(calls, 5) << "1.2M vertices in slices of 100k";
  EXPECT_FALSE(sliced.building());
  app::PickIndex whole;
  EXPECT_TRUE(whole.update(layers, *proj));
  for (const XY& at : {onLine, onSite}) {
    const auto a = sliced.pick(view, at.x, at.y, 3.0, all), b = whole.pick(view, at.x, at.y, 3.0, all);
    ASSERT_TRUE(a && b);
    EXPECT_EQ(*a, *b);
  }
  EXPECT_EQ(sliced.pick(view, onSite.x, onSite.y, 3.0, all)->layer, &top);
  // Small data is indexed at once, budget or not.
  app::PickIndex small;
  EXPECT_TRUE(small.update({&top}, *proj, 1));
}
