#pragma once
// Drawing a session's view without a display (EGL): into a PNG for `pamir
// render` (and `pamir view` when no window can be opened), decorated as a
// figure when asked, and as the map of `pamir report`.
#include <iosfwd>
#include <optional>
#include <string>
#include <vector>

#include "app/map_figure.hpp"
#include "app/map_session.hpp"
#include "app/measurements.hpp"
#include "core/map_view.hpp"
#include "render/map_renderer.hpp"

namespace pamir::app {

/// What goes on the map besides the layers.
struct FigureSpec {
  figure::Decorations decorations;
  FigureGrids grids;
  std::vector<Measurement> measurements;  ///< drawn (and tabled when asked)
  bool any() const { return decorations.any() || grids.graticule || grids.mgrs || !measurements.empty(); }
};

/// The map of `view` of `session` (its CRS, layers and filter) drawn
/// off-screen, with the figure's decorations. nullopt when it cannot be
/// drawn, with one line on `err` naming `command`.
std::optional<render::Image> renderSessionImage(const MapSession& session, const MapView& view,
                                                const render::RenderOptions& options, const FigureSpec& figure,
                                                const std::string& command, std::ostream& err);

/// renderSessionImage to the PNG `output`, whose path is printed on `out`.
/// Returns the exit status.
int renderSessionToPng(const MapSession& session, const MapView& view, const render::RenderOptions& options,
                       const std::string& output, const std::string& command, std::ostream& out, std::ostream& err,
                       const FigureSpec& figure = {});

}  // namespace pamir::app
