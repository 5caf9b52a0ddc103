#include "data/country_codes.hpp"

#include <cctype>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/name_fold.hpp"

namespace pamir::data {

namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

bool lettersOnly(std::string_view s) {
  for (char c : s)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  return true;
}

}  // namespace

std::string standardCountryCodesPath() { return "/usr/share/iso-codes/json/iso_3166-1.json"; }

CountryCodes CountryCodes::fromFile(const std::string& path) {
  CountryCodes t;
  std::ifstream in(path);
  if (!in) return t;
  nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_object() || !j.contains("3166-1") || !j["3166-1"].is_array()) return t;
  for (const auto& e : j["3166-1"]) {
    if (!e.is_object()) continue;
    auto text = [&](const char* key) {
      return e.contains(key) && e[key].is_string() ? e[key].get<std::string>() : std::string();
    };
    Country c{text("alpha_3"), text("alpha_2"), text("name")};
    if (c.alpha3.size() != 3) continue;
    const size_t i = t.countries_.size();
    t.byCode_.emplace(c.alpha3, i);
    if (!c.alpha2.empty()) t.byCode_.emplace(c.alpha2, i);
    for (const char* key : {"name", "official_name", "common_name"})
      if (auto n = text(key); !n.empty()) t.byName_.emplace(foldName(n), i);
    t.countries_.push_back(std::move(c));
  }
  return t;
}

const CountryCodes& CountryCodes::standard() {
  static const CountryCodes table = fromFile(standardCountryCodesPath());
  return table;
}

const Country* CountryCodes::byAlpha3(std::string_view code) const {
  auto it = byCode_.find(std::string(code));
  return it != byCode_.end() && countries_[it->second].alpha3 == code ? &countries_[it->second] : nullptr;
}

const Country* CountryCodes::find(std::string_view text) const {
  if ((text.size() == 2 || text.size() == 3) && lettersOnly(text)) {
    if (auto it = byCode_.find(upper(text)); it != byCode_.end()) return &countries_[it->second];
  }
  if (auto it = byName_.find(foldName(text)); it != byName_.end()) return &countries_[it->second];
  return nullptr;
}

}  // namespace pamir::data
