#pragma once
// Plays an input script (input_script.hpp) into a window as real SDL events,
// spread over frames as a hand would spread them, so the window handles them
// exactly as it handles a person's mouse and keyboard.
#include <SDL.h>

#include <deque>
#include <iosfwd>
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
    std::optional<int> exitStatus;          ///< stop now with this status (a failed expectation)
    bool quit = false;                      ///< stop after this frame
    std::optional<std::string> screenshot;  ///< write the window's pixels here once this frame is drawn
  };

  /// Called once per frame before the window polls its events.
  /// `measurements`: how many the window holds (for expect-measurements);
  /// problems with a step are one line on `err`.
  Frame beforeFrame(size_t measurements, std::ostream& err);

 private:
  void deliver(std::vector<SDL_Event>& batch);
  Frame play(const ScriptStep& s, size_t measurements, std::ostream& err);

  std::vector<ScriptStep> steps_;
  SDL_Window* window_;
  size_t next_ = 0;
  int waitFrames_ = 0;
  std::deque<std::vector<SDL_Event>> queued_;  // one batch per frame
  int lastX_ = 0, lastY_ = 0;
};

}  // namespace pamir::app
