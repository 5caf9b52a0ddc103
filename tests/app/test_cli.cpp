// The pamir command line as a user meets it: exit statuses, one-line
// messages that name the file, layer and feature, and outputs that are whole.
// The commands run in this process; a few smoke tests run the executable.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <string>

#include "render/image.hpp"
#include "support/run_command.hpp"
#include "support/shell_command.hpp"

namespace {

using pamir::test::CommandResult;
using pamir::test::words;

CommandResult run(const std::string& args) { return pamir::test::runCommand(words(args)); }
CommandResult run(const std::vector<std::string>& args) { return pamir::test::runCommand(args); }

const std::string kData = std::string(PAMIR_TEST_DATA_DIR) + "/formats/";
const std::string kOut = std::string(PAMIR_TEST_OUT_DIR) + "/cli/";

size_t countLines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

class Cli : public testing::Test {
 protected:
  void SetUp() override { std::filesystem::create_directories(kOut); }
};

}  // namespace

TEST_F(Cli, HelpOnEveryCommand) {
  for (const char* cmd : {"view", "render", "info", "measure", "ring", "find", "list"}) {
    CommandResult r = run(std::string(cmd) + " --help");
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_NE(r.out.find("usage: pamir " + std::string(cmd)), std::string::npos) << cmd << r.all();
    EXPECT_TRUE(r.err.empty()) << cmd << r.err;
  }
}

TEST_F(Cli, WrongUsageExitsTwoWithOneLine) {
  const char* bad[] = {
      "frobnicate",
      "render",                      // no -o
      "render -o x.png --size 12x",  // bad size
      "render -o x.png --size 0x100",
      "render -o x.png --bbox 1,2,3",        // three numbers
      "render -o x.png --bbox 80,30,70,40",  // min > max
      "render -o x.png --background red",
      "render -o x.png --crs EPSG:999999",  // unknown CRS
      "render -o x.png --layers no_such_layer",
      "render -o x.png --year soon",
      "render -o x.png --frobnicate",
      "render -o x.png --plain=yes",  // a flag takes no value
      "info",
  };
  for (const char* args : bad) {
    CommandResult r = run(args);
    EXPECT_EQ(r.status, 2) << args << "\n" << r.all();
    EXPECT_GE(countLines(r.err), 1u) << args;
    EXPECT_NE(r.err.find("pamir"), std::string::npos) << args;
    EXPECT_TRUE(r.out.empty()) << args << r.out;
  }
  CommandResult crs = run("render " + kData + "sample.geojson -o " + kOut + "never.png --crs EPSG:999999");
  EXPECT_NE(crs.err.find("EPSG:999999"), std::string::npos) << crs.all();
  EXPECT_FALSE(std::filesystem::exists(kOut + "never.png"));
}

TEST_F(Cli, InfoDescribesASource) {
  CommandResult r = run("info " + kData + "sample.gpkg");
  ASSERT_EQ(r.status, 0) << r.all();
  EXPECT_NE(r.out.find("layer sample_copy"), std::string::npos);
  EXPECT_NE(r.out.find("geometry: Multi Polygon"), std::string::npos);
  EXPECT_NE(r.out.find("features: 5"), std::string::npos);
  EXPECT_NE(r.out.find("EPSG:4326"), std::string::npos);
  EXPECT_NE(r.out.find("year: integer"), std::string::npos);
  // Extents with a decimal point whatever the locale the suite runs under.
  const std::regex extent(R"(\n  extent: -?\d+\.\d{6}, -?\d+\.\d{6} \.\. -?\d+\.\d{6}, -?\d+\.\d{6}\n)");
  EXPECT_TRUE(std::regex_search(r.out, extent)) << r.out;
  CommandResult missing = run("info " + kData + "nope.shp");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("nope.shp: no such file"), std::string::npos) << missing.all();
}

TEST_F(Cli, RenderKeepsGoingPastBadSources) {
  const std::string png = kOut + "partial.png";
  std::filesystem::remove(png);
  CommandResult r = run("render " + kData + "nope.gpkg " + kData + "broken.geojson " + kData + "not_geodata.geojson " +
                        kData + "sample.geojson --size 320x200 -o " + png);
  EXPECT_EQ(r.status, 0) << r.all();
  EXPECT_NE(r.err.find("nope.gpkg: no such file"), std::string::npos) << r.all();
  EXPECT_NE(r.err.find("broken.geojson: layer 'broken': feature 5:"), std::string::npos) << r.all();
  EXPECT_NE(r.err.find("not_geodata.geojson"), std::string::npos) << r.all();
  EXPECT_EQ(r.out, png + "\n");
  std::string err;
  auto img = pamir::render::readPng(png, &err);
  ASSERT_TRUE(img) << err;
  EXPECT_EQ(img->width, 320);
  EXPECT_EQ(img->height, 200);
}

TEST_F(Cli, RenderWithNothingLoadableExitsOneAndWritesNothing) {
  const std::string png = kOut + "nothing.png";
  std::filesystem::remove(png);
  CommandResult r = run("render " + kData + "nope.gpkg -o " + png);
  EXPECT_EQ(r.status, 1) << r.all();
  EXPECT_NE(r.err.find("pamir render: nothing could be loaded"), std::string::npos) << r.all();
  EXPECT_FALSE(std::filesystem::exists(png));
}

TEST_F(Cli, PlainRenderUsesTheGivenColours) {
  const std::string png = kOut + "plain.png";
  // The box with a hole fills the view: its hole shows the background.
  CommandResult r =
      run({"render", kData + "sample_wkt.csv", "--layers", "sample_wkt", "--crs", "EPSG:4326", "--extent",
           "70,36,74,39", "--size", "400x300", "--plain", "--background", "#000000", "--fill", "#ffffff", "-o", png});
  ASSERT_EQ(r.status, 0) << r.all();
  std::string err;
  auto img = pamir::render::readPng(png, &err);
  ASSERT_TRUE(img) << err;
  auto at = [&](double lon, double lat) {
    int x = static_cast<int>((lon - 70) / 4 * 400), y = static_cast<int>((39 - lat) / 3 * 300);
    return img->pixel(x, y)[0];
  };
  EXPECT_EQ(at(70.5, 36.5), 255);  // inside the ring
  EXPECT_EQ(at(72.0, 37.5), 0);    // inside the hole
  EXPECT_EQ(at(73.5, 38.5), 255);
}

TEST_F(Cli, ViewWithoutADisplayRendersAPng) {
  const std::string png = kOut + "view-fallback.png";
  std::filesystem::remove(png);
  // This process's environment only: each test runs in a process of its own under ctest.
  for (const char* v : {"DISPLAY", "WAYLAND_DISPLAY", "SDL_VIDEODRIVER"}) ::unsetenv(v);
  CommandResult r = run("view " + kData + "sample.geojson -o " + png);
  ASSERT_EQ(r.status, 0) << r.all();
  EXPECT_NE(r.err.find("no display"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("pamir view: open "), std::string::npos) << r.err;
  std::string err;
  auto img = pamir::render::readPng(png, &err);
  ASSERT_TRUE(img) << err;
  EXPECT_EQ(img->width, 1920);
  // The same view `pamir render` draws of the same source.
  const std::string rendered = kOut + "view-fallback-render.png";
  ASSERT_EQ(run("render " + kData + "sample.geojson -o " + rendered).status, 0);
  auto same = pamir::render::readPng(rendered, &err);
  ASSERT_TRUE(same) << err;
  EXPECT_EQ(same->rgba, img->rgba);
}

// --- the executable itself ----------------------------------------------------------

TEST(CliExecutable, UsageAndExitStatuses) {
  const std::string pamir = PAMIR_EXECUTABLE;
  pamir::test::ShellResult help = pamir::test::runShell(pamir + " --help");
  EXPECT_EQ(help.status, 0);
  EXPECT_NE(help.out.find("usage: pamir <command>"), std::string::npos) << help.out;
  pamir::test::ShellResult none = pamir::test::runShell(pamir + " 2>&1");
  EXPECT_EQ(none.status, 2);
  EXPECT_NE(none.out.find("usage: pamir"), std::string::npos) << none.out;
  pamir::test::ShellResult unknown = pamir::test::runShell(pamir + " frobnicate 2>&1");
  EXPECT_EQ(unknown.status, 2);
  EXPECT_EQ(countLines(unknown.out), 1u) << unknown.out;
  pamir::test::ShellResult bad = pamir::test::runShell(pamir + " render -o x.png --size 12x 2>&1");
  EXPECT_EQ(bad.status, 2);
  EXPECT_NE(bad.out.find("--size"), std::string::npos) << bad.out;
  pamir::test::ShellResult missing = pamir::test::runShell(pamir + " info " + kData + "nope.shp 2>&1");
  EXPECT_EQ(missing.status, 1);
}

TEST(CliExecutable, ViewWithADisplayNobodyServesRendersAPng) {
  // A DISPLAY with no X server behind it: the same fallback, never a window nobody sees.
  std::filesystem::create_directories(kOut);
  const std::string png = kOut + "view-fallback-x.png";
  std::filesystem::remove(png);
  const std::string cmd = "timeout 120 env -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER DISPLAY=:97 " +
                          std::string(PAMIR_EXECUTABLE) + " view " + kData + "sample.geojson -o " + png +
                          " > /dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string err;
  EXPECT_TRUE(pamir::render::readPng(png, &err)) << err;
}

TEST_F(Cli, WorldDataIsDrawnInACrsMadeForIt) {
  // Five continent-sized boxes, Antarctica among them: the Central Asian default would shear them.
  const std::string png = kOut + "world.png";
  CommandResult r = run("render " + kData + "world_boxes.geojson --no-builtin --size 400x225 -o " + png);
  ASSERT_EQ(r.status, 0) << r.all();
  EXPECT_NE(r.err.find("drawn in Equal Earth"), std::string::npos) << r.all();
  std::string error;
  auto read = pamir::render::readPng(png, &error);
  ASSERT_TRUE(read) << error;
  const pamir::render::Image& img = *read;
  // Antarctica is a band along the bottom, not a blow-up over the map: a row of the bottom
  // 40 is mostly its fill, the middle row is not.
  auto filled = [&](int y) {
    int n = 0;
    for (int x = 0; x < img.width; ++x) n += img.pixel(x, y)[2] > img.pixel(x, y)[0] + 40;
    return n;
  };
  int band = 0;
  for (int y = img.height - 40; y < img.height; ++y) band = std::max(band, filled(y));
  EXPECT_GT(band, img.width / 2);
  EXPECT_LT(filled(img.height / 2), img.width * 3 / 4);
  // A CRS the analyst names is kept, and nothing is said.
  CommandResult mine = run("render " + kData + "world_boxes.geojson --no-builtin --crs EPSG:4326 --size 400x225 -o " +
                           kOut + "world-4326.png");
  ASSERT_EQ(mine.status, 0) << mine.all();
  EXPECT_EQ(mine.err.find("Equal Earth"), std::string::npos) << mine.all();
}
