// A large tiled GeoTIFF with overviews is drawn from the tiles of the level
// each view needs: the same region and level as gdalwarp of the same extent
// and size at that overview, read at once for one-shot renders and on the
// worker (preview first, then the tiles) for a window.
#include <gdal_priv.h>
#include <gtest/gtest.h>
#include <ogr_spatialref.h>

#include <cmath>
#include <cstdio>
#include <filesystem>

#include "data/source_loader.hpp"
#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "render/render_test_support.hpp"

namespace pamir::render {
namespace {

constexpr int kSide = 4096;                    // level 0; overviews 2048, 1024, 512, 256
constexpr double kDegPerPixel = 20.0 / kSide;  // 60..80 E, 30..50 N
constexpr int kLevels = 5;
// Blue marks the level a pixel came from; red and green are where it is.
int blueOfLevel(int level) { return level * 50; }

// Red rises west to east, green north to south, at every level alike.
std::string makePyramid(const std::string& dir) {
  const std::string path = dir + "/pyramid.tif";
  GDALAllRegister();
  GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
  const char* options[] = {"TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=DEFLATE", nullptr};
  GDALDatasetUniquePtr ds(gtiff->Create(path.c_str(), kSide, kSide, 3, GDT_Byte, const_cast<char**>(options)));
  if (!ds) return {};
  double gt[6] = {60, kDegPerPixel, 0, 50, 0, -kDegPerPixel};
  ds->SetGeoTransform(gt);
  OGRSpatialReference wgs84;
  wgs84.importFromEPSG(4326);
  ds->SetSpatialRef(&wgs84);
  std::vector<uint8_t> row(kSide);
  for (int y = 0; y < kSide; ++y) {
    for (int x = 0; x < kSide; ++x) row[static_cast<size_t>(x)] = static_cast<uint8_t>(x * 255 / (kSide - 1));
    if (ds->GetRasterBand(1)->RasterIO(GF_Write, 0, y, kSide, 1, row.data(), kSide, 1, GDT_Byte, 0, 0) != CE_None)
      return {};
    std::fill(row.begin(), row.end(), static_cast<uint8_t>(y * 255 / (kSide - 1)));
    if (ds->GetRasterBand(2)->RasterIO(GF_Write, 0, y, kSide, 1, row.data(), kSide, 1, GDT_Byte, 0, 0) != CE_None)
      return {};
    std::fill(row.begin(), row.end(), static_cast<uint8_t>(blueOfLevel(0)));
    if (ds->GetRasterBand(3)->RasterIO(GF_Write, 0, y, kSide, 1, row.data(), kSide, 1, GDT_Byte, 0, 0) != CE_None)
      return {};
  }
  int factors[] = {2, 4, 8, 16};
  if (ds->BuildOverviews("NEAREST", 4, factors, 0, nullptr, nullptr, nullptr) != CE_None) return {};
  for (int o = 0; o < 4; ++o) {
    GDALRasterBand* blue = ds->GetRasterBand(3)->GetOverview(o);
    std::vector<uint8_t> plane(static_cast<size_t>(blue->GetXSize()) * blue->GetYSize(),
                               static_cast<uint8_t>(blueOfLevel(o + 1)));
    if (blue->RasterIO(GF_Write, 0, 0, blue->GetXSize(), blue->GetYSize(), plane.data(), blue->GetXSize(),
                       blue->GetYSize(), GDT_Byte, 0, 0) != CE_None)
      return {};
  }
  return path;
}

class RasterStreamTest : public test::GlTest {
 protected:
  void SetUp() override {
    test::GlTest::SetUp();
    // A folder per test: ctest runs them side by side.
    dir_ = test::outputDir(std::string("raster_stream_") +
                           ::testing::UnitTest::GetInstance()->current_test_info()->name());
    path_ = makePyramid(dir_);
    ASSERT_FALSE(path_.empty()) << "cannot make the test pyramid in " << dir_;
    auto projection = geo::Projection::create("EPSG:4326");
    ASSERT_TRUE(projection) << projection.error();
    projection_.emplace(std::move(*projection));
  }
  RasterLayer load(const std::string& path) {
    Diagnostics diag;
    data::LoadOptions options;
    options.raster.previewSide = 256;  // the preview is level 4: levels 0..3 come from tiles
    auto source = data::loadSource(path, diag, options);
    EXPECT_EQ(source.rasters.size(), 1u);
    return source.rasters.empty() ? RasterLayer{} : std::move(source.rasters.front());
  }
  // A view centred on 70 E 40 N with 1.4 x 2^level level-0 pixels per screen pixel.
  static MapView viewOfLevel(int level, double lon = 70, double lat = 40) {
    const double deg = kDegPerPixel * 1.4 * std::pow(2.0, level);
    return MapView::fromExtent({lon - deg * kW / 2, lat - deg * kH / 2, lon + deg * kW / 2, lat + deg * kH / 2}, kW,
                               kH);
  }
  static RenderOptions options() {
    RenderOptions o;
    o.background = {0, 0, 0, 0};
    o.antialias = false;
    o.labels = false;
    o.reuseFrames = false;
    return o;
  }
  // Pixels whose blue is that of `level` (within rounding), of all drawn.
  static double fractionOfLevel(const Image& img, int level) {
    size_t hits = 0, drawn = 0;
    for (size_t i = 0; i < img.rgba.size() / 4; ++i) {
      if (img.rgba[i * 4 + 3] < 128) continue;
      ++drawn;
      hits += std::abs(img.rgba[i * 4 + 2] - blueOfLevel(level)) <= 4;
    }
    return drawn ? static_cast<double>(hits) / drawn : 0.0;
  }
  static constexpr int kW = 320, kH = 240;
  std::string dir_, path_;
  std::optional<geo::Projection> projection_;
};

TEST_F(RasterStreamTest, EachViewIsDrawnAtTheOverviewGdalwarpUsesForIt) {
  RasterLayer raster = load(path_);
  ASSERT_TRUE(raster.tiles) << "a 4096-pixel raster with a 256-pixel preview is tiled";
  EXPECT_EQ(raster.width, 256);
  EXPECT_EQ(raster.overviewCount, 4);
  ASSERT_EQ(raster.tiles->levels().size(), static_cast<size_t>(kLevels));
  MapRenderer renderer;
  ASSERT_TRUE(renderer.ok()) << renderer.error();
  renderer.setProjection(*projection_);
  renderer.setLayers({}, {&raster});
  for (int level = 0; level < 4; ++level) {
    SCOPED_TRACE("level " + std::to_string(level));
    const MapView view = viewOfLevel(level);
    Image ours = renderer.renderToImage(view, options());
    ASSERT_EQ(ours.width, kW);
    EXPECT_FALSE(renderer.lastFrame().provisional());
    EXPECT_GT(renderer.lastFrame().rasterTilesRead, 0u);
    const std::string out = dir_ + "/level" + std::to_string(level);
    writePng(ours, out + "-pamir.png", nullptr);
    EXPECT_GT(fractionOfLevel(ours, level), 0.99);

    const Bounds e = view.extent();
    std::string log;
    const std::string warped = out + "-gdalwarp.tif";
    ASSERT_EQ(test::run("gdalwarp -q -overwrite -r bilinear -ovr " +
                            (level == 0 ? std::string("NONE") : std::to_string(level - 1)) + " -t_srs EPSG:4326 -te " +
                            test::number(e.minx) + " " + test::number(e.miny) + " " + test::number(e.maxx) + " " +
                            test::number(e.maxy) + " -ts " + std::to_string(kW) + " " + std::to_string(kH) + " " +
                            test::quote(path_) + " " + test::quote(warped),
                        &log),
              0)
        << log;
    std::string error;
    auto red = test::readBand(warped, &error, 1), green = test::readBand(warped, &error, 2),
         blue = test::readBand(warped, &error, 3);
    ASSERT_TRUE(red && green && blue) << error;
    double diff = 0;
    int bluesAgree = 0;
    for (size_t i = 0; i < static_cast<size_t>(kW) * kH; ++i) {
      diff += std::abs(ours.rgba[i * 4 + 0] - red->rgba[i * 4]) + std::abs(ours.rgba[i * 4 + 1] - green->rgba[i * 4]);
      bluesAgree += std::abs(ours.rgba[i * 4 + 2] - blue->rgba[i * 4]) <= 4;
    }
    // The same region: red and green (position) agree to a couple of levels on average.
    EXPECT_LT(diff / (2.0 * kW * kH), 2.5);
    EXPECT_GT(bluesAgree, kW * kH * 99 / 100);
  }
}

TEST_F(RasterStreamTest, AWindowDrawsThePreviewFirstAndTheTilesWhenTheWorkerHasThem) {
  RasterLayer raster = load(path_);
  MapRenderer renderer;
  ASSERT_TRUE(renderer.ok());
  renderer.setRasterStreaming(true);
  renderer.setProjection(*projection_);
  renderer.setLayers({}, {&raster});
  const MapView view = viewOfLevel(1);
  Image first = renderer.renderToImage(view, options());
  EXPECT_TRUE(renderer.lastFrame().provisional());
  EXPECT_GT(renderer.lastFrame().rasterTilesMissing, 0u);
  EXPECT_EQ(renderer.lastFrame().rasterTilesRead, 0u);  // nothing read on the drawing thread
  EXPECT_GT(fractionOfLevel(first, 4), 0.99);           // the preview, everywhere
  renderer.finishPendingWork();
  Image second = renderer.renderToImage(view, options());
  EXPECT_FALSE(renderer.lastFrame().provisional());
  EXPECT_GT(fractionOfLevel(second, 1), 0.99);
  // Zooming in: level 0 is missing, the level-1 tiles stand in for it, not the preview.
  Image zoomed = renderer.renderToImage(viewOfLevel(0), options());
  EXPECT_TRUE(renderer.lastFrame().provisional());
  EXPECT_GT(fractionOfLevel(zoomed, 1), 0.99);
  renderer.finishPendingWork();
  EXPECT_GT(fractionOfLevel(renderer.renderToImage(viewOfLevel(0), options()), 0), 0.99);
}

TEST_F(RasterStreamTest, TilesStayWithinTheBudget) {
  RasterLayer raster = load(path_);
  MapRenderer renderer;
  ASSERT_TRUE(renderer.ok());
  const size_t budget = size_t{1} << 20;  // four tiles
  renderer.setRasterTileBudget(budget);
  renderer.setProjection(*projection_);
  renderer.setLayers({}, {&raster});
  size_t mostInAFrame = 0;
  for (double lon : {64.0, 67.0, 70.0, 73.0, 76.0}) {
    Image img = renderer.renderToImage(viewOfLevel(0, lon), options());
    EXPECT_GT(fractionOfLevel(img, 0), 0.99) << lon;
    mostInAFrame = std::max(mostInAFrame, renderer.lastFrame().rasterTilesDrawn);
    // Over the budget only by the tiles this frame draws.
    EXPECT_LE(renderer.rasterTiles().bytes, std::max(budget, renderer.lastFrame().rasterTilesDrawn * 256 * 256 * 4));
  }
  EXPECT_GT(mostInAFrame, 4u);
  EXPECT_GT(renderer.rasterTiles().evictions, 0u);
}

TEST_F(RasterStreamTest, AFileGoneAfterOpeningLeavesThePreviewAndSaysSo) {
  const std::string copy = dir_ + "/gone.tif";
  std::filesystem::copy_file(path_, copy, std::filesystem::copy_options::overwrite_existing);
  RasterLayer raster = load(copy);
  ASSERT_TRUE(raster.tiles);
  std::filesystem::remove(copy);
  MapRenderer renderer;
  ASSERT_TRUE(renderer.ok());
  renderer.setProjection(*projection_);
  renderer.setLayers({}, {&raster});
  Image img = renderer.renderToImage(viewOfLevel(0), options());
  EXPECT_GT(fractionOfLevel(img, 4), 0.99);
  auto errors = renderer.takeRasterErrors();
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("gone.tif"), std::string::npos) << errors[0];
  // Once said, not again, and no tile is asked for again.
  renderer.renderToImage(viewOfLevel(0), options());
  EXPECT_TRUE(renderer.takeRasterErrors().empty());
  EXPECT_EQ(renderer.lastFrame().rasterTilesRead, 0u);
}

}  // namespace
}  // namespace pamir::render
