// Coverage against an independent oracle: gdal_rasterize of the same layer,
// reprojected by ogr2ogr, on the same pixel grid (-te/-ts), compared with
// MapRenderer's plain mode through intersection over union.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>

#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "render/render_test_support.hpp"

namespace pamir::render {
namespace {

struct OracleCase {
  std::string name;
  std::string crs;
};

struct OracleResult {
  double iou = 0;
  size_t renderedPixels = 0, oraclePixels = 0;
};

// Renders `layer` (read from `path`) both ways over `lonlatBox` in `crs` at
// width x height and returns the agreement.
OracleResult compareWithGdal(const std::string& path, const std::string& layerName, const Layer& layer,
                             const std::string& crs, const Bounds& lonlatBox, int width, int height,
                             const std::string& outDir) {
  OracleResult result;
  std::string error;
  auto projection = geo::Projection::create(crs);
  EXPECT_TRUE(projection) << projection.error();
  if (!projection) return result;
  Bounds extent = projection->forwardBounds(lonlatBox);

  std::string reprojected = outDir + "/reprojected.gpkg";
  std::string oracle = outDir + "/gdal_rasterize.tif";
  std::string log;
  int rc = test::run("ogr2ogr -f GPKG -t_srs " + test::quote(crs) + " -nln layer " + test::quote(reprojected) + " " +
                         test::quote(path) + " " + test::quote(layerName),
                     &log);
  EXPECT_EQ(rc, 0) << log;
  std::string te = test::number(extent.minx) + " " + test::number(extent.miny) + " " + test::number(extent.maxx) + " " +
                   test::number(extent.maxy);
  rc = test::run("gdal_rasterize -q -l layer -burn 255 -init 0 -ot Byte -te " + te + " -ts " + std::to_string(width) +
                     " " + std::to_string(height) + " -a_srs " + test::quote(crs) + " " + test::quote(reprojected) +
                     " " + test::quote(oracle),
                 &log);
  EXPECT_EQ(rc, 0) << log;
  auto expected = test::readBand(oracle, &error);
  EXPECT_TRUE(expected) << error;
  if (!expected) return result;

  MapRenderer renderer;
  EXPECT_TRUE(renderer.ok()) << renderer.error();
  renderer.setProjection(*projection);
  renderer.setLayers({&layer}, {});
  RenderOptions plain;
  plain.plain = true;
  plain.antialias = false;
  plain.labels = false;
  plain.background = Color{0, 0, 0, 255};
  plain.plainFill = Color{255, 255, 255, 255};
  Image rendered = renderer.renderToImage(MapView::fromExtent(extent, width, height), plain);
  EXPECT_EQ(rendered.width, width);
  EXPECT_EQ(rendered.height, height);
  writePng(rendered, outDir + "/pamir.png", nullptr);
  writePng(*expected, outDir + "/gdal_rasterize.png", nullptr);

  auto a = test::redMask(rendered);
  auto b = test::redMask(*expected);
  for (uint8_t v : a) result.renderedPixels += v;
  for (uint8_t v : b) result.oraclePixels += v;
  result.iou = test::iou(a, b);
  return result;
}

// The view CRSs every oracle comparison runs in; each (layer, CRS) pair is a
// test of its own with a fixed name, so ctest -R and --rerun-failed find it.
const OracleCase kWgs84{"wgs84", "EPSG:4326"};
const OracleCase kMercator{"mercator", "EPSG:3857"};
const OracleCase kDefault{"default", geo::kDefaultViewCrs};

class OracleTest : public test::GlTest {};

void fixtureShapesMatchGdalRasterize(const OracleCase& c) {
  std::string path = test::dataPath("shapes.geojson");
  std::string error;
  auto layer = test::readVectorLayer(path, "shapes", &error);
  ASSERT_TRUE(layer) << error;
  // Not a round box: fixture edges on pixel centres would test tie-breaking rules, not coverage.
  Bounds box{65.437, 36.471, 77.613, 42.7665};
  std::string out = test::outputDir("oracle_shapes_" + c.name);
  OracleResult r = compareWithGdal(path, "shapes", *layer, c.crs, box, 901, 503, out);
  std::printf("[ oracle ] shapes %-8s IoU %s (pamir %zu px, gdal_rasterize %zu px)\n", c.name.c_str(),
              test::number(r.iou).c_str(), r.renderedPixels, r.oraclePixels);
  EXPECT_GT(r.oraclePixels, 20000u) << "the oracle drew (almost) nothing: " << out;
  EXPECT_GE(r.iou, 0.98) << "see " << out;
}

// Real borders with islands, enclaves and long coastlines: Natural Earth
// countries around Central Asia, clipped to a box first so every CRS can show them.
void naturalEarthCountriesMatchGdalRasterize(const OracleCase& c) {
  std::string source = PAMIR_SOURCE_DIR "/geodata/base.gpkg";
  std::string layerName = "countries";
  if (!std::filesystem::exists(source)) source = "/usr/share/qgis/resources/data/world_map.gpkg";
  if (!std::filesystem::exists(source)) GTEST_SKIP() << "no countries layer on this machine";
  std::string out = test::outputDir("oracle_countries_" + c.name);
  std::string clippedAll = out + "/clipped_all.gpkg";
  std::string clipped = out + "/clipped.gpkg";
  std::string log;
  Bounds box{44.0, 24.0, 98.0, 56.0};
  int rc = test::run("ogr2ogr -f GPKG -t_srs EPSG:4326 -clipsrc 44 24 98 56 -nln countries " + test::quote(clippedAll) +
                         " " + test::quote(source) + " " + layerName,
                     &log);
  ASSERT_EQ(rc, 0) << log;
  // Every other country, so that borders between neighbours are edges to get right.
  rc = test::run(
      "ogr2ogr -f GPKG -where 'fid % 2 = 0' -nln countries " + test::quote(clipped) + " " + test::quote(clippedAll),
      &log);
  ASSERT_EQ(rc, 0) << log;
  std::string error;
  auto layer = test::readVectorLayer(clipped, "countries", &error);
  ASSERT_TRUE(layer) << error;
  OracleResult r = compareWithGdal(clipped, "countries", *layer, c.crs, box, 1200, 800, out);
  std::printf("[ oracle ] countries (%s) %-8s IoU %s (pamir %zu px, gdal_rasterize %zu px)\n",
              std::filesystem::path(source).filename().c_str(), c.name.c_str(), test::number(r.iou).c_str(),
              r.renderedPixels, r.oraclePixels);
  EXPECT_GT(r.oraclePixels, 100000u) << out;
  EXPECT_GE(r.iou, 0.98) << "see " << out;
}

TEST_F(OracleTest, FixtureShapesInWgs84) { fixtureShapesMatchGdalRasterize(kWgs84); }
TEST_F(OracleTest, FixtureShapesInMercator) { fixtureShapesMatchGdalRasterize(kMercator); }
TEST_F(OracleTest, FixtureShapesInDefaultCrs) { fixtureShapesMatchGdalRasterize(kDefault); }
TEST_F(OracleTest, NaturalEarthCountriesInWgs84) { naturalEarthCountriesMatchGdalRasterize(kWgs84); }
TEST_F(OracleTest, NaturalEarthCountriesInMercator) { naturalEarthCountriesMatchGdalRasterize(kMercator); }
TEST_F(OracleTest, NaturalEarthCountriesInDefaultCrs) { naturalEarthCountriesMatchGdalRasterize(kDefault); }

}  // namespace
}  // namespace pamir::render
