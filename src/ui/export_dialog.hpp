#pragma once
// The Export view dialog: the map as it is now to a PNG (at the window's
// size or a chosen one) or a PDF report, with the decorations a figure for
// a briefing carries. It shows what the window set and reports what the
// analyst chose; the window does the export (app/window_export.hpp).
#include <string>

namespace pamir::ui {

struct ExportDialogModel {
  bool open = false;
  std::string path;  ///< .png, or .pdf for a report
  std::string title;
  bool windowSize = true;  ///< else width × height
  int width = 3840, height = 2160;
  bool legend = true, scaleBar = true, northArrow = true, attribution = true;
  bool graticule = false, mgrs = false, measurementTable = false;
  int windowWidth = 0, windowHeight = 0;  ///< the map's size in pixels now, for the label
  std::string problem;                    ///< why the last export failed
  bool focusPath = false;                 ///< put the cursor in the path again (after a failed export)
};

struct ExportDialogActions {
  bool exportNow = false;  ///< write model.path
  bool browse = false;     ///< choose the path with the file dialog
  bool cancelled = false;
};

/// Largest side an export may have, in pixels.
inline constexpr int kMaxExportSide = 16384;

/// Draws the dialog when model.open (a modal window over the map).
ExportDialogActions drawExportDialog(ExportDialogModel& model);

}  // namespace pamir::ui
