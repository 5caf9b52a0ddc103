#pragma once
// Plays an input script (input_script.hpp) into a window as real SDL events,
// spread over frames as a hand would spread them, so the window handles them
// exactly as it handles a person's mouse and keyboard.
#include <SDL.h>

#include <chrono>
#include <deque>
#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "app/input_script.hpp"

namespace pamir::app {

class ScriptPlayer {
 public:
  ScriptPlayer(std::vector<ScriptStep> steps, SDL_Window* window) : steps_(std::move(steps)), window_(window) {}

  /// What the window does this frame because of the script.
  struct Frame {
    std::optional<int> exitStatus;             ///< stop now with this status (a failed expectation)
    bool quit = false;                         ///< stop after this frame
    std::optional<std::string> screenshot;     ///< write the window's pixels here once this frame is drawn
    std::optional<std::string> mapScreenshot;  ///< ... the map's alone, before anything is drawn over it
    std::optional<bool> holdTileReads;         ///< from now on, start no raster tile read (true) or do (false)
  };

  /// The window's state by key, as the script's expectations name it
  /// (input_script.hpp); "" for a key the window does not know.
  using StateQuery = std::function<std::string(const std::string& key)>;

  /// Called once per frame before the window polls its events; problems
  /// with a step are one line on `err`.
  Frame beforeFrame(const StateQuery& state, std::ostream& err);

 private:
  void deliver(std::vector<SDL_Event>& batch);
  Frame play(const ScriptStep& s, const StateQuery& state, std::ostream& err);

  std::vector<ScriptStep> steps_;
  SDL_Window* window_;
  size_t next_ = 0;
  int waitFrames_ = 0;
  std::optional<ScriptStep> waitingFor_;  ///< a wait-until step not yet met
  std::chrono::steady_clock::time_point waitDeadline_;
  std::deque<std::vector<SDL_Event>> queued_;  // one batch per frame
  int lastX_ = 0, lastY_ = 0;
  std::map<std::string, std::string> remembered_;
};

}  // namespace pamir::app
