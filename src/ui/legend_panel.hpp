#pragma once
// The Legend panel: every symbol, line and fill the visible layers draw
// with, each with what it means and how many features on the map have it.
// It shows what the window worked out (app/legend.hpp).
#include <cstddef>
#include <string>
#include <vector>

#include "core/style.hpp"

namespace pamir::ui {

struct LegendEntry {
  enum class Shape { Point, Line, Area, Image } shape = Shape::Point;
  std::string group;    ///< the layer's title
  std::string meaning;  ///< "air base", or empty for the layer's own style
  Style style;
  size_t count = 0;  ///< features shown with it
};

struct LegendModel {
  bool open = true;
  std::vector<LegendEntry> entries;  ///< top layer first
};

/// Draws the panel at the right edge, `top` pixels down.
void drawLegendPanel(LegendModel& model, float viewportWidth, float top);

}  // namespace pamir::ui
