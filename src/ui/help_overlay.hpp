#pragma once
// The help overlay (F1 or ?): every shortcut and mouse gesture, from the
// tables the window's input handling uses.
#include <string>
#include <vector>

namespace pamir::ui {

struct HelpRow {
  std::string keys, description;
};

struct HelpModel {
  bool open = false;
  std::vector<HelpRow> keyboard;
  std::vector<HelpRow> mouse;
};

/// Draws the help window while model.open; its close button clears it.
void drawHelp(HelpModel& model, float viewportWidth, float viewportHeight);

}  // namespace pamir::ui
