#pragma once
// Which features the analyst wants to see: "as of" a year, and only some
// countries. One filter applies across every dated layer at once.
#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/feature.hpp"

namespace pamir {

/// Years from `from` to `to`, both included (one year when they are equal).
struct YearSpan {
  int from = 0, to = 0;
  static YearSpan single(int year) { return {year, year}; }
  bool isRange() const { return to != from; }
  int length() const { return to - from + 1; }
  bool operator==(const YearSpan&) const = default;
};

/// "2016", or "2001..2014" for a range.
std::string formatYearSpan(const YearSpan& s);

/// A year or a range as people type it: "2016", "2001..2014", "2001-2014",
/// "2001 – 2014" (an en dash, spaces round the separator). Years 0 to 9999;
/// the first must not come after the second. nullopt, with why in *error, otherwise.
std::optional<YearSpan> parseYearSpan(std::string_view text, std::string* error = nullptr);

struct FeatureFilter {
  /// Show what existed in this year: year_start <= year (or unknown) and
  /// year_end >= year (or open). Undated features always show. With
  /// untilYear, the first year of a range.
  std::optional<int> asOfYear;
  /// The last year of a range starting at asOfYear: show what existed at any
  /// time between the two (year_start <= untilYear and year_end >= asOfYear).
  /// Ignored without asOfYear.
  std::optional<int> untilYear;
  /// ISO 3166-1 alpha-3 codes; a feature shows when any of its layer's
  /// country fields holds one of them. Empty = every country.
  std::set<std::string> countries;

  bool active() const { return asOfYear.has_value() || !countries.empty(); }

  /// The years shown, or nullopt when the map is not filtered by time.
  std::optional<YearSpan> years() const {
    if (!asOfYear) return std::nullopt;
    return YearSpan{*asOfYear, std::max(*asOfYear, untilYear.value_or(*asOfYear))};
  }
  void setYears(const std::optional<YearSpan>& s) {
    asOfYear = s ? std::optional<int>(s->from) : std::nullopt;
    untilYear = s && s->isRange() ? std::optional<int>(s->to) : std::nullopt;
  }
};

/// The year a value holds: an integer or real year, or the first four
/// digits of text (an ISO date, a plain year); nullopt otherwise.
std::optional<int> yearIn(const FieldValue& v);

/// The feature's [start, end] years from its layer's year fields; nullopt parts when unknown/open.
std::pair<std::optional<int>, std::optional<int>> featureYears(const Layer& layer, const Feature& f);

/// Whether a feature whose years are [start, end] (nullopt: unknown start, open end)
/// existed at some time in `span`.
bool existedDuring(const std::optional<int>& start, const std::optional<int>& end, const YearSpan& span);

/// Whether `f` passes `filter`. Layers without year or country fields are not filtered by them.
bool passes(const FeatureFilter& filter, const Layer& layer, const Feature& f);

/// The ISO alpha-3 codes the layers' country fields hold (aliases resolved):
/// what the country filter can choose from.
std::set<std::string> countryCodesIn(const std::vector<const Layer*>& layers);

/// A dated feature that appeared or closed between two years.
struct YearChange {
  const Layer* layer = nullptr;
  size_t featureIndex = 0;
  bool appeared = false;  ///< false: closed
  int year = 0;           ///< the year it started or ended
};

/// What changed from `fromYear` to `toYear` (fromYear < toYear) across the
/// dated layers: features that exist in toYear but not in fromYear appeared;
/// those that existed in fromYear but no longer in toYear closed. Ordered by year.
std::vector<YearChange> changesBetween(const std::vector<const Layer*>& layers, int fromYear, int toYear);

}  // namespace pamir
