#include "app/time_controls.hpp"

#include <algorithm>
#include <cmath>

namespace pamir::app {

void TimeControls::setBounds(const YearSpan& bounds) {
  bounds_ = bounds.from <= bounds.to ? bounds : YearSpan{bounds.to, bounds.from};
  year_ = std::clamp(year_, bounds_.from, bounds_.to);
  range_ = clamped(range_);
}

YearSpan TimeControls::clamped(YearSpan s) const {
  if (s.from > s.to) std::swap(s.from, s.to);
  s.from = std::clamp(s.from, bounds_.from, bounds_.to);
  s.to = std::clamp(s.to, bounds_.from, bounds_.to);
  return s;
}

void TimeControls::setEnabled(bool on) {
  enabled_ = on;
  if (!on) playing_ = false;
}

void TimeControls::setRangeMode(bool range) {
  if (range == rangeMode_) return;
  // A range keeps the year shown: the last range if it holds that year, else
  // ten years from it (up to it, at the end of the data).
  if (range && (year_ < range_.from || year_ > range_.to || !range_.isRange()))
    range_ = year_ + 10 <= bounds_.to ? YearSpan{year_, year_ + 10} : clamped({year_ - 10, year_});
  if (!range) year_ = range_.from;
  rangeMode_ = range;
}

void TimeControls::show(const YearSpan& s) {
  const YearSpan c = clamped(s);
  rangeMode_ = c.isRange();
  if (rangeMode_)
    range_ = c;
  else
    year_ = c.from;
}

std::optional<std::string> TimeControls::type(const std::string& text) {
  // Digits alone are a year however many there are: "20132014" is a year
  // past the data, clamped and said, not a typo that silently empties the map.
  std::string t = text;
  t.erase(std::remove(t.begin(), t.end(), ' '), t.end());
  YearSpan wanted;
  if (!t.empty() && t.size() <= 9 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    wanted = YearSpan::single(std::stoi(t));
  } else {
    std::string why;
    auto s = parseYearSpan(text, &why);
    if (!s) return "year: " + why;
    wanted = *s;
  }
  enabled_ = true;
  const YearSpan got = clamped(wanted);
  show(got);
  if (got == wanted) return std::nullopt;
  const std::string data = " of the data (" + formatYearSpan(bounds_) + ")";
  std::string why;
  if (wanted.from < bounds_.from && wanted.to > bounds_.to)
    why = "spans more than the years" + data;
  else if (wanted.from < bounds_.from)
    why = wanted.isRange() ? "starts before the years" + data : "is before the years" + data;
  else
    why = wanted.isRange() ? "ends after the years" + data : "is after the years" + data;
  return "year " + formatYearSpan(wanted) + " " + why + ": showing " + formatYearSpan(got);
}

void TimeControls::step(int years) {
  enabled_ = true;
  if (!rangeMode_) {
    year_ = std::clamp(year_ + years, bounds_.from, bounds_.to);
    return;
  }
  const int len = range_.to - range_.from;
  const int from = std::clamp(range_.from + years, bounds_.from, std::max(bounds_.from, bounds_.to - len));
  range_ = clamped({from, from + len});
}

void TimeControls::toStart() { step(bounds_.from - span().from); }
void TimeControls::toEnd() { step(bounds_.to - span().to); }

void TimeControls::play(Clock::time_point now) {
  enabled_ = true;
  if (atEnd()) toStart();
  playing_ = true;
  nextStep_ = now + interval();
}

void TimeControls::setYearsPerSecond(double v) {
  if (std::isfinite(v) && v > 0) yearsPerSecond_ = std::clamp(v, 0.1, 50.0);
}

TimeControls::Clock::duration TimeControls::interval() const {
  return std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(1.0 / yearsPerSecond_));
}

bool TimeControls::advance(Clock::time_point now) {
  if (!playing_ || now < nextStep_) return false;
  if (atEnd()) {
    if (!loop_) {
      playing_ = false;
      return false;
    }
    toStart();
  } else {
    step(1);
  }
  // The last year stays on screen for a whole step before the player stops or loops.
  nextStep_ += interval();
  if (nextStep_ <= now) nextStep_ = now + interval();
  return true;
}

std::optional<int> TimeControls::msUntilNextStep(Clock::time_point now) const {
  if (!playing_) return std::nullopt;
  if (now >= nextStep_) return 0;
  // Rounded up: waking a millisecond early would find nothing due and sleep again.
  const auto us = std::chrono::duration_cast<std::chrono::microseconds>(nextStep_ - now).count();
  return static_cast<int>((us + 999) / 1000);
}

}  // namespace pamir::app
