#pragma once
// The interactive map window: SDL2 + OpenGL 3.3 core + Dear ImGui. The map
// gets the mouse and keyboard only when ImGui does not want them.
#include <iosfwd>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "app/map_session.hpp"
#include "app/session_keeper.hpp"
#include "app/session_state.hpp"
#include "core/map_view.hpp"

namespace pamir::app {

struct WindowOptions {
  int width = 1280, height = 800;
  std::string scriptPath;  ///< scripted input (see input_script.hpp); empty = interactive
  bool hidden = false;     ///< no visible window (scripted tests)
  /// Where the session is kept between runs (see defaultSessionPath()); null = not kept.
  SessionKeeper* keeper = nullptr;
  /// The session kept last time, to take up: its measurements, and with
  /// restoreWhole its panels and selected feature (the map was opened from it).
  std::optional<SessionState> restored;
  bool restoreWhole = false;
  /// One line per frame drawn (time since start, frame time, what it drew): for
  /// benchmarks of the window as a person uses it; empty = none.
  std::string frameLogPath;
  /// Sources read once the window is open (on workers: the window draws the
  /// dataset at once and each source's layers when they are in).
  std::vector<std::string> sourcesToLoad;
  bool fitLoadedSources = true;  ///< the view goes to them when they are in
};

/// runMapWindow's answer when no window could be opened at all (no X server
/// behind DISPLAY, no GL 3.3): the caller may render a PNG instead.
inline constexpr int kNoWindow = -1;

/// Runs the window until the user closes it (or the script quits). Returns
/// the process exit status, or kNoWindow. `firstView` is the first view, in
/// pixels of the window's logical size (options.width x options.height).
/// Screenshot paths go to `out`; problems, and one line "pamir view: ready
/// (first frame drawn)" once the map is on screen, to `err`.
int runMapWindow(MapSession& session, const MapView& firstView, const WindowOptions& options,
                 std::vector<std::string> loadMessages, std::ostream& out, std::ostream& err);

/// True when a display server is reachable for SDL (X11 or Wayland), or
/// SDL_VIDEODRIVER names one explicitly.
bool displayAvailable();

}  // namespace pamir::app
