// What a user sees from hostile sources on the command line: a check that
// fails when features are missing, a huge raster that loads and renders at a
// bounded size, and a bad file that leaves a good one's picture alone.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "render/image.hpp"
#include "support/run_command.hpp"
#include "support/shell_command.hpp"

namespace {

using pamir::test::CommandResult;

CommandResult run(const std::vector<std::string>& args) { return pamir::test::runCommand(args); }

const std::string kOut = std::string(PAMIR_TEST_OUT_DIR) + "/hostile_cli/";

void writeText(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

// Binary fixtures are made with GDAL's Python at test time, kept out of the tree.
bool python(const std::string& script) {
  // One script file per fixture: tests run in parallel processes, and a shared
  // name let one test run another's script (a flaky "no such file").
  const std::string file = kOut + "make_" + std::to_string(std::hash<std::string>{}(script)) + ".py";
  writeText(file, "from osgeo import gdal, ogr, osr\ngdal.UseExceptions()\n" + script);
  return pamir::test::runShell("/usr/bin/python3 " + file + " 2>&1").status == 0;
}

class HostileCli : public testing::Test {
 protected:
  void SetUp() override { std::filesystem::create_directories(kOut); }
};

}  // namespace

TEST_F(HostileCli, CheckFailsOnATruncatedFlatGeobufAndSaysHowFarItGot) {
  const std::string fgb = kOut + "cut.fgb";
  ASSERT_TRUE(
      python("s = osr.SpatialReference(); s.ImportFromEPSG(4326)\n"
             "ds = ogr.GetDriverByName('FlatGeobuf').CreateDataSource('" +
             fgb +
             "')\n"
             "l = ds.CreateLayer('pts', s, ogr.wkbPoint)\n"
             "for i in range(2000):\n"
             "    f = ogr.Feature(l.GetLayerDefn())\n"
             "    f.SetGeometry(ogr.CreateGeometryFromWkt('POINT (%f %f)' % (i * 0.01, i * 0.005)))\n"
             "    l.CreateFeature(f)\n"
             "ds = None\n"
             "b = open('" +
             fgb +
             "', 'rb').read()\n"
             "open('" +
             fgb + "', 'wb').write(b[:len(b) * 2 // 3])\n"));
  CommandResult r = run({"info", "--check", fgb});
  EXPECT_EQ(r.status, 1) << r.all();
  EXPECT_NE(r.err.find("pamir: warning: " + fgb + ": layer 'pts': read only "), std::string::npos) << r.all();
  EXPECT_NE(r.err.find(" of 2000 features"), std::string::npos) << r.all();
}

TEST_F(HostileCli, HugeSparseRasterChecksAndRendersAtABoundedSize) {
  const std::string tif = kOut + "huge.tif", png = kOut + "huge.png";
  ASSERT_TRUE(python("ds = gdal.GetDriverByName('GTiff').Create('" + tif +
                     "', 1000000, 1000000, 1, gdal.GDT_Byte,\n"
                     "    ['SPARSE_OK=TRUE', 'TILED=YES', 'BLOCKXSIZE=512', 'BLOCKYSIZE=512', 'BIGTIFF=YES'])\n"
                     "ds.SetGeoTransform([60, 1e-5, 0, 45, 0, -1e-5])\n"
                     "s = osr.SpatialReference(); s.ImportFromEPSG(4326); ds.SetProjection(s.ExportToWkt())\n"
                     "ds = None\n"));
  CommandResult check = run({"info", "--check", tif});
  EXPECT_EQ(check.status, 0) << check.all();
  // --check reads no more than it takes to know the pixels decode.
  EXPECT_NE(check.out.find("raster 1000000x1000000 loaded (read at "), std::string::npos) << check.all();
  CommandResult render = run({"render", tif, "--size", "200x200", "-o", png});
  EXPECT_EQ(render.status, 0) << render.all();
  EXPECT_TRUE(std::filesystem::exists(png));
  std::filesystem::remove(tif);
}

TEST_F(HostileCli, BadCoordinatesBesideAGoodFileLeaveItsPictureAlone) {
  const std::string good = kOut + "good.geojson", bad = kOut + "bad.geojson";
  writeText(good, R"({"type":"FeatureCollection","features":[
    {"type":"Feature","properties":{"name":"box"},"geometry":{"type":"Polygon","coordinates":[[[70,36],[75,36],[75,40],[70,40],[70,36]]]}}]})");
  writeText(bad, R"({"type":"FeatureCollection","features":[
    {"type":"Feature","id":1,"properties":{"name":"huge"},"geometry":{"type":"Point","coordinates":[1e308,-1e308]}},
    {"type":"Feature","id":2,"properties":{"name":"north"},"geometry":{"type":"Point","coordinates":[10,95]}},
    {"type":"Feature","id":3,"properties":{"name":"far"},"geometry":{"type":"LineString","coordinates":[[0,0],[600,10]]}}]})");
  const std::vector<std::string> look = {"--size",  "200x150", "--plain", "--background",
                                         "#000000", "--fill",  "#ffffff"};
  auto render = [&](std::vector<std::string> args, const std::string& png) {
    args.insert(args.begin(), "render");
    args.insert(args.end(), look.begin(), look.end());
    args.insert(args.end(), {"-o", png});
    return run(args);
  };
  CommandResult alone = render({good}, kOut + "good.png");
  ASSERT_EQ(alone.status, 0) << alone.all();
  CommandResult pair = render({good, bad}, kOut + "pair.png");
  ASSERT_EQ(pair.status, 0) << pair.all();
  for (const char* fid : {"feature 1: coordinate out of range", "feature 2: coordinate out of range",
                          "feature 3: coordinate out of range at vertex 1"})
    EXPECT_NE(pair.err.find(bad + ": layer 'bad': " + fid), std::string::npos) << fid << "\n" << pair.err;
  EXPECT_EQ(pair.err.find("Invalid latitude"), std::string::npos) << pair.err;
  std::string err;
  auto a = pamir::render::readPng(kOut + "good.png", &err);
  auto b = pamir::render::readPng(kOut + "pair.png", &err);
  ASSERT_TRUE(a && b) << err;
  ASSERT_EQ(a->width, b->width);
  ASSERT_EQ(a->height, b->height);
  size_t differ = 0, lit = 0;
  for (int y = 0; y < a->height; ++y)
    for (int x = 0; x < a->width; ++x) {
      differ += a->pixel(x, y)[0] != b->pixel(x, y)[0] ? 1 : 0;
      lit += a->pixel(x, y)[0] > 128 ? 1 : 0;
    }
  EXPECT_GT(lit, static_cast<size_t>(a->width * a->height / 2));  // the box fills the view
  EXPECT_LE(differ, static_cast<size_t>(a->width * a->height / 100));
}
