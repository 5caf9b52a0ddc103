#pragma once
// Between a saved session and the open map: the layers' settings read from
// the map as the window shows it, and put back on a freshly opened map.
#include <string>
#include <vector>

#include "app/map_session.hpp"
#include "app/session_state.hpp"
#include "core/diagnostics.hpp"
#include "core/map_view.hpp"

namespace pamir::app {

/// The Layers panel's rows as settings: the session's rasters, then its draw
/// layers bottom first; `rowShown[i]` is whether row i is switched on (rows
/// past its end: as the layer says).
std::vector<LayerSetting> layerSettings(const MapSession& session, const std::vector<bool>& rowShown);

/// The analyst's own sources, in the order their layers sit (each once).
std::vector<std::string> ownSources(const MapSession& session);

/// Orders, shows or hides and restyles the session's layers as `settings`
/// say; a layer they do not list leaves the map. A setting whose layer is no
/// longer in its source comes back as one line each. Every layer pointer
/// handed out before is invalid after it.
std::vector<std::string> arrangeLayers(MapSession& session, const std::vector<LayerSetting>& settings);

/// The map a session shows: the built-in dataset (or not) and its sources,
/// arranged, in its CRS, with its filters. Problems go to `diag` (a source
/// that no longer opens, a layer gone, a CRS PROJ refuses).
MapSession openSavedSession(const SessionState& state, Diagnostics& diag);

/// The view a session shows, on its own pixel grid.
MapView savedView(const SessionView& v);
/// The window's view as a session keeps it.
SessionView viewSetting(const MapView& view, const std::string& crs, double pixelRatio);

}  // namespace pamir::app
