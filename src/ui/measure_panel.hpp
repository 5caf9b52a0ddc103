#pragma once
// The Measure panel: the tools (line, path, area, range rings, between
// features), the measurement being drawn leg by leg, and every kept
// measurement, renameable, recolourable, hidden or shown, zoomed to,
// deleted, exported; undo and redo. It shows what the application formatted
// and reports what the analyst asked for; it owns no measurement.
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace pamir::ui {

/// The tools, in the order the panel offers them (the application maps them to its own).
enum class MeasureToolChoice { None, Line, Path, Area, Ring, Features };

struct MeasureRow {
  std::string name;
  std::string kind;                ///< "line", "path", "area", "ring"
  std::vector<std::string> lines;  ///< the values, pre-formatted
  uint32_t color = 0;              ///< 0xRRGGBBAA
  bool hidden = false;
};

/// A numeric attribute of the feature a ring may be centred on.
struct RadiusAttribute {
  std::string field;  ///< "range_km"
  std::string value;  ///< as it would be typed into the radius field: "300 km"
};

struct MeasurePanelModel {
  MeasureToolChoice tool = MeasureToolChoice::None;
  std::vector<std::string> draft;           ///< the measurement being drawn: one line per leg, then the total
  std::string hint;                         ///< what the next click does
  std::string radii = "100 km";             ///< the ring radii as typed
  std::string radiiError;                   ///< why the radii cannot be read; empty when they can
  std::string ringCentre;                   ///< the selected feature rings may go round; empty = none selected
  std::vector<RadiusAttribute> attributes;  ///< its numeric attributes
  std::vector<MeasureRow> rows;
  std::vector<bool> chosen;  ///< rows ticked for "Export selected" (kept by the panel)
  std::optional<size_t> renaming;
  std::string renameText;
  std::string exportPath = "pamir-measurements.geojson";  ///< typed, or chosen in the file dialog
  bool canUndo = false, canRedo = false;
  std::string method;  ///< how every measurement is taken
};

struct MeasurePanelActions {
  std::optional<MeasureToolChoice> setTool;
  std::optional<std::string> setRadii;
  bool ringAroundSelected = false;
  std::optional<size_t> ringFromAttribute;  ///< index into attributes
  bool finish = false, removeLast = false, cancel = false;
  std::optional<size_t> remove, zoomTo;
  std::optional<std::pair<size_t, bool>> setHidden;
  std::optional<std::pair<size_t, std::string>> rename;
  std::optional<std::pair<size_t, uint32_t>> recolor;
  bool clear = false, undo = false, redo = false;
  std::optional<std::string> exportAll;       ///< path
  std::optional<std::string> exportSelected;  ///< path; the rows ticked in `chosen`
  /// "Export as…": the file dialog, then an export of all (false) or of the ticked rows (true).
  std::optional<bool> chooseExport;
  bool any() const;
};

/// The colours the panel offers, 0xRRGGBBAA.
const std::vector<uint32_t>& measurePalette();

/// Draws the panel (between ImGui::NewFrame and ImGui::Render); `viewportWidth` in ImGui pixels.
MeasurePanelActions drawMeasurePanel(MeasurePanelModel& model, float viewportWidth);

}  // namespace pamir::ui
