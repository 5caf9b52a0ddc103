// The CPU half of the renderer: triangulation covers exactly the polygon
// (holes, concave parts, multi-parts), simplification stays within its
// tolerance, and coarser levels of detail really are smaller.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "geo/projection.hpp"
#include "render/layer_geometry.hpp"
#include "render/render_test_support.hpp"
#include "render/tessellate.hpp"

namespace pamir::render::detail {
namespace {

double ringArea(const std::vector<XY>& r) {
  double a = 0;
  for (size_t i = 0; i + 1 < r.size(); ++i) a += r[i].x * r[i + 1].y - r[i + 1].x * r[i].y;
  return a / 2;
}

double trianglesArea(const std::vector<XY>& t) {
  double a = 0;
  for (size_t i = 0; i + 2 < t.size(); i += 3) {
    a += std::abs((t[i + 1].x - t[i].x) * (t[i + 2].y - t[i].y) - (t[i + 2].x - t[i].x) * (t[i + 1].y - t[i].y)) / 2;
  }
  return a;
}

TEST(TessellateTest, SquareWithHoleCoversRingMinusHole) {
  std::vector<std::vector<XY>> rings = {{{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}},
                                        {{2, 2}, {2, 5}, {5, 5}, {5, 2}, {2, 2}}};
  std::vector<XY> tris;
  ASSERT_TRUE(tessellate(rings, tris));
  EXPECT_EQ(tris.size() % 3, 0u);
  EXPECT_NEAR(trianglesArea(tris), 100 - 9, 1e-9);
}

TEST(TessellateTest, SelfIntersectingBowTieFillsBothLobes) {
  std::vector<std::vector<XY>> rings = {{{0, 0}, {10, 10}, {10, 0}, {0, 10}, {0, 0}}};
  std::vector<XY> tris;
  ASSERT_TRUE(tessellate(rings, tris));
  EXPECT_NEAR(trianglesArea(tris), 50, 1e-9);  // two triangles of 25 (odd winding)
}

// Every fixture polygon, projected: the triangles' area equals the rings'
// (outer minus holes), which no triangulation with artefacts achieves.
TEST(LayerGeometryTest, FixtureTrianglesHaveTheAreaOfTheRings) {
  std::string error;
  auto layer = test::readVectorLayer(test::dataPath("shapes.geojson"), "shapes", &error);
  ASSERT_TRUE(layer) << error;
  auto proj = geo::Projection::create(geo::kDefaultViewCrs);
  ASSERT_TRUE(proj) << proj.error();
  double expected = 0;
  for (const Feature& f : layer->features) {
    for (const Polygon& p : f.geometry.polygons) {
      std::vector<XY> ring(p.outer.size());
      proj->forward(p.outer.data(), ring.data(), ring.size());
      expected += std::abs(ringArea(ring));
      for (const Path& h : p.holes) {
        std::vector<XY> hole(h.size());
        proj->forward(h.data(), hole.data(), hole.size());
        expected -= std::abs(ringArea(hole));
      }
    }
  }
  LayerGeometry g = buildLayerGeometry(*layer, *proj);
  ASSERT_FALSE(g.levels.empty());
  const DetailLevel& exact = g.levels.back();
  EXPECT_EQ(exact.tolerance, 0.0);
  double area = 0;
  for (const Tile& t : exact.fillTiles) {
    for (uint32_t i = t.first * 3; i < (t.first + t.count) * 3; i += 3) {
      const FillVertex* v = &exact.fills[i];
      area += std::abs((double(v[1].x) - v[0].x) * (double(v[2].y) - v[0].y) -
                       (double(v[2].x) - v[0].x) * (double(v[1].y) - v[0].y)) /
              2;
    }
  }
  EXPECT_NEAR(area / expected, 1.0, 1e-5);
  EXPECT_EQ(g.droppedFeatures, 0u);
}

// A point the view CRS cannot show (89°N in Web Mercator) is not drawn and
// does not stretch the layer's bounds, which the fit frames.
TEST(LayerGeometryTest, PointsBeyondTheCrsLatitudesAreDropped) {
  Layer layer;
  for (double lat : {40.0, 89.0}) {
    Feature f;
    f.fid = static_cast<int64_t>(layer.features.size());
    f.geometry.points.push_back({70, lat});
    layer.features.push_back(f);
  }
  auto merc = geo::Projection::create("EPSG:3857");
  ASSERT_TRUE(merc) << merc.error();
  LayerGeometry g = prepareLayerGeometry(layer, *merc);
  EXPECT_EQ(g.points.size(), 1u);
  EXPECT_EQ(g.droppedFeatures, 1u);
  EXPECT_NEAR(g.bounds.maxy, merc->forward(LonLat{70, 40}).y, 1.0);
}

TEST(LayerGeometryTest, SimplifiedLinesStayWithinToleranceAndKeepEnds) {
  std::vector<XY> line;
  for (int i = 0; i <= 1000; ++i) line.push_back({i * 1.0, 30 * std::sin(i * 0.05) + (i % 7) * 0.3});
  for (double tol : {0.5, 2.0, 10.0}) {
    std::vector<XY> s = simplifyLine(line, tol);
    ASSERT_GE(s.size(), 2u);
    EXPECT_LT(s.size(), line.size());
    EXPECT_EQ(s.front(), line.front());
    EXPECT_EQ(s.back(), line.back());
    // Every original point lies within tol of the simplified segment spanning it.
    size_t k = 0;
    for (const XY& p : line) {
      while (k + 1 < s.size() && s[k + 1].x < p.x) ++k;
      const XY& a = s[k];
      const XY& b = s[std::min(k + 1, s.size() - 1)];
      double dx = b.x - a.x, dy = b.y - a.y;
      double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
      double d = std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y);
      EXPECT_LE(d, tol * (1 + 1e-9)) << "tolerance " << tol << " at x " << p.x;
    }
  }
}

TEST(LayerGeometryTest, TinyRingsVanishAtCoarseLevels) {
  std::vector<XY> ring = {{0, 0}, {1, 0}, {1, 1}, {0, 1}, {0, 0}};
  EXPECT_EQ(simplifyRing(ring, 0.1).size(), 5u);
  EXPECT_TRUE(simplifyRing(ring, 5.0).empty());
}

// Fine levels are cut into cells a few hundred pixels wide at their zoom;
// small shapes spread over a wide layer must not be cut into thousands of
// cells each (location-uncertainty circles across Central Asia once made a
// million triangles and two seconds of start-up).
TEST(LayerGeometryTest, SmallShapesFarApartStayFewTriangles) {
  Layer layer;
  size_t vertices = 0;
  for (int k = 0; k < 20; ++k) {
    Feature f;
    Polygon p;
    double lon = 50 + 2 * k, lat = 30 + (k % 5) * 4;
    for (int i = 0; i <= 256; ++i) {
      double a = 2 * M_PI * i / 256;
      p.outer.push_back({lon + 0.3 * std::cos(a), lat + 0.3 * std::sin(a)});
    }
    p.outer.back() = p.outer.front();
    vertices += p.outer.size();
    f.geometry.polygons.push_back(p);
    layer.features.push_back(f);
  }
  std::string error;
  auto proj = geo::Projection::create(geo::kDefaultViewCrs);
  ASSERT_TRUE(proj) << proj.error();
  LayerGeometry g = buildLayerGeometry(layer, *proj);
  size_t triangles = 0;
  for (const DetailLevel& l : g.levels) triangles += l.fills.size() / 3;
  EXPECT_GE(g.levels.size(), 4u);
  EXPECT_LT(triangles, 4 * vertices) << "over " << g.levels.size() << " levels";
}

TEST(LayerGeometryTest, CoarserLevelsHoldFewerSegments) {
  std::string error;
  Layer layer;
  layer.style.strokeWidth = 1;
  Feature f;
  Polygon p;
  // A wiggly ring: a circle with 4000 small teeth.
  for (int i = 0; i <= 4000; ++i) {
    double a = 2 * M_PI * i / 4000, r = 5 + 0.02 * (i % 2);
    p.outer.push_back({70 + r * std::cos(a), 40 + r * std::sin(a)});
  }
  p.outer.back() = p.outer.front();
  f.geometry.polygons.push_back(p);
  layer.features.push_back(f);
  auto proj = geo::Projection::create(geo::kDefaultViewCrs);
  ASSERT_TRUE(proj) << proj.error();
  LayerGeometry g = buildLayerGeometry(layer, *proj);
  ASSERT_GE(g.levels.size(), 3u);
  for (size_t i = 1; i < g.levels.size(); ++i) {
    EXPECT_GT(g.levels[i - 1].tolerance, g.levels[i].tolerance);
    EXPECT_LE(g.levels[i - 1].segments.size(), g.levels[i].segments.size());
  }
  EXPECT_EQ(g.levels.back().segments.size(), 4000u);
  EXPECT_LT(g.levels.front().segments.size(), 400u);
}

}  // namespace
}  // namespace pamir::render::detail
