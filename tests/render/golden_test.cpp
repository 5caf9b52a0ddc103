// Render tests as data: every folder tests/data/render/<case>/ that holds a
// case.json is one test, RenderCase.<case>, comparing a render pixel by pixel
// with the folder's expected.png.
//
// case.json:
//   "scene":   a dataset manifest (data/manifest.hpp), relative to the folder:
//              the layers, their drawing order and styles
//   "crs":     the view CRS ("default": Pamir's default view CRS)
//   "lonlat":  [minlon, minlat, maxlon, maxlat], fitted into the frame with
//   "margin":  a fraction of the frame left around it (default 0.02)
//   "size":    [width, height] in px
//   "options": RenderOptions: pixel_ratio, plain, antialias, labels,
//              msaa_samples, detail_px, background ("#rrggbb[aa]")
//   "expect_labels": at least one label is drawn
//   "tolerance": {"channel": a pixel differs when any channel is off by more
//              than this (0..255), "fraction": the render passes while at most
//              this fraction of its pixels differ}
//
// On failure the test writes actual.png and diff.png (differing pixels in
// red over the faded expected image) into build/tests/out/render/case_<case>;
// UPDATE=1 (or PAMIR_UPDATE_GOLDEN=1) rewrites expected.png instead (look at
// it before committing).
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "data/manifest.hpp"
#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "render/render_test_support.hpp"

namespace pamir::render {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

struct Tolerance {
  int channel = 0;
  double fraction = 0;
};

struct RenderCase {
  fs::path scene;
  std::string crs;
  Bounds lonlat;
  double margin = 0.02;
  int width = 0, height = 0;
  RenderOptions options;
  bool expectLabels = false;
  Tolerance tolerance;
};

// Reads case.json; false with the reason in *error.
bool readCase(const fs::path& dir, RenderCase& c, std::string* error) {
  std::ifstream in(dir / "case.json");
  json j;
  try {
    j = json::parse(in);
    c.scene = dir / j.at("scene").get<std::string>();
    std::string crs = j.at("crs").get<std::string>();
    c.crs = crs == "default" ? std::string(geo::kDefaultViewCrs) : crs;
    const json& box = j.at("lonlat");
    c.lonlat = {box.at(0).get<double>(), box.at(1).get<double>(), box.at(2).get<double>(), box.at(3).get<double>()};
    c.margin = j.value("margin", 0.02);
    c.width = j.at("size").at(0).get<int>();
    c.height = j.at("size").at(1).get<int>();
    const json o = j.value("options", json::object());
    c.options.pixelRatio = o.value("pixel_ratio", c.options.pixelRatio);
    c.options.plain = o.value("plain", c.options.plain);
    c.options.antialias = o.value("antialias", c.options.antialias);
    c.options.labels = o.value("labels", c.options.labels);
    c.options.msaaSamples = o.value("msaa_samples", c.options.msaaSamples);
    c.options.detailPx = o.value("detail_px", c.options.detailPx);
    if (o.contains("background")) {
      auto colour = parseColor(o["background"].get<std::string>());
      if (!colour) throw std::runtime_error("options.background is not a \"#rrggbb[aa]\" colour");
      c.options.background = *colour;
    }
    c.expectLabels = j.value("expect_labels", false);
    c.tolerance.channel = j.at("tolerance").at("channel").get<int>();
    c.tolerance.fraction = j.at("tolerance").at("fraction").get<double>();
  } catch (const std::exception& e) {
    *error = (dir / "case.json").string() + ": " + e.what();
    return false;
  }
  return true;
}

// The scene's layers, read through the fixture readers (independent of the
// data module's loaders) and styled as the manifest says.
struct Scene {
  std::vector<std::unique_ptr<Layer>> vectors;
  std::vector<std::unique_ptr<RasterLayer>> rasters;
  std::vector<LayerRef> order;
};

bool loadScene(const fs::path& path, Scene& scene, std::string* error) {
  Diagnostics diag;
  auto manifest = data::readManifest(path.string(), diag);
  if (!manifest || diag.errorCount() > 0) {
    *error = diag.all().empty() ? "cannot read " + path.string() : diag.all().front().line();
    return false;
  }
  const fs::path folder = path.parent_path();
  for (const data::LayerEntry& e : manifest->layers) {
    const std::string source = (folder / e.source).string();
    if (e.type == "raster") {
      auto raster = test::readRaster(source, error);
      if (!raster) return false;
      raster->opacity = e.style.opacity;
      raster->visible = e.visible;
      scene.order.push_back(LayerRef::raster(scene.rasters.size()));
      scene.rasters.push_back(std::make_unique<RasterLayer>(std::move(*raster)));
    } else {
      auto layer = test::readVectorLayer(source, e.layer, error);
      if (!layer) return false;
      layer->style = e.style;
      layer->styleRules = e.rules;
      layer->visible = e.visible;
      scene.order.push_back(LayerRef::vector(scene.vectors.size()));
      scene.vectors.push_back(std::make_unique<Layer>(std::move(*layer)));
    }
  }
  return true;
}

bool updating() {
  for (const char* name : {"UPDATE", "PAMIR_UPDATE_GOLDEN"}) {
    const char* v = std::getenv(name);
    if (v && std::string(v) == "1") return true;
  }
  return false;
}

// Pixels off by more than `channel` in any channel; `diff` shows them in red.
size_t countDiffering(const Image& actual, const Image& expected, int channel, Image& diff) {
  diff = actual;
  size_t differing = 0;
  for (int y = 0; y < actual.height; ++y) {
    for (int x = 0; x < actual.width; ++x) {
      const uint8_t* a = actual.pixel(x, y);
      const uint8_t* e = expected.pixel(x, y);
      int worst = 0;
      for (int k = 0; k < 4; ++k) worst = std::max(worst, std::abs(a[k] - e[k]));
      uint8_t* d = diff.pixel(x, y);
      if (worst > channel) {
        ++differing;
        d[0] = 255, d[1] = 0, d[2] = 0, d[3] = 255;
      } else {
        // The expected image, faded, for orientation.
        for (int k = 0; k < 3; ++k) d[k] = static_cast<uint8_t>(160 + e[k] * 95 / 255);
        d[3] = 255;
      }
    }
  }
  return differing;
}

class RenderCaseTest : public test::GlTest {
 public:
  explicit RenderCaseTest(fs::path dir) : dir_(std::move(dir)) {}

  void TestBody() override {
    std::string error;
    RenderCase c;
    ASSERT_TRUE(readCase(dir_, c, &error)) << error;
    Scene scene;
    ASSERT_TRUE(loadScene(c.scene, scene, &error)) << error;
    auto projection = geo::Projection::create(c.crs);
    ASSERT_TRUE(projection) << projection.error();

    MapRenderer renderer;
    ASSERT_TRUE(renderer.ok()) << renderer.error();
    renderer.setProjection(*projection);
    std::vector<const Layer*> vectors;
    std::vector<const RasterLayer*> rasters;
    for (const auto& v : scene.vectors) vectors.push_back(v.get());
    for (const auto& r : scene.rasters) rasters.push_back(r.get());
    renderer.setLayers(vectors, rasters, scene.order);
    MapView view = MapView::fitting(projection->forwardBounds(c.lonlat), c.width, c.height, c.margin);
    Image actual = renderer.renderToImage(view, c.options);
    ASSERT_EQ(actual.width, c.width);
    ASSERT_EQ(actual.height, c.height);
    if (c.expectLabels) {
      EXPECT_GT(renderer.lastFrame().labelsDrawn, 0u) << "labels are part of the picture";
    }

    const std::string name = dir_.filename().string();
    const fs::path expectedPath = dir_ / "expected.png";
    if (updating()) {
      ASSERT_TRUE(writePng(actual, expectedPath.string(), &error)) << error;
      GTEST_SKIP() << "wrote " << expectedPath;
    }
    const std::string out = test::outputDir("case_" + name);
    auto expected = readPng(expectedPath.string(), &error);
    if (!expected) {
      writePng(actual, out + "/actual.png", nullptr);
      FAIL() << error << " (run with UPDATE=1 to create it; actual image in " << out << ")";
    }
    ASSERT_EQ(expected->width, actual.width);
    ASSERT_EQ(expected->height, actual.height);

    Image diff;
    const size_t differing = countDiffering(actual, *expected, c.tolerance.channel, diff);
    const double fraction = static_cast<double>(differing) / (static_cast<double>(actual.width) * actual.height);
    if (fraction > c.tolerance.fraction) {
      writePng(actual, out + "/actual.png", nullptr);
      writePng(diff, out + "/diff.png", nullptr);
    }
    EXPECT_LE(fraction, c.tolerance.fraction) << differing << " pixels differ by more than " << c.tolerance.channel
                                              << "; actual.png and diff.png are in " << out;
  }

 private:
  fs::path dir_;
};

// Case folders in name order, so test names and their order are the same on every run.
std::vector<fs::path> caseFolders() {
  std::vector<fs::path> folders;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(test::dataPath(""), ec)) {
    if (entry.is_directory() && fs::exists(entry.path() / "case.json")) folders.push_back(entry.path());
  }
  std::sort(folders.begin(), folders.end());
  return folders;
}

const size_t kRegisteredCases = [] {
  auto folders = caseFolders();
  for (const fs::path& dir : folders) {
    ::testing::RegisterTest("RenderCase", dir.filename().string().c_str(), nullptr, nullptr, __FILE__, __LINE__,
                            [dir]() -> ::testing::Test* { return new RenderCaseTest(dir); });
  }
  return folders.size();
}();

// A moved data folder would otherwise leave no render case to fail.
TEST(RenderCases, TheCaseFoldersAreFound) {
  EXPECT_GE(kRegisteredCases, 2u) << "no case folders with a case.json under " << test::dataPath("");
}

}  // namespace
}  // namespace pamir::render
