// A file written whole or not at all.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "core/atomic_file.hpp"
#include "support/device_nodes.hpp"
#include "support/fifo_reader.hpp"

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::vector<std::string> entries(const fs::path& dir) {
  std::vector<std::string> out;
  for (const auto& e : fs::directory_iterator(dir)) out.push_back(e.path().filename().string());
  return out;
}

class AtomicFile : public testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::path(PAMIR_TEST_OUT_DIR) / "atomic_file" / testing::UnitTest::GetInstance()->current_test_info()->name();
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  fs::path dir_;
};

}  // namespace

TEST_F(AtomicFile, WritesAndReplacesWholeFiles) {
  const fs::path target = dir_ / "out.geojson";
  std::string err;
  ASSERT_TRUE(pamir::writeFileAtomically(target.string(), "first", &err)) << err;
  EXPECT_EQ(slurp(target), "first");
  const std::string big(3 << 20, 'x');  // more than one write() may take
  ASSERT_TRUE(pamir::writeFileAtomically(target.string(), big, &err)) << err;
  EXPECT_EQ(slurp(target), big);
  ASSERT_TRUE(pamir::writeFileAtomically(target.string(), "", &err)) << err;
  EXPECT_EQ(fs::file_size(target), 0u);
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"out.geojson"});  // no temporary file left
}

TEST_F(AtomicFile, KeepsTheTargetsPermissions) {
  const fs::path target = dir_ / "kept.txt";
  std::ofstream(target) << "old";
  ::chmod(target.c_str(), 0640);
  std::string err;
  ASSERT_TRUE(pamir::writeFileAtomically(target.string(), "new", &err)) << err;
  struct stat st {};
  ASSERT_EQ(::stat(target.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST_F(AtomicFile, FailureLeavesTheTargetUntouchedAndNoTemporaryFile) {
  // A folder where the file should be: the rename cannot replace it.
  const fs::path folder = dir_ / "is_a_folder";
  fs::create_directories(folder / "inside");
  std::string err;
  EXPECT_FALSE(pamir::writeFileAtomically(folder.string(), "text", &err));
  EXPECT_NE(err.find("cannot write " + folder.string()), std::string::npos) << err;
  EXPECT_TRUE(fs::is_directory(folder / "inside"));

  // A folder that does not exist: nothing can be created.
  err.clear();
  EXPECT_FALSE(pamir::writeFileAtomically((dir_ / "missing" / "x.txt").string(), "text", &err));
  EXPECT_NE(err.find("cannot write"), std::string::npos);

  // A folder that cannot be written to (unless running as root, who may write anywhere).
  const fs::path locked = dir_ / "locked";
  fs::create_directories(locked);
  std::ofstream(locked / "target.txt") << "precious";
  ::chmod(locked.c_str(), 0555);
  const bool writable = ::access(locked.c_str(), W_OK) == 0;
  const bool ok = pamir::writeFileAtomically((locked / "target.txt").string(), "clobbered", &err);
  ::chmod(locked.c_str(), 0755);
  if (!writable) {
    EXPECT_FALSE(ok);
    EXPECT_EQ(slurp(locked / "target.txt"), "precious");
  }
  EXPECT_EQ(entries(dir_).size(), 2u);  // is_a_folder, locked and nothing else
  for (const auto& name : entries(locked)) EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
}

TEST_F(AtomicFile, ConcurrentWritersNeverShareATemporaryFile) {
  // With a fixed temporary name, two writers interleave into one file and
  // the loser renames a file the winner already moved. Each result must be
  // exactly one writer's text.
  const fs::path target = dir_ / "shared.txt";
  std::vector<std::thread> writers;
  std::vector<int> failures(8, 0);
  for (int t = 0; t < 8; ++t)
    writers.emplace_back([&, t] {
      const std::string text(100000, static_cast<char>('a' + t));
      for (int i = 0; i < 5; ++i) {
        std::string err;
        if (!pamir::writeFileAtomically(target.string(), text, &err)) ++failures[static_cast<size_t>(t)];
      }
    });
  for (auto& w : writers) w.join();
  for (int f : failures) EXPECT_EQ(f, 0);
  const std::string result = slurp(target);
  ASSERT_EQ(result.size(), 100000u);
  EXPECT_EQ(result.find_first_not_of(result[0]), std::string::npos);
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"shared.txt"});
}

// --- what the path names is respected ---------------------------------------------

TEST_F(AtomicFile, DevNullIsWrittenAndStaysACharacterDevice) {
  const std::string null = pamir::test::nullDevice(dir_);
  std::string err;
  ASSERT_TRUE(pamir::writeFileAtomically(null, "nothing to see", &err)) << err;
  EXPECT_TRUE(fs::is_character_file(null)) << null << " was replaced";
  // Through a symlink as well (/dev/stdout is one).
  fs::create_symlink(null, dir_ / "sink");
  ASSERT_TRUE(pamir::writeFileAtomically((dir_ / "sink").string(), "again", &err)) << err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "sink"));
  EXPECT_TRUE(fs::is_character_file(null));
}

TEST_F(AtomicFile, AFullDiskIsReportedAsSuch) {
  const std::string full = pamir::test::fullDevice(dir_);
  std::string err;
  EXPECT_FALSE(pamir::writeFileAtomically(full, std::string(100000, 'x'), &err));
  // strerror's words ("No space left on device" in the C locale the program runs in).
  EXPECT_EQ(err, "cannot write " + full + ": " + std::strerror(ENOSPC));
  EXPECT_TRUE(fs::is_character_file(full));
}

TEST_F(AtomicFile, AFifoIsWrittenToItsReaderAndStaysAFifo) {
  const fs::path fifo = dir_ / "pipe";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = pamir::test::readFifo(fifo.string()); });
  const std::string text(200000, 'p');  // more than a pipe holds at once
  std::string err;
  const bool ok = pamir::writeFileAtomically(fifo.string(), text, &err);
  reader.join();
  EXPECT_TRUE(ok) << err;
  EXPECT_EQ(received.size(), text.size());
  EXPECT_TRUE(fs::is_fifo(fifo));
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"pipe"});
}

TEST_F(AtomicFile, AFifoNobodyReadsFailsInsteadOfHanging) {
  const fs::path fifo = dir_ / "unread";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string err;
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_FALSE(pamir::writeFileAtomically(fifo.string(), "lost", &err));
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(30));
  EXPECT_NE(err.find("no process is reading"), std::string::npos) << err;
  EXPECT_TRUE(fs::is_fifo(fifo));
}

TEST_F(AtomicFile, SymlinksAreKeptAndTheirTargetsReplaced) {
  fs::create_directories(dir_ / "real");
  std::ofstream(dir_ / "real" / "target.txt") << "old";
  ::chmod((dir_ / "real" / "target.txt").c_str(), 0640);
  fs::create_symlink("real/target.txt", dir_ / "link");  // relative, as ln -s makes them
  fs::create_symlink("link", dir_ / "link2");            // a chain
  std::string err;
  ASSERT_TRUE(pamir::writeFileAtomically((dir_ / "link2").string(), "new", &err)) << err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "link"));
  EXPECT_TRUE(fs::is_symlink(dir_ / "link2"));
  EXPECT_EQ(slurp(dir_ / "real" / "target.txt"), "new");
  EXPECT_EQ(fs::status(dir_ / "real" / "target.txt").permissions() & fs::perms::all,
            fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);

  // A link to a file not made yet: the file is made where the link points.
  fs::create_symlink("real/later.txt", dir_ / "dangling");
  ASSERT_TRUE(pamir::writeFileAtomically((dir_ / "dangling").string(), "made", &err)) << err;
  EXPECT_TRUE(fs::is_symlink(dir_ / "dangling"));
  EXPECT_EQ(slurp(dir_ / "real" / "later.txt"), "made");

  std::vector<std::string> top = entries(dir_), real = entries(dir_ / "real");
  std::sort(top.begin(), top.end());
  std::sort(real.begin(), real.end());
  EXPECT_EQ(top, (std::vector<std::string>{"dangling", "link", "link2", "real"}));
  EXPECT_EQ(real, (std::vector<std::string>{"later.txt", "target.txt"}));  // no temporary file anywhere
}

TEST_F(AtomicFile, ADirectoryIsRefusedInPlainWords) {
  std::string err;
  EXPECT_FALSE(pamir::writeFileAtomically(dir_.string(), "text", &err));
  EXPECT_EQ(err, "cannot write " + dir_.string() + ": " + std::strerror(EISDIR));
  fs::create_symlink(dir_, dir_.parent_path() / (dir_.filename().string() + "-link"));
  const std::string link = (dir_.parent_path() / (dir_.filename().string() + "-link")).string();
  EXPECT_FALSE(pamir::writeFileAtomically(link, "text", &err));
  EXPECT_EQ(err, "cannot write " + link + ": " + std::strerror(EISDIR));
  fs::remove(link);
}

// --- temporary files of writers that were killed ----------------------------------

namespace {
// A PID that was just in use and is not any more.
pid_t deadPid() {
  const pid_t pid = ::fork();
  if (pid == 0) ::_exit(0);
  int status = 0;
  ::waitpid(pid, &status, 0);
  return pid;
}

void makeFile(const fs::path& p, int ageSeconds) {
  std::ofstream(p) << "half a file";
  const auto when = fs::file_time_type::clock::now() - std::chrono::seconds(ageSeconds);
  fs::last_write_time(p, when);
}
}  // namespace

TEST_F(AtomicFile, StaleTemporaryFilesOfDeadWritersAreRemoved) {
  const pid_t dead = deadPid();
  const std::string mine = std::to_string(::getpid()), gone = std::to_string(dead);
  const std::vector<std::string> stale{".out.txt.tmp-" + gone + "-0-123456", ".out.txt.tmp-" + gone + "-7-42"};
  const std::vector<std::string> kept{".out.txt.tmp-" + mine + "-0-1",      // a live writer (this process)
                                      ".out.txt.tmp-" + gone + "-1-1.bak",  // not exactly the pattern
                                      ".out.txt.tmp-" + gone,               // nor this
                                      ".other.txt.tmp-" + gone + "-0-1",    // another file's
                                      "out.txt.tmp-" + gone + "-0-1",       // not hidden: not ours
                                      "notes.txt"};
  for (const auto& n : stale) makeFile(dir_ / n, 120);
  for (const auto& n : kept) makeFile(dir_ / n, 120);
  makeFile(dir_ / (".out.txt.tmp-" + gone + "-9-9"), 0);  // just written: perhaps a writer in another PID namespace
  std::string err;
  ASSERT_TRUE(pamir::writeFileAtomically((dir_ / "out.txt").string(), "whole", &err)) << err;
  for (const auto& n : stale) EXPECT_FALSE(fs::exists(dir_ / n)) << n;
  for (const auto& n : kept) EXPECT_TRUE(fs::exists(dir_ / n)) << n;
  EXPECT_TRUE(fs::exists(dir_ / (".out.txt.tmp-" + gone + "-9-9")));
  EXPECT_EQ(slurp(dir_ / "out.txt"), "whole");

  // Half an hour untouched: stale whoever holds the PID now.
  makeFile(dir_ / (".out.txt.tmp-" + mine + "-5-5"), 3600);
  EXPECT_EQ(pamir::removeStaleTemporaries((dir_ / "out.txt").string()), 1);
}

TEST_F(AtomicFile, AWriterKilledMidWriteLeavesNothingTheNextWriteKeeps) {
  // A child starts writing a large file and is killed with SIGKILL; whatever
  // temporary file it left is gone after the next write (once old enough).
  const fs::path target = dir_ / "big.bin";
  const pid_t child = ::fork();
  if (child == 0) {
    const std::string big(256 << 20, 'k');
    for (;;) pamir::writeFileAtomically(target.string(), big, nullptr);
  }
  for (int i = 0; i < 500; ++i) {
    bool started = false;
    for (const auto& n : entries(dir_)) started = started || n.find(".big.bin.tmp-") == 0;
    if (started) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  ::kill(child, SIGKILL);
  int status = 0;
  ::waitpid(child, &status, 0);
  std::vector<std::string> left;
  for (const auto& n : entries(dir_))
    if (n.find(".big.bin.tmp-") == 0) left.push_back(n);
  ASSERT_FALSE(left.empty()) << "the child was killed before it began a write";
  for (const auto& n : left) fs::last_write_time(dir_ / n, fs::file_time_type::clock::now() - std::chrono::seconds(60));
  std::string err;
  ASSERT_TRUE(pamir::writeFileAtomically(target.string(), "small", &err)) << err;
  EXPECT_EQ(entries(dir_), std::vector<std::string>{"big.bin"});
}
