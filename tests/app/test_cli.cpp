// The pamir command line as a user meets it: exit statuses, one-line
// messages that name the file, layer and feature, and outputs that are whole.
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <string>

#include "render/image.hpp"
#include "support/shell_command.hpp"

namespace {

using CommandResult = pamir::test::ShellResult;  // stdout and stderr together

CommandResult run(const std::string& args) {
  return pamir::test::runShell(std::string(PAMIR_EXECUTABLE) + " " + args + " 2>&1");
}

const std::string kData = std::string(PAMIR_TEST_DATA_DIR) + "/formats/";
const std::string kOut = std::string(PAMIR_TEST_OUT_DIR) + "/cli/";

size_t countLines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

class Cli : public testing::Test {
 protected:
  void SetUp() override { std::filesystem::create_directories(kOut); }
};

}  // namespace

TEST_F(Cli, HelpOnEveryCommand) {
  for (const char* cmd : {"", "view ", "render ", "info ", "measure ", "ring "}) {
    CommandResult r = run(std::string(cmd) + "--help");
    EXPECT_EQ(r.status, 0) << cmd;
    EXPECT_NE(r.out.find("usage: pamir"), std::string::npos) << cmd << r.out;
  }
}

TEST_F(Cli, WrongUsageExitsTwoWithOneLine) {
  const char* bad[] = {
      "frobnicate",
      "render " ,                                   // no -o
      "render -o x.png --size 12x",                 // bad size
      "render -o x.png --size 0x100",
      "render -o x.png --bbox 1,2,3",               // three numbers
      "render -o x.png --bbox 80,30,70,40",         // min > max
      "render -o x.png --background red",
      "render -o x.png --crs EPSG:999999",          // unknown CRS
      "render -o x.png --layers no_such_layer",
      "render -o x.png --year soon",
      "render -o x.png --frobnicate",
      "info",
  };
  for (const char* args : bad) {
    CommandResult r = run(args);
    EXPECT_EQ(r.status, 2) << args << "\n" << r.out;
    EXPECT_GE(countLines(r.out), 1u) << args;
    EXPECT_NE(r.out.find("pamir"), std::string::npos) << args;
  }
  CommandResult crs = run("render " + kData + "sample.geojson -o " + kOut + "never.png --crs EPSG:999999");
  EXPECT_NE(crs.out.find("EPSG:999999"), std::string::npos) << crs.out;
  EXPECT_FALSE(std::filesystem::exists(kOut + "never.png"));
}

TEST_F(Cli, InfoDescribesASource) {
  CommandResult r = run("info " + kData + "sample.gpkg");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("layer sample_copy"), std::string::npos);
  EXPECT_NE(r.out.find("geometry: Multi Polygon"), std::string::npos);
  EXPECT_NE(r.out.find("features: 5"), std::string::npos);
  EXPECT_NE(r.out.find("EPSG:4326"), std::string::npos);
  EXPECT_NE(r.out.find("year: integer"), std::string::npos);
  CommandResult missing = run("info " + kData + "nope.shp");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.out.find("nope.shp: no such file"), std::string::npos) << missing.out;
}

TEST_F(Cli, RenderKeepsGoingPastBadSources) {
  const std::string png = kOut + "partial.png";
  std::filesystem::remove(png);
  CommandResult r = run("render " + kData + "nope.gpkg " + kData + "broken.geojson " + kData + "not_geodata.geojson " + kData +
              "sample.geojson --size 320x200 -o " + png);
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("nope.gpkg: no such file"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("broken.geojson: layer 'broken': feature 5:"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not_geodata.geojson"), std::string::npos) << r.out;
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
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_FALSE(std::filesystem::exists(png));
}

TEST_F(Cli, PlainRenderUsesTheGivenColours) {
  const std::string png = kOut + "plain.png";
  // The box with a hole fills the view: its hole shows the background.
  CommandResult r = run("render " + kData + "sample_wkt.csv --layers sample_wkt --crs EPSG:4326 --extent 70,36,74,39 --size 400x300 "
              "--plain --background '#000000' --fill '#ffffff' -o " + png);
  ASSERT_EQ(r.status, 0) << r.out;
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
  std::string cmd = "env -u DISPLAY -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER " + std::string(PAMIR_EXECUTABLE) + " view " +
                    kData + "sample.geojson -o " + png + " > /dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  std::string err;
  auto img = pamir::render::readPng(png, &err);
  ASSERT_TRUE(img) << err;
  EXPECT_EQ(img->width, 1920);

  // A DISPLAY with no X server behind it: the same fallback, never a window nobody sees.
  std::filesystem::remove(png);
  cmd = "timeout 120 env -u WAYLAND_DISPLAY -u SDL_VIDEODRIVER DISPLAY=:97 " + std::string(PAMIR_EXECUTABLE) + " view " +
        kData + "sample.geojson -o " + png + " > /dev/null 2>&1";
  ASSERT_EQ(std::system(cmd.c_str()), 0);
  EXPECT_TRUE(pamir::render::readPng(png, &err)) << err;
}
