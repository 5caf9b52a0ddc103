#pragma once
// How a layer is drawn. Sizes are in screen pixels (before HiDPI scaling).
#include <cstdint>
#include <optional>
#include <string>

namespace pamir {

/// 8-bit RGBA colour, non-premultiplied.
struct Color {
  uint8_t r = 0, g = 0, b = 0, a = 255;
  friend bool operator==(const Color&, const Color&) = default;
};

/// Parses "#rrggbb" or "#rrggbbaa"; nullopt when malformed.
std::optional<Color> parseColor(const std::string& text);
std::string formatColor(const Color& c);

enum class Symbol { Circle, Square, Triangle, Diamond, Star, Cross };
std::optional<Symbol> parseSymbol(const std::string& name);
const char* symbolName(Symbol s);

struct Style {
  Color fill{200, 200, 200, 255};
  Color stroke{60, 60, 60, 255};
  float strokeWidth = 1.0f;  ///< px; 0 = no outline
  bool filled = true;        ///< polygons are filled
  Symbol symbol = Symbol::Circle;
  float symbolSize = 8.0f;  ///< px, diameter
  float opacity = 1.0f;     ///< multiplies every alpha of the layer
  bool dashed = false;      ///< lines drawn dashed (schematic, claimed borders)
  std::string labelField;   ///< attribute to label features with; empty = no labels
  /// Labels only when the map shows at most this many metres per pixel
  /// (scale-dependent labelling: thousands of village names only when zoomed in); 0 = always.
  float labelMaxMetresPerPixel = 0.0f;
  /// Which labels are placed first where they collide: lower first, whatever
  /// the drawing order (a curated site's name before an event's or a
  /// village's). Within one priority, the top layer's labels first.
  int labelPriority = 3;
};

/// A per-feature style: features whose `field` has text value `value` are
/// drawn with `style` instead of the layer's.
struct StyleRule {
  std::string field;
  std::string value;
  Style style;
};

}  // namespace pamir
