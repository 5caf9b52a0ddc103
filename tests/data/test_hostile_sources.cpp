// Broken and hostile sources, each built here by the test: huge rasters read
// at a bounded size, truncated files that say so, coordinates that cannot be
// placed, and messages that say what is wrong, naming file, layer and feature.
#include <gtest/gtest.h>

#include <gdal_priv.h>
#include <ogr_spatialref.h>
#include <ogrsf_frmts.h>

#include <cpl_vsi.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "data/catalog.hpp"
#include "data/gdal_support.hpp"
#include "data/manifest.hpp"
#include "data/source_info.hpp"
#include "data/source_loader.hpp"
#include "data/text_encoding.hpp"

using namespace pamir;

namespace {

const std::string kOut = std::string(PAMIR_TEST_OUT_DIR) + "/hostile/";

bool mentions(const Diagnostics& d, const std::string& text, Severity sev) {
  return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) {
    return x.severity == sev && x.line().find(text) != std::string::npos;
  });
}

std::string allLines(const Diagnostics& d) {
  std::string s;
  for (const auto& x : d.all()) s += x.line() + "\n";
  return s;
}

void writeVsimem(const std::string& path, const std::string& bytes) {
  VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  VSIFWriteL(bytes.data(), 1, bytes.size(), f);
  VSIFCloseL(f);
}

std::string readAll(const std::string& path) {
  VSILFILE* f = VSIFOpenL(path.c_str(), "rb");
  if (!f) return {};
  std::string bytes;
  char buf[65536];
  for (size_t n; (n = VSIFReadL(buf, 1, sizeof buf, f)) > 0;) bytes.append(buf, n);
  VSIFCloseL(f);
  return bytes;
}

// Writes `count` named points with `driver` at `path` (a file set for shapefiles).
void writePoints(const std::string& driver, const std::string& path, int count,
                 const char* const* layerOptions = nullptr) {
  data::ensureGdalRegistered();
  GDALDriver* drv = GetGDALDriverManager()->GetDriverByName(driver.c_str());
  ASSERT_NE(drv, nullptr) << driver;
  GDALDatasetUniquePtr ds(drv->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
  ASSERT_TRUE(ds) << path;
  OGRSpatialReference wgs84;
  wgs84.SetWellKnownGeogCS("WGS84");
  OGRLayer* layer = ds->CreateLayer("pts", &wgs84, wkbPoint, const_cast<char**>(layerOptions));
  ASSERT_NE(layer, nullptr);
  OGRFieldDefn name("name", OFTString);
  layer->CreateField(&name);
  for (int i = 0; i < count; ++i) {
    OGRFeature f(layer->GetLayerDefn());
    f.SetField("name", ("feature number " + std::to_string(i)).c_str());
    OGRPoint p(i * 0.01, i * 0.005);
    f.SetGeometry(&p);
    ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
  }
}

void cutToTwoThirds(const std::string& path) {
  const std::string bytes = readAll(path);
  ASSERT_FALSE(bytes.empty()) << path;
  writeVsimem(path, bytes.substr(0, bytes.size() * 2 / 3));
}

size_t featureCount(const data::LoadedSource& s) {
  size_t n = 0;
  for (const auto& l : s.layers) n += l.features.size();
  return n;
}

}  // namespace

TEST(HostileRaster, HugeSparseRasterIsReadAtABoundedSize) {
  // 1,000,000 x 1,000,000 pixels, none written: a 10^12-pixel raster of a few tens of MB.
  data::ensureGdalRegistered();
  const std::string path = "/vsimem/hostile_huge.tif";
  {
    const char* options[] = {"SPARSE_OK=TRUE", "TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", "BIGTIFF=YES", nullptr};
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
        path.c_str(), 1000000, 1000000, 1, GDT_Byte, const_cast<char**>(options)));
    ASSERT_TRUE(ds);
    double gt[6] = {60.0, 1e-5, 0, 45.0, 0, -1e-5};
    ds->SetGeoTransform(gt);
    OGRSpatialReference wgs84;
    wgs84.SetWellKnownGeogCS("WGS84");
    ds->SetSpatialRef(&wgs84);
  }
  Diagnostics d;
  data::LoadedSource src = data::loadSource(path, d);
  VSIUnlink(path.c_str());
  ASSERT_EQ(src.rasters.size(), 1u) << allLines(d);
  const RasterLayer& r = src.rasters[0];
  EXPECT_EQ(r.sourceWidth, 1000000);
  EXPECT_EQ(r.sourceHeight, 1000000);
  // What was allocated for the picture is the image read, never the raster's size.
  EXPECT_EQ(r.rgba.size(), static_cast<size_t>(r.width) * static_cast<size_t>(r.height) * 4);
  EXPECT_LE(r.width, 4096);
  EXPECT_LE(r.height, 4096);
  EXPECT_GE(r.width, 8);
  // Without overviews every image pixel costs a source block; the loader says so.
  EXPECT_TRUE(mentions(d, "gdaladdo", Severity::Warning)) << allLines(d);
  // The image still covers the whole raster: 10 degrees each way.
  EXPECT_NEAR(r.geoTransform[1] * r.width, 10.0, 1e-6);
  EXPECT_NEAR(r.geoTransform[5] * r.height, -10.0, 1e-6);
}

TEST(HostileRaster, ManyBandsInterleavedInHugeRowsAreRefusedNotRead) {
  // What fuzzing found: a row of one band decodes every band's samples; with
  // 2,000 bands a million pixels wide, one row is 2 GB. Reading it exhausted
  // memory (13 GB and still growing after 60 s); it is refused at once now.
  data::ensureGdalRegistered();
  const std::string path = "/vsimem/hostile_bands.tif";
  {
    const char* options[] = {"SPARSE_OK=TRUE", "INTERLEAVE=PIXEL", "BLOCKYSIZE=1", "BIGTIFF=YES", nullptr};
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
        path.c_str(), 1000000, 1000000, 2000, GDT_Byte, const_cast<char**>(options)));
    ASSERT_TRUE(ds);
    double gt[6] = {60.0, 1e-5, 0, 45.0, 0, -1e-5};
    ds->SetGeoTransform(gt);
  }
  Diagnostics d;
  data::LoadedSource src = data::loadSource(path, d);
  VSIUnlink(path.c_str());
  EXPECT_TRUE(src.rasters.empty());
  EXPECT_TRUE(mentions(d, "2000 bands; reading even one pixel of it decodes", Severity::Error)) << allLines(d);
}

TEST(HostileRaster, OverviewIsReadInsteadOfTheFullRaster) {
  data::ensureGdalRegistered();
  const std::string path = "/vsimem/hostile_overview.tif";
  {
    const char* options[] = {"TILED=YES", nullptr};
    GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GTiff")->Create(
        path.c_str(), 2048, 2048, 1, GDT_Byte, const_cast<char**>(options)));
    ASSERT_TRUE(ds);
    double gt[6] = {60.0, 0.001, 0, 45.0, 0, -0.001};
    ds->SetGeoTransform(gt);
    ASSERT_EQ(ds->GetRasterBand(1)->Fill(10), CE_None);
    int level = 4;
    ASSERT_EQ(ds->BuildOverviews("NEAREST", 1, &level, 0, nullptr, nullptr, nullptr), CE_None);
    // The overview holds other values than the raster, so the picture tells which was read.
    ASSERT_EQ(ds->GetRasterBand(1)->GetOverview(0)->Fill(200), CE_None);
  }
  Diagnostics d;
  data::LoadOptions options;
  options.raster.maxSide = 512;
  data::LoadedSource src = data::loadSource(path, d, options);
  VSIUnlink(path.c_str());
  ASSERT_EQ(src.rasters.size(), 1u) << allLines(d);
  const RasterLayer& r = src.rasters[0];
  EXPECT_EQ(r.width, 512);
  EXPECT_EQ(r.height, 512);
  ASSERT_FALSE(r.rgba.empty());
  EXPECT_EQ(r.rgba[0], 200);
  EXPECT_FALSE(mentions(d, "gdaladdo", Severity::Warning)) << allLines(d);
  EXPECT_NEAR(r.geoTransform[1], 0.004, 1e-12);
}

TEST(HostileVector, TruncatedFlatGeobufSaysHowManyFeaturesWereRead) {
  const std::string path = "/vsimem/hostile_cut.fgb";
  writePoints("FlatGeobuf", path, 2000);
  cutToTwoThirds(path);
  Diagnostics d;
  data::LoadedSource src = data::loadSource(path, d);
  VSIUnlink(path.c_str());
  EXPECT_FALSE(src.complete);
  const size_t n = featureCount(src);
  EXPECT_GT(n, 0u);
  EXPECT_LT(n, 2000u);
  EXPECT_TRUE(
      mentions(d, path + ": layer 'pts': read only " + std::to_string(n) + " of 2000 features", Severity::Warning))
      << allLines(d);
}

TEST(HostileVector, TruncatedGeoPackageIsNotASilentPartialLoad) {
  const std::string path = "/vsimem/hostile_cut.gpkg";
  writePoints("GPKG", path, 2000);
  cutToTwoThirds(path);
  Diagnostics d;
  data::LoadedSource src = data::loadSource(path, d);
  VSIUnlink(path.c_str());
  // However far SQLite gets, fewer features than written never pass unreported.
  if (featureCount(src) < 2000) {
    EXPECT_TRUE(!src.complete || d.errorCount() > 0) << allLines(d);
    EXPECT_NE(allLines(d).find(path), std::string::npos) << allLines(d);
  }
}

TEST(HostileVector, TruncatedShapefilePartsSayHowManyFeaturesWereRead) {
  for (const char* part : {"shp", "dbf"}) {
    const std::string dir = std::string("/vsimem/hostile_cut_") + part;
    writePoints("ESRI Shapefile", dir, 2000);
    cutToTwoThirds(dir + "/pts." + part);
    Diagnostics d;
    data::LoadedSource src = data::loadSource(dir + "/pts.shp", d);
    // A cut .dbf ends the features; a cut .shp leaves the rest without geometry.
    size_t located = 0;
    for (const auto& l : src.layers)
      for (const auto& f : l.features) located += f.geometry.empty() ? 0 : 1;
    EXPECT_LT(located, 2000u) << part;
    EXPECT_GT(located, 0u) << part;
    EXPECT_FALSE(src.complete) << part << "\n" << allLines(d);
    const std::string said = std::string(part) == "shp" ? "features in all have a corrupt geometry" : "read only ";
    EXPECT_TRUE(mentions(d, said, Severity::Warning)) << part << "\n" << allLines(d);
    EXPECT_NE(allLines(d).find("layer 'pts'"), std::string::npos) << part << "\n" << allLines(d);
    for (const char* ext : {"shp", "shx", "dbf", "prj", "cpg"}) VSIUnlink((dir + "/pts." + ext).c_str());
  }
}

TEST(HostileVector, UnplaceableCoordinatesAreNamedAndLeftOutOfTheFit) {
  const std::string good = "/vsimem/hostile_good.geojson", bad = "/vsimem/hostile_bad.geojson";
  writeVsimem(good, R"({"type":"FeatureCollection","features":[
    {"type":"Feature","id":1,"properties":{"name":"box"},"geometry":{"type":"Polygon","coordinates":[[[70,36],[75,36],[75,40],[70,40],[70,36]]]}}]})");
  writeVsimem(bad, R"({"type":"FeatureCollection","features":[
    {"type":"Feature","id":1,"properties":{"name":"huge"},"geometry":{"type":"Point","coordinates":[1e308,-1e308]}},
    {"type":"Feature","id":2,"properties":{"name":"north"},"geometry":{"type":"Point","coordinates":[10,95]}},
    {"type":"Feature","id":3,"properties":{"name":"far"},"geometry":{"type":"LineString","coordinates":[[0,0],[600,10]]}},
    {"type":"Feature","id":4,"properties":{"name":"ok"},"geometry":{"type":"Point","coordinates":[73,37]}},
    {"type":"Feature","id":5,"properties":{"name":"half"},"geometry":{"type":"MultiPoint","coordinates":[[72,38],[0,-91]]}}]})");
  Diagnostics d;
  data::Catalog both = data::loadSources({good, bad}, d);
  ASSERT_EQ(both.layers.size(), 2u) << allLines(d);
  EXPECT_EQ(both.layers[1].features.size(), 2u) << allLines(d);  // "ok", and "half" without its bad part
  for (int fid : {1, 2, 3}) {
    EXPECT_TRUE(mentions(d, bad + ": layer 'hostile_bad': feature " + std::to_string(fid) + ": coordinate out of range",
                         Severity::Error))
        << fid << "\n"
        << allLines(d);
  }
  EXPECT_TRUE(mentions(d, "feature 5: part 2: coordinate out of range (longitude 0, latitude -91", Severity::Warning))
      << allLines(d);
  // The fit is the good file's, as if the bad one held only its placeable features.
  const Bounds b = both.bounds();
  EXPECT_DOUBLE_EQ(b.minx, 70);
  EXPECT_DOUBLE_EQ(b.maxx, 75);
  EXPECT_DOUBLE_EQ(b.miny, 36);
  EXPECT_DOUBLE_EQ(b.maxy, 40);
  VSIUnlink(good.c_str());
  VSIUnlink(bad.c_str());
}

TEST(HostileVector, ProjectedCoordinateBeyondTheCrsIsBlamedOnTheCoordinate) {
  const std::string path = "/vsimem/hostile_3857.geojson";
  writeVsimem(path, R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"EPSG:3857"}},"features":[
    {"type":"Feature","id":7,"properties":{},"geometry":{"type":"Point","coordinates":[1e308,5]}},
    {"type":"Feature","id":8,"properties":{},"geometry":{"type":"Point","coordinates":[1000,1000]}}]})");
  Diagnostics d;
  data::LoadedSource src = data::loadSource(path, d);
  VSIUnlink(path.c_str());
  ASSERT_EQ(src.layers.size(), 1u) << allLines(d);
  EXPECT_EQ(src.layers[0].features.size(), 1u) << allLines(d);
  EXPECT_TRUE(mentions(d, "feature 7: coordinate", Severity::Error)) << allLines(d);
  EXPECT_NE(allLines(d).find("1e+308"), std::string::npos) << allLines(d);
}

TEST(HostileVector, EmptyHoleIsDroppedAndTheShellKept) {
  const std::string path = "/vsimem/hostile_hole.geojson";
  writeVsimem(path, R"({"type":"FeatureCollection","features":[
    {"type":"Feature","id":3,"properties":{},"geometry":{"type":"Polygon","coordinates":[[[70,36],[75,36],[75,40],[70,40],[70,36]],[]]}}]})");
  Diagnostics d;
  data::LoadedSource src = data::loadSource(path, d);
  VSIUnlink(path.c_str());
  ASSERT_EQ(src.layers.size(), 1u) << allLines(d);
  ASSERT_EQ(src.layers[0].features.size(), 1u) << allLines(d);
  const Geometry& g = src.layers[0].features[0].geometry;
  ASSERT_EQ(g.polygons.size(), 1u);
  EXPECT_EQ(g.polygons[0].outer.size(), 5u);
  EXPECT_TRUE(g.polygons[0].holes.empty());
  EXPECT_TRUE(mentions(d, "feature 3: hole 1 is empty", Severity::Warning)) << allLines(d);
}

TEST(HostileVector, CorruptFlatGeobufHeaderSaysWhatGdalFound) {
  const std::string path = "/vsimem/hostile_header.fgb";
  writePoints("FlatGeobuf", path, 50);
  std::string bytes = readAll(path);
  ASSERT_GT(bytes.size(), 60u);
  for (size_t i = 12; i < 60; ++i) bytes[i] = '\xAB';
  writeVsimem(path, bytes);
  Diagnostics d;
  data::LoadedSource src = data::loadSource(path, d);
  VSIUnlink(path.c_str());
  EXPECT_TRUE(src.layers.empty());
  EXPECT_GE(d.errorCount(), 1u) << allLines(d);
  EXPECT_NE(allLines(d).find("Header failed consistency verification"), std::string::npos) << allLines(d);
  EXPECT_EQ(allLines(d).find("holds no layers"), std::string::npos) << allLines(d);
}

TEST(HostileVector, ShapefileWithoutCpgIsReadAsTheCodePageItsBytesSuggest) {
  const char* cp1251[] = {"ENCODING=CP1251", nullptr};
  const std::string moscow = "\xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0";  // Москва
  for (bool keepCpg : {true, false}) {
    const std::string dir = std::string("/vsimem/hostile_cp1251_") + (keepCpg ? "cpg" : "nocpg");
    data::ensureGdalRegistered();
    {
      GDALDatasetUniquePtr ds(GetGDALDriverManager()
                                  ->GetDriverByName("ESRI Shapefile")
                                  ->Create(dir.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
      ASSERT_TRUE(ds);
      OGRLayer* layer = ds->CreateLayer("towns", nullptr, wkbPoint, const_cast<char**>(cp1251));
      OGRFieldDefn name("name", OFTString);
      layer->CreateField(&name);
      OGRFeature f(layer->GetLayerDefn());
      f.SetField("name", moscow.c_str());
      OGRPoint p(37.6, 55.7);
      f.SetGeometry(&p);
      ASSERT_EQ(layer->CreateFeature(&f), OGRERR_NONE);
    }
    if (!keepCpg) {
      ASSERT_EQ(VSIUnlink((dir + "/towns.cpg").c_str()), 0);
    }
    Diagnostics d;
    data::LoadedSource src = data::loadSource(dir + "/towns.shp", d);
    ASSERT_EQ(src.layers.size(), 1u) << allLines(d);
    ASSERT_EQ(src.layers[0].features.size(), 1u);
    EXPECT_EQ(toString(src.layers[0].value(src.layers[0].features[0], "name")), moscow) << keepCpg;
    EXPECT_EQ(mentions(d, "read as CP1251", Severity::Warning), !keepCpg) << allLines(d);
    for (const char* ext : {"shp", "shx", "dbf", "cpg"}) VSIUnlink((dir + "/towns." + ext).c_str());
  }
}

TEST(HostileVector, InvalidUtf8InADeclaredUtf8SourceIsMendedAndNamed) {
  const std::string path = "/vsimem/hostile_utf8.geojson";
  writeVsimem(path,
              "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"id\":4,\"properties\":"
              "{\"name\":\"Bad \xFF byte\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[72,38]}}]}");
  Diagnostics d;
  data::LoadedSource src = data::loadSource(path, d);
  VSIUnlink(path.c_str());
  if (src.layers.empty()) {
    // GDAL may refuse the file outright; then it must say so, naming it.
    EXPECT_NE(allLines(d).find(path), std::string::npos) << allLines(d);
    return;
  }
  ASSERT_EQ(src.layers[0].features.size(), 1u) << allLines(d);
  const std::string name = toString(src.layers[0].value(src.layers[0].features[0], "name"));
  EXPECT_TRUE(data::isUtf8(name)) << name;
  EXPECT_TRUE(mentions(d, "feature 4: ", Severity::Warning)) << allLines(d);
}

TEST(TextEncoding, Utf8ChecksAndGuesses) {
  EXPECT_TRUE(data::isUtf8("plain ascii"));
  EXPECT_TRUE(data::isUtf8("\xD0\x9C\xD0\xBE"));
  EXPECT_FALSE(data::isUtf8("\xCC\xEE\xF1"));  // CP1251 "Мос"
  EXPECT_FALSE(data::isUtf8("\xC0\x80"));      // overlong NUL
  EXPECT_FALSE(data::isUtf8("\xED\xA0\x80"));  // a surrogate
  EXPECT_FALSE(data::isUtf8("\xE2\x82"));      // cut short
  EXPECT_EQ(data::replaceInvalidUtf8("a\xFF"
                                     "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(data::guessLegacyEncoding("\xCC\xEE\xF1\xEA\xE2\xE0"), "CP1251");
  EXPECT_EQ(data::guessLegacyEncoding("Caf\xE9 cr\xE8me"), "CP1252");
  EXPECT_EQ(data::recodeToUtf8("Caf\xE9", "CP1252"), "Caf\xC3\xA9");
}

TEST(HostileVector, CorruptFlatGeobufHeaderIsNotDescribedAsAnEmptySource) {
  const std::string path = "/vsimem/hostile_header_info.fgb";
  writePoints("FlatGeobuf", path, 50);
  std::string bytes = readAll(path);
  for (size_t i = 12; i < 60; ++i) bytes[i] = '\xAB';
  writeVsimem(path, bytes);
  Diagnostics d;
  auto info = data::describeSource(path, d);
  VSIUnlink(path.c_str());
  EXPECT_FALSE(info.has_value());
  EXPECT_TRUE(mentions(d, path + ": unreadable: Header failed consistency verification", Severity::Error))
      << allLines(d);
}

TEST(HostileManifest, InvalidUtf8IsToldWithTheFileAndWhereNotAsLibraryText) {
  std::filesystem::create_directories(kOut);
  const std::string path = kOut + "bad_utf8_manifest.json";
  std::ofstream(path, std::ios::binary) << "{\"title\": \"Pamir \xFF\", \"layers\": []}";
  Diagnostics d;
  EXPECT_FALSE(data::readManifest(path, d).has_value());
  ASSERT_EQ(d.errorCount(), 1u) << allLines(d);
  const std::string line = d.all().front().line();
  EXPECT_NE(line.find(path + ": manifest is not valid JSON: "), std::string::npos) << line;
  EXPECT_NE(line.find("UTF-8"), std::string::npos) << line;
  EXPECT_NE(line.find("line 1"), std::string::npos) << line;
  EXPECT_EQ(line.find("[json.exception"), std::string::npos) << line;
}

TEST(HostileVector, CorruptGeometryBlobIsCalledCorruptNotEmpty) {
  const std::string path = "/vsimem/hostile_blob.gpkg";
  writePoints("GPKG", path, 10);
  {
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
    ASSERT_TRUE(ds);
    // A GeoPackage header announcing WKB that is not there.
    ds->ReleaseResultSet(ds->ExecuteSQL("UPDATE pts SET geom = X'47500003E6100000DEADBEEFDEADBEEF0101' WHERE fid = 5",
                                        nullptr, nullptr));
  }
  Diagnostics d;
  data::LoadedSource src = data::loadSource(path, d);
  VSIUnlink(path.c_str());
  ASSERT_EQ(src.layers.size(), 1u) << allLines(d);
  EXPECT_EQ(src.layers[0].features.size(), 10u);  // the row stays, without a location
  EXPECT_TRUE(mentions(d, path + ": layer 'pts': feature 5: corrupt geometry", Severity::Warning)) << allLines(d);
  EXPECT_FALSE(mentions(d, "empty geometry", Severity::Warning)) << allLines(d);
  EXPECT_FALSE(src.complete);
}
