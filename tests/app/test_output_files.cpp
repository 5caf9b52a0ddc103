// Where -o points decides how it is written: a file replaced whole, a device
// or FIFO written to, a directory refused, a full disk named as such.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "render/image.hpp"
#include "support/device_nodes.hpp"
#include "support/fifo_reader.hpp"
#include "support/run_command.hpp"

namespace fs = std::filesystem;
using pamir::test::CommandResult;
using pamir::test::runCommand;

namespace {
const std::string kSample = std::string(PAMIR_TEST_DATA_DIR) + "/formats/sample.geojson";

fs::path freshDir(const std::string& name) {
  const fs::path dir = fs::path(PAMIR_TEST_OUT_DIR) / "output_files" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

CommandResult render(const std::string& output) {
  return runCommand({"render", kSample, "--size", "64x48", "-o", output});
}
}  // namespace

TEST(OutputFiles, RenderToDevNullLeavesTheDeviceInPlace) {
  const std::string null = pamir::test::nullDevice(freshDir("null"));
  const CommandResult r = render(null);
  EXPECT_EQ(r.status, 0) << r.all();
  EXPECT_TRUE(fs::is_character_file(null)) << null << " was replaced";
}

TEST(OutputFiles, RenderToAFullDiskSaysSo) {
  const std::string full = pamir::test::fullDevice(freshDir("full"));
  const CommandResult r = render(full);
  EXPECT_EQ(r.status, 1) << r.all();
  EXPECT_NE(r.err.find("cannot write " + full + ": " + std::strerror(ENOSPC)), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Write Error"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_character_file(full));
}

TEST(OutputFiles, RenderIntoADirectoryIsRefusedInPlainWords) {
  const fs::path dir = freshDir("directory");
  const CommandResult r = render(dir.string());
  EXPECT_EQ(r.status, 1) << r.all();
  EXPECT_NE(r.err.find("cannot write " + dir.string() + ": " + std::strerror(EISDIR)), std::string::npos) << r.err;
  EXPECT_EQ(r.err.find("Success"), std::string::npos) << r.err;
  EXPECT_TRUE(fs::is_directory(dir));
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST(OutputFiles, RenderThroughASymlinkKeepsTheLink) {
  const fs::path dir = freshDir("symlink");
  fs::create_directories(dir / "maps");
  fs::create_symlink("maps/latest.png", dir / "current.png");
  const CommandResult r = render((dir / "current.png").string());
  ASSERT_EQ(r.status, 0) << r.all();
  EXPECT_TRUE(fs::is_symlink(dir / "current.png"));
  std::string err;
  EXPECT_TRUE(pamir::render::readPng((dir / "maps" / "latest.png").string(), &err)) << err;
}

TEST(OutputFiles, RenderIntoAFifoFeedsItsReader) {
  const fs::path dir = freshDir("fifo");
  const fs::path fifo = dir / "png";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  std::string received;
  std::thread reader([&] { received = pamir::test::readFifo(fifo.string()); });
  const CommandResult r = render(fifo.string());
  reader.join();
  EXPECT_EQ(r.status, 0) << r.all();
  EXPECT_EQ(received.substr(0, 8), "\x89PNG\r\n\x1a\n");
  EXPECT_TRUE(fs::is_fifo(fifo));
}

TEST(OutputFiles, RingToDevNullAndIntoADirectory) {
  const fs::path dir = freshDir("ring");
  const std::string null = pamir::test::nullDevice(freshDir("ring-null"));
  EXPECT_EQ(runCommand({"ring", "37,74", "--radius", "5km", "-o", null}).status, 0);
  EXPECT_TRUE(fs::is_character_file(null));
  const CommandResult r = runCommand({"ring", "37,74", "--radius", "5km", "-o", dir.string()});
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find(std::strerror(EISDIR)), std::string::npos) << r.err;
}
