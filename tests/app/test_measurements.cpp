// Measurements kept in the window: values, bearings, and the GeoJSON export.
#include <fcntl.h>
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <nlohmann/json.hpp>
#include <random>

#include "app/measurements.hpp"
#include "geo/geodesic.hpp"
#include "geo/units.hpp"
#include "render/simplify.hpp"

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

  std::ofstream(dir + "broken.geojson")
      << R"({"type":"FeatureCollection","features":[{"geometry":{"coordinates":[[0,95],[1,1]]}}]})";
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

// --- the session file the window keeps --------------------------------------------

namespace {

std::filesystem::path sessionDir(const std::string& name) {
  const auto dir = std::filesystem::path(PAMIR_TEST_OUT_DIR) / "measurement_session" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

const geo::Projection& defaultView() {
  static const auto p = geo::Projection::create("", nullptr);
  return *p;
}

}  // namespace

TEST(MeasurementSession, AFifoIsRefusedWithoutBlocking) {
  const auto fifo = sessionDir("fifo") / "measurements.geojson";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  app::MeasurementSession session(fifo.string());
  std::string problem;
  auto loading = std::async(std::launch::async, [&] { return session.load(defaultView(), &problem); });
  if (loading.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    // Opened for reading and waiting for a writer: be one, so the test can end.
    const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);
    if (fd >= 0) ::close(fd);
    loading.wait();
    FAIL() << "opening a FIFO as the session file blocked";
  }
  EXPECT_TRUE(loading.get().empty());
  EXPECT_NE(problem.find(fifo.string() + ": a FIFO, not a regular file"), std::string::npos) << problem;
  EXPECT_EQ(problem.find('\n'), std::string::npos) << "one line";
  EXPECT_FALSE(session.keeping());  // nothing is written to it later either
  EXPECT_TRUE(session.save({app::measure(kOutpost, kGilgit, defaultView())}, &problem));
  EXPECT_TRUE(std::filesystem::is_fifo(fifo));
}

TEST(MeasurementSession, AnEmptyFileIsNoMeasurementsAndSavingGoesOn) {
  const auto path = sessionDir("empty") / "measurements.geojson";
  std::ofstream(path).close();
  app::MeasurementSession session(path.string());
  std::string problem;
  EXPECT_TRUE(session.load(defaultView(), &problem).empty());
  EXPECT_EQ(problem, "");
  EXPECT_TRUE(session.keeping());
  ASSERT_TRUE(session.save({app::measure(kOutpost, kGilgit, defaultView(), "after the crash")}, &problem)) << problem;
  app::MeasurementSession again(path.string());
  const auto back = again.load(defaultView(), &problem);
  ASSERT_EQ(back.size(), 1u) << problem;
  EXPECT_EQ(back[0].label, "after the crash");
}

TEST(MeasurementSession, AFolderThatCannotBeWrittenIsReported) {
  // A file where the folder should be: no user, root included, can save there.
  const auto dir = sessionDir("unwritable");
  std::ofstream(dir / "state") << "not a folder";
  const std::string path = (dir / "state" / "pamir" / "measurements.geojson").string();
  std::string problem;
  EXPECT_TRUE(app::MeasurementSession(path).load(defaultView(), &problem).empty());
  EXPECT_EQ(problem.rfind(path + ": ", 0), 0u) << problem;  // said at start
  EXPECT_NE(problem.find("will not be saved"), std::string::npos) << problem;
  // And when saving is tried all the same.
  app::MeasurementSession session(path);
  EXPECT_FALSE(session.save({app::measure(kOutpost, kGilgit, defaultView())}, &problem));
  EXPECT_EQ(problem.rfind("measurements not saved: cannot create " + (dir / "state" / "pamir").string(), 0), 0u)
      << problem;

  // A folder without write permission: said at load, before anything is lost (root may write anyway).
  const auto locked = dir / "locked";
  std::filesystem::create_directories(locked);
  ::chmod(locked.c_str(), 0555);
  if (::access(locked.c_str(), W_OK) != 0) {
    app::MeasurementSession inLocked((locked / "measurements.geojson").string());
    problem.clear();
    inLocked.load(defaultView(), &problem);
    EXPECT_NE(problem.find("cannot be saved"), std::string::npos) << problem;
    EXPECT_FALSE(inLocked.save({app::measure(kOutpost, kGilgit, defaultView())}, &problem));
    EXPECT_NE(problem.find("cannot write " + (locked / "measurements.geojson").string()), std::string::npos) << problem;
  }
  ::chmod(locked.c_str(), 0755);
}

TEST(MeasurementSession, ASymlinkedSessionStaysASymlink) {
  const auto dir = sessionDir("symlink");
  std::filesystem::create_directories(dir / "synced");
  std::filesystem::create_symlink("synced/measurements.geojson", dir / "measurements.geojson");
  app::MeasurementSession session((dir / "measurements.geojson").string());
  std::string problem;
  EXPECT_TRUE(session.load(defaultView(), &problem).empty()) << problem;
  ASSERT_TRUE(session.save({app::measure(kOutpost, kGilgit, defaultView(), "kept")}, &problem)) << problem;
  EXPECT_TRUE(std::filesystem::is_symlink(dir / "measurements.geojson"));
  EXPECT_TRUE(std::filesystem::is_regular_file(dir / "synced" / "measurements.geojson"));
  EXPECT_EQ(app::MeasurementSession((dir / "measurements.geojson").string()).load(defaultView(), &problem).size(), 1u);
}

TEST(MeasurementSession, FiveHundredLongMeasurementsRoundTrip) {
  // Long lines, so each is densified to the most vertices (tens of MB in all).
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> lon(-10, 140), lat(-50, 70);
  std::vector<app::Measurement> list;
  while (list.size() < 500) {
    const LonLat a{lon(rng), lat(rng)}, b{lon(rng), lat(rng)};
    auto m = app::measure(a, b, defaultView(), "m" + std::to_string(list.size()) + " ↔ \x1b[1m\"quoted\"");
    if (m.geodesic_m > 4.2e6) list.push_back(m);
  }
  const auto path = sessionDir("large") / "measurements.geojson";
  app::MeasurementSession session(path.string());
  std::string problem;
  ASSERT_TRUE(session.save(list, &problem)) << problem;
  EXPECT_GT(std::filesystem::file_size(path), 10u << 20);
  const auto text = [&] {
    std::ifstream in(path);
    return std::string(std::istreambuf_iterator<char>(in), {});
  }();
  const auto j = nlohmann::json::parse(text);  // whole, valid GeoJSON
  ASSERT_EQ(j["features"].size(), 500u);
  EXPECT_EQ(j["features"][0]["geometry"]["coordinates"].size(), 2049u);
  EXPECT_NE(text.find("\"method\": \"geodesic (Karney) on WGS84 via PROJ\""), std::string::npos);

  const auto back = app::MeasurementSession(path.string()).load(defaultView(), &problem);
  ASSERT_EQ(back.size(), list.size()) << problem;
  for (size_t i = 0; i < list.size(); ++i) {
    // End points are written exactly: the same measurement comes back.
    EXPECT_EQ(back[i].from.lon, list[i].from.lon);
    EXPECT_EQ(back[i].to.lat, list[i].to.lat);
    EXPECT_EQ(back[i].geodesic_m, list[i].geodesic_m);
    EXPECT_EQ(back[i].label, list[i].label);
  }
  // Vertices between lie on the geodesic (to the centimetre they are written to).
  const auto& coords = j["features"][7]["geometry"]["coordinates"];
  const LonLat mid{coords[1024][0].get<double>(), coords[1024][1].get<double>()};
  EXPECT_LT(geo::distance(mid, geo::interpolate(list[7].from, list[7].to, 0.5)), 0.05);
}

TEST(MeasurementSession, LabelsThatAreNotUtf8DoNotStopASave) {
  const auto path = sessionDir("latin1") / "measurements.geojson";
  app::MeasurementSession session(path.string());
  std::string problem;
  ASSERT_TRUE(session.save({app::measure(kOutpost, kGilgit, defaultView(),
                                         "Murg\xf6"
                                         "b")},
                           &problem))
      << problem;
  const auto back = app::MeasurementSession(path.string()).load(defaultView(), &problem);
  ASSERT_EQ(back.size(), 1u) << problem;
  EXPECT_EQ(back[0].label.rfind("Murg", 0), 0u);
}

TEST(Measurements, ImportNeverWaitsOnAFifoAndReadsAnEmptyFileAsNone) {
  const auto dir = sessionDir("import");
  const auto fifo = dir / "fifo.geojson";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string err;
  auto reading =
      std::async(std::launch::async, [&] { return app::importMeasurementsGeoJson(fifo, defaultView(), &err); });
  if (reading.wait_for(std::chrono::seconds(10)) != std::future_status::ready) {
    const int fd = ::open(fifo.c_str(), O_WRONLY | O_NONBLOCK);  // let the blocked reader go
    if (fd >= 0) ::close(fd);
    reading.wait();
    FAIL() << "reading a FIFO blocked";
  }
  EXPECT_FALSE(reading.get());
  EXPECT_NE(err.find("a FIFO"), std::string::npos) << err;

  std::ofstream(dir / "empty.geojson").close();
  auto none = app::importMeasurementsGeoJson((dir / "empty.geojson").string(), defaultView(), &err);
  ASSERT_TRUE(none) << err;
  EXPECT_TRUE(none->empty());
  EXPECT_FALSE(app::importMeasurementsGeoJson("/dev/zero", defaultView(), &err));
  EXPECT_NE(err.find("/dev/zero: a character device, not a regular file"), std::string::npos) << err;
}

TEST(Measurements, DrawnLinesKeepOnlyTheVerticesThatShow) {
  // A quarter circle of radius 1000 px as 2001 vertices: to a quarter pixel
  // it needs a few dozen, and every vertex dropped lies within that of the result.
  std::vector<XY> arc;
  for (int i = 0; i <= 2000; ++i) {
    const double t = i * M_PI / 4000;
    arc.push_back({1000 * std::cos(t), 1000 * std::sin(t)});
  }
  const auto kept = render::simplifyLine(arc, 0.25);
  EXPECT_LT(kept.size(), 80u);
  EXPECT_GT(kept.size(), 10u);
  EXPECT_EQ(kept.front().x, arc.front().x);
  EXPECT_EQ(kept.back().y, arc.back().y);
  for (const XY& p : arc) {
    double best = 1e9;
    for (size_t i = 1; i < kept.size(); ++i) {
      const XY a = kept[i - 1], b = kept[i];
      const double dx = b.x - a.x, dy = b.y - a.y;
      const double t = std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / (dx * dx + dy * dy), 0.0, 1.0);
      best = std::min(best, std::hypot(a.x + t * dx - p.x, a.y + t * dy - p.y));
    }
    ASSERT_LE(best, 0.25 + 1e-9);
  }
  // A straight line is its two ends.
  EXPECT_EQ(render::simplifyLine({{0, 0}, {1, 1}, {2, 2}, {3, 3}}, 0.25).size(), 2u);

  // A measurement's drawn line starts and ends where the measurement does.
  const auto track = app::measurementTrack(kOutpost, kGilgit, defaultView());
  ASSERT_GE(track.size(), 30u);  // 172 km in 5 km steps
  const XY start = defaultView().forward(kOutpost);
  EXPECT_NEAR(track.front().x, start.x, 1e-6);
  EXPECT_NEAR(track.front().y, start.y, 1e-6);
}
