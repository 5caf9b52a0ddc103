// MapRenderer behaviour a user sees: what moves when the view moves, what is
// uploaded when, sizes in pixels, visibility, order, precision at deep zoom
// and robustness to broken features.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "render/offscreen_context.hpp"
#include "render/render_test_support.hpp"

namespace pamir::render {
namespace {

const Color kBlack{0, 0, 0, 255};
const Color kWhite{255, 255, 255, 255};

Path box(double lon0, double lat0, double lon1, double lat1) {
  return {{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}};
}

Feature polygonFeature(Path outer, std::vector<Path> holes = {}) {
  Feature f;
  f.geometry.polygons.push_back({std::move(outer), std::move(holes)});
  return f;
}

Feature lineFeature(Path line) {
  Feature f;
  f.geometry.lines.push_back(std::move(line));
  return f;
}

Feature pointFeature(double lon, double lat) {
  Feature f;
  f.geometry.points.push_back({lon, lat});
  return f;
}

Style solid(Color fill, float strokeWidth = 0, Color stroke = kBlack) {
  Style s;
  s.fill = fill;
  s.stroke = stroke;
  s.strokeWidth = strokeWidth;
  return s;
}

geo::Projection projection(const std::string& crs = geo::kDefaultViewCrs) {
  auto p = geo::Projection::create(crs);
  EXPECT_TRUE(p) << p.error();
  return *p;
}

bool isColour(const Image& img, int x, int y, Color c, int tolerance = 8) {
  const uint8_t* p = img.pixel(x, y);
  return std::abs(p[0] - c.r) <= tolerance && std::abs(p[1] - c.g) <= tolerance && std::abs(p[2] - c.b) <= tolerance;
}

size_t countColour(const Image& img, Color c, int tolerance = 8) {
  size_t n = 0;
  for (int y = 0; y < img.height; ++y)
    for (int x = 0; x < img.width; ++x) n += isColour(img, x, y, c, tolerance);
  return n;
}

// Bounding box (in pixels) of everything that is not the background.
struct PixelBox {
  int x0 = 1 << 30, y0 = 1 << 30, x1 = -1, y1 = -1;
  int width() const { return x1 - x0 + 1; }
  int height() const { return y1 - y0 + 1; }
  bool empty() const { return x1 < x0; }
};
PixelBox inkBox(const Image& img, Color background) {
  PixelBox b;
  for (int y = 0; y < img.height; ++y) {
    for (int x = 0; x < img.width; ++x) {
      if (isColour(img, x, y, background, 60)) continue;
      b.x0 = std::min(b.x0, x), b.y0 = std::min(b.y0, y), b.x1 = std::max(b.x1, x), b.y1 = std::max(b.y1, y);
    }
  }
  return b;
}

class RendererTest : public test::GlTest {
 protected:
  void SetUp() override {
    test::GlTest::SetUp();
    options_.background = kWhite;
    options_.labels = false;
  }
  // The fixture raster (64..79 E, 34..44 N), for the tests that draw one.
  RasterLayer readGrid() {
    std::string error;
    auto raster = test::readRaster(test::dataPath("grid.tif"), &error);
    EXPECT_TRUE(raster) << error;
    return raster ? std::move(*raster) : RasterLayer{};
  }
  RenderOptions options_;
};

TEST_F(RendererTest, HeadlessContextNamesItsRenderer) {
  std::string error;
  auto extra = OffscreenContext::create(&error);
  ASSERT_TRUE(extra) << error;
  EXPECT_FALSE(extra->rendererName().empty());
  EXPECT_NE(extra->rendererName(), "unknown");
  extra.reset();
  // The shared context must survive another one coming and going.
  ASSERT_TRUE(test::ensureContext(&error));
}

TEST_F(RendererTest, PanningAndZoomingChangeOnlyUniforms) {
  Layer layer;
  layer.style = solid({200, 0, 0, 255}, 2, kBlack);
  layer.features.push_back(polygonFeature(box(68, 38, 70, 40)));
  layer.features.push_back(lineFeature({{66, 37}, {72, 41}}));
  layer.features.push_back(pointFeature(71, 38.5));
  RasterLayer grid = readGrid();
  ASSERT_GT(grid.width, 0);
  geo::Projection proj = projection();

  MapRenderer renderer;
  ASSERT_TRUE(renderer.ok()) << renderer.error();
  renderer.setProjection(proj);
  renderer.setLayers({&layer}, {&grid});
  UploadStats before = renderer.uploads();
  EXPECT_GT(before.geometryUploads, 0u);
  EXPECT_EQ(before.textureUploads, 1u);

  MapView view = MapView::fitting(proj.forwardBounds({65, 36, 73, 42}), 320, 240);
  Image first = renderer.renderToImage(view, options_);
  PixelBox firstBox = inkBox(first, kWhite);
  for (int i = 0; i < 20; ++i) {
    view.panPixels(3, -2);
    if (i % 5 == 0) view.zoomAbout(160, 120, 1.3);
    renderer.renderToImage(view, options_);
  }
  const UploadStats& after = renderer.uploads();
  EXPECT_EQ(after.geometryUploads, before.geometryUploads);
  EXPECT_EQ(after.geometryBytes, before.geometryBytes);
  EXPECT_EQ(after.textureUploads, before.textureUploads);
  EXPECT_EQ(after.styleUploads, before.styleUploads);
  EXPECT_EQ(after.visibilityUploads, before.visibilityUploads);

  // And the pan did move the picture: the same view panned by (40, 25) px.
  MapView panned = MapView::fitting(proj.forwardBounds({65, 36, 73, 42}), 320, 240);
  panned.panPixels(40, 25);
  PixelBox movedBox = inkBox(renderer.renderToImage(panned, options_), kWhite);
  ASSERT_FALSE(firstBox.empty());
  // The raster fills most of the frame; compare the red square instead.
  Image a = renderer.renderToImage(MapView::fitting(proj.forwardBounds({65, 36, 73, 42}), 320, 240), options_);
  Image b = renderer.renderToImage(panned, options_);
  auto redCentre = [](const Image& img) {
    double sx = 0, sy = 0, n = 0;
    for (int y = 0; y < img.height; ++y)
      for (int x = 0; x < img.width; ++x)
        if (isColour(img, x, y, {200, 0, 0, 255}, 10)) sx += x, sy += y, ++n;
    return std::make_pair(sx / n, sy / n);
  };
  auto [ax, ay] = redCentre(a);
  auto [bx, by] = redCentre(b);
  EXPECT_NEAR(bx - ax, 40, 1.0);
  EXPECT_NEAR(by - ay, 25, 1.0);
  (void)movedBox;

  // A new projection re-projects and uploads geometry again, but not the raster's image.
  renderer.setProjection(projection("EPSG:3857"));
  EXPECT_GT(renderer.uploads().geometryUploads, before.geometryUploads);
  EXPECT_EQ(renderer.uploads().textureUploads, before.textureUploads);
}

// Reusing the previous frame on a whole-pixel pan must give exactly the
// pixels a full frame gives: a seam at a strip edge or a lost feature fails.
TEST_F(RendererTest, FramesReusedOnPansMatchWholeFrames) {
  std::string error;
  auto shapes = test::readVectorLayer(test::dataPath("shapes.geojson"), "shapes", &error);
  auto lines = test::readVectorLayer(test::dataPath("lines.geojson"), "lines", &error);
  auto points = test::readVectorLayer(test::dataPath("points.geojson"), "points", &error);
  auto raster = test::readRaster(test::dataPath("grid.tif"), &error);
  ASSERT_TRUE(shapes && lines && points && raster) << error;
  shapes->style = solid({200, 120, 40, 160}, 1.5f, kBlack);
  lines->style = solid({0, 0, 0, 0}, 3, {150, 0, 150, 255});
  lines->style.dashed = true;
  points->style = solid({40, 40, 200, 255}, 1, kBlack);
  points->style.symbolSize = 12;
  points->style.labelField = "name";
  raster->opacity = 0.6f;
  geo::Projection proj = projection();
  MapRenderer reusing, whole;
  for (MapRenderer* r : {&reusing, &whole}) {
    r->setProjection(proj);
    r->setLayers({&*shapes, &*lines, &*points}, {&*raster});
  }
  RenderOptions reuse = options_;
  reuse.labels = true;
  reuse.msaaSamples = 0;
  RenderOptions fresh = reuse;
  fresh.reuseFrames = false;
  MapView view = MapView::fitting(proj.forwardBounds({66, 37, 74, 42}), 400, 300);
  const int pans[][2] = {{0, 0}, {17, 0}, {0, -9}, {-23, 11}, {5, 5}, {-40, -30}, {1, 0}, {0, 0}};
  size_t scrolled = 0;
  for (const auto& p : pans) {
    view.panPixels(p[0], p[1]);
    Image a = reusing.renderToImage(view, reuse);
    scrolled += reusing.lastFrame().scrolledFrames;
    Image b = whole.renderToImage(view, fresh);
    ASSERT_EQ(a.rgba.size(), b.rgba.size());
    size_t differ = 0;
    for (size_t i = 0; i < a.rgba.size(); ++i) differ += std::abs(a.rgba[i] - b.rgba[i]) > 2;
    EXPECT_EQ(differ, 0u) << "after panning by " << p[0] << "," << p[1];
    if (differ) {
      std::string dir = test::outputDir("reuse_frames");
      writePng(a, dir + "/reused.png", nullptr);
      writePng(b, dir + "/whole.png", nullptr);
    }
  }
  // The first frame is drawn straight (a one-shot render never needs the
  // cache) and the second fills the cache: every pan after that reuses it.
  EXPECT_EQ(scrolled, 5u) << "every whole-pixel pan should have reused the previous frame";
  // A zoom cannot be scrolled: the next frame is drawn whole.
  view.zoomAbout(200, 150, 1.5);
  reusing.renderToImage(view, reuse);
  EXPECT_EQ(reusing.lastFrame().scrolledFrames, 0u);
}

// One-shot renders build only the level of detail their view needs; the
// picture is the same as with every level built up front.
TEST_F(RendererTest, LevelsBuiltOnDemandDrawTheSame) {
  std::string error;
  auto shapes = test::readVectorLayer(test::dataPath("shapes.geojson"), "shapes", &error);
  ASSERT_TRUE(shapes) << error;
  shapes->style = solid({200, 120, 40, 255}, 1.5f, kBlack);
  geo::Projection proj = projection();
  MapRenderer eager, lazy;
  lazy.setPreparation(Preparation::OnDemand);
  for (MapRenderer* r : {&eager, &lazy}) {
    r->setProjection(proj);
    r->setLayers({&*shapes}, {});
  }
  EXPECT_GT(eager.uploads().geometryUploads, lazy.uploads().geometryUploads);
  size_t before = lazy.uploads().geometryUploads;
  MapView view = MapView::fitting(proj.forwardBounds({65, 36, 78, 43}), 300, 200);
  Image a = eager.renderToImage(view, options_);
  Image b = lazy.renderToImage(view, options_);
  EXPECT_EQ(a.rgba, b.rgba);
  EXPECT_EQ(lazy.uploads().geometryUploads, before + 2) << "one level: its fills and its segments";
  lazy.renderToImage(view, options_);
  EXPECT_EQ(lazy.uploads().geometryUploads, before + 2) << "built once";
  view.zoomAbout(150, 100, 8);
  EXPECT_EQ(eager.renderToImage(view, options_).rgba, lazy.renderToImage(view, options_).rgba);
  EXPECT_EQ(lazy.uploads().geometryUploads, before + 4);
}

TEST_F(RendererTest, SymbolsKeepTheirPixelSizeAtAnyZoom) {
  Layer layer;
  layer.style = solid({0, 0, 200, 255});
  layer.style.symbol = Symbol::Square;
  layer.style.symbolSize = 20;
  layer.features.push_back(pointFeature(70, 38));
  geo::Projection proj = projection();
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&layer}, {});
  XY centre = proj.forward({70, 38});
  for (double res : {10.0, 1000.0, 100000.0}) {
    MapView view = MapView::fromExtent(
        {centre.x - 100 * res, centre.y - 100 * res, centre.x + 100 * res, centre.y + 100 * res}, 200, 200);
    Image img = renderer.renderToImage(view, options_);
    PixelBox b = inkBox(img, kWhite);
    ASSERT_FALSE(b.empty()) << "at " << res << " m/px";
    // A square of side 0.85 * 20 px, centred on the point.
    EXPECT_NEAR(b.width(), 17, 1.5) << "at " << res << " m/px";
    EXPECT_NEAR(b.height(), 17, 1.5) << "at " << res << " m/px";
    EXPECT_NEAR((b.x0 + b.x1 + 1) / 2.0, 100, 1.0);
    EXPECT_NEAR((b.y0 + b.y1 + 1) / 2.0, 100, 1.0);
  }
}

TEST_F(RendererTest, EverySymbolShapeDrawsDifferently) {
  std::vector<std::vector<uint8_t>> masks;
  geo::Projection proj = projection();
  const Symbol all[] = {Symbol::Circle, Symbol::Square, Symbol::Triangle, Symbol::Diamond, Symbol::Star, Symbol::Cross};
  for (Symbol s : all) {
    Layer layer;
    layer.style = solid({0, 0, 0, 255});
    layer.style.symbol = s;
    layer.style.symbolSize = 40;
    layer.features.push_back(pointFeature(70, 38));
    MapRenderer renderer;
    renderer.setProjection(proj);
    renderer.setLayers({&layer}, {});
    XY c = proj.forward({70, 38});
    Image img =
        renderer.renderToImage(MapView::fromExtent({c.x - 3000, c.y - 3000, c.x + 3000, c.y + 3000}, 60, 60), options_);
    std::vector<uint8_t> mask(static_cast<size_t>(img.width) * img.height);
    for (int y = 0; y < img.height; ++y)
      for (int x = 0; x < img.width; ++x)
        mask[static_cast<size_t>(y) * img.width + x] = isColour(img, x, y, kBlack, 100);
    size_t inked = 0;
    for (uint8_t v : mask) inked += v;
    EXPECT_GT(inked, 300u) << symbolName(s);
    EXPECT_LT(inked, 40u * 40u) << symbolName(s) << " stays within its size";
    masks.push_back(std::move(mask));
  }
  for (size_t i = 0; i < masks.size(); ++i) {
    for (size_t j = 0; j < i; ++j) {
      size_t differ = 0;
      for (size_t k = 0; k < masks[i].size(); ++k) differ += masks[i][k] != masks[j][k];
      EXPECT_GT(differ, 80u) << symbolName(all[i]) << " vs " << symbolName(all[j]);
    }
  }
}

TEST_F(RendererTest, LinesHaveTheirWidthInPixelsAndDashesHaveGaps) {
  Layer solidLine, dashedLine;
  solidLine.style = solid({0, 0, 0, 0}, 7, kBlack);
  dashedLine.style = solidLine.style;
  dashedLine.style.dashed = true;
  geo::Projection proj = projection("EPSG:4326");
  solidLine.features.push_back(lineFeature({{60, 40}, {80, 40}}));
  dashedLine.features.push_back(lineFeature({{60, 40}, {80, 40}}));
  for (Layer* layer : {&solidLine, &dashedLine}) {
    MapRenderer renderer;
    renderer.setProjection(proj);
    renderer.setLayers({layer}, {});
    for (double span : {30.0, 3.0}) {
      MapView view = MapView::fromExtent({70 - span / 2, 40 - span / 4, 70 + span / 2, 40 + span / 4}, 400, 200);
      Image img = renderer.renderToImage(view, options_);
      // Thickness down the middle column, transitions along the middle row.
      int thick = 0;
      for (int y = 0; y < img.height; ++y) thick += isColour(img, 200, y, kBlack, 128);
      // Gaps: unlinked runs between the first and the last inked pixel.
      int first = -1, last = -1;
      for (int x = 0; x < img.width; ++x) {
        if (!isColour(img, x, 100, kBlack, 128)) continue;
        if (first < 0) first = x;
        last = x;
      }
      ASSERT_GE(first, 0) << "span " << span;
      int gaps = 0;
      for (int x = first + 1; x <= last; ++x) {
        gaps += isColour(img, x - 1, 100, kBlack, 128) && !isColour(img, x, 100, kBlack, 128);
      }
      if (layer == &solidLine) {
        EXPECT_NEAR(thick, 7, 1) << "span " << span;
        EXPECT_EQ(gaps, 0) << "span " << span;
      } else {
        // Dashes of 3 widths and gaps of 2 (plus round caps): about one per 6 widths.
        EXPECT_GE(gaps, (last - first) / (6 * 7) - 1) << "dashed, span " << span;
        EXPECT_GE(gaps, 4) << "dashed, span " << span;
      }
    }
  }
}

TEST_F(RendererTest, FeatureFilterAndLayerVisibilityHideWithoutUploadingGeometry) {
  Layer layer;
  layer.fields = {{"year", FieldType::Integer}};
  layer.style = solid({0, 150, 0, 255});
  layer.features.push_back(polygonFeature(box(66, 37, 68, 39)));
  layer.features.push_back(polygonFeature(box(70, 37, 72, 39)));
  layer.features[0].values = {int64_t{1990}};
  layer.features[1].values = {int64_t{2015}};
  geo::Projection proj = projection();
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&layer}, {});
  MapView view = MapView::fitting(proj.forwardBounds({65, 36, 73, 40}), 300, 150);
  XY left = view.mapToPixel(proj.forward({67, 38})), right = view.mapToPixel(proj.forward({71, 38}));
  const Color green{0, 150, 0, 255};

  Image both = renderer.renderToImage(view, options_);
  EXPECT_TRUE(isColour(both, int(left.x), int(left.y), green));
  EXPECT_TRUE(isColour(both, int(right.x), int(right.y), green));

  UploadStats before = renderer.uploads();
  renderer.setFeatureFilter([](const Layer& l, const Feature& f) {
    const FieldValue& v = l.value(f, "year");
    return std::holds_alternative<int64_t>(v) && std::get<int64_t>(v) >= 2000;
  });
  Image filtered = renderer.renderToImage(view, options_);
  EXPECT_TRUE(isColour(filtered, int(left.x), int(left.y), kWhite));
  EXPECT_TRUE(isColour(filtered, int(right.x), int(right.y), green));
  EXPECT_FALSE(renderer.featureVisible(0, 0));
  EXPECT_TRUE(renderer.featureVisible(0, 1));

  renderer.setFeatureFilter({});
  renderer.setFeatureVisible(0, 1, false);
  Image single = renderer.renderToImage(view, options_);
  EXPECT_TRUE(isColour(single, int(left.x), int(left.y), green));
  EXPECT_TRUE(isColour(single, int(right.x), int(right.y), kWhite));

  renderer.setLayerVisible(0, false);
  EXPECT_EQ(countColour(renderer.renderToImage(view, options_), green), 0u);
  renderer.setLayerVisible(0, true);
  layer.visible = false;  // the layer's own flag counts too
  EXPECT_EQ(countColour(renderer.renderToImage(view, options_), green), 0u);
  layer.visible = true;

  EXPECT_EQ(renderer.uploads().geometryUploads, before.geometryUploads);
  EXPECT_GT(renderer.uploads().visibilityUploads, before.visibilityUploads);
}

TEST_F(RendererTest, RefreshStylesRecoloursWithoutUploadingGeometry) {
  Layer layer;
  layer.style = solid({0, 0, 255, 255});
  layer.features.push_back(polygonFeature(box(66, 37, 72, 41)));
  geo::Projection proj = projection();
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&layer}, {});
  MapView view = MapView::fitting(proj.forwardBounds({65, 36, 73, 42}), 200, 200);
  XY mid = view.mapToPixel(proj.forward({69, 39}));
  EXPECT_TRUE(isColour(renderer.renderToImage(view, options_), int(mid.x), int(mid.y), {0, 0, 255, 255}));
  size_t uploads = renderer.uploads().geometryUploads;
  layer.style.fill = {255, 128, 0, 255};
  renderer.refreshStyles();
  EXPECT_TRUE(isColour(renderer.renderToImage(view, options_), int(mid.x), int(mid.y), {255, 128, 0, 255}));
  EXPECT_EQ(renderer.uploads().geometryUploads, uploads);
  // Gaining an outline needs outline geometry: that layer is rebuilt.
  layer.style.strokeWidth = 3;
  renderer.refreshStyles();
  EXPECT_GT(renderer.uploads().geometryUploads, uploads);
  EXPECT_GT(countColour(renderer.renderToImage(view, options_), kBlack, 40), 100u);
}

TEST_F(RendererTest, DrawingOrderIsBottomFirstWithRastersInterleaved) {
  Layer under, over;
  under.style = solid({255, 0, 0, 255});
  over.style = solid({0, 0, 255, 255});
  under.features.push_back(polygonFeature(box(66, 37, 72, 41)));
  over.features.push_back(polygonFeature(box(66, 37, 72, 41)));
  RasterLayer grid = readGrid();
  ASSERT_GT(grid.width, 0);
  geo::Projection proj = projection();
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&under, &over}, {&grid});
  MapView view = MapView::fitting(proj.forwardBounds({65, 36, 73, 42}), 200, 200);
  XY mid = view.mapToPixel(proj.forward({69, 39}));
  // Default order: rasters under vectors, vectors in the order given.
  EXPECT_TRUE(isColour(renderer.renderToImage(view, options_), int(mid.x), int(mid.y), {0, 0, 255, 255}));
  renderer.setOrder({LayerRef::vector(1), LayerRef::vector(0)});
  EXPECT_TRUE(isColour(renderer.renderToImage(view, options_), int(mid.x), int(mid.y), {255, 0, 0, 255}));
  // The raster on top hides both (its white block covers 70..73 E, 37..39 N).
  renderer.setOrder({LayerRef::vector(1), LayerRef::vector(0), LayerRef::raster(0)});
  XY block = view.mapToPixel(proj.forward({71.5, 38}));
  EXPECT_TRUE(isColour(renderer.renderToImage(view, options_), int(block.x), int(block.y), {250, 250, 250, 255}));
}

// View CRS coordinates of millions of metres, viewed at a millimetre a pixel:
// the edge of a small polygon must sit on the exact pixel, and move by
// exactly the pan.
TEST_F(RendererTest, DeepZoomFarFromTheOriginDoesNotJitter) {
  geo::Projection proj = projection();
  const LonLat corner{95.0, 47.0};  // ~2000 km east of the CRS's centre
  XY c = proj.forward(corner);
  ASSERT_GT(std::abs(c.x), 1.5e6);
  // A 200 m square, axis-aligned in the view CRS, with its south-west corner there.
  Layer layer;
  layer.style = solid({0, 0, 0, 255});
  Path square;
  for (XY p : {XY{c.x, c.y}, XY{c.x + 200, c.y}, XY{c.x + 200, c.y + 200}, XY{c.x, c.y + 200}, XY{c.x, c.y}}) {
    square.push_back(proj.inverse(p));
  }
  layer.features.push_back(polygonFeature(square));
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&layer}, {});
  RenderOptions plain = options_;
  plain.plain = true;
  plain.plainFill = kBlack;
  XY sw = proj.forward(square[0]);
  const double res = 0.001;  // 1 mm per pixel
  for (int shift = 0; shift < 6; ++shift) {
    // The corner at pixel boundary (50 + shift, 50 - shift) of a 100 x 100 grid.
    Bounds e{sw.x - (50 + shift) * res, sw.y - (50 + shift) * res, sw.x + (50 - shift) * res,
             sw.y + (50 - shift) * res};
    Image img = renderer.renderToImage(MapView::fromExtent(e, 100, 100), plain);
    PixelBox b = inkBox(img, kWhite);
    ASSERT_FALSE(b.empty()) << "shift " << shift;
    EXPECT_EQ(b.x0, 50 + shift) << "shift " << shift;
    EXPECT_EQ(b.y1, 100 - (50 + shift) - 1) << "shift " << shift;
  }
}

TEST_F(RendererTest, BrokenFeaturesAreSkippedAndTheRestDraws) {
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Layer layer;
  layer.style = solid({0, 0, 0, 255}, 2, kBlack);
  layer.features.push_back(polygonFeature({{nan, nan}, {70, 38}, {71, 39}}));          // NaN vertex, too few left
  layer.features.push_back(polygonFeature({}));                                        // empty ring
  layer.features.push_back(polygonFeature({{66, 37}, {67, 37}, {67, 38}, {66, 38}}));  // unclosed ring: closed
  layer.features.push_back(lineFeature({{nan, 1}, {nan, 2}}));
  layer.features.push_back(lineFeature({{68, 37}}));  // one-point line
  layer.features.push_back(Feature{});                // no geometry
  layer.features.push_back(pointFeature(nan, 40));
  layer.features.push_back(polygonFeature({{69, 37}, {70, 38}, {69, 38}, {70, 37}, {69, 37}}));  // bow tie
  layer.features.push_back(polygonFeature({{1e300, 1e300}, {-1e300, 1e300}, {0, -1e300}, {1e300, 1e300}}));
  layer.features.push_back(polygonFeature(box(71, 37, 72, 38)));
  geo::Projection proj = projection();
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&layer}, {});
  MapView view = MapView::fitting(proj.forwardBounds({65, 36, 73, 39}), 300, 150);
  Image img = renderer.renderToImage(view, options_);
  XY closed = view.mapToPixel(proj.forward({66.5, 37.5})), last = view.mapToPixel(proj.forward({71.5, 37.5}));
  EXPECT_TRUE(isColour(img, int(closed.x), int(closed.y), kBlack));
  EXPECT_TRUE(isColour(img, int(last.x), int(last.y), kBlack));
}

TEST_F(RendererTest, NothingToDrawGivesTheBackground) {
  Layer empty;
  RasterLayer blank;  // no pixels
  RasterLayer badCrs;
  badCrs.width = badCrs.height = 2;
  badCrs.rgba.assign(16, 255);
  badCrs.crsWkt = "not a CRS";
  MapRenderer renderer;
  ASSERT_TRUE(renderer.ok()) << renderer.error();
  MapView view = MapView::fitting(projection().forwardBounds({60, 30, 80, 45}), 64, 48);
  Image none = renderer.renderToImage(view, options_);  // before any setLayers
  EXPECT_EQ(countColour(none, kWhite, 0), 64u * 48u);
  renderer.setLayers({&empty}, {&blank, &badCrs});
  Image img = renderer.renderToImage(view, options_);
  EXPECT_EQ(countColour(img, kWhite, 0), 64u * 48u);
  Image zero = renderer.renderToImage(MapView::fromExtent({0, 0, 0, 0}, 0, 0), options_);
  EXPECT_EQ(zero.width, 1) << "a degenerate view is one pixel, as MapView makes it";
}

TEST_F(RendererTest, NoLabelIsWrittenOverACuratedSitesSymbol) {
  Layer sites, events;
  sites.fields = events.fields = {{"name", FieldType::String}};
  sites.style = solid({200, 0, 0, 255});
  sites.style.symbolSize = 14;
  sites.style.labelField = "name";
  sites.style.labelPriority = 0;
  events.style = solid({0, 0, 200, 255});
  events.style.labelField = "name";
  events.style.labelPriority = 3;
  geo::Projection proj = projection();
  MapView view = MapView::fitting(proj.forwardBounds({69, 37, 71, 39}), 300, 200);
  const XY site = view.mapToPixel(proj.forward({70, 38}));
  // The event 24 px left of the site: its label's first place runs over the site.
  const LonLat eventAt = proj.inverse(view.pixelToMap(site.x - 24, site.y));
  Feature s = pointFeature(70, 38);
  s.values = {std::string("Site")};
  Feature e = pointFeature(eventAt.lon, eventAt.lat);
  e.values = {std::string("Event B")};
  sites.features.push_back(s);
  events.features.push_back(e);
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&sites, &events}, {});  // the events drawn on top
  RenderOptions withLabels = options_;
  withLabels.labels = true;
  Image img = renderer.renderToImage(view, withLabels);
  EXPECT_EQ(renderer.lastFrame().labelsDrawn, 2u);  // the event's label went elsewhere
  size_t red = 0, ink = 0;
  for (int y = int(site.y) - 6; y <= int(site.y) + 6; ++y)
    for (int x = int(site.x) - 6; x <= int(site.x) + 6; ++x) {
      red += isColour(img, x, y, {200, 0, 0, 255}, 40);
      ink += isColour(img, x, y, {20, 20, 20, 255}, 60);
    }
  EXPECT_GT(red, 100u);
  EXPECT_EQ(ink, 0u);
}

TEST_F(RendererTest, LabelsOfUpperLayersWinTheFirstPlaceAndOthersMoveAside) {
  Layer lower, upper;
  lower.fields = upper.fields = {{"name", FieldType::String}};
  lower.style = solid({0, 0, 0, 255});
  lower.style.labelField = "name";
  upper.style = lower.style;
  Feature a = pointFeature(70, 38);
  a.values = {std::string("Lower label, a long one")};
  Feature b = pointFeature(70, 38);
  b.values = {std::string("Up")};
  lower.features.push_back(a);
  upper.features.push_back(b);
  geo::Projection proj = projection();
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&lower, &upper}, {});
  MapView view = MapView::fitting(proj.forwardBounds({69, 37, 71, 39}), 300, 200);
  RenderOptions withLabels = options_;
  withLabels.labels = true;
  const XY p = view.mapToPixel(proj.forward({70, 38}));
  // Text ink in a band beside the symbol, from dx0 to dx1 px right of it (negative: left).
  auto inkBetween = [&](const Image& img, int dx0, int dx1) {
    size_t ink = 0;
    for (int y = int(p.y) - 8; y <= int(p.y) + 8; ++y)
      for (int x = int(p.x) + dx0; x < int(p.x) + dx1; ++x)
        if (x >= 0 && x < img.width) ink += isColour(img, x, y, {20, 20, 20, 255}, 60);
    return ink;
  };
  Image img = renderer.renderToImage(view, withLabels);
  // Both are drawn: the upper layer's short label right of the symbol, where
  // labels go first; the lower one moved to the left.
  EXPECT_EQ(renderer.lastFrame().labelsDrawn, 2u);
  EXPECT_GT(inkBetween(img, 8, 30), 10u);
  EXPECT_EQ(inkBetween(img, 40, 120), 0u);
  EXPECT_GT(inkBetween(img, -120, -10), 30u);

  // A label of a higher priority wins the first place whatever the layer order.
  lower.style.labelPriority = 0;
  renderer.refreshStyles();
  img = renderer.renderToImage(view, withLabels);
  EXPECT_EQ(renderer.lastFrame().labelsDrawn, 2u);
  EXPECT_GT(inkBetween(img, 40, 120), 30u);
  lower.style.labelPriority = upper.style.labelPriority;
  renderer.refreshStyles();

  // Far apart, both show.
  upper.features[0].geometry.points[0] = {70, 38.6};
  renderer.setLayers({&lower, &upper}, {});
  renderer.renderToImage(view, withLabels);
  EXPECT_EQ(renderer.lastFrame().labelsDrawn, 2u);
  // Labels off, or plain: none.
  renderer.renderToImage(view, options_);
  EXPECT_EQ(renderer.lastFrame().labelsDrawn, 0u);

  // Scale-dependent labels: the lower layer's only when zoomed in past 1 km per pixel.
  lower.style.labelMaxMetresPerPixel = 1000.0f;
  renderer.refreshStyles();
  renderer.setLayers({&lower, &upper}, {});
  ASSERT_GT(view.resolutionX(), 1000.0);  // 2 degrees of latitude (222 km) over 200 px
  renderer.renderToImage(view, withLabels);
  EXPECT_EQ(renderer.lastFrame().labelsDrawn, 1u) << "zoomed out: only the ungated layer";
  MapView close = MapView::fitting(proj.forwardBounds({69.9, 37.9, 70.1, 38.7}), 300, 200);
  ASSERT_LT(close.resolutionX(), 1000.0);
  renderer.renderToImage(close, withLabels);
  EXPECT_EQ(renderer.lastFrame().labelsDrawn, 2u) << "zoomed in: both";
}

TEST_F(RendererTest, PlainModeIsOneColourWithoutOutlinesOrSmoothing) {
  Layer layer;
  layer.style = solid({10, 200, 30, 128}, 4, {200, 0, 0, 255});
  layer.features.push_back(polygonFeature(box(66, 37, 72, 41)));
  RasterLayer grid = readGrid();
  ASSERT_GT(grid.width, 0);
  geo::Projection proj = projection();
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&layer}, {&grid});
  RenderOptions plain;
  plain.plain = true;
  plain.background = kBlack;
  plain.plainFill = kWhite;
  Image img = renderer.renderToImage(MapView::fitting(proj.forwardBounds({65, 36, 73, 42}), 200, 200), plain);
  size_t black = countColour(img, kBlack, 0), white = countColour(img, kWhite, 0);
  EXPECT_EQ(black + white, static_cast<size_t>(img.width) * img.height) << "only two colours, no blending";
  EXPECT_GT(white, 5000u);
}

TEST(ImageTest, PngRoundTripsAndReportsBadPaths) {
  Image img;
  img.width = 3;
  img.height = 2;
  img.rgba = {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 1, 2, 3, 4, 50, 60, 70, 80, 255, 255, 255, 0};
  std::string dir = test::outputDir("png");
  std::string error;
  ASSERT_TRUE(writePng(img, dir + "/a.png", &error)) << error;
  auto back = readPng(dir + "/a.png", &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->width, 3);
  EXPECT_EQ(back->height, 2);
  EXPECT_EQ(back->rgba, img.rgba);
  // Opaque images are stored as RGB and come back as opaque RGBA.
  for (size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  ASSERT_TRUE(writePng(img, dir + "/opaque.png", &error)) << error;
  back = readPng(dir + "/opaque.png", &error);
  ASSERT_TRUE(back) << error;
  EXPECT_EQ(back->rgba, img.rgba);
  EXPECT_FALSE(writePng(img, dir + "/no/such/dir/a.png", &error));
  EXPECT_NE(error.find("no/such/dir"), std::string::npos) << error;
  EXPECT_FALSE(readPng(test::dataPath("shapes.geojson"), &error));
  EXPECT_NE(error.find("not a PNG"), std::string::npos) << error;
}

}  // namespace
}  // namespace pamir::render

namespace pamir::render {
namespace {

// Labels keep their place beside their symbols while the map pans: a label
// goes where it went last frame while that place is free, rather than to
// the first free place in a fixed order (which made 134 labels jump over a
// 100-frame pan of the built-in dataset).
TEST_F(RendererTest, LabelsKeepTheirPlaceWhileTheMapPans) {
  Layer layer;
  layer.name = "crowded";
  layer.fields = {{"name", FieldType::String}};
  layer.style = solid({200, 30, 30, 255});
  layer.style.symbolSize = 6;
  layer.style.labelField = "name";
  // A crowd of names on a grid a label's width apart, jittered: many compete for room.
  uint32_t seed = 12345;
  auto next = [&seed] { return (seed = seed * 1664525u + 1013904223u) / 4294967296.0; };
  for (int i = 0; i < 300; ++i) {
    Feature f = pointFeature(66 + (i % 20) * 0.4 + next() * 0.2, 36 + (i / 20) * 0.3 + next() * 0.15);
    f.values = {"Place " + std::to_string(i)};
    layer.features.push_back(std::move(f));
  }
  auto proj = projection("EPSG:4326");
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&layer}, {});
  RenderOptions options = options_;
  options.labels = true;
  options.keepLabelPlaces = true;  // as the window draws while the view moves
  Bounds e;
  e.add(67, 37);
  e.add(72, 40);
  MapView view = MapView::fromExtent(e, 640, 400);
  size_t drawn = 0, moved = 0;
  for (int frame = 0; frame < 40; ++frame) {
    renderer.renderToImage(view, options);
    if (frame > 0) drawn += renderer.lastFrame().labelsDrawn, moved += renderer.lastFrame().labelsMoved;
    view.panPixels(frame < 20 ? 4 : -4, frame % 3 == 0 ? 1 : 0);
  }
  ASSERT_GT(drawn, 40u * 20);
  // Placing afresh each frame moved 256 of 3890 (6.6 %); kept places, 81 of 3805 (2.1 %).
  EXPECT_LT(moved * 25, drawn) << moved << " moves in " << drawn << " labels drawn";
}

}  // namespace
}  // namespace pamir::render

namespace pamir::render {
namespace {

// A curated site's label is never simply dropped: with every place beside
// its symbol taken (sixteen sites on one spot, twelve places each), it goes
// further out with a dotted leader; an event's label in the same crowd is
// left out instead.
TEST_F(RendererTest, ACuratedSitesLabelGetsALeaderRatherThanBeingDropped) {
  Layer sites;
  sites.name = "sites";
  sites.fields = {{"name", FieldType::String}};
  sites.style = solid({30, 30, 200, 255});
  sites.style.symbolSize = 8;
  sites.style.labelField = "name";
  sites.style.labelPriority = 0;
  for (int i = 0; i < 16; ++i) {
    Feature f = pointFeature(70 + i * 0.0005, 38);
    f.values = {"Site " + std::to_string(i)};
    sites.features.push_back(std::move(f));
  }
  Layer events = sites;
  events.name = "events";
  events.style.labelPriority = 3;
  for (auto& f : events.features) f.values = {std::string("Event")};
  auto proj = projection("EPSG:4326");
  MapRenderer renderer;
  renderer.setProjection(proj);
  renderer.setLayers({&events, &sites}, {});
  RenderOptions options = options_;
  options.labels = true;
  Bounds e;
  e.add(69, 37);
  e.add(71, 39);
  const Image image = renderer.renderToImage(MapView::fromExtent(e, 600, 600), options);
  writePng(image, test::outputDir("label_leaders") + "/leaders.png", nullptr);  // to look at
  const FrameStats& stats = renderer.lastFrame();
  EXPECT_EQ(stats.labelsDrawn, 16u) << "every site, no event";
  EXPECT_GE(stats.labelLeaders, 4u);
  // The leaders' dots: dark pixels on the straight line out from the site.
  int dots = 0;
  for (int x = 330; x < 420; ++x) {
    const uint8_t* p = image.pixel(x, 300);
    dots += p[0] < 90 && p[1] < 90 && p[2] < 90;
  }
  EXPECT_GT(dots, 0) << "no leader drawn to the right";
}

}  // namespace
}  // namespace pamir::render
