#pragma once
// The window's time filter and its player, as an analyst drives them from
// the Time bar: one year or a range of years, stepped, typed or played.
// Plain state and arithmetic on years and a clock (no SDL, no ImGui), so
// that what play, pause, loop and clamping do is tested without a window.
#include <chrono>
#include <optional>
#include <string>

#include "core/feature_filter.hpp"

namespace pamir::app {

class TimeControls {
 public:
  using Clock = std::chrono::steady_clock;

  /// The years the slider covers: the data's dated years (and at least up to
  /// the present). The current years are clamped into them.
  void setBounds(const YearSpan& bounds);
  const YearSpan& bounds() const { return bounds_; }

  /// Whether the map is filtered by time at all.
  bool enabled() const { return enabled_; }
  void setEnabled(bool on);
  /// A range of years (what existed at any time in it) instead of one year.
  bool rangeMode() const { return rangeMode_; }
  void setRangeMode(bool range);

  /// The year or range shown when enabled (a single year outside range mode).
  YearSpan span() const { return rangeMode_ ? range_ : YearSpan::single(year_); }
  /// What the feature filter takes: span() when enabled, else nullopt.
  std::optional<YearSpan> filterYears() const { return enabled_ ? std::optional<YearSpan>(span()) : std::nullopt; }

  /// Shows `s` (a single year leaves range mode, a range enters it), clamped
  /// into the bounds without a word: a slider drag.
  void show(const YearSpan& s);
  /// What the analyst typed into the year field: a year or a range
  /// ("2016", "2001..2014", "2001-2014"). Enables the filter. Returns a line
  /// for the messages panel when it was clamped into the bounds or could not
  /// be read (the years then stay as they were); nullopt when taken as typed.
  std::optional<std::string> type(const std::string& text);
  /// Moves the year (a range: the whole range, keeping its length) by
  /// `years`, stopping at the bounds. Enables the filter.
  void step(int years);
  /// To the first or the last years of the bounds (a range keeps its length).
  void toStart();
  void toEnd();

  // --- play ---------------------------------------------------------------------
  bool playing() const { return playing_; }
  /// Starts stepping one year at a time at yearsPerSecond(), from the
  /// current year (from the first year when already at the last). Enables the filter.
  void play(Clock::time_point now);
  /// Stops; the year stays where it is.
  void pause() { playing_ = false; }
  void togglePlay(Clock::time_point now) { playing_ ? pause() : play(now); }
  double yearsPerSecond() const { return yearsPerSecond_; }
  void setYearsPerSecond(double v);
  /// At the last year, start again from the first (else stop there).
  bool loop() const { return loop_; }
  void setLoop(bool on) { loop_ = on; }

  /// Takes the player to `now`: true when the years changed. One step at
  /// most per call, so a window that stalled does not race through years.
  bool advance(Clock::time_point now);
  /// Milliseconds until the player's next step is due (0: due now); nullopt
  /// when not playing. The window sleeps until then: a playing Time bar
  /// costs one frame a step, a paused one nothing.
  std::optional<int> msUntilNextStep(Clock::time_point now) const;

  /// The speeds the Time bar offers, years per second.
  static constexpr double kSpeeds[] = {0.5, 1.0, 2.0, 5.0};

 private:
  YearSpan clamped(YearSpan s) const;
  Clock::duration interval() const;
  bool atEnd() const { return span().to >= bounds_.to; }

  YearSpan bounds_{1990, 2026};
  bool enabled_ = false;
  bool rangeMode_ = false;
  int year_ = 2016;
  YearSpan range_{2001, 2014};
  bool playing_ = false;
  double yearsPerSecond_ = 1.0;
  bool loop_ = false;
  Clock::time_point nextStep_{};
};

}  // namespace pamir::app
