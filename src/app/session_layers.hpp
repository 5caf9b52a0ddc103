#pragma once
// Between a saved session and the open map: the layers' settings read from
// the map as the window shows it, and put back on a freshly opened map.
#include <iosfwd>
#include <optional>
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

/// A saved session opened to be drawn without a window: its map, its view
/// (or, for a measurements-only file, the map as it opens at 1920×1080),
/// and what else it holds.
struct SavedMap {
  MapSession session;
  MapView view;
  double pixelRatio = 1;
  SessionState state;
};
/// Reads and opens the session at `path`; nullopt with one line on `err`
/// naming `command` when there is no session there, it cannot be read, or
/// nothing of it loads. Load problems of single layers go to `err` too.
std::optional<SavedMap> openSavedMap(const std::string& path, const std::string& command, std::ostream& err);

}  // namespace pamir::app
