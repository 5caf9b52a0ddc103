// A file written whole or not at all.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>
#include <vector>

#include "core/atomic_file.hpp"

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
