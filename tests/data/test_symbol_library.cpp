// The military symbol catalog the dataset ships, and what a broken one costs.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "data/symbol_library.hpp"

namespace {

using namespace pamir;

const std::string kCatalog = std::string(PAMIR_GEODATA_DIR) + "/symbols.json";
const std::string kOut = std::string(PAMIR_TEST_OUT_DIR) + "/symbol_library/";

TEST(SymbolLibrary, TheShippedCatalogHasEveryCuratedSitesSymbol) {
  Diagnostics diag;
  const auto lib = data::loadSymbolLibrary(kCatalog, diag);
  EXPECT_TRUE(diag.all().empty()) << diag.all().front().line();
  EXPECT_EQ(lib->size(), 270u);
  EXPECT_EQ(lib->placeholder(), "#FF00FF");
  // Every SIDC of the curated layers, as the map looks them up.
  for (const char* file : {"bases", "airbases", "corridors", "events"}) {
    std::ifstream in(std::string(PAMIR_GEODATA_DIR) + "/curated/" + file + ".geojson");
    const auto doc = nlohmann::json::parse(in);
    for (const auto& f : doc["features"]) {
      const auto& sidc = f["properties"]["sidc"];
      if (sidc.is_null()) continue;
      const MilitarySymbol* s = lib->find(sidc.get<std::string>());
      ASSERT_NE(s, nullptr) << sidc;
      EXPECT_NE(s->svg.find("#FF00FF"), std::string::npos) << "the frame's fill is the placeholder";
      EXPECT_GT(s->width, 20);
      EXPECT_GT(s->anchorY, 0);
      EXPECT_LT(s->anchorY, s->height);
    }
  }
  // The standard affiliations of a common unit, for the analyst's own layers.
  for (const char* sidc : {"SFGPUCI---", "SHGPUCI---", "SNGPUCI---", "SUGPUCI---"})
    EXPECT_NE(lib->find(sidc), nullptr) << sidc;
  EXPECT_EQ(lib->find("SHGPUCI---")->standardFill, "#FF8080");
}

TEST(SymbolLibrary, ABrokenCatalogIsOneWarningAndPlainSymbols) {
  std::filesystem::create_directories(kOut);
  const std::pair<const char*, const char*> cases[] = {
      {"missing.json", nullptr},
      {"garbage.json", "{{{{ not json"},
      {"other.json", R"({"format": "something-else", "version": 1})"},
      {"newer.json", R"({"format": "pamir-symbols", "version": 7, "placeholder_fill": "#FF00FF", "symbols": {}})"},
  };
  for (const auto& [name, text] : cases) {
    const std::string path = kOut + name;
    std::filesystem::remove(path);
    if (text) std::ofstream(path) << text;
    Diagnostics diag;
    const auto lib = data::loadSymbolLibrary(path, diag);
    ASSERT_TRUE(lib) << name;
    EXPECT_TRUE(lib->empty()) << name;
    ASSERT_EQ(diag.all().size(), 1u) << name;
    EXPECT_EQ(diag.all()[0].severity, Severity::Warning);
    EXPECT_NE(diag.all()[0].line().find(path), std::string::npos) << diag.all()[0].line();
    EXPECT_NE(diag.all()[0].line().find("plain symbols"), std::string::npos) << diag.all()[0].line();
  }
  // One bad entry is left out, the rest kept.
  const std::string path = kOut + "partly.json";
  std::ofstream(path) << R"({"format": "pamir-symbols", "version": 1, "placeholder_fill": "#FF00FF", "symbols": {
    "SNGPIB----": {"svg": "<svg/>", "size": [30, 30], "anchor": [15, 15]},
    "SNGPIBA---": {"svg": "<svg/>", "size": "big", "anchor": [15, 15]}}})";
  Diagnostics diag;
  const auto lib = data::loadSymbolLibrary(path, diag);
  EXPECT_EQ(lib->size(), 1u);
  ASSERT_EQ(diag.all().size(), 1u);
  EXPECT_NE(diag.all()[0].message.find("SNGPIBA---"), std::string::npos);
}

}  // namespace
