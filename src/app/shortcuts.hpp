#pragma once
// The window's keyboard shortcuts: one table that both the key handler and
// the help overlay read, so that what the help says is what the keys do.
#include <SDL.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "ui/help_overlay.hpp"

namespace pamir::app {

enum class Command {
  PanLeft,
  PanRight,
  PanUp,
  PanDown,
  ZoomIn,
  ZoomOut,
  Fit,
  Measure,
  MeasurePath,
  MeasureArea,
  MeasureRing,
  MeasureFeatures,
  FinishMeasurement,
  RemoveLastPoint,
  Undo,
  Redo,
  Cancel,
  Help,
  Search,
  AddLayer,
  ExportView,
  Graticule,
  PlayYears,
  YearBack,
  YearOn,
};

struct Shortcut {
  Command command;
  SDL_Keycode key;
  /// Modifiers that must be held (KMOD_SHIFT for '?' typed as Shift+/). Ctrl,
  /// Alt and the GUI key must match exactly; Shift is ignored unless asked for,
  /// so '+' works typed as Shift+= as well as on the keypad.
  Uint16 modifiers = 0;
  const char* keys;         ///< as the help shows it; empty = shown with the row before
  const char* description;  ///< empty on the extra keys of a command
};

/// Every shortcut, in the order the help lists them.
std::span<const Shortcut> shortcuts();

/// The command a key press means, or nullopt (a letter with Ctrl or Alt held
/// is never a plain shortcut: Ctrl+F is not Fit).
std::optional<Command> commandFor(SDL_Keycode key, Uint16 modifiers);

/// The help's keyboard rows, one per command, from shortcuts().
std::vector<ui::HelpRow> keyboardHelp();
/// What the mouse does on the map.
std::vector<ui::HelpRow> mouseHelp();

}  // namespace pamir::app
