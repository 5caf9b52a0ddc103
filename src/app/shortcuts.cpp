#include "app/shortcuts.hpp"

#include <array>

namespace pamir::app {

namespace {

constexpr Uint16 kStrict = KMOD_CTRL | KMOD_ALT | KMOD_GUI;

// clang-format off
const std::array kShortcuts{
    Shortcut{Command::PanLeft, SDLK_LEFT, 0, "Left", "pan left"},
    Shortcut{Command::PanRight, SDLK_RIGHT, 0, "Right", "pan right"},
    Shortcut{Command::PanUp, SDLK_UP, 0, "Up", "pan up"},
    Shortcut{Command::PanDown, SDLK_DOWN, 0, "Down", "pan down"},
    Shortcut{Command::ZoomIn, SDLK_PLUS, 0, "+", "zoom in about the centre"},
    Shortcut{Command::ZoomIn, SDLK_EQUALS, 0, "", ""},
    Shortcut{Command::ZoomIn, SDLK_KP_PLUS, 0, "", ""},
    Shortcut{Command::ZoomOut, SDLK_MINUS, 0, "-", "zoom out"},
    Shortcut{Command::ZoomOut, SDLK_KP_MINUS, 0, "", ""},
    Shortcut{Command::Fit, SDLK_f, 0, "F", "fit the data"},
    Shortcut{Command::Measure, SDLK_m, 0, "M", "measure a line: click two points (a site or vertex snaps; Shift: no snapping)"},
    Shortcut{Command::MeasurePath, SDLK_p, 0, "P", "measure a path: click any number of points"},
    Shortcut{Command::MeasureArea, SDLK_a, 0, "A", "measure an area: click its corners"},
    Shortcut{Command::MeasureRing, SDLK_r, 0, "R", "range rings: click a centre (radii in the Measure panel)"},
    Shortcut{Command::MeasureFeatures, SDLK_n, 0, "N", "nearest distance between two features (click each)"},
    Shortcut{Command::FinishMeasurement, SDLK_RETURN, 0, "Enter", "finish the path or area (or double-click)"},
    Shortcut{Command::FinishMeasurement, SDLK_KP_ENTER, 0, "", ""},
    Shortcut{Command::RemoveLastPoint, SDLK_BACKSPACE, 0, "Backspace", "remove the last point"},
    // Before Ctrl+Z: Shift is otherwise not looked at.
    Shortcut{Command::Redo, SDLK_z, KMOD_CTRL | KMOD_SHIFT, "Ctrl+Shift+Z", "redo a measurement edit (also Ctrl+Y)"},
    Shortcut{Command::Redo, SDLK_y, KMOD_CTRL, "", ""},
    Shortcut{Command::Undo, SDLK_z, KMOD_CTRL, "Ctrl+Z", "undo a measurement edit (add, delete, rename, colour, hide)"},
    Shortcut{Command::Cancel, SDLK_ESCAPE, 0, "Esc", "cancel a measurement, clear the selection, close menus"},
    Shortcut{Command::Help, SDLK_F1, 0, "F1 or ?", "this help"},
    Shortcut{Command::Help, SDLK_QUESTION, 0, "", ""},
    Shortcut{Command::Help, SDLK_SLASH, KMOD_SHIFT, "", ""},
    // After Shift+/ (help): a plain / searches.
    Shortcut{Command::Search, SDLK_k, KMOD_CTRL, "Ctrl+K or /", "search names, ids and coordinates; Enter goes there"},
    Shortcut{Command::Search, SDLK_SLASH, 0, "", ""},
    Shortcut{Command::AddLayer, SDLK_o, KMOD_CTRL, "Ctrl+O", "add a layer: a file, folder or GDAL source"},
    Shortcut{Command::ExportView, SDLK_e, KMOD_CTRL, "Ctrl+E", "export the view: PNG with legend and scale, or a PDF report"},
    Shortcut{Command::Graticule, SDLK_g, 0, "G", "latitude/longitude grid on or off (MGRS grid: Layers panel)"},
    Shortcut{Command::PlayYears, SDLK_SPACE, 0, "Space", "play or pause the years (the Time bar)"},
    Shortcut{Command::YearBack, SDLK_LEFTBRACKET, 0, "[", "a year back"},
    Shortcut{Command::YearOn, SDLK_RIGHTBRACKET, 0, "]", "a year on"},
};
// clang-format on

// Left and right variants of a modifier count as the modifier.
Uint16 normalise(Uint16 mod) {
  Uint16 out = 0;
  if (mod & KMOD_SHIFT) out |= KMOD_SHIFT;
  if (mod & KMOD_CTRL) out |= KMOD_CTRL;
  if (mod & KMOD_ALT) out |= KMOD_ALT;
  if (mod & KMOD_GUI) out |= KMOD_GUI;
  return out;
}

}  // namespace

std::span<const Shortcut> shortcuts() { return kShortcuts; }

std::optional<Command> commandFor(SDL_Keycode key, Uint16 modifiers) {
  const Uint16 held = normalise(modifiers);
  for (const Shortcut& s : kShortcuts) {
    if (s.key != key) continue;
    if ((held & kStrict) != (s.modifiers & kStrict)) continue;
    if ((s.modifiers & KMOD_SHIFT) && !(held & KMOD_SHIFT)) continue;
    return s.command;
  }
  return std::nullopt;
}

std::vector<ui::HelpRow> keyboardHelp() {
  std::vector<ui::HelpRow> rows;
  for (const Shortcut& s : kShortcuts)
    if (*s.keys) rows.push_back({s.keys, s.description});
  return rows;
}

std::vector<ui::HelpRow> mouseHelp() {
  return {
      {"drag", "pan"},
      {"wheel", "zoom about the cursor"},
      {"hover", "highlight the feature under the cursor, with its name, kind and years"},
      {"click", "select a feature: outlined on the map, every attribute in the Feature panel"},
      {"click (measuring)", "place a point; a site or vertex under it snaps, Shift+click does not"},
      {"double-click", "finish the path or area being measured"},
      {"right-click", "copy the coordinate, what is here, measure from here, range ring here, zoom to the feature"},
  };
}

}  // namespace pamir::app
