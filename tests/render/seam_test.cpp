// What the renderer draws across the antimeridian, round a pole and across
// the view CRS's seam: the short way round, the cap, two pieces at the map's
// edges; never a band or a sliver across the whole map.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/projection.hpp"
#include "render/layer_geometry.hpp"
#include "render/map_renderer.hpp"
#include "render/render_test_support.hpp"
#include "support/geo_fixtures.hpp"

namespace pamir::render {
namespace {

const Color kWhite{255, 255, 255, 255};
const Color kRed{200, 0, 0, 255};

geo::Projection projection(const std::string& crs) { return pamir::test::projectionFor(crs); }
Path box(double lon0, double lat0, double lon1, double lat1) { return pamir::test::lonLatBox(lon0, lat0, lon1, lat1); }

Path parallel(double lat) {
  Path ring;
  for (int i = 0; i < 72; ++i) ring.push_back({-180.0 + 5.0 * i, lat});
  ring.push_back(ring.front());
  return ring;
}

Layer polygonLayer(Path outer) {
  Layer layer;
  layer.style.fill = kRed;
  layer.style.strokeWidth = 0;
  Feature f;
  f.geometry.polygons.push_back({std::move(outer), {}});
  layer.features.push_back(std::move(f));
  return layer;
}

bool isRed(const Image& img, int x, int y) {
  const uint8_t* p = img.pixel(x, y);
  return std::abs(p[0] - kRed.r) <= 8 && p[1] <= 8 && p[2] <= 8;
}

size_t redPixels(const Image& img) {
  size_t n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) n += isRed(img, x, y);
  return n;
}

// The exact level's triangles: their total area in view units.
double fillArea(const detail::LayerGeometry& g) {
  const detail::DetailLevel& exact = g.levels.back();
  double area = 0;
  for (size_t i = 0; i + 2 < exact.fills.size(); i += 3) {
    const detail::FillVertex* v = &exact.fills[i];
    area += std::abs((double(v[1].x) - v[0].x) * (double(v[2].y) - v[0].y) -
                     (double(v[2].x) - v[0].x) * (double(v[1].y) - v[0].y)) /
            2;
  }
  return area;
}

class SeamTest : public test::GlTest {
 protected:
  void SetUp() override {
    test::GlTest::SetUp();
    options_.background = kWhite;
    options_.labels = false;
    options_.msaaSamples = 0;
  }
  Image render(const Layer& layer, const geo::Projection& proj, const MapView& view) {
    MapRenderer renderer;
    EXPECT_TRUE(renderer.ok()) << renderer.error();
    renderer.setProjection(proj);
    renderer.setLayers({&layer}, {});
    return renderer.renderToImage(view, options_);
  }
  RenderOptions options_;
};

// 170°E to 170°W is 20° wide, as `pamir measure` and RFC 7946 read it.
TEST_F(SeamTest, PolygonAcrossTheAntimeridianIsASmallPatch) {
  Layer layer = polygonLayer(box(170, -10, -170, 10));
  for (const char* crs : {"EPSG:4326", "EPSG:3857"}) {
    SCOPED_TRACE(crs);
    geo::Projection proj = projection(crs);
    detail::LayerGeometry g = detail::buildLayerGeometry(layer, proj);
    const XY a = proj.forward(LonLat{170, -10}), b = proj.forward(LonLat{180, 10});
    const double expected = 2 * std::abs((b.x - a.x) * (b.y - a.y));
    EXPECT_NEAR(fillArea(g) / expected, 1.0, 1e-3);

    // A world map: two strips, one at each edge, none in the middle.
    const Bounds world = proj.forwardBounds({-180, -60, 180, 60});
    MapView view = MapView::fitting(world, 720, 240, 0.0);
    Image img = render(layer, proj, view);
    const XY pa = view.mapToPixel(a), pb = view.mapToPixel(b);
    const double patch = 2 * std::abs((pb.x - pa.x) * (pb.y - pa.y));
    EXPECT_NEAR(static_cast<double>(redPixels(img)), patch, patch * 0.15);
    const XY middle = view.mapToPixel(proj.forward(LonLat{0, 0}));
    EXPECT_FALSE(isRed(img, static_cast<int>(middle.x), static_cast<int>(middle.y)));
    const XY edge = view.mapToPixel(proj.forward(LonLat{178, 0}));
    EXPECT_TRUE(isRed(img, static_cast<int>(edge.x), static_cast<int>(edge.y)));
  }
}

// A ring along 80°N, all the way round, encloses the North Pole.
TEST_F(SeamTest, NorthPoleCapFillsTheTopOfAMercatorMap) {
  Layer layer = polygonLayer(parallel(80));
  geo::Projection proj = projection("EPSG:3857");
  const double limit = 20037508.342789244;  // Web Mercator's square world
  Bounds world;
  world.add(-limit, -limit);
  world.add(limit, limit);
  MapView view = MapView::fitting(world, 256, 256, 0.0);
  Image img = render(layer, proj, view);
  const double capRows = view.mapToPixel(proj.forward(LonLat{0, 80})).y - view.mapToPixel({0, limit}).y;
  EXPECT_GT(capRows, 20);
  EXPECT_NEAR(static_cast<double>(redPixels(img)), capRows * 256, 256 * 2.0);
  EXPECT_TRUE(isRed(img, 128, 2));
  EXPECT_FALSE(isRed(img, 128, 128));
}

TEST_F(SeamTest, NorthPoleCapIsADiscOnConicAndPolarMaps) {
  Layer layer = polygonLayer(parallel(80));
  for (const char* crs : {"", "EPSG:3413"}) {
    SCOPED_TRACE(crs);
    geo::Projection proj = projection(crs);
    MapView view = MapView::fitting(proj.forwardBounds({-180, 70, 180, 90}), 256, 256, 0.0);
    Image img = render(layer, proj, view);
    const XY pole = view.mapToPixel(proj.forward(LonLat{0, 90}));
    const XY inside = view.mapToPixel(proj.forward(LonLat{proj.centralMeridian() + 30, 86}));
    EXPECT_TRUE(isRed(img, static_cast<int>(inside.x), static_cast<int>(inside.y)));
    // A disc, or on a cone the sector of one that the unrolled cone covers:
    // 360° of longitude are 360° round a polar map's pole but only n * 360° round a cone's apex.
    const double c = proj.centralMeridian();
    const XY south = view.mapToPixel(proj.forward(LonLat{c, 80}));
    const XY east = view.mapToPixel(proj.forward(LonLat{c + 90, 80}));
    const double r = std::hypot(south.x - pole.x, south.y - pole.y);
    const double quarter = std::acos(((south.x - pole.x) * (east.x - pole.x) + (south.y - pole.y) * (east.y - pole.y)) /
                                     (r * std::hypot(east.x - pole.x, east.y - pole.y)));
    const double expected = 4 * quarter / 2 * r * r;  // sector of angle 4 * quarter
    EXPECT_GT(r, 20);
    EXPECT_NEAR(static_cast<double>(redPixels(img)), expected, expected * 0.05);
    const XY outside = view.mapToPixel(proj.forward(LonLat{proj.centralMeridian(), 75}));
    EXPECT_FALSE(isRed(img, static_cast<int>(outside.x), static_cast<int>(outside.y)));
  }
}

// The default CRS is centred on 70°E: 110°W is its seam.
TEST_F(SeamTest, PolygonAcrossTheDefaultSeamIsTwoPiecesNotASliver) {
  Layer layer = polygonLayer(box(-115, 30, -105, 40));
  geo::Projection proj = projection("");
  detail::LayerGeometry g = detail::buildLayerGeometry(layer, proj);
  // Some 1000 km by 1100 km in all; the band across the map is a hundred times that.
  const double area = fillArea(g);
  EXPECT_GT(area, 0.5e12);
  EXPECT_LT(area, 2e12);
  ASSERT_EQ(g.labels.size(), 1u);
  const LonLat label = proj.inverse(g.labels[0].position);
  EXPECT_NEAR(std::remainder(label.lon + 110.0, 360.0), 0.0, 5.0);
  EXPECT_NEAR(label.lat, 35.0, 5.0);
}

}  // namespace
}  // namespace pamir::render
