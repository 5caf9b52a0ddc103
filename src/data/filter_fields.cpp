#include "data/filter_fields.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <optional>

#include "core/feature_filter.hpp"

namespace pamir::data {

namespace {

std::string lower(const std::string& s) {
  std::string out = s;
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// The field whose name is `want`, any case; -1 if none.
int fieldNamed(const Layer& layer, const std::string& want) {
  for (size_t i = 0; i < layer.fields.size(); ++i)
    if (lower(layer.fields[i].name) == want) return static_cast<int>(i);
  return -1;
}

/// Up to `limit` non-null values of field `index`, spread over the layer.
std::vector<const FieldValue*> sample(const Layer& layer, int index, size_t limit = 1000) {
  std::vector<const FieldValue*> out;
  const size_t n = layer.features.size();
  const size_t step = std::max<size_t>(1, n / limit);
  for (size_t i = 0; i < n && out.size() < limit; i += step) {
    const auto& values = layer.features[i].values;
    if (static_cast<size_t>(index) >= values.size()) continue;
    if (!std::holds_alternative<std::monostate>(values[static_cast<size_t>(index)]))
      out.push_back(&values[static_cast<size_t>(index)]);
  }
  return out;
}

/// Whether most of the field's values are years (from 1 to 3000, as --year takes).
bool holdsYears(const Layer& layer, int index) {
  const FieldType t = layer.fields[static_cast<size_t>(index)].type;
  if (t == FieldType::Other) return false;
  auto values = sample(layer, index);
  if (values.empty()) return false;
  size_t years = 0;
  for (const FieldValue* v : values)
    if (auto y = yearIn(*v); y && *y >= 1 && *y <= 3000) ++years;
  return years * 10 >= values.size() * 8;
}

// Names of start/end pairs, most specific first.
const std::array<std::pair<const char*, const char*>, 16> kYearPairs = {{
    {"year_start", "year_end"},
    {"start_year", "end_year"},
    {"yearstart", "yearend"},
    {"year_from", "year_to"},
    {"from_year", "to_year"},
    {"date_start", "date_end"},
    {"start_date", "end_date"},
    {"begin_date", "end_date"},
    {"valid_from", "valid_to"},
    {"start_time", "end_time"},
    {"opened", "closed"},
    {"established", "closed"},
    {"start", "end"},
    {"begin", "end"},
    {"from", "to"},
    {"first_year", "last_year"},
}};

// A single field dating the feature to one year, as an event.
const std::array<const char*, 8> kYearSingles = {"year",       "event_year", "yr",         "date",
                                                 "event_date", "datetime",   "event_time", "time"};

bool countryLikeName(const std::string& n) {
  // Names that say a country only with their values ("host": "TJ"): the
  // values must confirm them (see detectCountryFields).
  static const std::array<const char*, 27> exact = {
      "iso_a3",      "iso3",        "iso_3",  "alpha3",   "alpha_3",      "adm0_a3",   "iso_a2",
      "iso2",        "iso_2",       "alpha2", "alpha_2",  "country",      "countries", "country_code",
      "countrycode", "country_iso", "cntry",  "cntry_cd", "country_name", "nation",    "iso",
      "iso_code",    "sov_a3",      "gu_a3",  "host",     "operator",     "owner"};
  if (std::find(exact.begin(), exact.end(), n) != exact.end()) return true;
  auto endsWith = [&](const char* suffix) {
    const std::string s(suffix);
    return n.size() > s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0;
  };
  return endsWith("_country") || endsWith("country") || endsWith("_iso3") || endsWith("_iso") || endsWith("_a3") ||
         endsWith("_a2") || endsWith("_nation");
}

}  // namespace

std::vector<std::string> detectYearFields(const Layer& layer) {
  auto name = [&](int i) { return layer.fields[static_cast<size_t>(i)].name; };
  for (const auto& [start, end] : kYearPairs) {
    const int s = fieldNamed(layer, start), e = fieldNamed(layer, end);
    if (s < 0 || !holdsYears(layer, s)) continue;
    // An end field may be empty throughout (everything still open): it is still the end.
    if (e >= 0 && (holdsYears(layer, e) || sample(layer, e).empty())) return {name(s), name(e)};
    return {name(s)};
  }
  for (const char* single : kYearSingles)
    if (int i = fieldNamed(layer, single); i >= 0 && holdsYears(layer, i)) return {name(i), name(i)};
  for (size_t i = 0; i < layer.fields.size(); ++i)
    if (layer.fields[i].type == FieldType::Date && holdsYears(layer, static_cast<int>(i)))
      return {layer.fields[i].name, layer.fields[i].name};
  return {};
}

std::vector<std::string> detectCountryFields(const Layer& layer, const CountryCodes& codes) {
  std::vector<std::string> out;
  for (size_t i = 0; i < layer.fields.size(); ++i) {
    if (layer.fields[i].type != FieldType::String || !countryLikeName(lower(layer.fields[i].name))) continue;
    auto values = sample(layer, static_cast<int>(i));
    if (values.empty()) continue;
    size_t known = 0;
    for (const FieldValue* v : values) {
      const std::string& s = std::get<std::string>(*v);
      if (codes.empty() ? s.size() == 3 : codes.find(s) != nullptr) ++known;
    }
    if (known * 10 >= values.size() * 8) out.push_back(layer.fields[i].name);
  }
  return out;
}

std::map<std::string, std::string> countryAliases(const Layer& layer, const CountryCodes& codes) {
  std::map<std::string, std::string> aliases;
  if (codes.empty()) return aliases;
  std::map<std::string, bool> seen;  // distinct values: a few hundred at most in a real layer
  for (const auto& name : layer.countryFields) {
    const int index = layer.fieldIndex(name);
    if (index < 0) continue;
    for (const auto& f : layer.features) {
      if (static_cast<size_t>(index) >= f.values.size()) continue;
      const auto* s = std::get_if<std::string>(&f.values[static_cast<size_t>(index)]);
      if (!s || !seen.emplace(*s, true).second) continue;
      if (codes.byAlpha3(*s)) continue;  // already what the filter speaks
      if (const Country* c = codes.find(*s)) aliases.emplace(*s, c->alpha3);
    }
  }
  return aliases;
}

void completeFilterFields(Layer& layer, const CountryCodes& codes) {
  if (layer.yearFields.empty()) layer.yearFields = detectYearFields(layer);
  if (layer.countryFields.empty()) layer.countryFields = detectCountryFields(layer, codes);
  layer.countryAliases = countryAliases(layer, codes);
}

}  // namespace pamir::data
