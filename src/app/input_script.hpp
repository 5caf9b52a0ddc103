#pragma once
// Scripted input for end-to-end tests and demos: a text file of actions,
// turned into real SDL events so the window handles them exactly as it
// handles a person's mouse and keyboard.
//
//   # comment
//   wait 3                  # frames
//   wait-until KEY TEXT...  # until the window's state KEY contains TEXT (a load,
//                           # a file watch); fails after a minute
//   move X Y                # pointer to window pixel X,Y
//   drag X0 Y0 X1 Y1        # left button down at X0,Y0, move, release at X1,Y1
//   click X Y               # left click
//   double-click X Y        # two left clicks, the second with SDL's click count 2
//   right-click X Y         # right click (the map's context menu)
//   wheel X Y N             # the pointer comes to X,Y and turns the wheel N notches in
//                           # the same frame, as a quick hand does (positive zooms in)
//   key NAME                # an SDL key name: F, M, Left, Escape, +, F1, ... with
//                           # modifiers before it: Ctrl+F, Shift+/, Alt+M
//   type TEXT               # types TEXT (text input events, as into a field)
//   drop PATH               # PATH dropped on the window, as from a file manager
//   screenshot PATH         # the window's pixels as PNG, after this frame is drawn
//   screenshot-map PATH     # the map alone (no panels, measurements or grids over it),
//                           # the pixels `pamir render --session` draws
//   hold-tile-reads yes|no  # while yes, no raster tile is read (a disk slower than
//                           # any frame): what a frame draws without waiting on one
//   expect-measurements N   # fail (exit 1) unless N measurements exist
//   expect KEY VALUE...     # fail unless the window's state KEY is VALUE (the rest of the
//                           # line; nothing: KEY is empty)
//   expect-contains KEY TEXT...  # ... unless it contains TEXT
//   print KEY               # "pamir view: state KEY = VALUE" on stderr, for a test to read
//   remember KEY            # note the state KEY now, for:
//   expect-same KEY         # fail unless KEY is what it was when remembered
//   expect-changed KEY      # fail unless it changed since
//   quit
//
// State keys (see the window): measurements, view, hovered, tooltip, selected,
// clipboard, help, context-menu, here (features listed by "what is here"),
// search (the search box open), marker (where a coordinate search went),
// layer-names (the Layers panel's titles, "; " between), changed-on-disk (titles
// of layers whose file was written since it was read), shown:TITLE (how many of
// that layer's features the filters let through), filter-fields:TITLE (the
// fields its year and country filters read), flying (1 while the view flies to a
// search result), loading (1 while sources are read), settled (yes once every
// source is read and every layer prepared), file-dialog, file-dialog-path,
// export-dialog (1 while the Export view dialog is open),
// recent-sources, measure-tool (none, line, path, area, ring, features),
// draft-points, measure-list (every kept measurement "kind name: values in
// metres", "; " between), measure-last, cursor-readout (what the cursor shows
// while a tool draws), can-undo, can-redo;
// the Time bar's year ("2016", "2001..2014" or "off"),
// playing, changes (how many are listed), change-list, in-filter:ID (1 when
// the feature with that id or name passes the filter, else 0),
// histogram:YEAR ("TOTAL SHARE").
#include <optional>
#include <string>
#include <vector>

namespace pamir::app {

struct ScriptStep {
  enum class Kind {
    Wait,
    WaitUntil,
    Move,
    Drag,
    Click,
    DoubleClick,
    RightClick,
    Wheel,
    Key,
    Type,
    Drop,
    Screenshot,
    MapScreenshot,
    HoldTileReads,
    ExpectMeasurements,
    Expect,
    ExpectContains,
    Print,
    Remember,
    ExpectSame,
    ExpectChanged,
    Quit
  } kind;
  double a = 0, b = 0, c = 0, d = 0;
  std::string text;   ///< key name, path, state key
  std::string value;  ///< what expect and expect-contains compare with
  int line = 0;
};

/// Parses a script; nullopt with "FILE:LINE: why" in *error.
std::optional<std::vector<ScriptStep>> readInputScript(const std::string& path, std::string* error);

}  // namespace pamir::app
