// Golden images of styled renders: every kind of thing the renderer draws,
// compared pixel by pixel with tests/data/render/<case>/expected.png.
// On failure the test writes actual.png and diff.png (differing pixels in
// red) into its output folder; PAMIR_UPDATE_GOLDEN=1 rewrites the expected
// images instead (look at them before committing).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "render/render_test_support.hpp"

namespace pamir::render {
namespace {

// A pixel differs when any channel is off by more than this; a render passes
// while at most kAllowedFraction of its pixels differ. Loose enough for
// another llvmpipe or a GPU's rasteriser, tight enough that a moved, missing
// or recoloured feature fails.
constexpr int kChannelTolerance = 48;
constexpr double kAllowedFraction = 0.001;

Style style(Color fill, Color stroke, float width) {
  Style s;
  s.fill = fill;
  s.stroke = stroke;
  s.strokeWidth = width;
  return s;
}

StyleRule rule(const std::string& field, const std::string& value, Style s) { return {field, value, std::move(s)}; }

struct Scene {
  Layer shapes, lines, points;
  RasterLayer grid;
};

Scene loadScene() {
  Scene s;
  std::string error;
  auto shapes = test::readVectorLayer(test::dataPath("shapes.geojson"), "shapes", &error);
  auto lines = test::readVectorLayer(test::dataPath("lines.geojson"), "lines", &error);
  auto points = test::readVectorLayer(test::dataPath("points.geojson"), "points", &error);
  auto grid = test::readRaster(test::dataPath("grid.tif"), &error);
  EXPECT_TRUE(shapes && lines && points && grid) << error;
  if (!shapes || !lines || !points || !grid) return s;
  s.shapes = std::move(*shapes);
  s.lines = std::move(*lines);
  s.points = std::move(*points);
  s.grid = std::move(*grid);

  s.grid.opacity = 0.55f;
  s.shapes.style = style({214, 160, 90, 200}, {90, 50, 20, 255}, 1.5f);
  s.shapes.style.labelField = "name";  // areas: centred inside (the crescent's centroid is outside it)
  s.shapes.styleRules = {rule("kind", "holes", style({70, 130, 180, 210}, {20, 40, 80, 255}, 2.5f)),
                         rule("kind", "multi", style({120, 170, 90, 220}, {30, 70, 30, 255}, 1.0f))};
  for (StyleRule& r : s.shapes.styleRules) r.style.labelField = "name";
  Style road = style({0, 0, 0, 0}, {200, 40, 40, 255}, 4.0f);
  Style rail = style({0, 0, 0, 0}, {40, 40, 40, 255}, 1.5f);
  Style claim = style({0, 0, 0, 0}, {150, 0, 150, 255}, 2.5f);
  claim.dashed = true;
  s.lines.style = road;
  s.lines.styleRules = {rule("kind", "rail", rail), rule("kind", "claimed", claim)};

  Style site = style({250, 250, 250, 255}, {20, 20, 20, 255}, 1.5f);
  site.symbolSize = 14;
  site.labelField = "name";
  auto symbol = [&](Symbol sym, Color fill) {
    Style t = site;
    t.symbol = sym;
    t.fill = fill;
    return t;
  };
  s.points.style = site;
  s.points.styleRules = {rule("kind", "airbase", symbol(Symbol::Triangle, {230, 60, 60, 255})),
                         rule("kind", "radar", symbol(Symbol::Star, {250, 200, 40, 255})),
                         rule("kind", "depot", symbol(Symbol::Square, {60, 120, 220, 255})),
                         rule("kind", "hq", symbol(Symbol::Diamond, {160, 60, 200, 255})),
                         rule("kind", "post", symbol(Symbol::Cross, {40, 160, 80, 255}))};
  return s;
}

struct GoldenCase {
  std::string name;
  std::string crs;
  Bounds lonlat;  // fitted into the frame
  int width, height;
  float pixelRatio;
};

class GoldenTest : public ::testing::TestWithParam<GoldenCase> {
 protected:
  void SetUp() override {
    std::string error;
    ASSERT_TRUE(test::ensureContext(&error)) << error;
  }
};

TEST_P(GoldenTest, StyledRenderMatchesExpectedImage) {
  const GoldenCase& c = GetParam();
  Scene scene = loadScene();
  std::string error;
  auto projection = geo::Projection::create(c.crs);
  ASSERT_TRUE(projection) << projection.error();

  MapRenderer renderer;
  ASSERT_TRUE(renderer.ok()) << renderer.error();
  renderer.setProjection(*projection);
  renderer.setLayers({&scene.shapes, &scene.lines, &scene.points}, {&scene.grid});
  RenderOptions options;
  options.pixelRatio = c.pixelRatio;
  MapView view = MapView::fitting(projection->forwardBounds(c.lonlat), c.width, c.height, 0.02);
  Image actual = renderer.renderToImage(view, options);
  ASSERT_EQ(actual.width, c.width);
  ASSERT_EQ(actual.height, c.height);
  EXPECT_GT(renderer.lastFrame().labelsDrawn, 0u) << "labels are part of the picture";

  std::filesystem::path caseDir = test::dataPath(c.name);
  std::filesystem::path expectedPath = caseDir / "expected.png";
  const char* update = std::getenv("PAMIR_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::filesystem::create_directories(caseDir);
    ASSERT_TRUE(writePng(actual, expectedPath.string(), &error)) << error;
    GTEST_SKIP() << "wrote " << expectedPath;
  }

  std::string out = test::outputDir("golden_" + c.name);
  auto expected = readPng(expectedPath.string(), &error);
  if (!expected) {
    writePng(actual, out + "/actual.png", nullptr);
    FAIL() << error << " (run with PAMIR_UPDATE_GOLDEN=1 to create it; actual image in " << out << ")";
  }
  ASSERT_EQ(expected->width, actual.width);
  ASSERT_EQ(expected->height, actual.height);

  Image diff = actual;
  size_t differing = 0;
  for (int y = 0; y < actual.height; ++y) {
    for (int x = 0; x < actual.width; ++x) {
      const uint8_t* a = actual.pixel(x, y);
      const uint8_t* e = expected->pixel(x, y);
      int worst = 0;
      for (int k = 0; k < 4; ++k) worst = std::max(worst, std::abs(a[k] - e[k]));
      uint8_t* d = diff.pixel(x, y);
      if (worst > kChannelTolerance) {
        ++differing;
        d[0] = 255, d[1] = 0, d[2] = 0, d[3] = 255;
      } else {
        // The expected image, faded, for orientation.
        for (int k = 0; k < 3; ++k) d[k] = static_cast<uint8_t>(160 + e[k] * 95 / 255);
        d[3] = 255;
      }
    }
  }
  double fraction = static_cast<double>(differing) / (static_cast<double>(actual.width) * actual.height);
  if (fraction > kAllowedFraction) {
    writePng(actual, out + "/actual.png", nullptr);
    writePng(diff, out + "/diff.png", nullptr);
  }
  EXPECT_LE(fraction, kAllowedFraction) << differing << " pixels differ; actual.png and diff.png are in " << out;
}

INSTANTIATE_TEST_SUITE_P(
    Cases, GoldenTest,
    ::testing::Values(GoldenCase{"styled", geo::kDefaultViewCrs, {65.5, 35.8, 77.5, 43.4}, 720, 480, 1.0f},
                      // Zoomed in, Web Mercator, HiDPI: widths and symbols double, geometry does not.
                      GoldenCase{"styled_hidpi_mercator", "EPSG:3857", {69.0, 38.6, 73.0, 41.2}, 640, 480, 2.0f}),
    [](const auto& info) { return info.param.name; });

}  // namespace
}  // namespace pamir::render
