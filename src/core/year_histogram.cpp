#include "core/year_histogram.hpp"

#include <algorithm>

namespace pamir {

std::optional<YearSpan> datedYears(const std::vector<const Layer*>& layers) {
  int lo = 0, hi = 0;
  bool any = false;
  auto add = [&](int y) {
    lo = any ? std::min(lo, y) : y;
    hi = any ? std::max(hi, y) : y;
    any = true;
  };
  for (const Layer* l : layers) {
    if (l->yearFields.empty()) continue;
    for (const auto& f : l->features) {
      auto [start, end] = featureYears(*l, f);
      if (start) add(*start);
      if (end) add(*end);
    }
  }
  if (!any) return std::nullopt;
  return YearSpan{lo, hi};
}

YearHistogram yearHistogram(const std::vector<const Layer*>& layers, const YearSpan& years,
                            const std::function<bool(const Layer&)>& counted,
                            const std::function<bool(const Layer&, const Feature&)>& selected) {
  YearHistogram h;
  h.years = years;
  const int n = std::max(0, years.length());
  // +1 where a feature's life starts inside the span, -1 the year after it ends.
  std::vector<int> total(static_cast<size_t>(n) + 1, 0), chosen(static_cast<size_t>(n) + 1, 0);
  for (const Layer* l : layers) {
    if (l->yearFields.empty() || (counted && !counted(*l))) continue;
    for (const auto& f : l->features) {
      auto [start, end] = featureYears(*l, f);
      if (!start && !end) continue;  // undated: not on the time line
      if (start && end && *end < *start) continue;
      const long from = std::max<long>(start.value_or(years.from), years.from) - years.from;
      const long to = std::min<long>(end.value_or(years.to), years.to) - years.from;
      if (from > to || to < 0 || from >= n) continue;
      ++total[static_cast<size_t>(from)];
      --total[static_cast<size_t>(to) + 1];
      if (!selected || selected(*l, f)) {
        ++chosen[static_cast<size_t>(from)];
        --chosen[static_cast<size_t>(to) + 1];
      }
    }
  }
  h.total.resize(static_cast<size_t>(n));
  h.selected.resize(static_cast<size_t>(n));
  int t = 0, s = 0;
  for (size_t i = 0; i < static_cast<size_t>(n); ++i) {
    t += total[i];
    s += chosen[i];
    h.total[i] = t;
    h.selected[i] = s;
    h.peak = std::max(h.peak, t);
  }
  return h;
}

}  // namespace pamir
