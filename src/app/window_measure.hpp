#pragma once
// The window's measuring: the tools of measure_tools.hpp driven by clicks,
// keys, the Measure panel and the map's menu; points snapped to sites and
// vertices; the kept measurements drawn on the map (true geodesics, rings
// as geodesic circles cut at the view's seam, in any CRS), the one being
// drawn with the cursor's distance and azimuth; the session file written
// after every change; exports.
#include <imgui.h>

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "app/map_inspection.hpp"
#include "app/map_session.hpp"
#include "app/measure_tools.hpp"
#include "app/measurements.hpp"
#include "app/shortcuts.hpp"
#include "core/map_view.hpp"
#include "ui/overlay.hpp"

namespace pamir::app {

class WindowMeasure {
 public:
  /// `save` keeps the measurements (with the rest of the window's session):
  /// called after every change, false with the reason when it could not.
  using Save = std::function<bool(std::string* problem)>;
  WindowMeasure(MapSession& session, MapInspection& inspection, Save save);

  /// The measurements kept last time (or from a session opened), replacing any there are.
  void restore(std::vector<Measurement> kept);

  struct Outcome {
    bool handled = false;               ///< the event was the measuring's
    std::optional<Bounds> zoomTo;       ///< show this area (view CRS)
    std::string status;                 ///< a line for the status bar; empty = none
    std::vector<std::string> problems;  ///< to report (the session could not be saved, ...)
  };

  bool active() const { return tools_.tool() != MeasureTool::None; }
  /// A click on the map at device pixel (px, py) while a tool is active; `snap` false with Shift held.
  Outcome click(const MapView& view, double px, double py, double tolerancePx, bool snap);
  /// The second click of a double click: finishes a path or area.
  Outcome doubleClick();
  /// A shortcut's command, when it is one of the measuring's (handled = false otherwise).
  Outcome command(Command c);
  /// What the analyst asked for in the panel; `m` is the panel's model (its ticked rows, its export path).
  Outcome apply(const ui::MeasurePanelActions& a, const ui::MeasurePanelModel& m);
  /// Writes the measurements (those ticked in `chosen`, or all) to `path`, its format by extension.
  Outcome exportTo(const std::string& path, const std::vector<bool>* chosen) { return exportList(path, chosen); }
  /// "Measure from here" and "Range ring here" in the map's menu.
  Outcome apply(const ui::MapPopupActions& a);
  /// The view CRS changed: every measurement's planar values are measured again.
  void crsChanged();
  /// The session's layers moved: a pending feature pick is forgotten.
  void layersChanged() { pendingFeature_.reset(); }

  /// Draws the measurements, the one being drawn and the cursor's readout.
  /// `mouse` in ImGui (logical) pixels; `cursor` where it points on the map.
  void draw(ImDrawList* dl, const MapView& view, double pixelRatio, ImVec2 mouse, std::optional<LonLat> cursor);
  /// The Measure panel's model for this frame.
  void fill(ui::MeasurePanelModel& m);

  size_t count() const { return tools_.list().size(); }
  bool unsaved() const { return unsaved_; }
  /// State for scripted tests (input_script.hpp): nullopt for keys that are not the measuring's.
  std::optional<std::string> state(const std::string& key) const;

  const MeasureTools& tools() const { return tools_; }
  /// Changes whenever the kept measurements may have (an edit, a restore, a CRS switch).
  uint64_t edition() const { return (restores_ << 40) + tools_.revision(); }

 private:
  DraftPoint snapped(const MapView& view, double px, double py, double tolerancePx, bool snap);
  Outcome saveIfChanged(Outcome o);
  Outcome exportList(const std::string& path, const std::vector<bool>* chosen);
  std::optional<DraftPoint> selectedCentre() const;
  std::optional<Bounds> boundsOf(const Measurement& m) const;
  const std::vector<std::vector<XY>>& track(size_t i);
  std::string readoutText() const;

  MapSession& session_;
  MapInspection& inspection_;
  Save save_;
  uint64_t restores_ = 0;
  MeasureTools tools_;
  unsigned long savedRevision_ = 0;
  bool unsaved_ = false;
  std::optional<Pick> pendingFeature_;
  std::string radiiError_;
  std::optional<LonLat> cursor_;
  // Each measurement's outline in the view CRS, cut at its seam: worked out
  // once per revision and CRS, a frame only maps it to pixels.
  std::vector<std::vector<std::vector<XY>>> tracks_;
  unsigned long tracksRevision_ = ~0ul;
  std::string tracksCrs_;
};

}  // namespace pamir::app
