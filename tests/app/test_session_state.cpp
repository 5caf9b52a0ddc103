// The session file: every field read back as written, the measurements-only
// files of earlier releases still read, newer and broken files refused and
// left byte for byte as they were.
#include "app/session_state.hpp"

#include <gtest/gtest.h>

#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

#include "app/session_keeper.hpp"
#include "geo/projection.hpp"

using namespace pamir;
using namespace pamir::app;
namespace fs = std::filesystem;

namespace {

std::string outDir(const std::string& name) {
  const std::string dir = std::string(PAMIR_TEST_OUT_DIR) + "/session_state/" + name + "/";
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

geo::Projection lcc() { return *geo::Projection::create(""); }

// A session with every field away from its default.
SessionState everything() {
  SessionState s;
  s.view = SessionView{"EPSG:3857", {7912345.123456789, 4512345.987654321}, 152.87405657041106, 152.875, 1001, 667, 2};
  s.builtin = false;
  s.sources = {"/data/sites.gpkg", "PG:dbname=gis", "/data/dem.tif"};
  LayerSetting raster{"dem", "/data/dem.tif", true, false, 0.55f, std::nullopt, std::nullopt, std::nullopt};
  LayerSetting sites{"sites.gpkg:sites", "/data/sites.gpkg",        false, true, 0.8f,
                     Color{1, 2, 3, 4},  Color{250, 251, 252, 253}, 2.5f};
  LayerSetting circles{
      "sites.gpkg:sites:uncertainty", "/data/sites.gpkg", false, false, 1.0f, std::nullopt, std::nullopt, std::nullopt};
  LayerSetting borders{"borders", "", false, true, 1.0f, Color{0, 0, 0, 255}, Color{9, 9, 9, 255}, 0.6f};
  s.layers = {raster, circles, sites, borders};
  s.years = YearSpan{2001, 2014};
  s.countries = {"AFG", "TJK"};
  const geo::Projection p = lcc();
  Measurement line = measure({71.0, 37.0}, {72.5, 37.5}, p, "Camp to camp «Ä»");
  line.color = 0x12345678;
  Measurement ring = measureRing({74.9, 37.4}, 200000, p, "ring");
  ring.hidden = true;
  ring.radiusFrom = "range_km";
  Measurement area = measureArea({{70, 36}, {71, 36}, {71, 37}}, p, "area");
  s.measurements = {line, ring, area};
  s.selected = SelectedFeature{"sites.gpkg:sites", 42};
  s.panels = {true, true, true, true, false, false, "[Window][Layers]\nPos=10,10\nSize=360,430\nCollapsed=1\n\n"};
  return s;
}

}  // namespace

TEST(SessionState, EveryFieldReadsBackAsWritten) {
  const SessionState s = everything();
  const SessionRead r = parseSession(sessionJson(s), "session.geojson");
  ASSERT_EQ(r.status, SessionRead::Status::Loaded) << r.problem;
  EXPECT_EQ(r.state.version, kSessionVersion);
  EXPECT_EQ(r.state.view, s.view);  // doubles exactly: the view is where it was to the last bit
  EXPECT_EQ(r.state.builtin, s.builtin);
  EXPECT_EQ(r.state.sources, s.sources);
  EXPECT_EQ(r.state.layers, s.layers);
  EXPECT_EQ(r.state.years, s.years);
  EXPECT_EQ(r.state.countries, s.countries);
  EXPECT_EQ(r.state.selected, s.selected);
  EXPECT_EQ(r.state.panels, s.panels);
  ASSERT_EQ(r.state.measurements.size(), s.measurements.size());
  for (size_t i = 0; i < s.measurements.size(); ++i) {
    const Measurement &a = s.measurements[i], &b = r.state.measurements[i];
    EXPECT_EQ(a.kind, b.kind) << i;
    EXPECT_EQ(a.label, b.label) << i;
    EXPECT_EQ(a.points().size(), b.points().size()) << i;
    for (size_t k = 0; k < a.points().size() && k < b.points().size(); ++k) {
      EXPECT_EQ(a.points()[k].lon, b.points()[k].lon);
      EXPECT_EQ(a.points()[k].lat, b.points()[k].lat);
    }
    EXPECT_EQ(a.shownColor() >> 8, b.shownColor() >> 8) << i;  // the file keeps #rrggbb
    EXPECT_EQ(a.hidden, b.hidden) << i;
    EXPECT_EQ(a.radiusFrom, b.radiusFrom) << i;
    EXPECT_NEAR(a.geodesic_m, b.geodesic_m, 1e-6) << i;
  }
  // The same again: nothing is lost or changed by a second trip.
  EXPECT_EQ(sessionJson(r.state), sessionJson(parseSession(sessionJson(r.state), "again").state));
}

TEST(SessionState, AnEmptySessionReadsBackEmpty) {
  const SessionRead r = parseSession(sessionJson(SessionState{}), "empty");
  ASSERT_EQ(r.status, SessionRead::Status::Loaded) << r.problem;
  EXPECT_FALSE(r.state.view);
  EXPECT_TRUE(r.state.builtin);
  EXPECT_TRUE(r.state.layers.empty());
  EXPECT_FALSE(r.state.years);
  EXPECT_FALSE(r.state.selected);
  EXPECT_TRUE(r.state.measurements.empty());
}

TEST(SessionState, TheMeasurementsOnlyFileOfEarlierReleasesStillLoads) {
  const std::string dir = outDir("v1");
  const SessionState s = everything();
  std::string why;
  ASSERT_TRUE(exportMeasurementsGeoJson(s.measurements, dir + "measurements.geojson", &why)) << why;
  const SessionRead r = readSessionFile(dir + "measurements.geojson");
  ASSERT_EQ(r.status, SessionRead::Status::Loaded) << r.problem;
  EXPECT_EQ(r.state.version, 1);
  EXPECT_FALSE(r.state.view);  // nothing but measurements: the window opens as asked
  ASSERT_EQ(r.state.measurements.size(), 3u);
  EXPECT_EQ(r.state.measurements[1].kind, MeasurementKind::Ring);
  EXPECT_EQ(r.state.measurements[1].radius_m, 200000);
  EXPECT_TRUE(r.state.measurements[1].hidden);
  // And the oldest form: a line of two positions, no kinds, no points.
  spit(dir + "old.geojson",
       R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {"label": "old"},)"
       R"( "geometry": {"type": "LineString", "coordinates": [[71, 37], [72, 38]]}}]})");
  const SessionRead old = readSessionFile(dir + "old.geojson");
  ASSERT_EQ(old.status, SessionRead::Status::Loaded) << old.problem;
  ASSERT_EQ(old.state.measurements.size(), 1u);
  EXPECT_EQ(old.state.measurements[0].to.lat, 38);
}

TEST(SessionState, AnOlderReleaseStillFindsTheMeasurementsInANewFile) {
  // A session is a FeatureCollection: the measurements reader of earlier
  // releases (the same reader) takes the measurements and leaves the rest.
  std::string why;
  auto list = parseMeasurementsGeoJson(sessionJson(everything()), lcc(), &why);
  ASSERT_TRUE(list) << why;
  EXPECT_EQ(list->size(), 3u);
}

TEST(SessionState, ANewerVersionIsRefusedNamingFileAndVersion) {
  std::string text = sessionJson(everything());
  text.replace(text.find("\"version\": 2"), 12, "\"version\": 3");
  const SessionRead r = parseSession(text, "/home/a/session.geojson");
  EXPECT_EQ(r.status, SessionRead::Status::Newer);
  EXPECT_EQ(r.problem, "/home/a/session.geojson: session version 3 is newer than this Pamir reads (up to 2)");
  EXPECT_EQ(r.problem.find('\n'), std::string::npos);
  EXPECT_TRUE(r.state.measurements.empty());  // nothing of it is taken up
  for (const char* unknown : {"\"2\"", "1.5", "0", "null"}) {
    std::string t = text;
    t.replace(t.find("\"version\": 3"), 12, std::string("\"version\": ") + unknown);
    const SessionRead u = parseSession(t, "s.json");
    EXPECT_EQ(u.status, SessionRead::Status::Newer) << unknown;
    EXPECT_EQ(u.problem, std::string("s.json: unknown session version ") + unknown);
  }
}

TEST(SessionState, ABrokenFileIsReportedWithWhatIsWrong) {
  struct Case {
    std::string from, to, says;
  };
  const std::string good = sessionJson(everything());
  for (const Case& c : std::vector<Case>{{"\"opacity\": 0.55", "\"opacity\": \"half\"", "layers[0].opacity"},
                                         {"\"builtin\": false", "\"builtin\": 0", "builtin: not true or false"},
                                         {"1001,", "-4,", "view.size"},
                                         {"\"EPSG:3857\"", "\"EPSG:999999\"", "view.crs"},
                                         {"\"fill\": \"#01020304\"", "\"fill\": \"red\"", "layers[2].fill"}}) {
    std::string text = good;
    ASSERT_NE(text.find(c.from), std::string::npos) << c.from;
    text.replace(text.find(c.from), c.from.size(), c.to);
    const SessionRead r = parseSession(text, "s.geojson");
    EXPECT_EQ(r.status, SessionRead::Status::Corrupt) << c.to;
    EXPECT_EQ(r.problem.rfind("s.geojson: not a Pamir session (", 0), 0u) << r.problem;
    EXPECT_NE(r.problem.find(c.says), std::string::npos) << r.problem;
  }
  EXPECT_EQ(parseSession(good.substr(0, good.size() / 2), "half").status, SessionRead::Status::Corrupt);
  EXPECT_EQ(parseSession("[1, 2]", "list").status, SessionRead::Status::Corrupt);
  EXPECT_EQ(parseSession("{\"a\": 1}", "other").problem,
            "other: not a Pamir session (neither a session nor a measurements file)");
  EXPECT_EQ(parseSession(" \n", "blank").status, SessionRead::Status::Missing);  // nothing saved yet
}

TEST(SessionState, TheKeeperNeverWritesOverAFileItCannotRead) {
  const std::string dir = outDir("keeper");
  const SessionState s = everything();
  for (const std::string& bad :
       {std::string(R"({"type": "FeatureCollection", "features": [ oops)"),
        std::string(R"({"pamir_session": {"version": 7}, "type": "FeatureCollection", "features": []})")}) {
    spit(dir + "session.geojson", bad);
    SessionKeeper keeper(dir + "session.geojson");
    const SessionRead r = keeper.restore();
    EXPECT_FALSE(r.ok());
    EXPECT_NE(r.problem.find(dir + "session.geojson"), std::string::npos) << r.problem;
    EXPECT_NE(r.problem.find("not saved over it"), std::string::npos) << r.problem;
    EXPECT_FALSE(keeper.keeping());
    std::string why;
    EXPECT_TRUE(keeper.save(s, &why));  // nothing to do, and no failure to report
    EXPECT_EQ(slurp(dir + "session.geojson"), bad);
  }
}

TEST(SessionState, TheKeeperWritesAMissingFileAndReadsItBack) {
  const std::string dir = outDir("fresh");
  SessionKeeper keeper(dir + "state/pamir/session.geojson");  // the folder is made
  EXPECT_EQ(keeper.restore().status, SessionRead::Status::Missing);
  std::string why;
  ASSERT_TRUE(keeper.save(everything(), &why)) << why;
  const SessionRead r = readSessionFile(dir + "state/pamir/session.geojson");
  ASSERT_EQ(r.status, SessionRead::Status::Loaded) << r.problem;
  EXPECT_EQ(r.state.sources, everything().sources);
}

TEST(SessionState, AFifoIsRefusedWithoutBlocking) {
  const std::string dir = outDir("fifo");
  ASSERT_EQ(::mkfifo((dir + "session.geojson").c_str(), 0600), 0);
  const SessionRead r = readSessionFile(dir + "session.geojson");
  EXPECT_EQ(r.status, SessionRead::Status::Unreadable);
  EXPECT_NE(r.problem.find("FIFO"), std::string::npos) << r.problem;
}

TEST(SessionState, TheKeeperWritesOnlyWhatChangedAndAlwaysTheWholeFile) {
  const std::string dir = outDir("editions");
  const std::string path = dir + "session.geojson";
  SessionKeeper keeper(path);
  ASSERT_EQ(keeper.restore().status, SessionRead::Status::Missing);
  SessionState s = everything();
  std::string why;
  ASSERT_TRUE(keeper.save(s, &why, 1)) << why;
  fs::remove(path);
  ASSERT_TRUE(keeper.save(s, &why, 1)) << why;
  EXPECT_FALSE(fs::exists(path));  // nothing changed: nothing written
  s.view->centre.x += 1;           // the view moved: the file is written, measurements and all
  ASSERT_TRUE(keeper.save(s, &why, 1)) << why;
  SessionRead r = readSessionFile(path);
  ASSERT_EQ(r.status, SessionRead::Status::Loaded) << r.problem;
  EXPECT_EQ(r.state.view, s.view);
  EXPECT_EQ(r.state.measurements.size(), 3u);
  s.measurements.pop_back();  // a new edition of the measurements
  ASSERT_TRUE(keeper.save(s, &why, 2)) << why;
  r = readSessionFile(path);
  EXPECT_EQ(r.state.measurements.size(), 2u);
  EXPECT_EQ(slurp(path), sessionJson(s));
}

TEST(SessionState, TheSessionMemberMayStandAnywhereInTheFile) {
  // Rewritten by another tool (keys sorted: "features" first), the file means the same.
  const SessionState s = everything();
  const std::string resorted = nlohmann::json::parse(sessionJson(s)).dump();
  ASSERT_LT(resorted.find("\"features\""), resorted.find("\"pamir_session\""));
  const SessionRead r = parseSession(resorted, "resorted.geojson");
  ASSERT_EQ(r.status, SessionRead::Status::Loaded) << r.problem;
  EXPECT_EQ(r.state.view, s.view);
  EXPECT_EQ(r.state.layers, s.layers);
  EXPECT_EQ(r.state.panels, s.panels);
  EXPECT_EQ(r.state.measurements.size(), s.measurements.size());
  std::string newer = resorted;
  newer.replace(newer.find("\"version\":2"), 11, "\"version\":5");
  EXPECT_EQ(parseSession(newer, "n").status, SessionRead::Status::Newer);
}
