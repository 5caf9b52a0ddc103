#pragma once
// The Time bar's part of the window: the time filter and its player
// (time_controls.hpp), the per-year histogram the slider draws, the changes
// between two years listed in the Filter panel and drawn on the map with a
// legend. The window hands it the overlay's actions and the clock; it sets
// the session's filter years and says when the map must be filtered again.
// Counting happens here when the filter or the layers change, never while drawing.
#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

#include "app/map_session.hpp"
#include "app/picking.hpp"
#include "app/time_controls.hpp"
#include "ui/overlay.hpp"

namespace pamir::app {

class TimeBar {
 public:
  using Clock = TimeControls::Clock;

  /// Takes the session's filter years (from --year) as its own; writes the
  /// overlay's Time bar and changes list into `model` whenever they change.
  TimeBar(MapSession& session, ui::OverlayModel& model);

  /// The session's layers changed (opened or added): the slider's years, the counts.
  /// `layerShown[i]` says whether session.drawLayers()[i] is switched on.
  void layersChanged(const std::vector<bool>& layerShown);
  /// The session's filter years were replaced (a session opened): the bar
  /// shows them, or is switched off when there are none.
  void takeFilter(const std::vector<bool>& layerShown);
  /// The country filter or the layers switched on changed: the histogram's share and the changes.
  void recount(const std::vector<bool>& layerShown);

  struct Outcome {
    bool filterChanged = false;         ///< the session's filter years changed: filter the map again
    bool redraw = false;                ///< the bar or the map's markers changed
    std::optional<Pick> select;         ///< show this feature and select it (a change clicked)
    std::vector<std::string> messages;  ///< lines for the messages panel (a typed year clamped)
  };
  Outcome apply(const ui::YearBarActions& bar, const ui::ChangesActions& changes, Clock::time_point now);

  enum class Key { PlayPause, YearBack, YearOn };
  /// A shortcut over the map (Space, [ and ]).
  Outcome key(Key k, Clock::time_point now);

  /// Takes the player to `now`; filterChanged when it stepped.
  Outcome tick(Clock::time_point now);
  /// When the player's next step is due (see TimeControls::msUntilNextStep).
  std::optional<int> msUntilNextStep(Clock::time_point now) const { return controls_.msUntilNextStep(now); }

  /// The changes on the map: a ring round each feature that appeared, a
  /// crossed ring where each one that closed was, and their legend above the bar.
  void drawOnMap(ImDrawList* dl, const MapView& view, double pixelRatio);

  /// A view of `b` (view CRS) in a widthPx x heightPx window that shows it
  /// whole in the part of the map above the Time bar, which covers the
  /// window's bottom: what fitting to the data and to added layers use.
  MapView fitAbove(const Bounds& b, int widthPx, int heightPx, double margin, double pixelRatio) const;

  /// For scripted tests: "year" (the filter's years, "off"), "playing",
  /// "changes" (how many are listed), "change-list" (the rows, "; " between),
  /// "in-filter:ID" (whether the feature with that id or name passes the filter:
  /// 1, 0, or "" when there is none), "histogram:YEAR" ("TOTAL SHARE").
  std::optional<std::string> state(const std::string& key) const;

 private:
  void filterFromControls(Outcome& o);
  void computeChanges();
  void sync();
  bool counted(const Layer& l) const;
  bool shown(const Layer& l) const;

  MapSession& session_;
  ui::OverlayModel& model_;
  TimeControls controls_;
  std::vector<bool> layerShown_;  ///< aligned with session_.drawLayers()
  bool changesOn_ = false;
  int since_ = 2010;
  struct Change {
    YearChange change;
    XY at{NAN, NAN};  ///< where its ring goes, in the view CRS
  };
  std::vector<Change> changes_;
  YearSpan compared_{2010, 2016};
  std::string changesCrs_;  ///< the CRS the rings' positions are in
  std::optional<size_t> clicked_;
  bool started_ = false;  ///< the slider has had its first years
};

}  // namespace pamir::app
