#pragma once
// The Legend panel: every symbol, line and fill the visible layers draw
// with, each with what it means and how many features on the map have it.
// It shows what the window worked out (app/legend.hpp).
#include <vector>

#include "core/legend_entry.hpp"

namespace pamir::ui {

using pamir::LegendEntry;

struct LegendModel {
  bool open = true;
  std::vector<LegendEntry> entries;  ///< top layer first
};

/// Draws the panel at the right edge, `top` pixels down, with the switch
/// between APP-6 / MIL-STD-2525 symbols and plain ones for sites; true when
/// the analyst flipped it.
bool drawLegendPanel(LegendModel& model, bool& militarySymbols, float viewportWidth, float top);

}  // namespace pamir::ui
