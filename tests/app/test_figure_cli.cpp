// Figures from the command line: `pamir render` with decorations, and
// `pamir report`, as a user runs them on the built-in dataset.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>

#include "app/measurements.hpp"
#include "app/session_layers.hpp"
#include "app/session_state.hpp"
#include "render/image.hpp"
#include "support/run_command.hpp"
#include "support/shell_command.hpp"

namespace {

using namespace pamir;
using pamir::test::CommandResult;
using pamir::test::runShell;
using pamir::test::words;

CommandResult run(const std::vector<std::string>& args) { return pamir::test::runCommand(args); }

const std::string kOut = std::string(PAMIR_TEST_OUT_DIR) + "/figure_cli/";

class FigureCli : public testing::Test {
 protected:
  void SetUp() override { std::filesystem::create_directories(kOut); }
};

render::Image readBack(const std::string& path) {
  std::string why;
  auto im = render::readPng(path, &why);
  EXPECT_TRUE(im) << why;
  return im ? *im : render::Image{};
}

bool samePixel(const render::Image& a, const render::Image& b, int x, int y) {
  return std::memcmp(a.pixel(x, y), b.pixel(x, y), 4) == 0;
}

// The Pamirs in WGS84 on a 1000 × 600 grid: 0.01° a pixel.
const std::vector<std::string> kPamirs = {"--crs", "EPSG:4326", "--extent", "66,35,76,41", "--size", "1000x600"};

std::vector<std::string> renderArgs(const std::string& out, std::vector<std::string> more) {
  std::vector<std::string> a = {"render", "-o", out};
  a.insert(a.end(), kPamirs.begin(), kPamirs.end());
  a.insert(a.end(), more.begin(), more.end());
  return a;
}

TEST_F(FigureCli, DecorationsAreAddedAroundAnUnchangedMap) {
  const CommandResult plain = run(renderArgs(kOut + "plain.png", {}));
  ASSERT_EQ(plain.status, 0) << plain.all();
  const CommandResult deco = run(renderArgs(
      kOut + "decorated.png", {"--title", "Wakhan", "--legend", "--scalebar", "--north-arrow", "--attribution"}));
  ASSERT_EQ(deco.status, 0) << deco.all();
  const render::Image a = readBack(kOut + "plain.png"), b = readBack(kOut + "decorated.png");
  ASSERT_EQ(a.width, 1000);
  ASSERT_EQ(b.width, 1000);
  ASSERT_EQ(b.height, 600);
  // The middle of the map is the map.
  for (int y = 150; y < 450; ++y)
    for (int x = 300; x < 650; ++x) ASSERT_TRUE(samePixel(a, b, x, y)) << x << "," << y;
  // The legend at the top right, the title at the top left, the scale bar and credits at the bottom.
  auto changed = [&](int x0, int y0, int x1, int y1) {
    int n = 0;
    for (int y = y0; y < y1; ++y)
      for (int x = x0; x < x1; ++x) n += !samePixel(a, b, x, y);
    return n;
  };
  EXPECT_GT(changed(700, 20, 990, 300), 20000);
  EXPECT_GT(changed(10, 10, 200, 40), 1500);
  EXPECT_GT(changed(10, 540, 250, 590), 3000);
  EXPECT_GT(changed(600, 585, 1000, 600), 1000);
}

TEST_F(FigureCli, GraticuleLinesLieOnRoundDegrees) {
  ASSERT_EQ(run(renderArgs(kOut + "g0.png", {"--no-labels"})).status, 0);
  const CommandResult r = run(renderArgs(kOut + "g1.png", {"--no-labels", "--graticule"}));
  ASSERT_EQ(r.status, 0) << r.all();
  const render::Image a = readBack(kOut + "g0.png"), b = readBack(kOut + "g1.png");
  // Over ten degrees the interval is 2°: meridians at 68°E (x = 200) and 70°E
  // (x = 400), parallels at 36°N (y = 500) and 38°N (y = 300); none at 69°E or 37°N.
  auto column = [&](int x) {
    int n = 0;
    for (int y = 60; y < 540; ++y) n += !samePixel(a, b, x, y) || !samePixel(a, b, x - 1, y);
    return n;
  };
  auto row = [&](int y) {
    int n = 0;
    for (int x = 60; x < 940; ++x) n += !samePixel(a, b, x, y) || !samePixel(a, b, x, y - 1);
    return n;
  };
  EXPECT_GT(column(200), 400);
  EXPECT_GT(column(400), 400);
  EXPECT_GT(row(300), 800);
  EXPECT_GT(row(500), 800);
  EXPECT_LT(column(300), 40);
  EXPECT_LT(row(400), 60);
}

TEST_F(FigureCli, ScaleDrawsTheSameMapLargerForPrint) {
  // The same area at twice the pixels and twice the scale: a label's ink
  // covers about four times the pixels, so the map reads as the small one.
  const std::vector<std::string> area = {"--crs", "EPSG:4326", "--extent", "66,35,76,41", "--plain-symbols"};
  std::vector<std::string> small = {"render", "-o", kOut + "x1.png", "--size", "1000x600"};
  std::vector<std::string> big = {"render", "-o", kOut + "x2.png", "--size", "2000x1200", "--scale", "2"};
  small.insert(small.end(), area.begin(), area.end());
  big.insert(big.end(), area.begin(), area.end());
  ASSERT_EQ(run(small).status, 0);
  ASSERT_EQ(run(big).status, 0);
  const render::Image a = readBack(kOut + "x1.png"), b = readBack(kOut + "x2.png");
  ASSERT_EQ(b.width, 2000);
  auto darkShare = [](const render::Image& im) {
    size_t n = 0;
    for (int y = 0; y < im.height; ++y)
      for (int x = 0; x < im.width; ++x) n += im.pixel(x, y)[0] < 80 && im.pixel(x, y)[1] < 80;
    return static_cast<double>(n) / (static_cast<double>(im.width) * im.height);
  };
  // Without --scale the same pixels hold the same lines and text at their
  // screen size: far less of the image is ink.
  std::vector<std::string> unscaled = {"render", "-o", kOut + "x2plain.png", "--size", "2000x1200"};
  unscaled.insert(unscaled.end(), area.begin(), area.end());
  ASSERT_EQ(run(unscaled).status, 0);
  const render::Image c = readBack(kOut + "x2plain.png");
  const double scaledRatio = darkShare(b) / darkShare(a), unscaledRatio = darkShare(c) / darkShare(a);
  RecordProperty("scaled_ratio", std::to_string(scaledRatio));
  RecordProperty("unscaled_ratio", std::to_string(unscaledRatio));
  EXPECT_GT(scaledRatio, 0.8);
  EXPECT_LT(scaledRatio, 2.0);
  EXPECT_LT(unscaledRatio, scaledRatio * 0.6);
  for (const char* bad : {"0", "9", "big", "-1"}) {
    const CommandResult r = run({"render", "-o", kOut + "never.png", "--scale", bad});
    EXPECT_EQ(r.status, 2) << bad;
    EXPECT_NE(r.err.find("--scale takes a number from 0.25 to 8"), std::string::npos) << r.all();
  }
}

TEST_F(FigureCli, MeasurementTableNeedsASession) {
  const CommandResult r = run(renderArgs(kOut + "never.png", {"--measurement-table"}));
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("--measurement-table needs --session"), std::string::npos) << r.all();
  EXPECT_FALSE(std::filesystem::exists(kOut + "never.png"));
}

// A session over the Pamirs with a measurement, as the window would save it.
std::string pamirSession(const std::string& name) {
  app::SessionState s;
  s.view = app::SessionView{"EPSG:4326", {73.0, 37.75}, 0.01, 0.01, 1000, 550, 1};
  Diagnostics diag;
  app::MapSession open = app::MapSession::open({}, data::BuiltinData::Include, diag);
  s.layers = app::layerSettings(open, {});
  const geo::Projection wgs84 = *geo::Projection::create("EPSG:4326");
  s.measurements.push_back(app::measure({73.97, 38.17}, {71.55, 37.49}, wgs84, "Murghab – Khorugh"));
  const std::string path = kOut + name;
  std::string err;
  EXPECT_TRUE(app::writeSessionFile(s, path, &err)) << err;
  return path;
}

TEST_F(FigureCli, RenderedSessionCarriesItsMeasurementsAndTheirTable) {
  const std::string session = pamirSession("measured.geojson");
  ASSERT_EQ(run({"render", "--session", session, "-o", kOut + "s0.png", "--no-labels"}).status, 0);
  const CommandResult r =
      run({"render", "--session", session, "-o", kOut + "s1.png", "--no-labels", "--measurement-table"});
  ASSERT_EQ(r.status, 0) << r.all();
  const render::Image a = readBack(kOut + "s0.png"), b = readBack(kOut + "s1.png");
  ASSERT_EQ(b.width, 1000);
  ASSERT_EQ(b.height, 550);
  // The line itself (drawn either way, in the line's magenta) runs from
  // Murghab (x 597, y 233) to Khorugh (x 355, y 301): at x 476 it passes y 267.
  int magenta = 0;
  for (int y = 257; y < 277; ++y) {
    const uint8_t* p = a.pixel(476, y);
    magenta += p[0] > 150 && p[1] < 60 && p[2] > 60;
  }
  EXPECT_GE(magenta, 1) << "the measurement is drawn across the middle of its line";
  // The table box at the bottom left, over the map.
  int changed = 0;
  for (int y = 420; y < 540; ++y)
    for (int x = 10; x < 400; ++x) changed += !samePixel(a, b, x, y);
  EXPECT_GT(changed, 5000);
}

TEST_F(FigureCli, ReportListsMeasurementsAndTheSourcedSitesInView) {
  const std::string session = pamirSession("report.geojson");
  const std::string pdf = kOut + "report.pdf";
  std::filesystem::remove(pdf);
  const CommandResult r = run({"report", "--session", session, "-o", pdf, "--title", "Murghab and the Wakhan"});
  ASSERT_EQ(r.status, 0) << r.all();
  EXPECT_EQ(r.out, pdf + "\n");
  const auto text = runShell("pdftotext -layout '" + pdf + "' - 2>&1");
  ASSERT_EQ(text.status, 0) << text.out;
  for (const char* s : {"Murghab and the Wakhan", "View CRS: WGS 84", "Murghab – Khorugh", "Karney", "WGS84",
                        "Curated features in view", "Chinese outpost near Shaymak", "RFE/RL"})
    EXPECT_NE(text.out.find(s), std::string::npos) << s << "\n" << text.out;
  // Kant Air Base (74.85°E, 42.85°N) is on the map but outside the view.
  EXPECT_EQ(text.out.find("Kant Air Base"), std::string::npos);
  // The first page shows the map: most of the page is not white paper.
  ASSERT_EQ(runShell("pdftoppm -r 50 -f 1 -l 1 -png '" + pdf + "' '" + kOut + "report-page' 2>&1").status, 0);
  const render::Image page = readBack(kOut + "report-page-1.png");
  int coloured = 0;
  for (int y = 0; y < page.height; ++y)
    for (int x = 0; x < page.width; ++x) {
      const uint8_t* p = page.pixel(x, y);
      coloured += p[0] < 235 || p[1] < 235 || p[2] < 235;
    }
  EXPECT_GT(coloured, page.width * page.height / 3);
}

TEST_F(FigureCli, ReportRefusesWhatItCannotDo) {
  EXPECT_EQ(run(words("report")).status, 2);
  const CommandResult r = run({"report", "--session", kOut + "no-such-session.geojson", "-o", kOut + "x.pdf"});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("no session there"), std::string::npos) << r.all();
  EXPECT_FALSE(std::filesystem::exists(kOut + "x.pdf"));
}

}  // namespace
