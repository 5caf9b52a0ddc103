// `pamir measure` and `pamir ring` run as a user runs them (in this
// process), output parsed from --json / GeoJSON and checked against the geo module.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "geo/geodesic.hpp"
#include "geo/path_measure.hpp"
#include "geo/range_ring.hpp"
#include "support/run_command.hpp"
#include "support/shell_command.hpp"

using nlohmann::json;
namespace fs = std::filesystem;

namespace {

using Result = pamir::test::CommandResult;

const std::string kOut = std::string(PAMIR_TEST_OUT_DIR) + "/measure/";

Result runPamir(const std::vector<std::string>& args) {
  fs::create_directories(kOut);
  return pamir::test::runCommand(args);
}

const std::string kSites = std::string(PAMIR_TEST_DATA_DIR) + "/measure/sites.geojson";
const std::string kLaunchers = std::string(PAMIR_TEST_DATA_DIR) + "/measure/launchers.geojson";
const std::string kOneSite = std::string(PAMIR_TEST_DATA_DIR) + "/measure/one_site.geojson";

json measureJson(const std::string& a, const std::string& b, std::vector<std::string> extra = {}) {
  std::vector<std::string> args{"measure", a, b, "--json"};
  args.insert(args.end(), extra.begin(), extra.end());
  Result r = runPamir(args);
  EXPECT_EQ(r.status, 0) << a << " / " << b << ": " << r.err;
  if (r.status != 0) return json::object();
  return json::parse(r.out);
}

pamir::LonLat at(const json& j) { return {j["lon"].get<double>(), j["lat"].get<double>()}; }

size_t lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST(MeasureCli, TwoCoordinatesAgreeWithTheGeodesicModule) {
  json j = measureJson("37.4,74.9", "35.92083, 74.30833");
  pamir::LonLat a{74.9, 37.4}, b{74.30833, 35.92083};
  pamir::geo::GeodesicInverse g = pamir::geo::inverse(a, b);
  EXPECT_NEAR(j["distance_m"].get<double>(), g.distance_m, 1e-6);
  EXPECT_NEAR(j["azimuth1_deg"].get<double>(), g.azimuth1_deg + (g.azimuth1_deg < 0 ? 360 : 0), 1e-9);
  EXPECT_EQ(j["relation"], "disjoint");
  EXPECT_EQ(j["ellipsoid"], "WGS84");
  EXPECT_EQ(j["method"], "geodesic (Karney) on WGS84 via PROJ");
  EXPECT_NEAR(at(j["from"]).lat, 37.4, 1e-12);
  EXPECT_NEAR(at(j["to"]).lon, 74.30833, 1e-12);
  // Rhumb and planar beside it: close to, but not the same as, the geodesic.
  double rhumb = j["rhumb_m"].get<double>(), planar = j["planar_m"].get<double>();
  EXPECT_GE(rhumb, g.distance_m - 1e-6);
  EXPECT_NEAR(rhumb, g.distance_m, 50.0);
  EXPECT_NEAR(planar / g.distance_m, j["planar_scale_factor"].get<double>(), 0.01);
  EXPECT_FALSE(j["planar_crs"].get<std::string>().empty());
}

TEST(MeasureCli, DmsMgrsAndUnits) {
  json dd = measureJson("37.4,74.9", "35.92083,74.30833");
  json dms = measureJson("37°24'N 74°54'E", "N35 55.2498 E74 18.4998");
  EXPECT_NEAR(dms["distance_m"].get<double>(), dd["distance_m"].get<double>(), 0.05);
  json nm = measureJson("37.4,74.9", "35.92083,74.30833", {"--units", "nm"});
  EXPECT_EQ(nm["units"], "nm");
  EXPECT_NEAR(nm["distance"].get<double>() * 1852.0, dd["distance_m"].get<double>(), 1e-6);
  json mgrs = measureJson("43SDB9114939251", "37.4,74.9");
  EXPECT_LT(mgrs["distance_m"].get<double>(), 1.0);  // the 1 m square holding the point
}

TEST(MeasureCli, HumanOutputStatesMethodPointsAndRelation) {
  Result r = runPamir({"measure", "37.4,74.9", "35.92083,74.30833", "--units", "mi"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("method: geodesic (Karney) on WGS84 via PROJ"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" mi"), std::string::npos);
  EXPECT_NE(r.out.find("37°24′00.0″N 074°54′00.0″E"), std::string::npos) << r.out;  // DMS of the closest point
  EXPECT_NE(r.out.find("43S DB"), std::string::npos) << r.out;                      // and its MGRS
  EXPECT_NE(r.out.find("relation    A disjoint B"), std::string::npos);
  EXPECT_NE(r.out.find("rhumb line"), std::string::npos);
  EXPECT_NE(r.out.find("planar"), std::string::npos);
}

TEST(MeasureCli, FeatureNamesIgnoreCaseAccentsAndPunctuation) {
  json a = measureJson("murgob", "KHORUGH", {"--data", kSites});
  json b = measureJson("Murğob", "khorog", {"--data", kSites});  // alternative name
  EXPECT_NEAR(a["distance_m"].get<double>(), b["distance_m"].get<double>(), 1e-9);
  EXPECT_NEAR(a["distance_m"].get<double>(), pamir::geo::distance({73.9667, 38.1702}, {71.5531, 37.4897}), 1e-6);
  EXPECT_EQ(a["a"]["kind"], "feature");
  json c = measureJson("north-box", "south  box", {"--data", kSites});
  EXPECT_EQ(c["relation"], "touching");
  EXPECT_EQ(c["distance_m"].get<double>(), 0.0);
  EXPECT_TRUE(c["azimuth1_deg"].is_null());
  EXPECT_TRUE(c["azimuth2_deg"].is_null());
  json d = measureJson("Inner Camp", "North Box", {"--data", kSites});
  EXPECT_EQ(d["relation"], "within");
  EXPECT_EQ(d["distance_m"].get<double>(), 0.0);
}

TEST(MeasureCli, FeaturesByIdAndFromFiles) {
  json byFid = measureJson(kSites + "#2", kSites + ":sites#3");
  json byName = measureJson("Khorugh", "Murgob", {"--data", kSites});
  EXPECT_NEAR(byFid["distance_m"].get<double>(), byName["distance_m"].get<double>(), 1e-9);
  json byIdField = measureJson("sites#khorugh", "sites#murghob", {"--data", kSites});
  EXPECT_NEAR(byIdField["distance_m"].get<double>(), byName["distance_m"].get<double>(), 1e-9);
  json file = measureJson(kOneSite, "37.4,74.9");
  EXPECT_EQ(file["distance_m"].get<double>(), 0.0);
  EXPECT_EQ(file["relation"], "touching");  // a point on a point
}

TEST(MeasureCli, AmbiguousNameListsCandidatesAndExitsTwo) {
  Result r = runPamir({"measure", "camp alpha", "Khorugh", "--data", kSites});
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("ambiguous"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("sites#0"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("sites#1"), std::string::npos) << r.err;
  EXPECT_TRUE(r.out.empty());
}

TEST(MeasureCli, BadInputGivesOneClearLineAndTheRightStatus) {
  struct Case {
    std::vector<std::string> args;
    int status;
    std::string says;
  };
  const Case cases[] = {
      {{"measure", "97.0,74.9", "37,74"}, 2, "beyond ±90"},
      {{"measure", "37.4,74.9", "37°61'N 74°E"}, 2, "minutes must be below 60"},
      {{"measure", "Atlantis", "Khorugh", "--data", kSites}, 2, "'Atlantis' is not a coordinate"},
      {{"measure", "37.4,74.9"}, 2, "two operands"},
      {{"area", "37.4,74.9", "37,74"}, 2, "three or more operands"},
      {{"area", "37.4,74.9", "37,74", "Atlantis", "--data", kSites}, 2, "'Atlantis' is not a coordinate"},
      {{"ring", "37.4,74.9", "--radius", "100km,,200km"}, 2, "empty distance"},
      {{"ring", "37.4,74.9", "--radius", "100km", "--radius-field", "range_km"}, 2, "not both"},
      {{"ring", "37.4,74.9", "--radius-field", "range_km"}, 2, "needs a feature"},
      {{"ring", "Battery North", "--radius-field", "notes", "--data", kLaunchers}, 2, "'n/a', not a number"},
      {{"ring", "Battery North", "--radius-field", "spare_km", "--data", kLaunchers}, 2, "empty, not a number"},
      {{"ring", "Battery North", "--radius-field", "range_kms", "--data", kLaunchers}, 2, "no field 'range_kms'"},
      {{"ring", "Battery North", "--radius-field", "range", "--data", kLaunchers}, 2, "give --radius-unit"},
      {{"measure", "37.4,74.9", "37,74", "--units", "furlong"}, 2, "--units"},
      {{"measure", "37.4,74.9", "37,74", "--frobnicate"}, 2, "unknown option"},
      {{"measure", kSites, "37,74"}, 2, "holds 8 features"},
      {{"measure", kSites + "#99", "37,74"}, 2, "no feature with id or name '99'"},
      {{"measure", "37,74", "37,74", "--data", "/nonexistent/file.gpkg"}, 0, ""},  // data not needed for coordinates
      {{"measure", "Khorugh", "37,74", "--data", "/nonexistent/file.gpkg"}, 1, "cannot load"},
      {{"measure", "sites#nothing", "37,74", "--data", kSites}, 1, ""},
      {{"ring", "37.4,74.9"}, 2, "--radius"},
      {{"ring", "37.4,74.9", "--radius", "200"}, 2, "no unit"},
      {{"ring", "37.4,74.9", "--radius", "-5km"}, 2, "negative"},
      {{"ring", "North Box", "--radius", "5km", "--data", kSites}, 2, "must be a point"},
      {{"ring", "95,0", "--radius", "5km"}, 2, "beyond ±90"},
  };
  for (const Case& c : cases) {
    Result r = runPamir(c.args);
    std::string joined;
    for (const auto& a : c.args) joined += a + " ";
    EXPECT_EQ(r.status, c.status) << joined << "\n" << r.err;
    if (c.status != 0) {
      EXPECT_TRUE(r.out.empty()) << joined;
      EXPECT_GE(lines(r.err), 1u) << joined;
      EXPECT_NE(r.err.find(c.says), std::string::npos) << joined << "\n" << r.err;
      EXPECT_EQ(r.err.find("terminate"), std::string::npos) << joined;  // no crash
    }
  }
}

TEST(MeasureCli, RingIsAGeodesicCircleInGeoJson) {
  Result r = runPamir({"ring", "37.4,74.9", "--radius", "200km"});
  ASSERT_EQ(r.status, 0) << r.err;
  json fc = json::parse(r.out);
  ASSERT_EQ(fc["type"], "FeatureCollection");
  json f = fc["features"][0];
  EXPECT_EQ(f["geometry"]["type"], "Polygon");
  EXPECT_NEAR(f["properties"]["radius_m"].get<double>(), 200000.0, 1e-9);
  const json& ring = f["geometry"]["coordinates"][0];
  ASSERT_GT(ring.size(), 360u);
  EXPECT_EQ(ring.front(), ring.back());
  for (const json& v : ring)
    EXPECT_NEAR(pamir::geo::distance({74.9, 37.4}, {v[0].get<double>(), v[1].get<double>()}), 200000.0, 1e-3);
  // Nautical miles, and across the antimeridian: two polygons, still on the circle.
  r = runPamir({"ring", "-17,179.5", "--radius", "150nm"});
  ASSERT_EQ(r.status, 0) << r.err;
  f = json::parse(r.out)["features"][0];
  EXPECT_EQ(f["geometry"]["type"], "MultiPolygon");
  EXPECT_EQ(f["geometry"]["coordinates"].size(), 2u);
  for (const json& poly : f["geometry"]["coordinates"])
    for (const json& v : poly[0])
      EXPECT_NEAR(pamir::geo::distance({179.5, -17}, {v[0].get<double>(), v[1].get<double>()}), 150 * 1852.0, 1e-3);
}

TEST(MeasureCli, RingWritesAWholeFileOrNone) {
  const std::string dirOut = kOut + "ring_whole/";  // this test's own folder: others write into kOut
  fs::create_directories(dirOut);
  std::string path = dirOut + "ring.geojson";
  fs::remove(path);
  Result r = runPamir({"ring", "Khorugh", "--radius", "50km", "-o", path, "--data", kSites});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_TRUE(r.out.empty());
  std::ifstream in(path);
  json fc = json::parse(in);
  EXPECT_EQ(fc["features"][0]["geometry"]["type"], "Polygon");
  // A target that cannot be written: an error, and nothing left behind.
  std::string dir = dirOut + "ring_as_dir";
  fs::create_directories(dir);
  r = runPamir({"ring", "37.4,74.9", "--radius", "50km", "-o", dir});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot write"), std::string::npos) << r.err;
  for (const auto& e : fs::directory_iterator(dirOut))
    EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
}

TEST(MeasureCliExecutable, ExitStatusesAndStreams) {
  const std::string pamir = PAMIR_EXECUTABLE;
  pamir::test::ShellResult ok = pamir::test::runShell(pamir + " measure 37.4,74.9 35.92083,74.30833 --json");
  EXPECT_EQ(ok.status, 0);
  EXPECT_NEAR(json::parse(ok.out)["distance_m"].get<double>(), pamir::geo::distance({74.9, 37.4}, {74.30833, 35.92083}),
              1e-6);
  pamir::test::ShellResult usage = pamir::test::runShell(pamir + " measure 37.4,74.9 2>/dev/null");
  EXPECT_EQ(usage.status, 2);
  EXPECT_TRUE(usage.out.empty()) << usage.out;
  pamir::test::ShellResult data =
      pamir::test::runShell(pamir + " measure Khorugh 37,74 --data /nonexistent/file.gpkg 2>&1");
  EXPECT_EQ(data.status, 1);
  EXPECT_NE(data.out.find("cannot load"), std::string::npos) << data.out;
}

// The source document: "Chinese troops near Wakhan ... about 200 km from
// Gilgit Baltistan". Measured on the built-in dataset.
TEST(MeasureCli, SeedQuestionOnTheBuiltInDataset) {
  if (!fs::exists(std::string(PAMIR_GEODATA_DIR) + "/manifest.json")) GTEST_SKIP() << "no built-in dataset";
  json corridor = measureJson("Wakhan Corridor", "Gilgit-Baltistan");
  json outpostRegion = measureJson("bases#cn_outpost_shaymak", "Gilgit-Baltistan");
  json outpostCity = measureJson("bases#cn_outpost_shaymak", "places#Gilgit");
  ASSERT_FALSE(corridor.empty());
  ASSERT_FALSE(outpostRegion.empty());
  ASSERT_FALSE(outpostCity.empty());

  // The corridor and the region share a border: distance 0. The two sources
  // draw it differently, so they may overlap by slivers, but not by more
  // than a kilometre or two.
  EXPECT_EQ(corridor["distance_m"].get<double>(), 0.0);
  std::string rel = corridor["relation"];
  EXPECT_TRUE(rel == "touching" || rel == "overlapping") << rel;
  EXPECT_LT(corridor["overlap_depth_m"].get<double>(), 2000.0);

  // The outpost (an estimate, ±20 km) is a few tens of km from the region's edge...
  double region = outpostRegion["distance_m"].get<double>();
  EXPECT_EQ(outpostRegion["relation"], "disjoint");
  EXPECT_GT(region, 20e3);
  EXPECT_LT(region, 80e3);
  // ...and 150-260 km from Gilgit city.
  double city = outpostCity["distance_m"].get<double>();
  EXPECT_GT(city, 150e3);
  EXPECT_LT(city, 260e3);
  // "About 200 km" fits the distance to Gilgit city, not to Gilgit-Baltistan.
  EXPECT_LT(std::fabs(city - 200e3), std::fabs(region - 200e3));
  EXPECT_LT(std::fabs(city - 200e3), std::fabs(corridor["distance_m"].get<double>() - 200e3));
  EXPECT_EQ(outpostCity["a"]["uncertainty_km"].get<double>(), 20.0);
}

TEST(MeasureCli, ThreeOrMoreOperandsMeasureThePathThroughThem) {
  Result r = runPamir({"measure", "37.4,74.9", "35.92083,74.30833", "Khorugh", "--data", kSites, "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  ASSERT_EQ(j["segments"].size(), 2u);
  ASSERT_EQ(j["vertices"].size(), 3u);
  double total = 0;
  pamir::Path path;
  for (const json& v : j["vertices"]) path.push_back(at(v));
  for (size_t i = 0; i < 2; ++i) {
    const json& s = j["segments"][i];
    const pamir::geo::GeodesicInverse inv = pamir::geo::inverse(path[i], path[i + 1]);
    EXPECT_NEAR(s["distance_m"].get<double>(), inv.distance_m, 1e-6);
    EXPECT_NEAR(s["azimuth1_deg"].get<double>(), inv.azimuth1_deg < 0 ? inv.azimuth1_deg + 360 : inv.azimuth1_deg,
                1e-9);
    EXPECT_NEAR(s["azimuth2_deg"].get<double>(), inv.azimuth2_deg < 0 ? inv.azimuth2_deg + 360 : inv.azimuth2_deg,
                1e-9);
    total += inv.distance_m;
  }
  EXPECT_NEAR(j["total_m"].get<double>(), total, 1e-6);
  EXPECT_EQ(j["method"], "geodesic (Karney) on WGS84 via PROJ");
  EXPECT_EQ(j["ellipsoid"], "WGS84");
  EXPECT_EQ(j["planar_crs"].get<std::string>().find("unknown"), std::string::npos) << j["planar_crs"];
  // Two operands keep the nearest-distance answer and its fields.
  const json two = measureJson("37.4,74.9", "35.92083,74.30833");
  EXPECT_TRUE(two.contains("relation"));
  EXPECT_TRUE(two.contains("distance_m"));
  EXPECT_FALSE(two.contains("segments"));
  // The text form lists each leg with the running total.
  r = runPamir({"measure", "37.4,74.9", "35.92083,74.30833", "36,75", "--units", "nm"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("leg 1-2"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("leg 2-3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(" nm"), std::string::npos) << r.out;
}

TEST(MeasureCli, AreaIsTheGeodesicPolygonWithAPlanarComparison) {
  Result r = runPamir({"area", "37,74", "37,75", "38,75", "38,74", "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json j = json::parse(r.out);
  const pamir::geo::PolygonMeasure m = pamir::geo::measurePolygon({{74, 37}, {75, 37}, {75, 38}, {74, 38}});
  EXPECT_NEAR(j["area_m2"].get<double>(), m.area_m2, 1e-3);
  EXPECT_NEAR(j["perimeter_m"].get<double>(), m.perimeter_m, 1e-6);
  // About 9,814 km² (a degree cell at 37.5°N).
  EXPECT_NEAR(j["area_m2"].get<double>() / 1e6, 9813.9, 0.1);
  // Equal-area planar: within 0.01 %; the conformal view CRS is off by about 1 %.
  EXPECT_NEAR(j["planar_area_m2"].get<double>() / m.area_m2, 1.0, 1e-4);
  EXPECT_NE(j["planar_crs"].get<std::string>().find("Lambert Azimuthal Equal Area"), std::string::npos) << j;
  EXPECT_GT(std::fabs(j["view_crs_error_pct"].get<double>()), 0.1);
  EXPECT_EQ(j["view_crs"].get<std::string>().find("unknown"), std::string::npos);
  EXPECT_NE(j["method"].get<std::string>().find("geod_polygon"), std::string::npos);
  EXPECT_EQ(j["ellipsoid"], "WGS84");
  // Names and ids resolve as for measure.
  r = runPamir({"area", "Khorugh", "Murgob", "North Box", "--data", kSites, "--json"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_GT(json::parse(r.out)["area_m2"].get<double>(), 0);
  r = runPamir({"area", "37,74", "37,75", "38,75"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("km²"), std::string::npos);
  EXPECT_NE(r.out.find("perimeter"), std::string::npos);
}

TEST(MeasureCli, SeveralRadiiAreOneFeatureEachInnermostFirst) {
  Result r = runPamir({"ring", "37.4,74.9", "--radius", "300km,100km,150nm"});
  ASSERT_EQ(r.status, 0) << r.err;
  const json fc = json::parse(r.out);
  ASSERT_EQ(fc["features"].size(), 3u);
  const double want[] = {100000, 150 * 1852.0, 300000};
  for (size_t i = 0; i < 3; ++i) {
    const json& f = fc["features"][i];
    EXPECT_NEAR(f["properties"]["radius_m"].get<double>(), want[i], 1e-9);
    const json& v = f["geometry"]["coordinates"][0][10];
    EXPECT_NEAR(pamir::geo::distance({74.9, 37.4}, {v[0].get<double>(), v[1].get<double>()}), want[i], 1e-3);
  }
  r = runPamir({"ring", "37.4,74.9", "--radius", "100, 200, 300 km"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(json::parse(r.out)["features"].size(), 3u);
}

TEST(MeasureCli, RingRadiusFromTheCentreFeaturesAttribute) {
  auto radiusOf = [](std::vector<std::string> args) -> double {
    Result r = runPamir(args);
    EXPECT_EQ(r.status, 0) << r.err;
    if (r.status != 0) return NAN;
    const json f = json::parse(r.out)["features"][0];
    EXPECT_EQ(f["properties"]["radius_from"], args[3]);
    return f["properties"]["radius_m"].get<double>();
  };
  EXPECT_NEAR(radiusOf({"ring", "Battery North", "--radius-field", "range_km", "--data", kLaunchers}), 300000, 1e-9);
  EXPECT_NEAR(radiusOf({"ring", "Battery South", "--radius-field", "range_km", "--data", kLaunchers}), 70250, 1e-9);
  EXPECT_NEAR(radiusOf({"ring", "Battery North", "--radius-field", "reach_nm", "--data", kLaunchers}), 54.5 * 1852,
              1e-9);
  EXPECT_NEAR(
      radiusOf({"ring", "Battery North", "--radius-field", "range", "--radius-unit", "mi", "--data", kLaunchers}),
      120 * 1609.344, 1e-9);
  // The built-in dataset: the outpost's location uncertainty as a ring.
  Result r = runPamir({"ring", "bases#cn_outpost_shaymak", "--radius-field", "uncertainty_km"});
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_GT(json::parse(r.out)["features"][0]["properties"]["radius_m"].get<double>(), 0);
  // A clear one-line error for a field that is not a number.
  r = runPamir({"ring", "Battery North", "--radius-field", "notes", "--data", kLaunchers});
  EXPECT_EQ(r.status, 2);
  EXPECT_EQ(lines(r.err), 1u) << r.err;
}
