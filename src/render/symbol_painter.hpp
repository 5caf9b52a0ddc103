#pragma once
// Military symbols on the map (APP-6 / MIL-STD-2525C, core/military_symbols.hpp):
// each symbol's SVG rasterised with librsvg at the frame's pixel ratio, its
// frame filled with the feature's colour, kept in a sprite atlas, and drawn
// as one quad per site with its anchor on the site. Internal to render;
// every call needs the renderer's GL context current.
#include <cstddef>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/military_symbols.hpp"
#include "core/style.hpp"
#include "render/sprite_atlas.hpp"

namespace pamir::render::detail {

/// Drawn size per style px of the catalog's SVG: a unit's frame about 30 px.
inline constexpr float kSymbolScale = 0.85f;

struct SymbolRequest {
  float x = 0, y = 0;  ///< the site, px from the top-left corner
  const MilitarySymbol* symbol = nullptr;
  Color fill;
};

/// premultiplied RGBA, rows top first: `symbol` at `scale` with its frame
/// filled with `fill` (the catalog's `placeholder` colour replaced). Empty
/// (0 × 0) when librsvg cannot read it.
struct SymbolBitmap {
  int width = 0, height = 0;
  std::vector<uint8_t> rgba;
};
SymbolBitmap rasteriseSymbol(const MilitarySymbol& symbol, const std::string& placeholder, Color fill, double scale);

class SymbolPainter {
 public:
  /// Draws the requests in order onto the bound framebuffer of width ×
  /// height px; returns how many were drawn.
  size_t draw(int width, int height, float pixelRatio, const std::vector<SymbolRequest>& requests,
              const std::string& placeholder);

 private:
  struct Placed {
    int x = 0, y = 0, w = 0, h = 0;  // in the atlas
    float anchorX = 0, anchorY = 0;  // px from the sprite's top-left corner
    uint32_t generation = 0;
  };
  SpriteAtlas atlas_;
  float ratio_ = 0;
  std::unordered_map<std::string, Placed> placed_;  // by symbol key and fill
};

}  // namespace pamir::render::detail
