#include "data/symbol_library.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "data/manifest.hpp"

namespace pamir::data {

using nlohmann::json;

std::string defaultSymbolLibraryPath() {
  return (std::filesystem::path(defaultManifestPath()).parent_path() / "symbols.json").string();
}

std::shared_ptr<const SymbolLibrary> loadSymbolLibrary(const std::string& path, Diagnostics& diag) {
  auto none = [&](const std::string& why) {
    diag.warn(path, "", -1, why + "; military symbols are drawn as plain symbols");
    return std::make_shared<const SymbolLibrary>();
  };
  std::ifstream in(path, std::ios::binary);
  if (!in) return none("cannot read the symbol catalog");
  std::ostringstream text;
  text << in.rdbuf();
  const json doc = json::parse(text.str(), nullptr, false);
  if (doc.is_discarded() || !doc.is_object()) return none("not JSON");
  if (doc.value("format", "") != "pamir-symbols" || !doc.contains("version") || !doc["version"].is_number_integer())
    return none("not a Pamir symbol catalog");
  if (doc["version"].get<int>() != 1)
    return none("symbol catalog version " + std::to_string(doc["version"].get<int>()) + " (this Pamir reads 1)");
  const std::string placeholder = doc.value("placeholder_fill", "");
  if (placeholder.empty() || !doc.contains("symbols") || !doc["symbols"].is_object())
    return none("the symbol catalog has no placeholder fill or no symbols");
  std::map<std::string, MilitarySymbol> symbols;
  for (const auto& [key, e] : doc["symbols"].items()) {
    const bool good = e.is_object() && e.contains("svg") && e["svg"].is_string() && e.contains("size") &&
                      e["size"].is_array() && e["size"].size() == 2 && e["size"][0].is_number() &&
                      e["size"][1].is_number() && e.contains("anchor") && e["anchor"].is_array() &&
                      e["anchor"].size() == 2 && e["anchor"][0].is_number() && e["anchor"][1].is_number();
    if (!good || SymbolLibrary::symbolKey(key) != key) {
      diag.warn(path, "", -1, "symbol " + key + " is incomplete; left out");
      continue;
    }
    MilitarySymbol s;
    s.key = key;
    s.svg = e["svg"].get<std::string>();
    s.width = e["size"][0].get<double>();
    s.height = e["size"][1].get<double>();
    s.anchorX = e["anchor"][0].get<double>();
    s.anchorY = e["anchor"][1].get<double>();
    s.standardFill = e.value("fill", "#FFFF80");
    if (!(s.width > 0 && s.height > 0 && s.width < 1000 && s.height < 1000)) {
      diag.warn(path, "", -1, "symbol " + key + " has no sensible size; left out");
      continue;
    }
    symbols.emplace(key, std::move(s));
  }
  return std::make_shared<const SymbolLibrary>(std::move(symbols), placeholder);
}

std::shared_ptr<const SymbolLibrary> builtinSymbols(Diagnostics& diag) {
  static const std::shared_ptr<const SymbolLibrary> library = loadSymbolLibrary(defaultSymbolLibraryPath(), diag);
  return library;
}

}  // namespace pamir::data
