// Where the program finds its data: $PAMIR_DATA_DIR, else share/pamir beside
// its own folder (the build tree mirrors the installed layout), never a path
// compiled in. tests/shell/install_package.sh checks the installed program.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "data/catalog.hpp"
#include "data/manifest.hpp"

using namespace pamir;
namespace fs = std::filesystem;

namespace {

// Sets (or, with nullopt, removes) an environment variable for one test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value)
      setenv(name, value->c_str(), 1);
    else
      unsetenv(name);
  }
  ~ScopedEnv() {
    if (old_)
      setenv(name_, old_->c_str(), 1);
    else
      unsetenv(name_);
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST(DataDirectory, IsShareBesideTheBinaryFolder) {
  ScopedEnv dataDir("PAMIR_DATA_DIR", std::nullopt);
  ScopedEnv geodata("PAMIR_GEODATA", std::nullopt);
  auto dir = data::dataDirectory();
  ASSERT_TRUE(dir) << "the build tree has share/pamir beside bin/ and tests/";
  const fs::path exe = fs::read_symlink("/proc/self/exe");
  EXPECT_EQ(fs::path(*dir), (exe.parent_path().parent_path() / "share" / "pamir").lexically_normal());
  // ...and it holds the same dataset as the source tree.
  const fs::path manifest = data::defaultManifestPath();
  EXPECT_EQ(manifest, fs::path(*dir) / "geodata" / "manifest.json");
  ASSERT_TRUE(fs::exists(manifest));
  EXPECT_TRUE(fs::equivalent(manifest, fs::path(PAMIR_GEODATA_DIR) / "manifest.json"));
}

TEST(DataDirectory, EnvironmentComesFirst) {
  ScopedEnv geodata("PAMIR_GEODATA", std::nullopt);
  ScopedEnv dataDir("PAMIR_DATA_DIR", std::string(PAMIR_SOURCE_DIR));
  EXPECT_EQ(data::dataDirectory(), std::string(PAMIR_SOURCE_DIR));
  EXPECT_EQ(fs::path(data::defaultManifestPath()), fs::path(PAMIR_SOURCE_DIR) / "geodata" / "manifest.json");
  Diagnostics d;
  data::Catalog c = data::loadBuiltinCatalog(d);
  EXPECT_FALSE(c.empty());
  EXPECT_EQ(d.errorCount(), 0u);

  // PAMIR_GEODATA (a geodata folder or a manifest) still overrides both.
  ScopedEnv direct("PAMIR_GEODATA", std::string(PAMIR_GEODATA_DIR));
  EXPECT_EQ(fs::path(data::defaultManifestPath()), fs::path(PAMIR_GEODATA_DIR) / "manifest.json");
}

TEST(DataDirectory, MissingDataSaysWhereItLookedAndHowToFixIt) {
  ScopedEnv geodata("PAMIR_GEODATA", std::nullopt);
  ScopedEnv dataDir("PAMIR_DATA_DIR", std::string("/nonexistent/pamir-data"));
  Diagnostics d;
  data::Catalog c = data::loadBuiltinCatalog(d);
  EXPECT_TRUE(c.empty());
  ASSERT_EQ(d.errorCount(), 1u);
  const std::string line = d.all()[0].line();
  EXPECT_NE(line.find("/nonexistent/pamir-data/geodata/manifest.json"), std::string::npos) << line;
  EXPECT_NE(line.find("PAMIR_DATA_DIR"), std::string::npos) << line;
}
