#pragma once
// The Time bar along the bottom of the map: the time filter (one year or a
// range), play, pause and speed, a slider wide enough to pick a year with
// the mouse over a histogram of the dated features per year; and the list
// of what changed between two years. Panels read the
// model and report what the analyst asked for; they own no map data.
#include <optional>
#include <string>
#include <vector>

#include "core/feature_filter.hpp"
#include "core/year_histogram.hpp"

namespace pamir::ui {

struct YearBarModel {
  bool on = false;     ///< the map is filtered by time
  bool range = false;  ///< a range of years, not one
  YearSpan shown{2016, 2016};
  YearSpan bounds{1990, 2026};
  bool playing = false;
  double yearsPerSecond = 1.0;
  bool loop = false;
  YearHistogram histogram;  ///< over `bounds`
  std::string shareLabel;   ///< what the highlighted share is ("KGZ, RUS; visible layers")
  float top = 0;            ///< written by drawYearBar: where the bar starts (ImGui pixels)
  int scrolledTo = -1;      ///< the year the slider last scrolled into view (kept by drawYearBar)
};

struct YearBarActions {
  std::optional<bool> on;
  std::optional<bool> range;
  std::optional<YearSpan> show;      ///< the slider was clicked or dragged to these years
  std::optional<std::string> typed;  ///< the year field's text, on Enter or leaving it
  int step = 0;                      ///< years to step (the ◀ ▶ buttons, ←/→ on the focused slider)
  bool toStart = false, toEnd = false;
  bool playPause = false;
  std::optional<double> yearsPerSecond;
  std::optional<bool> loop;
  bool any() const {
    return on || range || show || typed || step != 0 || toStart || toEnd || playPause || yearsPerSecond || loop;
  }
};

/// The Time bar's height with its controls on two rows (a window wide
/// enough not to wrap them), for placing panels above it before it is drawn.
float yearBarHeight();

struct ChangesModel;
struct ChangesActions;

/// Draws the Time bar docked above `bottom` (the status bar's top), right
/// of the left panels, `width` wide, with the switch for the changes; sets model.top.
void drawYearBar(YearBarModel& model, ChangesModel& changes, YearBarActions& actions, ChangesActions& changed,
                 float width, float bottom);

/// Pixels a year takes on the slider: as much as `available` allows, never
/// less than `minimum` (the slider then scrolls sideways).
inline constexpr float kMinYearSlot = 8.0f;
float yearSlotWidth(float available, int years, float minimum = kMinYearSlot);

struct ChangeRow {
  std::string text;  ///< "2014  Transit Center at Manas (Airbases)"
  bool appeared = false;
};

struct ChangesModel {
  bool on = false;
  int since = 2010;               ///< the first year compared, outside range mode
  bool fromRange = false;         ///< comparing the range's two ends instead
  YearSpan compared{2010, 2016};  ///< the two years compared
  std::vector<ChangeRow> rows;
  std::optional<size_t> selected;  ///< the row whose feature is selected
  bool reveal = false;             ///< just switched on: the list's tab comes to the front (then false)
};

/// The list of changes, for a tab of the Filter panel: each row, clicked,
/// shows its feature and selects it.
void drawChangesList(ChangesModel& model, ChangesActions& actions);

struct ChangesActions {
  std::optional<bool> on;
  std::optional<int> since;
  std::optional<size_t> clicked;  ///< fly to that change's feature and select it
  bool any() const { return on || since || clicked; }
};

/// The colours of the changes drawn on the map and in the list.
struct ChangeColors {
  static constexpr unsigned char appeared[3] = {0, 158, 115};  ///< bluish green (Okabe-Ito)
  static constexpr unsigned char closed[3] = {213, 94, 0};     ///< vermilion (Okabe-Ito)
};

}  // namespace pamir::ui
