// What the file dialog shows: folders and files, completions, recent
// sources kept between runs, and the desktop's chooser run as a child.
#include <gtest/gtest.h>
#include <stdlib.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/file_chooser.hpp"

using namespace pamir;
namespace fs = std::filesystem;

namespace {

std::string freshDir(const std::string& name) {
  const std::string dir = std::string(PAMIR_TEST_OUT_DIR) + "/file_chooser/" + name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void touch(const std::string& path, const std::string& text = "x") { std::ofstream(path) << text; }

std::vector<std::string> names(const std::vector<ui::FileEntry>& entries) {
  std::vector<std::string> out;
  for (const auto& e : entries) out.push_back(e.name + (e.directory ? "/" : ""));
  return out;
}

// PATH with `dir` first, for the time of one test.
class PathFirst {
 public:
  explicit PathFirst(const std::string& dir) : old_(getenv("PATH") ? getenv("PATH") : "") {
    setenv("PATH", (dir + ":" + old_).c_str(), 1);
  }
  ~PathFirst() { setenv("PATH", old_.c_str(), 1); }

 private:
  std::string old_;
};

void writeScript(const std::string& path, const std::string& body) {
  std::ofstream(path) << "#!/bin/sh\n" << body << "\n";
  fs::permissions(path, fs::perms::owner_all);
}

std::optional<std::string> waitForAnswer(app::FileChooser& chooser) {
  for (int i = 0; i < 500 && chooser.waitingForNative(); ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  for (int i = 0; i < 100; ++i) {
    if (auto a = chooser.poll()) return a;
    if (!chooser.model().nativeRunning) return std::nullopt;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return std::nullopt;
}

}  // namespace

TEST(FileChooser, FoldersComeFirstAndSidecarsAndHiddenFilesAreLeftOut) {
  const std::string d = freshDir("list");
  fs::create_directories(d + "/Zeta");
  fs::create_directories(d + "/alpha");
  for (const char* f : {"roads.shp", "roads.shx", "roads.dbf", "roads.prj", "image.tif", "image.tif.aux.xml",
                        ".hidden.geojson", "Bases.gpkg", "Bases.gpkg-wal"})
    touch(d + "/" + f);
  std::string problem;
  auto entries = app::listDirectory(d, &problem);
  ASSERT_TRUE(entries) << problem;
  EXPECT_EQ(names(*entries), (std::vector<std::string>{"alpha/", "Zeta/", "Bases.gpkg", "image.tif", "roads.shp"}));
  EXPECT_FALSE(app::listDirectory(d + "/missing", &problem));
  EXPECT_NE(problem.find("missing"), std::string::npos) << problem;
}

TEST(FileChooser, ATypedPathCompletesFromItsFolder) {
  const std::string d = freshDir("complete");
  fs::create_directories(d + "/depots_old");
  touch(d + "/depots.geojson");
  touch(d + "/depots_copy.geojson");
  touch(d + "/other.gpkg");
  EXPECT_EQ(app::completePath(d + "/dep"),
            (std::vector<std::string>{d + "/depots_old/", d + "/depots.geojson", d + "/depots_copy.geojson"}));
  EXPECT_EQ(ui::commonStart(app::completePath(d + "/dep")), d + "/depots");
  EXPECT_EQ(app::completePath(d + "/depots."), (std::vector<std::string>{d + "/depots.geojson"}));
  EXPECT_TRUE(app::completePath(d + "/zzz").empty());
  // GDAL's own names are not files to complete.
  EXPECT_TRUE(app::completePath("PG:dbname=pamir host=/tmp").empty());
  EXPECT_TRUE(app::completePath("/vsizip/" + d + "/dep").empty());
  EXPECT_TRUE(app::completePath("depots").empty());
}

TEST(FileChooser, RecentSourcesAreNewestFirstOnceEachAndKeptBetweenRuns) {
  const std::string d = freshDir("recent");
  const std::string file = d + "/state/pamir/recent-sources";
  {
    app::RecentSources r(file);
    EXPECT_TRUE(r.list().empty());
    std::string problem;
    for (int i = 0; i < 15; ++i) ASSERT_TRUE(r.add("/data/layer" + std::to_string(i) + ".gpkg", &problem)) << problem;
    ASSERT_TRUE(r.add("/data/layer10.gpkg", &problem));
    ASSERT_EQ(r.list().size(), app::RecentSources::kKept);
    EXPECT_EQ(r.list()[0], "/data/layer10.gpkg");
    EXPECT_EQ(r.list()[1], "/data/layer14.gpkg");
  }
  app::RecentSources again(file);
  ASSERT_EQ(again.list().size(), app::RecentSources::kKept);
  EXPECT_EQ(again.list()[0], "/data/layer10.gpkg");
  EXPECT_EQ(std::count(again.list().begin(), again.list().end(), "/data/layer10.gpkg"), 1);
}

TEST(FileChooser, TheDesktopChoosersAreAskedForAFileToOpenOrWrite) {
  EXPECT_EQ(app::nativeChooserCommand("zenity", false, "Add layer", "/data"),
            (std::vector<std::string>{"zenity", "--file-selection", "--title=Add layer", "--filename=/data/"}));
  EXPECT_EQ(app::nativeChooserCommand("zenity", true, "Export", "/data/"),
            (std::vector<std::string>{"zenity", "--file-selection", "--title=Export", "--filename=/data/", "--save",
                                      "--confirm-overwrite"}));
  EXPECT_EQ(app::nativeChooserCommand("kdialog", true, "Export", "/data"),
            (std::vector<std::string>{"kdialog", "--title", "Export", "--getsavefilename", "/data/"}));
}

TEST(FileChooser, TheDesktopChoosersAnswerArrivesWithoutBlockingAndWakesTheWindow) {
  const std::string d = freshDir("native");
  // It answers only once the test has seen the window go on without it.
  writeScript(d + "/zenity", "while [ ! -e '" + d + "/go' ]; do sleep 0.05; done; echo '" + d + "/picked file.gpkg'");
  PathFirst path(d);
  std::atomic<int> woken{0};
  app::FileChooser chooser("", [&] { ++woken; });
  ASSERT_EQ(chooser.model().nativeChooser, "zenity");
  chooser.open(false, "Add layer", "Add", d);
  ui::FileDialogActions ask;
  ask.native = true;
  EXPECT_FALSE(chooser.apply(ask));
  EXPECT_TRUE(chooser.model().nativeRunning);
  EXPECT_TRUE(chooser.waitingForNative());
  EXPECT_FALSE(chooser.poll());
  touch(d + "/go");
  EXPECT_EQ(waitForAnswer(chooser), d + "/picked file.gpkg");
  EXPECT_EQ(woken.load(), 1);
  EXPECT_FALSE(chooser.model().open);
}

TEST(FileChooser, ACancelledDesktopChooserLeavesTheDialogOpen) {
  const std::string d = freshDir("cancel");
  writeScript(d + "/zenity", "exit 1");
  PathFirst path(d);
  app::FileChooser chooser("", {});
  chooser.open(true, "Export", "Save", d, "measurements.csv");
  EXPECT_EQ(chooser.model().path, d + "/measurements.csv");
  ui::FileDialogActions ask;
  ask.native = true;
  chooser.apply(ask);
  EXPECT_FALSE(waitForAnswer(chooser));
  EXPECT_TRUE(chooser.model().open);
  EXPECT_FALSE(chooser.model().nativeRunning);
}

TEST(FileChooser, ClosingTheWindowEndsAChooserStillOpen) {
  const std::string d = freshDir("close");
  // Left alone it would outlast the test's time limit.
  writeScript(d + "/zenity", "exec sleep 3000");
  PathFirst path(d);
  {
    app::FileChooser chooser("", {});
    chooser.open(false, "Add layer", "Add", d);
    ui::FileDialogActions ask;
    ask.native = true;
    chooser.apply(ask);
    EXPECT_TRUE(chooser.waitingForNative());
  }
}
