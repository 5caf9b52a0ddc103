#pragma once
// One line of a map's legend: a symbol, line or fill the map draws with,
// what it means and how many features on the map have it. Worked out by the
// app (app/legend.hpp), shown by the window's Legend panel and drawn on
// exported figures.
#include <cstddef>
#include <string>

#include "core/style.hpp"

namespace pamir {

struct LegendEntry {
  enum class Shape { Point, Line, Area, Image } shape = Shape::Point;
  std::string group;    ///< the layer's title
  std::string meaning;  ///< "air base", or empty for the layer's own style
  Style style;
  size_t count = 0;  ///< features shown with it

  /// What the line says: the meaning, else "image" or "all features".
  std::string text() const {
    if (!meaning.empty()) return meaning;
    return shape == Shape::Image ? "image" : "all features";
  }
};

}  // namespace pamir
