#pragma once
// Scripted input for end-to-end tests and demos: a text file of actions,
// turned into real SDL events so the window handles them exactly as it
// handles a person's mouse and keyboard.
//
//   # comment
//   wait 3                  # frames
//   move X Y                # pointer to window pixel X,Y
//   drag X0 Y0 X1 Y1        # left button down at X0,Y0, move, release at X1,Y1
//   click X Y               # left click
//   wheel X Y N             # N wheel notches at X,Y (positive zooms in)
//   key NAME                # an SDL key name: F, M, Left, Escape, +, ...
//   screenshot PATH         # the window's pixels as PNG, after this frame is drawn
//   expect-measurements N   # fail (exit 1) unless N measurements exist
//   quit
#include <optional>
#include <string>
#include <vector>

namespace pamir::app {

struct ScriptStep {
  enum class Kind { Wait, Move, Drag, Click, Wheel, Key, Screenshot, ExpectMeasurements, Quit } kind;
  double a = 0, b = 0, c = 0, d = 0;
  std::string text;
  int line = 0;
};

/// Parses a script; nullopt with "FILE:LINE: why" in *error.
std::optional<std::vector<ScriptStep>> readInputScript(const std::string& path, std::string* error);

}  // namespace pamir::app
