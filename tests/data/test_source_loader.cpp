// Loading real files in every supported vector format through GDAL, and
// surviving broken ones with one clear line per problem.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include <cpl_error.h>
#include <cpl_vsi.h>
#include <ogr_spatialref.h>

#include "data/gdal_support.hpp"
#include "data/source_info.hpp"
#include "data/source_loader.hpp"

using namespace pamir;

namespace {

const std::string kDir = std::string(PAMIR_TEST_DATA_DIR) + "/formats/";

const Feature* byName(const Layer& l, const std::string& name) {
  for (const auto& f : l.features)
    // KML calls the field "Name".
    if (toString(l.value(f, "name")) == name || toString(l.value(f, "Name")) == name) return &f;
  return nullptr;
}

// Puts `text` at `path` in GDAL's in-memory file system (GDAL takes a copy).
void writeVsimem(const std::string& path, const std::string& text) {
  VSILFILE* f = VSIFOpenL(path.c_str(), "wb");
  ASSERT_NE(f, nullptr);
  VSIFWriteL(text.data(), 1, text.size(), f);
  VSIFCloseL(f);
}

bool mentions(const Diagnostics& d, const std::string& text, Severity sev) {
  return std::any_of(d.all().begin(), d.all().end(), [&](const Diagnostic& x) {
    return x.severity == sev && x.line().find(text) != std::string::npos;
  });
}

// Every format carries the same places; check the ones each can hold.
void expectSampleGeometry(const Layer& l, bool hasPoint, bool hasHole) {
  if (hasPoint) {
    const Feature* m = byName(l, "Murghab");
    ASSERT_NE(m, nullptr) << l.source;
    ASSERT_EQ(m->geometry.points.size(), 1u);
    EXPECT_NEAR(m->geometry.points[0].lon, 73.965, 1e-6);
    EXPECT_NEAR(m->geometry.points[0].lat, 38.16889, 1e-6);
  }
  if (hasHole) {
    const Feature* r = byName(l, "Ring with hole");
    ASSERT_NE(r, nullptr) << l.source;
    ASSERT_EQ(r->geometry.polygons.size(), 1u);
    EXPECT_EQ(r->geometry.polygons[0].holes.size(), 1u);
    EXPECT_EQ(r->geometry.polygons[0].outer.front(), r->geometry.polygons[0].outer.back());
  }
  const Feature* two = byName(l, "Two islands");
  ASSERT_NE(two, nullptr) << l.source;
  EXPECT_EQ(two->geometry.polygons.size(), 2u);
}

}  // namespace

TEST(SourceLoader, GeoJsonKeepsEveryGeometryTypeAndTypedAttributes) {
  Diagnostics d;
  auto src = data::loadSource(kDir + "sample.geojson", d);
  ASSERT_EQ(src.layers.size(), 1u);
  const Layer& l = src.layers[0];
  EXPECT_EQ(l.features.size(), 5u);
  EXPECT_EQ(d.errorCount(), 0u);
  expectSampleGeometry(l, true, true);
  // Types survive: integer year, real elevation, null stays null.
  const Feature* m = byName(l, "Murghab");
  EXPECT_EQ(std::get<int64_t>(l.value(*m, "year")), 1932);
  EXPECT_DOUBLE_EQ(std::get<double>(l.value(*m, "elev_m")), 3650.5);
  const Feature* hole = byName(l, "Ring with hole");
  EXPECT_TRUE(std::holds_alternative<std::monostate>(l.value(*hole, "elev_m")));
  const Feature* mixed = byName(l, "Mixed");
  ASSERT_NE(mixed, nullptr);
  EXPECT_EQ(mixed->geometry.points.size(), 1u);
  EXPECT_EQ(mixed->geometry.lines.size(), 1u);
  const Feature* road = byName(l, "Karakoram Highway (schematic)");
  ASSERT_NE(road, nullptr);
  ASSERT_EQ(road->geometry.lines.size(), 1u);
  EXPECT_EQ(road->geometry.lines[0].size(), 4u);
}

TEST(SourceLoader, GeoPackageLoadsEveryLayer) {
  Diagnostics d;
  auto src = data::loadSource(kDir + "sample.gpkg", d);
  ASSERT_EQ(src.layers.size(), 2u);
  EXPECT_EQ(src.layers[0].sourceCrs, "EPSG:4326");
  expectSampleGeometry(src.layers[0], true, true);
  EXPECT_EQ(src.layers[1].features.size(), 2u);
  // Asking for one layer gives just that one.
  Diagnostics d2;
  data::LoadOptions only;
  only.layers = {"sample_copy"};
  auto one = data::loadSource(kDir + "sample.gpkg", d2, only);
  ASSERT_EQ(one.layers.size(), 1u);
  EXPECT_EQ(one.layers[0].name, "sample_copy");
}

TEST(SourceLoader, ShapefileKmlFlatGeobuf) {
  for (const char* f : {"shp/areas.shp", "sample.kml", "sample.fgb"}) {
    Diagnostics d;
    auto src = data::loadSource(kDir + f, d);
    ASSERT_FALSE(src.layers.empty()) << f;
    const bool all = std::string(f) != "shp/areas.shp";
    expectSampleGeometry(src.layers[0], all, true);
    EXPECT_EQ(d.errorCount(), 0u) << f;
  }
}

TEST(SourceLoader, CsvWithWktAndWithLonLatColumns) {
  Diagnostics d;
  auto wkt = data::loadSource(kDir + "sample_wkt.csv", d);
  ASSERT_EQ(wkt.layers.size(), 1u);
  const Layer& w = wkt.layers[0];
  ASSERT_EQ(w.features.size(), 3u);
  const Feature* box = byName(w, "Box with hole");
  ASSERT_NE(box, nullptr);
  ASSERT_EQ(box->geometry.polygons.size(), 1u);
  EXPECT_EQ(box->geometry.polygons[0].holes.size(), 1u);
  // A CSV declares no CRS: the loader says it assumed WGS84.
  EXPECT_TRUE(mentions(d, "assuming WGS84", Severity::Warning));

  Diagnostics d2;
  auto ll = data::loadSource(kDir + "sample_lonlat.csv", d2);
  ASSERT_EQ(ll.layers.size(), 1u);
  const Feature* kant = byName(ll.layers[0], "Kant Air Base");
  ASSERT_NE(kant, nullptr);
  ASSERT_EQ(kant->geometry.points.size(), 1u);
  EXPECT_NEAR(kant->geometry.points[0].lon, 74.84639, 1e-9);
  EXPECT_NEAR(kant->geometry.points[0].lat, 42.85306, 1e-9);
  EXPECT_EQ(ll.layers[0].fieldIndex("lon"), -1) << "coordinate columns become geometry, not attributes";
}

TEST(SourceLoader, ProjectedSourceIsTransformedToLonLat) {
  Diagnostics d;
  auto src = data::loadSource(kDir + "sample_utm43.geojson", d);
  ASSERT_EQ(src.layers.size(), 1u);
  EXPECT_EQ(src.layers[0].sourceCrs, "EPSG:32643");
  const Feature* m = byName(src.layers[0], "Murghab");
  ASSERT_NE(m, nullptr);
  EXPECT_NEAR(m->geometry.points[0].lon, 73.965, 1e-6);  // 1 mm in UTM is ~1e-8 degrees
  EXPECT_NEAR(m->geometry.points[0].lat, 38.16889, 1e-6);
}

TEST(SourceLoader, BrokenFeaturesAreNamedAndTheRestLoads) {
  Diagnostics d;
  auto src = data::loadSource(kDir + "broken.geojson", d);
  ASSERT_EQ(src.layers.size(), 1u);
  const Layer& l = src.layers[0];
  EXPECT_NE(byName(l, "good"), nullptr);
  EXPECT_NE(byName(l, "good too"), nullptr);
  EXPECT_NE(byName(l, "unclosed"), nullptr) << "an unclosed ring is closed, not dropped";
  EXPECT_EQ(byName(l, "too short"), nullptr);
  for (const auto& diag : d.all()) {
    EXPECT_NE(diag.line().find("broken.geojson"), std::string::npos) << diag.line();
    EXPECT_EQ(diag.line().find('\n'), std::string::npos);
  }
  EXPECT_TRUE(mentions(d, "feature 5: line with fewer than 2 points", Severity::Error));
  EXPECT_TRUE(mentions(d, "layer 'broken'", Severity::Error));
  // No NaN ever reaches the map.
  for (const auto& f : l.features)
    for (const auto& p : f.geometry.points) EXPECT_TRUE(p.finite());
}

TEST(SourceLoader, MissingAndNonGeodataFilesSayWhat) {
  Diagnostics d;
  auto none = data::loadSource(kDir + "no-such-file.gpkg", d);
  EXPECT_TRUE(none.layers.empty());
  ASSERT_EQ(d.errorCount(), 1u);
  EXPECT_NE(d.all()[0].line().find("no-such-file.gpkg: no such file"), std::string::npos) << d.all()[0].line();

  Diagnostics d2;
  auto junk = data::loadSource(kDir + "not_geodata.geojson", d2);
  EXPECT_TRUE(junk.layers.empty());
  ASSERT_GE(d2.errorCount(), 1u);
  EXPECT_NE(d2.all()[0].line().find("not_geodata.geojson"), std::string::npos);

  Diagnostics d3;
  data::LoadOptions opt;
  opt.layers = {"nope"};
  data::loadSource(kDir + "sample.gpkg", d3, opt);
  EXPECT_TRUE(mentions(d3, "layer 'nope': no such layer", Severity::Error));
}

TEST(SourceLoader, InMemorySourcesThroughVsimem) {
  // GDAL's /vsimem/ lets a test build a source without touching disk.
  const std::string path = "/vsimem/pamir_test.geojson";
  const std::string json = R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Kant"},)"
                           R"("geometry":{"type":"Point","coordinates":[74.84639,42.85306]}}]})";
  VSILFILE* f =
      VSIFileFromMemBuffer(path.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(json.data())), json.size(), FALSE);
  ASSERT_NE(f, nullptr);
  VSIFCloseL(f);
  Diagnostics d;
  auto src = data::loadSource(path, d);
  VSIUnlink(path.c_str());
  ASSERT_EQ(src.layers.size(), 1u);
  ASSERT_EQ(src.layers[0].features.size(), 1u);
  EXPECT_NEAR(src.layers[0].features[0].geometry.points[0].lat, 42.85306, 1e-9);
}

TEST(SourceInfo, DescribesLayersWithoutLoadingThem) {
  Diagnostics d;
  auto info = data::describeSource(kDir + "sample.gpkg", d);
  ASSERT_TRUE(info);
  EXPECT_EQ(info->driver, "GPKG");
  ASSERT_EQ(info->layers.size(), 2u);
  EXPECT_EQ(info->layers[0].featureCount, 5);
  EXPECT_NE(info->layers[0].crs.find("EPSG:4326"), std::string::npos);
  EXPECT_NEAR(info->layers[0].extent.minx, 60.0, 1e-9);
  EXPECT_NEAR(info->layers[0].extent.maxy, 39.47, 1e-9);
}

TEST(SourceLoader, RasterBecomesGeoreferencedRgba) {
  Diagnostics d;
  auto src = data::loadSource(kDir + "relief.tif", d);
  ASSERT_EQ(src.rasters.size(), 1u);
  const RasterLayer& r = src.rasters[0];
  EXPECT_EQ(r.width, 40);
  EXPECT_EQ(r.height, 20);
  EXPECT_DOUBLE_EQ(r.geoTransform[0], 70.0);
  EXPECT_DOUBLE_EQ(r.geoTransform[3], 39.0);
  EXPECT_DOUBLE_EQ(r.geoTransform[5], -0.1);
  EXPECT_NE(r.crsWkt.find("WGS 84"), std::string::npos);
  ASSERT_EQ(r.rgba.size(), 40u * 20u * 4u);
  EXPECT_EQ(r.rgba[3], 0) << "nodata is transparent";
  // Elevation is stretched to grey, increasing left to right.
  EXPECT_LT(r.rgba[(1 * 40 + 1) * 4], r.rgba[(1 * 40 + 38) * 4]);
  EXPECT_EQ(r.rgba[(19 * 40 + 39) * 4], 255) << "the highest value is white";
}

TEST(SourceLoader, UnreadableCrsIsReportedAndWgs84Assumed) {
  for (const char* f : {"unknown_crs.geojson", "badprj/areas.shp"}) {
    Diagnostics d;
    auto src = data::loadSource(kDir + f, d);
    ASSERT_EQ(src.layers.size(), 1u) << f;
    EXPECT_FALSE(src.layers[0].features.empty()) << f;
    EXPECT_TRUE(mentions(d, "CRS could not be read", Severity::Warning)) << f;
    EXPECT_TRUE(mentions(d, "assuming WGS84", Severity::Warning)) << f;
  }
}

// One map from OGR field types, used by the loader and by `pamir info` alike.
TEST(GdalSupport, FieldTypesMapOnceAndATimeOfDayIsNotADate) {
  EXPECT_EQ(data::fieldTypeOf(OFTInteger), FieldType::Integer);
  EXPECT_EQ(data::fieldTypeOf(OFTInteger64), FieldType::Integer);
  EXPECT_EQ(data::fieldTypeOf(OFTReal), FieldType::Real);
  EXPECT_EQ(data::fieldTypeOf(OFTString), FieldType::String);
  EXPECT_EQ(data::fieldTypeOf(OFTDate), FieldType::Date);
  EXPECT_EQ(data::fieldTypeOf(OFTDateTime), FieldType::Date);
  EXPECT_EQ(data::fieldTypeOf(OFTTime), FieldType::Other);
  EXPECT_EQ(data::fieldTypeOf(OFTStringList), FieldType::Other);

  // GDAL's GeoJSON driver types these properties Date, Time, DateTime and Integer.
  const std::string path = "/vsimem/pamir_field_types.geojson";
  writeVsimem(path, R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":)"
                    R"({"when":"2019-05-01","at":"12:30:00","stamp":"2019-05-01T12:30:00Z","n":3},)"
                    R"("geometry":{"type":"Point","coordinates":[74.0,37.0]}}]})");
  Diagnostics d;
  auto loaded = data::loadSource(path, d);
  auto info = data::describeSource(path, d);
  VSIUnlink(path.c_str());
  ASSERT_EQ(loaded.layers.size(), 1u);
  ASSERT_TRUE(info && info->layers.size() == 1u);
  const auto& fields = loaded.layers[0].fields;
  ASSERT_EQ(fields.size(), 4u);
  EXPECT_EQ(fields[0].type, FieldType::Date);
  EXPECT_EQ(fields[1].type, FieldType::Other);
  EXPECT_EQ(fields[2].type, FieldType::Date);
  EXPECT_EQ(fields[3].type, FieldType::Integer);
  ASSERT_EQ(info->layers[0].fields.size(), fields.size());
  for (size_t i = 0; i < fields.size(); ++i)
    EXPECT_EQ(info->layers[0].fields[i].type, fields[i].type) << fields[i].name;
  // The time is still there, as text.
  EXPECT_EQ(toString(loaded.layers[0].value(loaded.layers[0].features[0], "at")), "12:30:00");
}

TEST(GdalSupport, CrsShortNameIsTheAuthorityCodeElseTheName) {
  EXPECT_EQ(data::crsShortName(nullptr), "");
  OGRSpatialReference utm;
  ASSERT_EQ(utm.importFromEPSG(32643), OGRERR_NONE);
  EXPECT_EQ(data::crsShortName(&utm), "EPSG:32643");
  EXPECT_EQ(data::crsShortName(&utm, true), "EPSG:32643 (WGS 84 / UTM zone 43N)");
  OGRSpatialReference custom;
  ASSERT_EQ(
      custom.SetFromUserInput("PROJCS[\"Wakhan local\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\","
                              "6378137,298.257223563]],PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433]],"
                              "PROJECTION[\"Lambert_Azimuthal_Equal_Area\"],PARAMETER[\"latitude_of_center\",37],"
                              "PARAMETER[\"longitude_of_center\",72],PARAMETER[\"false_easting\",0],"
                              "PARAMETER[\"false_northing\",0],UNIT[\"metre\",1]]"),
      OGRERR_NONE);
  EXPECT_EQ(data::crsShortName(&custom), "Wakhan local");
  EXPECT_EQ(data::crsShortName(&custom, true), "Wakhan local");

  // The loader and `pamir info` name a source's CRS the same way.
  Diagnostics d;
  auto src = data::loadSource(kDir + "sample_utm43.geojson", d);
  auto info = data::describeSource(kDir + "sample_utm43.geojson", d);
  ASSERT_EQ(src.layers.size(), 1u);
  ASSERT_TRUE(info && info->layers.size() == 1u);
  EXPECT_EQ(src.layers[0].sourceCrs, "EPSG:32643");
  EXPECT_EQ(info->layers[0].crs, "EPSG:32643 (WGS 84 / UTM zone 43N)");
}

// GDAL's messages belong to the operation that caused them: collected, never
// printed, and reported naming the file and layer; other threads and nested
// captures keep their own.
TEST(GdalSupport, ErrorsAreCapturedPerOperation) {
  data::ensureGdalRegistered();
  ::testing::internal::CaptureStderr();
  Diagnostics d;
  {
    data::GdalErrorCapture outer;
    outer.setLayer("bases");
    CPLError(CE_Warning, CPLE_AppDefined, "odd value in field 'year'");
    CPLError(CE_Warning, CPLE_AppDefined, "odd value in field 'year'");  // said once
    {
      data::GdalErrorCapture inner;
      CPLError(CE_Failure, CPLE_AppDefined, "inner failure");
      EXPECT_EQ(inner.first(), "inner failure");
      inner.markReported();
      Diagnostics none;
      inner.report(none, "x");
      EXPECT_TRUE(none.all().empty()) << "already told";
    }
    EXPECT_EQ(outer.first(), "") << "the inner capture's failure is not the outer's";
    outer.report(d, "sites.gpkg");
  }
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  ASSERT_EQ(d.all().size(), 1u);
  EXPECT_EQ(d.all()[0].severity, Severity::Warning);
  EXPECT_EQ(d.all()[0].file, "sites.gpkg");
  EXPECT_EQ(d.all()[0].layer, "bases");
  EXPECT_EQ(d.all()[0].message, "GDAL: odd value in field 'year'");
}

TEST(GdalSupport, LoadingABrokenSourcePrintsNothingAndSaysWhyOnce) {
  const std::string path = "/vsimem/pamir_broken.geojson";
  writeVsimem(path, R"({"type":"FeatureCollection","features":[{"type":"Feature",)");
  ::testing::internal::CaptureStderr();
  Diagnostics d;
  auto src = data::loadSource(path, d);
  auto info = data::describeSource(path, d);
  EXPECT_EQ(::testing::internal::GetCapturedStderr(), "");
  VSIUnlink(path.c_str());
  EXPECT_TRUE(src.layers.empty());
  EXPECT_FALSE(info);
  ASSERT_EQ(d.all().size(), 2u);  // one line for each operation, GDAL's reason folded in
  for (const auto& x : d.all()) {
    EXPECT_EQ(x.severity, Severity::Error);
    EXPECT_EQ(x.file, path);
    EXPECT_NE(x.message.find("not a geodata source GDAL can open"), std::string::npos) << x.line();
  }
}

TEST(GdalSupport, OpenDatasetOwnsWhatItOpens) {
  GDALDatasetUniquePtr ds = data::openDataset(kDir + "sample.gpkg");
  ASSERT_TRUE(ds);
  EXPECT_EQ(ds->GetLayerCount(), 2);
  data::GdalErrorCapture quiet;  // GDAL's "No such file" stays with this test
  EXPECT_FALSE(data::openDataset(kDir + "no-such-file.gpkg"));
}
