#pragma once
// How many dated features existed in each year, across every dated layer:
// what the time slider draws under its track. Counted once per filter or
// layer change, never per frame.
#include <functional>
#include <optional>
#include <vector>

#include "core/feature.hpp"
#include "core/feature_filter.hpp"

namespace pamir {

struct YearHistogram {
  YearSpan years;             ///< total[i] and selected[i] count year years.from + i
  std::vector<int> total;     ///< dated features that existed in the year
  std::vector<int> selected;  ///< those of them the rest of the filter keeps (countries, visible layers)
  int peak = 0;               ///< the largest total, for scaling the bars

  int totalIn(int year) const { return at(total, year); }
  int selectedIn(int year) const { return at(selected, year); }

 private:
  int at(const std::vector<int>& v, int year) const {
    const long i = static_cast<long>(year) - years.from;
    return i >= 0 && i < static_cast<long>(v.size()) ? v[static_cast<size_t>(i)] : 0;
  }
};

/// The years the layers' dated features span: the earliest start (or end) to
/// the latest end (or start); nullopt when no feature is dated.
std::optional<YearSpan> datedYears(const std::vector<const Layer*>& layers);

/// Counts, for each year of `years`, the dated features of `layers` (those
/// with year fields and a start or an end) that existed in it: from their
/// start (or before the span when unknown) to their end (or after it when
/// open). `counted(layer)` leaves layers out altogether (derived layers that
/// repeat others' features); `selected(layer, feature)` says which count as
/// the filter's share. Linear in features plus years: a difference array,
/// not a loop over each feature's years.
YearHistogram yearHistogram(const std::vector<const Layer*>& layers, const YearSpan& years,
                            const std::function<bool(const Layer&)>& counted,
                            const std::function<bool(const Layer&, const Feature&)>& selected);

}  // namespace pamir
