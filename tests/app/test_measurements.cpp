// Measurements kept in the window: values, bearings, and the GeoJSON export.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "app/measurements.hpp"
#include "geo/geodesic.hpp"
#include "geo/units.hpp"

using namespace pamir;

namespace {
const LonLat kOutpost{74.9, 37.4};
const LonLat kGilgit{74.30833, 35.92083};
}  // namespace

TEST(Measurements, GeodesicRhumbAndPlanarSideBySide) {
  auto view = geo::Projection::create("");
  ASSERT_TRUE(view) << view.error();
  app::Measurement m = app::measure(kOutpost, kGilgit, *view, "outpost to Gilgit");
  EXPECT_NEAR(m.geodesic_m, geo::inverse(kOutpost, kGilgit).distance_m, 1e-9);
  EXPECT_NEAR(m.geodesic_m, 172.6e3, 0.5e3);
  // Heading south-south-west: a bearing in 0-360, not a negative azimuth.
  EXPECT_GT(m.azimuth1_deg, 180.0);
  EXPECT_LT(m.azimuth1_deg, 225.0);
  EXPECT_GE(m.rhumb_m, m.geodesic_m);  // the geodesic is the shortest path
  // The default LCC shrinks lengths here by about half a percent.
  EXPECT_LT(m.planar_m, m.geodesic_m);
  EXPECT_NEAR(m.planar_m / m.geodesic_m, 0.995, 0.003);

  auto mercator = geo::Projection::create("EPSG:3857");
  ASSERT_TRUE(mercator);
  // Web Mercator inflates lengths by 1/cos(lat): ~25 % at 37 N.
  EXPECT_NEAR(app::measure(kOutpost, kGilgit, *mercator).planar_m / m.geodesic_m, 1.24, 0.02);
  auto lonlat = geo::Projection::create("EPSG:4326");
  ASSERT_TRUE(lonlat);
  EXPECT_TRUE(std::isnan(app::measure(kOutpost, kGilgit, *lonlat).planar_m)) << "degrees are not a length";
}

TEST(Measurements, GeodesicPathStaysOnTheGeodesic) {
  auto path = app::geodesicPath(kOutpost, kGilgit, 5000.0);
  ASSERT_GE(path.size(), 35u);  // 172 km in 5 km steps
  EXPECT_NEAR(path.front().lat, kOutpost.lat, 1e-9);
  EXPECT_NEAR(path.front().lon, kOutpost.lon, 1e-9);
  EXPECT_NEAR(path.back().lat, kGilgit.lat, 1e-9);
  double total = 0;
  for (size_t i = 1; i < path.size(); ++i) total += geo::distance(path[i - 1], path[i]);
  EXPECT_NEAR(total, geo::distance(kOutpost, kGilgit), 1e-3);
}

TEST(Measurements, ExportIsWholeGeoJsonWithMethodAndEllipsoid) {
  std::string err;
  auto view = geo::Projection::create("");
  ASSERT_TRUE(view);
  const std::string dir = std::string(PAMIR_TEST_OUT_DIR) + "/measurements/";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "export.geojson";
  std::vector<app::Measurement> list{app::measure(kOutpost, kGilgit, *view, "outpost to Gilgit")};
  ASSERT_TRUE(app::exportMeasurementsGeoJson(list, path, &err)) << err;
  std::ifstream in(path);
  auto j = nlohmann::json::parse(in);
  ASSERT_EQ(j["features"].size(), 1u);
  const auto& p = j["features"][0]["properties"];
  EXPECT_EQ(p["method"], "geodesic (Karney) on WGS84 via PROJ");
  EXPECT_EQ(p["ellipsoid"], "WGS84");
  EXPECT_NEAR(p["distance_m"].get<double>(), list[0].geodesic_m, 1e-6);
  EXPECT_GT(j["features"][0]["geometry"]["coordinates"].size(), 10u);

  // An unwritable target: an error, and the earlier file is untouched.
  const auto before = std::filesystem::file_size(path);
  EXPECT_FALSE(app::exportMeasurementsGeoJson(list, dir + "no/such/dir/x.geojson", &err));
  EXPECT_NE(err.find("cannot write"), std::string::npos) << err;
  EXPECT_EQ(std::filesystem::file_size(path), before);
}

TEST(Measurements, SessionRoundTripAndUnreadableFiles) {
  std::string err;
  auto view = geo::Projection::create("");
  ASSERT_TRUE(view);
  const std::string dir = std::string(PAMIR_TEST_OUT_DIR) + "/measurements/";
  std::filesystem::create_directories(dir);
  const std::string path = dir + "session.geojson";
  std::vector<app::Measurement> list{app::measure(kOutpost, kGilgit, *view, "outpost to Gilgit"),
                                     app::measure(kGilgit, {68.675445, 38.51421}, *view, "Gilgit to Ayni")};
  ASSERT_TRUE(app::exportMeasurementsGeoJson(list, path, &err)) << err;
  auto back = app::importMeasurementsGeoJson(path, *view, &err);
  ASSERT_TRUE(back) << err;
  ASSERT_EQ(back->size(), 2u);
  EXPECT_EQ((*back)[1].label, "Gilgit to Ayni");
  EXPECT_NEAR((*back)[0].geodesic_m, list[0].geodesic_m, 1e-6);

  auto none = app::importMeasurementsGeoJson(dir + "absent.geojson", *view, &err);
  ASSERT_TRUE(none);
  EXPECT_TRUE(none->empty());

  std::ofstream(dir + "broken.geojson") << R"({"type":"FeatureCollection","features":[{"geometry":{"coordinates":[[0,95],[1,1]]}}]})";
  EXPECT_FALSE(app::importMeasurementsGeoJson(dir + "broken.geojson", *view, &err));
  EXPECT_NE(err.find("broken.geojson"), std::string::npos) << err;
}

// How the window and its panels show a length at a glance (the one distance formatter).
TEST(Measurements, ShownLengthsPickTheirUnitBySize) {
  EXPECT_EQ(geo::formatDistance(850.4), "850 m");
  EXPECT_EQ(geo::formatDistance(999.4), "999 m");
  EXPECT_EQ(geo::formatDistance(43819.0), "43.82 km");
  EXPECT_EQ(geo::formatDistance(212345.6), "212.3 km");
  EXPECT_EQ(geo::formatDistance(NAN), "–");  // a planar length in a geographic CRS
  const double d = geo::distance(kOutpost, kGilgit);
  EXPECT_EQ(geo::formatDistance(d), geo::formatDistance(d, geo::DistanceUnit::Kilometre, 1));
}
