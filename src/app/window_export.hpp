#pragma once
// Export view: the window's map as it is now written to a PNG, at the
// window's size or a chosen one (the same area, labels and lines scaled with
// it), or to a PDF report, with the decorations the Export dialog asks for.
// Runs between frames in the window's GL context; layers still being
// prepared are finished first, so the file shows the full detail.
#include <string>
#include <vector>

#include "app/map_session.hpp"
#include "app/measurements.hpp"
#include "core/map_view.hpp"
#include "render/map_renderer.hpp"
#include "ui/export_dialog.hpp"
#include "ui/overlay.hpp"

namespace pamir::app {

/// What the window shows.
struct WindowMap {
  render::MapRenderer& renderer;
  const MapSession& session;
  const std::vector<ui::LayerItem>& rows;  ///< the Layers panel: what is switched on
  const MapView& view;
  double pixelRatio = 1;
  const std::vector<Measurement>& measurements;
  bool militarySymbols = true;  ///< sites drawn with their APP-6 symbol, as the window shows them
};

/// The size a PNG export has: the window's, or the chosen one.
std::pair<int, int> exportSize(const ui::ExportDialogModel& choice, const MapView& view);

/// Writes `choice.path` (a report when it ends in .pdf, else a PNG). True
/// with "exported … to PATH" in *message; false with the reason.
bool exportWindowMap(const WindowMap& map, const ui::ExportDialogModel& choice, std::string* message);

}  // namespace pamir::app
