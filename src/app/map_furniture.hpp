#pragma once
// What is drawn over the map to read it by: the graticule and the MGRS grid
// (geo/map_grid.hpp) with their labels, and a north arrow when the view CRS
// does not put north straight up at the centre. Drawn with ImGui on the
// background, under the panels; the grids are worked out again only when
// the view, the CRS or the choice of grids changes.
#include <imgui.h>

#include <string>

#include "core/map_view.hpp"
#include "geo/map_grid.hpp"
#include "geo/projection.hpp"
#include "ui/overlay.hpp"

namespace pamir::app {

/// Degrees clockwise from straight up to north at the view's centre; NaN
/// where the CRS cannot say (the centre off the globe).
double northAngleDegrees(const geo::Projection& projection, const MapView& view);

/// An arrow to north centred at `centre` (ImGui pixels), drawn only when
/// north is more than a degree off straight up.
void drawNorthArrow(ImDrawList* dl, double angleDegrees, ImVec2 centre);

/// The mark where a coordinate search went: a red ring with ticks, on a white halo.
void drawPlaceMarker(ImDrawList* dl, const geo::Projection& projection, const MapView& view, double pixelRatio,
                     const LonLat& at);

/// Geodesic metres per pixel of `view` across its centre (0 where the CRS
/// cannot say): what the scale bar measures.
double centreMetresPerPixel(const geo::Projection& projection, const MapView& view);

/// The pointer's position at device pixel (px, py) in `model` (lon/lat,
/// DMS, MGRS; none off the globe), and the scale bar's geodesic metres per
/// screen pixel across the view's centre.
void readCursor(const geo::Projection& projection, const MapView& view, double px, double py, double pixelRatio,
                ui::OverlayModel& model);

class MapFurniture {
 public:
  struct Choice {
    bool graticule = false;
    bool mgrs = false;
  };
  /// `pixelRatio`: drawable pixels per ImGui pixel. `bottom`: the lowest
  /// ImGui y the labels may use (above the status bar).
  void draw(ImDrawList* dl, const geo::Projection& projection, const MapView& view, double pixelRatio, Choice choice,
            float bottom);
  /// Lines drawn last frame, for tests and the window's state.
  size_t lineCount() const { return graticule_.lines.size() + mgrs_.lines.size(); }

 private:
  void update(const geo::Projection& projection, const MapView& view, Choice choice);
  geo::MapGrid graticule_, mgrs_;
  std::string crs_;
  Bounds extent_;
  Choice choice_;
  bool valid_ = false;
};

}  // namespace pamir::app
