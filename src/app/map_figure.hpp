#pragma once
// The open map made into a figure (figure/figure.hpp): the map rendered at
// any size, and what its decorations and a report say about it, worked out
// from the session — the legend of the visible layers under the filters,
// the scale and north at the centre, grid lines, the measurements drawn and
// tabled, the data's attribution, and the curated features in view. Shared
// by `pamir render`, `pamir report` and the window's Export view.
#include <string>
#include <vector>

#include "app/map_session.hpp"
#include "app/measurements.hpp"
#include "core/map_view.hpp"
#include "figure/figure.hpp"
#include "figure/report_pdf.hpp"
#include "render/map_renderer.hpp"
#include "ui/overlay.hpp"

namespace pamir::app {

struct FigureGrids {
  bool graticule = false;
  bool mgrs = false;
};

/// The Layers panel's rows as the session opens (each layer's own visibility),
/// for figures made without a window.
std::vector<ui::LayerItem> sessionRows(const MapSession& session);

/// What the decorations say about `view` (pixels of the figure) of the
/// session, with `rows` saying which layers are shown.
figure::MapFacts mapFacts(const MapSession& session, const std::vector<ui::LayerItem>& rows, const MapView& view,
                          const std::vector<Measurement>& measurements, FigureGrids grids, bool militarySymbols = true);

/// One row per measurement shown: name, kind, distance (or radius,
/// perimeter), area, azimuths, rhumb, planar; the method and ellipsoid in its note.
figure::Table measurementTable(const std::vector<Measurement>& measurements);

/// The curated features of the shown layers (those with a source or a
/// confidence field) that the filters let through and that lie in `view`:
/// name, layer, kind, countries, years, confidence, source.
figure::Table featureTable(const MapSession& session, const std::vector<ui::LayerItem>& rows, const MapView& view);

/// What a PDF report says besides the map: `title` (else "Pamir map
/// report"), when it was made (`madeFrom`: " from the session F" or empty),
/// the view CRS, the corners, the filters; the measurement table and the
/// curated features in `view`.
figure::Report mapReport(const MapSession& session, const std::vector<ui::LayerItem>& rows, const MapView& view,
                         const std::vector<Measurement>& measurements, const std::string& title,
                         const std::string& madeFrom);

/// `view`'s area as a report's map draws it: about 2400 px on the long side
/// (some 230 dpi on the page), at kReportPixelRatio so labels print at their size.
MapView reportView(const MapView& view);
inline constexpr float kReportPixelRatio = 2.0f;

/// The map of `view`: one off-screen frame when this OpenGL draws that size
/// at once (at most 4096 px a side), else tiles of 2048 px stitched
/// together (a label across a tile edge may be cut there). Empty when even
/// a tile cannot be drawn.
render::Image renderMapImage(render::MapRenderer& renderer, const MapView& view, const render::RenderOptions& options);

}  // namespace pamir::app
