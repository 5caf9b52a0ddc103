#include "core/feature_filter.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace pamir {

std::optional<int> yearIn(const FieldValue& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return static_cast<int>(*i);
  if (const auto* d = std::get_if<double>(&v))
    return std::isfinite(*d) ? std::optional<int>(static_cast<int>(*d)) : std::nullopt;
  if (const auto* s = std::get_if<std::string>(&v)) {
    // ISO dates and plain years: the first four digits.
    if (s->size() >= 4 && std::isdigit(static_cast<unsigned char>((*s)[0])) &&
        std::isdigit(static_cast<unsigned char>((*s)[3])))
      return std::stoi(s->substr(0, 4));
  }
  return std::nullopt;
}

std::pair<std::optional<int>, std::optional<int>> featureYears(const Layer& layer, const Feature& f) {
  std::optional<int> start, end;
  if (!layer.yearFields.empty()) start = yearIn(layer.value(f, layer.yearFields[0]));
  if (layer.yearFields.size() > 1) end = yearIn(layer.value(f, layer.yearFields[1]));
  return {start, end};
}

bool passes(const FeatureFilter& filter, const Layer& layer, const Feature& f) {
  if (filter.asOfYear && !layer.yearFields.empty()) {
    auto [start, end] = featureYears(layer, f);
    if (start && *start > *filter.asOfYear) return false;
    if (end && *end < *filter.asOfYear) return false;
  }
  if (!filter.countries.empty() && !layer.countryFields.empty()) {
    bool any = false;
    for (const auto& field : layer.countryFields) {
      const FieldValue& v = layer.value(f, field);
      const auto* s = std::get_if<std::string>(&v);
      if (!s) continue;
      // The value itself ("TJK"), or the code it names ("TJ", "Tajikistan").
      const auto alias = layer.countryAliases.find(*s);
      if (filter.countries.count(alias == layer.countryAliases.end() ? *s : alias->second)) any = true;
    }
    if (!any) return false;
  }
  return true;
}

std::set<std::string> countryCodesIn(const std::vector<const Layer*>& layers) {
  std::set<std::string> codes;
  for (const Layer* l : layers) {
    if (l->countryFields.empty()) continue;
    std::vector<int> fields;
    for (const auto& name : l->countryFields)
      if (int i = l->fieldIndex(name); i >= 0) fields.push_back(i);
    for (const auto& f : l->features) {
      for (int i : fields) {
        if (static_cast<size_t>(i) >= f.values.size()) continue;
        const auto* s = std::get_if<std::string>(&f.values[static_cast<size_t>(i)]);
        if (!s || s->empty()) continue;
        if (auto alias = l->countryAliases.find(*s); alias != l->countryAliases.end())
          codes.insert(alias->second);
        else if (s->size() == 3 && std::all_of(s->begin(), s->end(), [](char c) { return c >= 'A' && c <= 'Z'; }))
          codes.insert(*s);
      }
    }
  }
  return codes;
}

std::vector<YearChange> changesBetween(const std::vector<const Layer*>& layers, int fromYear, int toYear) {
  std::vector<YearChange> out;
  if (fromYear >= toYear) return out;
  auto existsIn = [](const std::optional<int>& start, const std::optional<int>& end, int y) {
    return (!start || *start <= y) && (!end || *end >= y);
  };
  for (const Layer* l : layers) {
    if (l->yearFields.empty()) continue;
    for (size_t i = 0; i < l->features.size(); ++i) {
      auto [start, end] = featureYears(*l, l->features[i]);
      if (!start && !end) continue;  // undated: no change to report
      const bool before = existsIn(start, end, fromYear), after = existsIn(start, end, toYear);
      if (!before && after)
        out.push_back({l, i, true, start.value_or(toYear)});
      else if (before && !after)
        out.push_back({l, i, false, end.value_or(fromYear)});
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const YearChange& a, const YearChange& b) { return a.year < b.year; });
  return out;
}

}  // namespace pamir
