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

std::string formatYearSpan(const YearSpan& s) {
  return s.isRange() ? std::to_string(s.from) + ".." + std::to_string(s.to) : std::to_string(s.from);
}

std::optional<YearSpan> parseYearSpan(std::string_view text, std::string* error) {
  auto fail = [&](const std::string& why) -> std::optional<YearSpan> {
    if (error) *error = why;
    return std::nullopt;
  };
  auto isSpace = [](char c) { return c == ' ' || c == '\t'; };
  auto trim = [&](std::string_view t) {
    while (!t.empty() && isSpace(t.front())) t.remove_prefix(1);
    while (!t.empty() && isSpace(t.back())) t.remove_suffix(1);
    return t;
  };
  auto year = [&](std::string_view t) -> std::optional<int> {
    t = trim(t);
    if (t.empty() || t.size() > 4) return std::nullopt;
    int y = 0;
    for (char c : t) {
      if (c < '0' || c > '9') return std::nullopt;
      y = y * 10 + (c - '0');
    }
    return y;
  };
  const std::string_view whole = trim(text);
  if (whole.empty()) return fail("a year such as 2016 or a range such as 2001..2014; got nothing");
  // The separator: "..", an en dash, or a hyphen between two years (no year is negative).
  size_t at = std::string_view::npos, width = 0;
  for (std::string_view sep : {std::string_view(".."), std::string_view("\xE2\x80\x93"), std::string_view("-")}) {
    if (size_t p = whole.find(sep, 1); p != std::string_view::npos) {
      at = p, width = sep.size();
      break;
    }
  }
  const std::string quoted = "'" + std::string(whole) + "'";
  if (at == std::string_view::npos) {
    if (auto y = year(whole)) return YearSpan::single(*y);
    return fail("a year such as 2016 or a range such as 2001..2014; got " + quoted);
  }
  const auto from = year(whole.substr(0, at)), to = year(whole.substr(at + width));
  if (!from || !to) return fail("a year such as 2016 or a range such as 2001..2014; got " + quoted);
  if (*from > *to) return fail("a range from the earlier year to the later (2001..2014); got " + quoted);
  return YearSpan{*from, *to};
}

bool existedDuring(const std::optional<int>& start, const std::optional<int>& end, const YearSpan& span) {
  return (!start || *start <= span.to) && (!end || *end >= span.from);
}

bool passes(const FeatureFilter& filter, const Layer& layer, const Feature& f) {
  if (filter.asOfYear && !layer.yearFields.empty()) {
    auto [start, end] = featureYears(layer, f);
    if (!existedDuring(start, end, *filter.years())) return false;
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
    return existedDuring(start, end, YearSpan::single(y));
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
