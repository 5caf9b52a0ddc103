// Overviews built for a raster that has none: kept in the cache, never beside
// the file, found again at the next load, stale once the file changes, and
// nothing left behind when the build is cancelled.
#include <gdal_priv.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "core/diagnostics.hpp"
#include "data/overview_cache.hpp"
#include "data/source_loader.hpp"

namespace pamir::data {
namespace {

namespace fs = std::filesystem;

class OverviewCacheTest : public ::testing::Test {
 protected:
  void SetUp() override {
    GDALAllRegister();
    root_ = fs::path(PAMIR_TEST_OUT_DIR) / "overview_cache" /
            ::testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(root_);
    fs::create_directories(root_ / "data");
    ::setenv("PAMIR_OVERVIEW_CACHE", (root_ / "cache").c_str(), 1);
    raster_ = (root_ / "data" / "scene.tif").string();
    // 3000 x 2000 grey, tiled, no overviews.
    const char* opts[] = {"TILED=YES", "COMPRESS=DEFLATE", nullptr};
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
        raster_.c_str(), 3000, 2000, 1, GDT_Byte, const_cast<char**>(opts)));
    ASSERT_TRUE(ds);
    double gt[6] = {70, 0.001, 0, 40, 0, -0.001};
    ds->SetGeoTransform(gt);
    std::vector<uint8_t> row(3000);
    for (int y = 0; y < 2000; ++y) {
      for (int x = 0; x < 3000; ++x) row[static_cast<size_t>(x)] = static_cast<uint8_t>((x / 100 + y / 100) % 2 * 200);
      ASSERT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, y, 3000, 1, row.data(), 3000, 1, GDT_Byte, 0, 0), CE_None);
    }
  }
  void TearDown() override { ::unsetenv("PAMIR_OVERVIEW_CACHE"); }
  static size_t filesIn(const fs::path& dir) {
    size_t n = 0;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); ++it) ++n;
    return n;
  }
  fs::path root_;
  std::string raster_;
};

TEST_F(OverviewCacheTest, BuiltIntoTheCacheAndUsedAtTheNextLoad) {
  Diagnostics before;
  LoadedSource plain = loadSource(raster_, before);
  ASSERT_EQ(plain.rasters.size(), 1u);
  EXPECT_EQ(plain.rasters[0].overviewCount, 0);

  std::vector<double> seen;
  auto vrt = buildOverviews(raster_, [&](double done) {
    seen.push_back(done);
    return true;
  });
  ASSERT_TRUE(vrt) << vrt.error();
  EXPECT_FALSE(seen.empty());
  EXPECT_NEAR(seen.back(), 1.0, 1e-9);
  EXPECT_EQ(filesIn(root_ / "data"), 1u) << "nothing is written beside the analyst's file";
  EXPECT_EQ(filesIn(root_ / "cache"), 2u);  // KEY.vrt and KEY.vrt.ovr
  EXPECT_EQ(cachedOverviews(raster_), *vrt);

  Diagnostics after;
  LoadedSource withOverviews = loadSource(raster_, after);
  ASSERT_EQ(withOverviews.rasters.size(), 1u);
  const RasterLayer& r = withOverviews.rasters[0];
  EXPECT_EQ(r.source, raster_);   // still the analyst's file by name
  EXPECT_GE(r.overviewCount, 4);  // 1500, 750, 375, 187
  ASSERT_TRUE(r.tiles);
  EXPECT_EQ(r.tiles->levels()[1].width, 1500);
  std::string error;
  auto tile = r.tiles->read({1, 0, 0}, &error);
  ASSERT_TRUE(tile) << error;
  EXPECT_EQ(tile->width, 256);
  // Level 1's pixel (10, 10) averages level-0 pixels (20..21, 20..21): the dark first square.
  EXPECT_EQ(tile->rgba[(10 * 256 + 10) * 4], 0);
  EXPECT_EQ(tile->rgba[(10 * 256 + 60) * 4], 200);  // x 120..121: the bright square beside it
}

TEST_F(OverviewCacheTest, AChangedFileIsNotDrawnFromStaleOverviews) {
  ASSERT_TRUE(buildOverviews(raster_));
  ASSERT_TRUE(cachedOverviews(raster_));
  {
    GDALDatasetUniquePtr ds(GDALDataset::Open(raster_.c_str(), GDAL_OF_RASTER | GDAL_OF_UPDATE));
    ASSERT_TRUE(ds);
    uint8_t v = 99;
    ASSERT_EQ(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 1, 1, &v, 1, 1, GDT_Byte, 0, 0), CE_None);
  }
  fs::last_write_time(raster_, fs::last_write_time(raster_) + std::chrono::seconds(5));
  EXPECT_FALSE(cachedOverviews(raster_));
  Diagnostics d;
  EXPECT_EQ(loadSource(raster_, d).rasters.at(0).overviewCount, 0);
}

TEST_F(OverviewCacheTest, ACancelledBuildLeavesNothing) {
  auto vrt = buildOverviews(raster_, [](double done) { return done < 0.3; });
  ASSERT_FALSE(vrt);
  EXPECT_NE(vrt.error().find("cancelled"), std::string::npos) << vrt.error();
  EXPECT_NE(vrt.error().find("scene.tif"), std::string::npos) << vrt.error();
  EXPECT_EQ(filesIn(root_ / "cache"), 0u);
  EXPECT_FALSE(cachedOverviews(raster_));
}

TEST_F(OverviewCacheTest, NotAFileIsSaidPlainly) {
  auto vrt = buildOverviews("PG:dbname=nowhere");
  ASSERT_FALSE(vrt);
  EXPECT_NE(vrt.error().find("files on disk"), std::string::npos) << vrt.error();
}

}  // namespace
}  // namespace pamir::data
