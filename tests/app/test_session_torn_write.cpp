// A crash at any moment of a save leaves the old or the new session whole:
// a child process writes sessions in a loop, each a little different, and
// is killed (SIGKILL, as by the OOM killer or a power cut) at random
// moments; after each kill the file must read as one complete session.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <random>
#include <string>
#include <thread>

#include "app/session_state.hpp"
#include "geo/projection.hpp"

using namespace pamir;
using namespace pamir::app;
namespace fs = std::filesystem;

namespace {

// Session number n: every part of it says n, so a file made of two writes,
// or cut short, cannot pass for a whole one.
SessionState numbered(int n, const geo::Projection& p) {
  SessionState s;
  s.view = SessionView{"", {1000.0 * n, -1000.0 * n}, 10.0 + n, 10.0 + n, 800, 600, 1};
  s.sources = {"/data/" + std::to_string(n) + ".gpkg"};
  s.panels.layout = std::string(20000 + n % 7 * 3000, static_cast<char>('a' + n % 26));  // some tens of kB to write
  for (int i = 0; i < 20 + n % 13; ++i)
    s.measurements.push_back(measure({70.0 + i * 0.01, 37.0}, {71.0, 38.0 + n * 1e-6}, p, std::to_string(n)));
  return s;
}

void expectWhole(const SessionRead& r, const geo::Projection& p) {
  ASSERT_EQ(r.status, SessionRead::Status::Loaded) << r.problem;
  ASSERT_TRUE(r.state.view);
  const int n = static_cast<int>(r.state.view->centre.x / 1000.0);
  const SessionState want = numbered(n, p);
  EXPECT_EQ(r.state.view, want.view);
  EXPECT_EQ(r.state.sources, want.sources);
  EXPECT_EQ(r.state.panels.layout, want.panels.layout);
  ASSERT_EQ(r.state.measurements.size(), want.measurements.size()) << n;
  for (const auto& m : r.state.measurements) EXPECT_EQ(m.label, std::to_string(n));
}

}  // namespace

TEST(SessionTornWrite, AKilledWriterLeavesTheOldOrTheNewSessionWhole) {
  const std::string dir = std::string(PAMIR_TEST_OUT_DIR) + "/session_torn_write/";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const std::string path = dir + "session.geojson";
  const geo::Projection p = *geo::Projection::create("");
  std::string why;
  ASSERT_TRUE(writeSessionFile(numbered(0, p), path, &why)) << why;
  std::mt19937 random(20261203);
  std::uniform_int_distribution<int> delayUs(0, 30000);
  constexpr int kKills = 150;
  int start = 1;
  for (int kill = 0; kill < kKills; ++kill) {
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      // Writes until killed; never returns into the test.
      for (int n = start;; ++n) {
        std::string err;
        if (!writeSessionFile(numbered(n, p), path, &err)) ::_exit(3);
      }
    }
    std::this_thread::sleep_for(std::chrono::microseconds(delayUs(random)));
    ASSERT_EQ(::kill(child, SIGKILL), 0);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the writer stopped by itself: " << status;
    const SessionRead r = readSessionFile(path);
    expectWhole(r, p);
    if (HasFatalFailure() || HasFailure()) FAIL() << "after kill " << kill;
    start += 1000;  // the next writer's sessions differ from every earlier one
  }
  // What killed writers left beside it are their temporary files, never a second session.
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string name = e.path().filename().string();
    if (name != "session.geojson") {
      EXPECT_EQ(name.rfind(".session.geojson.tmp-", 0), 0u) << name;
    }
  }
}
