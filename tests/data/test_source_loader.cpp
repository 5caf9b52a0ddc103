// Loading real files in every supported vector format through GDAL, and
// surviving broken ones with one clear line per problem.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>

#include <cpl_vsi.h>

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
  const std::string json =
      R"({"type":"FeatureCollection","features":[{"type":"Feature","properties":{"name":"Kant"},)"
      R"("geometry":{"type":"Point","coordinates":[74.84639,42.85306]}}]})";
  VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), reinterpret_cast<GByte*>(const_cast<char*>(json.data())),
                                     json.size(), FALSE);
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
