#pragma once
// Drawing a session's view into a PNG without a display (EGL): `pamir render`,
// and `pamir view` when no window can be opened.
#include <iosfwd>
#include <string>

#include "app/map_session.hpp"
#include "core/map_view.hpp"
#include "render/map_renderer.hpp"

namespace pamir::app {

/// Renders `view` of `session` (its CRS, layers and filter) to `output` and
/// prints the path on `out`. Returns the exit status; problems are one line
/// on `err` naming `command`.
int renderSessionToPng(const MapSession& session, const MapView& view, const render::RenderOptions& options,
                       const std::string& output, const std::string& command, std::ostream& out, std::ostream& err);

}  // namespace pamir::app
