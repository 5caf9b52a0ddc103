#pragma once
// Which features the analyst wants to see: "as of" a year, and only some
// countries. One filter applies across every dated layer at once.
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "core/feature.hpp"

namespace pamir {

struct FeatureFilter {
  /// Show what existed in this year: year_start <= year (or unknown) and
  /// year_end >= year (or open). Undated features always show.
  std::optional<int> asOfYear;
  /// ISO 3166-1 alpha-3 codes; a feature shows when any of its layer's
  /// country fields holds one of them. Empty = every country.
  std::set<std::string> countries;

  bool active() const { return asOfYear.has_value() || !countries.empty(); }
};

/// The year a value holds: an integer or real year, or the first four
/// digits of text (an ISO date, a plain year); nullopt otherwise.
std::optional<int> yearIn(const FieldValue& v);

/// The feature's [start, end] years from its layer's year fields; nullopt parts when unknown/open.
std::pair<std::optional<int>, std::optional<int>> featureYears(const Layer& layer, const Feature& f);

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
