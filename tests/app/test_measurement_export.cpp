// Measurements written as CSV, KML and GeoJSON and read back by GDAL (its
// CSV, LIBKML and GeoJSON drivers), numbers intact; the session file keeps
// every kind and still reads the files written before there were kinds.
#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <string>

#include "app/measurement_export.hpp"
#include "app/measurements.hpp"
#include "core/number.hpp"
#include "geo/geodesic.hpp"

using namespace pamir;
using namespace pamir::app;
namespace fs = std::filesystem;

namespace {

const geo::Projection& view() {
  static const geo::Projection p = *geo::Projection::create("");
  return p;
}

std::vector<Measurement> sample() {
  std::vector<Measurement> list;
  list.push_back(measure({74.9, 37.4}, {74.30833, 35.92083}, view(), "outpost → Gilgit, \"city\""));
  list.push_back(measurePath({{74.9, 37.4}, {74.30833, 35.92083}, {71.5531, 37.4897}}, view(), "Path 1"));
  list.push_back(measureArea({{74, 37}, {75, 37}, {75, 38}, {74, 38}}, view(), "Area <cell> & more"));
  list.push_back(measureRing({74.9, 37.4}, 200000, view(), "200 km ring round the outpost"));
  list.back().radiusFrom = "range_km";
  list.push_back(measureRing({179.5, -17}, 150 * 1852.0, view(), "across the antimeridian"));
  list[1].color = 0x008C3CFFu;
  list[2].hidden = true;
  return list;
}

fs::path outDir(const std::string& name) {
  const fs::path dir = fs::path(PAMIR_TEST_OUT_DIR) / "measurement_export" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

struct Row {
  std::map<std::string, std::string> fields;
  std::map<std::string, double> reals;  ///< fields GDAL typed as Real, as doubles
  OGRwkbGeometryType geometry = wkbUnknown;
  int points = 0;
};

// Every feature of the only layer, through the one driver named.
std::vector<Row> readWithGdal(const fs::path& path, const char* driver) {
  GDALAllRegister();
  const char* drivers[] = {driver, nullptr};
  GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, drivers, nullptr, nullptr);
  EXPECT_NE(ds, nullptr) << path << " " << driver << ": " << CPLGetLastErrorMsg();
  std::vector<Row> rows;
  if (!ds) return rows;
  OGRLayerH layer = GDALDatasetGetLayer(ds, 0);
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  OGR_L_ResetReading(layer);
  while (OGRFeatureH f = OGR_L_GetNextFeature(layer)) {
    Row r;
    for (int i = 0; i < OGR_FD_GetFieldCount(defn); ++i)
      if (OGR_F_IsFieldSetAndNotNull(f, i)) {
        OGRFieldDefnH fd = OGR_FD_GetFieldDefn(defn, i);
        r.fields[OGR_Fld_GetNameRef(fd)] = OGR_F_GetFieldAsString(f, i);
        if (OGR_Fld_GetType(fd) == OFTReal) r.reals[OGR_Fld_GetNameRef(fd)] = OGR_F_GetFieldAsDouble(f, i);
      }
    if (OGRGeometryH g = OGR_F_GetGeometryRef(f)) {
      r.geometry = wkbFlatten(OGR_G_GetGeometryType(g));
      r.points = OGR_G_GetPointCount(g);
      if (r.geometry == wkbPolygon) r.points = OGR_G_GetPointCount(OGR_G_GetGeometryRef(g, 0));
    }
    rows.push_back(std::move(r));
    OGR_F_Destroy(f);
  }
  GDALClose(ds);
  return rows;
}

// A field's value as GDAL read it: its double for a Real field, else its text
// read with a decimal point (the tests run under a locale with a decimal comma).
double number(const Row& r, const std::string& field) {
  if (auto real = r.reals.find(field); real != r.reals.end()) return real->second;
  auto it = r.fields.find(field);
  EXPECT_NE(it, r.fields.end()) << field;
  if (it == r.fields.end()) return NAN;
  return parseNumber(it->second, NumberSyntax::Decimal).value_or(NAN);
}

}  // namespace

TEST(MeasurementExport, CsvReadsBackInGdalWithEveryNumberIntact) {
  const std::vector<Measurement> list = sample();
  const fs::path path = outDir("csv") / "measurements.csv";
  std::string err;
  ASSERT_TRUE(exportMeasurements(list, path, exportFormatFor(path), &err)) << err;
  const std::vector<Row> rows = readWithGdal(path, "CSV");
  ASSERT_EQ(rows.size(), list.size());
  for (size_t i = 0; i < list.size(); ++i) {
    const Row& r = rows[i];
    const Measurement& m = list[i];
    EXPECT_EQ(r.fields.at("name"), m.label);
    EXPECT_EQ(r.fields.at("kind"), kindName(m.kind));
    // The shortest text that reads back as the same double: equal, not near.
    EXPECT_EQ(number(r, "geodesic_m"), m.geodesic_m) << i;
    EXPECT_EQ(r.fields.at("method").empty(), false);
    EXPECT_EQ(r.fields.at("ellipsoid"), "WGS84");
    EXPECT_EQ(r.fields.at("view_crs"), view().name());
    EXPECT_EQ(r.fields.at("view_crs").find("unknown"), std::string::npos);
  }
  EXPECT_EQ(number(rows[0], "azimuth1_deg"), list[0].azimuth1_deg);
  EXPECT_EQ(number(rows[0], "rhumb_m"), list[0].rhumb_m);
  EXPECT_EQ(number(rows[0], "planar_m"), list[0].planar_m);
  EXPECT_EQ(rows[0].geometry, wkbLineString);
  EXPECT_EQ(rows[1].geometry, wkbLineString);
  EXPECT_EQ(rows[1].points, 3);  // the path's own vertices
  EXPECT_EQ(number(rows[2], "area_m2"), list[2].area_m2);
  EXPECT_EQ(number(rows[2], "planar_area_m2"), list[2].planarArea_m2);
  EXPECT_EQ(rows[2].geometry, wkbPolygon);
  EXPECT_EQ(rows[2].points, 5);  // closed
  EXPECT_EQ(number(rows[3], "radius_m"), 200000.0);
  EXPECT_EQ(number(rows[3], "center_lon"), 74.9);
  EXPECT_EQ(rows[3].fields.at("radius_from"), "range_km");
  EXPECT_EQ(rows[3].geometry, wkbPolygon);
  EXPECT_GE(rows[3].points, 361);
  EXPECT_EQ(rows[4].geometry, wkbMultiPolygon);      // cut at the antimeridian
  EXPECT_EQ(rows[2].fields.at("azimuth1_deg"), "");  // empty where it does not apply
}

TEST(MeasurementExport, KmlReadsBackInGdalsLibkmlDriver) {
  const std::vector<Measurement> list = sample();
  const fs::path path = outDir("kml") / "measurements.kml";
  std::string err;
  ASSERT_TRUE(exportMeasurements(list, path, exportFormatFor(path), &err)) << err;
  const std::vector<Row> rows = readWithGdal(path, "LIBKML");
  ASSERT_EQ(rows.size(), list.size());
  for (size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(rows[i].fields.at("Name"), list[i].label);
    EXPECT_EQ(rows[i].fields.at("kind"), kindName(list[i].kind));
    EXPECT_EQ(number(rows[i], "geodesic_m"), list[i].geodesic_m) << i;
    EXPECT_EQ(rows[i].fields.at("view_crs"), view().name());
  }
  EXPECT_EQ(rows[0].geometry, wkbLineString);
  EXPECT_GT(rows[0].points, 2);  // densified along the geodesic
  EXPECT_EQ(number(rows[2], "area_m2"), list[2].area_m2);
  EXPECT_EQ(rows[2].geometry, wkbPolygon);
  EXPECT_EQ(number(rows[3], "radius_m"), 200000.0);
  EXPECT_EQ(rows[4].geometry, wkbMultiPolygon);
  EXPECT_EQ(rows[2].fields.at("visibility"), "0");  // hidden stays hidden
  // The KML driver of GDAL without libkml reads the same file.
  EXPECT_EQ(readWithGdal(path, "KML").size(), list.size());
}

TEST(MeasurementExport, GeoJsonKeepsEveryKindAcrossASession) {
  const std::vector<Measurement> list = sample();
  const fs::path dir = outDir("session");
  MeasurementSession session((dir / "measurements.geojson").string());
  std::string problem;
  ASSERT_TRUE(session.save(list, &problem)) << problem;
  EXPECT_EQ(readWithGdal(dir / "measurements.geojson", "GeoJSON").size(), list.size());
  const std::vector<Measurement> back = session.load(view(), &problem);
  EXPECT_TRUE(problem.empty()) << problem;
  ASSERT_EQ(back.size(), list.size());
  for (size_t i = 0; i < list.size(); ++i) {
    EXPECT_EQ(back[i].kind, list[i].kind);
    EXPECT_EQ(back[i].label, list[i].label);
    EXPECT_EQ(back[i].points(), list[i].points());
    EXPECT_EQ(back[i].geodesic_m, list[i].geodesic_m);
    EXPECT_EQ(back[i].shownColor(), list[i].shownColor());
    EXPECT_EQ(back[i].hidden, list[i].hidden);
    EXPECT_EQ(back[i].radiusFrom, list[i].radiusFrom);
  }
  EXPECT_EQ(back[3].radius_m, 200000.0);
  EXPECT_EQ(back[2].area_m2, list[2].area_m2);
}

TEST(MeasurementExport, ASessionFromBeforeThereWereKindsStillReads) {
  const fs::path path = outDir("old") / "measurements.geojson";
  std::ofstream(path) << R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"label": "outpost → Gilgit", "distance_m": 172499.5, "method": "geodesic"},
     "geometry": {"type": "LineString", "coordinates": [[74.9, 37.4], [74.6, 36.7], [74.30833, 35.92083]]}}]})";
  std::string problem;
  const auto back = importMeasurementsGeoJson(path, view(), &problem);
  ASSERT_TRUE(back) << problem;
  ASSERT_EQ(back->size(), 1u);
  EXPECT_EQ((*back)[0].kind, MeasurementKind::Line);
  EXPECT_EQ((*back)[0].from, (LonLat{74.9, 37.4}));
  EXPECT_EQ((*back)[0].to, (LonLat{74.30833, 35.92083}));
  EXPECT_EQ((*back)[0].label, "outpost → Gilgit");
  // Kinds it does not know, or without their points, are refused and the file left alone.
  std::ofstream(path) << R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"kind": "ellipse", "points": [[74.9, 37.4]]}, "geometry": null}]})";
  EXPECT_FALSE(importMeasurementsGeoJson(path, view(), &problem));
  EXPECT_NE(problem.find("unknown kind 'ellipse'"), std::string::npos) << problem;
  std::ofstream(path) << R"({"type": "FeatureCollection", "features": [
    {"type": "Feature", "properties": {"kind": "ring", "points": [[74.9, 37.4]]}, "geometry": null}]})";
  EXPECT_FALSE(importMeasurementsGeoJson(path, view(), &problem));
  EXPECT_NE(problem.find("without a radius"), std::string::npos) << problem;
}

TEST(MeasurementExport, FormatsByExtension) {
  EXPECT_EQ(exportFormatFor("a.CSV"), ExportFormat::Csv);
  EXPECT_EQ(exportFormatFor("/tmp/x.kml"), ExportFormat::Kml);
  EXPECT_EQ(exportFormatFor("x.geojson"), ExportFormat::GeoJson);
  EXPECT_EQ(exportFormatFor("x"), ExportFormat::GeoJson);
  // A folder is refused, and nothing is left beside it.
  const fs::path dir = outDir("refused");
  std::string err;
  EXPECT_FALSE(exportMeasurements(sample(), (dir / "sub").string() + "/", ExportFormat::Csv, &err));
  EXPECT_FALSE(err.empty());
}
