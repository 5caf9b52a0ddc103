#pragma once
// The window's measuring tools as a state machine, apart from SDL and ImGui
// so that it can be tested: the tool in use, the points of the measurement
// being drawn, and the kept measurements with undo and redo. Every edit of
// the kept list (add, delete, rename, recolour, hide or show, clear) is one
// step of the history; drawing points is not (Backspace takes one back).
#include <optional>
#include <string>
#include <vector>

#include "app/measurements.hpp"
#include "geo/projection.hpp"

namespace pamir::app {

enum class MeasureTool {
  None,      ///< clicks select features
  Line,      ///< two points, done at the second (M)
  Path,      ///< any number of points; Enter or a double click finishes (P)
  Area,      ///< a polygon, three points or more; Enter or a double click closes it (A)
  Ring,      ///< a click places range rings of the radii typed (R)
  Features,  ///< nearest distance between two features, edge to edge (N)
};

/// "none", "line", "path", "area", "ring", "features".
const char* toolName(MeasureTool t);

/// A point as the analyst placed it, with what it snapped to.
struct DraftPoint {
  LonLat at;
  std::string name;  ///< the site or vertex it snapped to; empty for a bare click
};

/// What the cursor reads while a tool is drawing: from the last point to the cursor.
struct CursorReadout {
  double distance_m = NAN;
  double azimuth_deg = NAN;  ///< [0, 360); NaN when at the point
  double total_m = NAN;      ///< path: the legs so far plus this one; area: the perimeter if closed here
  double area_m2 = NAN;      ///< area: the polygon if the cursor were its next vertex
};

class MeasureTools {
 public:
  explicit MeasureTools(std::vector<Measurement> kept = {}) : list_(std::move(kept)) {}

  MeasureTool tool() const { return tool_; }
  /// Switches tool (the same tool again switches it off); the draft is dropped.
  void setTool(MeasureTool t);

  /// A point placed with the current tool. Line: the second completes the
  /// measurement; Ring: the point is the centre of rings of ringRadii();
  /// Path and Area: added to the draft. Returns true when a measurement was kept.
  bool addPoint(const DraftPoint& p, const geo::Projection& view);
  /// Backspace: the last point of the draft removed; false when there was none.
  bool removeLastPoint();
  /// Enter or a double click: keeps the path (two points or more) or the area
  /// (three or more); false, with the draft left, when there are too few.
  bool finish(const geo::Projection& view);
  /// Esc: the draft dropped; false when there was none.
  bool cancel();
  const std::vector<DraftPoint>& draft() const { return draft_; }
  CursorReadout readout(const LonLat& cursor) const;

  /// The radii a ring click places ("100, 200, 300 km", "150 nm"): false with
  /// the reason when the text is not a list of distances (the radii stay).
  bool setRingRadii(const std::string& text, std::string* error);
  const std::vector<double>& ringRadii() const { return radii_; }
  const std::string& ringRadiiText() const { return radiiText_; }
  /// Rings of every radius round `centre`, kept as one step; `from` names the attribute they came from.
  void addRings(const DraftPoint& centre, const std::vector<double>& radii_m, const geo::Projection& view,
                const std::string& from = {});

  // --- the kept list; each call is one step of the history ---------------------
  const std::vector<Measurement>& list() const { return list_; }
  void add(Measurement m);
  bool remove(size_t i);
  bool rename(size_t i, const std::string& label);
  bool setColor(size_t i, MeasurementColor c);
  bool setHidden(size_t i, bool hidden);
  bool clear();
  /// Undo and redo put back the list as it was, measured again in `view` where it was measured in another CRS.
  bool undo(const geo::Projection& view);
  bool redo(const geo::Projection& view);
  bool canUndo() const { return !undo_.empty(); }
  bool canRedo() const { return !redo_.empty(); }
  /// Measured again in a new view CRS (not a step: nothing the analyst did
  /// changes; the history is measured again when undo or redo brings it back).
  void remeasureAll(const geo::Projection& view);
  /// Changes with every change of the kept list (edits, undo, redo, remeasuring).
  unsigned long revision() const { return revision_; }

  /// The default name of the next measurement of a kind: "Path 3", "Area 1", ...
  std::string nextName(MeasurementKind k) const;

 private:
  void record();  ///< before an edit: the list as it was goes on the undo stack
  void changed() { ++revision_; }
  void remeasureStale(const geo::Projection& view);

  MeasureTool tool_ = MeasureTool::None;
  std::vector<DraftPoint> draft_;
  std::vector<Measurement> list_;
  std::vector<std::vector<Measurement>> undo_, redo_;
  std::vector<double> radii_{100000.0};
  std::string radiiText_ = "100 km";
  unsigned long revision_ = 0;
};

/// The history keeps this many steps; older ones are forgotten.
inline constexpr size_t kUndoSteps = 200;

}  // namespace pamir::app
