#pragma once
// Label text on the CPU, without GL: HarfBuzz shapes a UTF-8 string with the
// font's OpenType tables (so a combining mark sits where the font's mark
// positioning puts it on its base letter, and ligatures and kerning apply),
// FreeType rasterises the glyphs, and a label is composed with its halo into
// a premultiplied RGBA bitmap that the painter uploads into its atlas.
// Internal to render.
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pamir::render::detail {

/// 8-bit pixels, rows top first, no padding: coverage (1 channel) or
/// premultiplied RGBA (4 channels).
struct Bitmap {
  int width = 0, height = 0, channels = 1;
  std::vector<uint8_t> pixels;

  uint8_t at(int x, int y, int channel = 0) const {
    return pixels[(static_cast<size_t>(y) * width + x) * channels + channel];
  }
};

/// Where a shaped text lies, px. The box is what placement reserves: the line
/// (pen advance wide, ascender to descender high) grown to take in any ink
/// outside it, such as a mark stacked above a capital or a `j` reaching left
/// of the pen; bitmaps drawn for the text have this box's size plus padding.
struct TextBox {
  float width = 0, height = 0;  ///< px, of the box
  float advance = 0;            ///< px the pen moves: the text's typographic width
  int originX = 0;              ///< px from the box's left edge to the pen's start
  int baseline = 0;             ///< px from the box's top edge down to the baseline
  size_t missingGlyphs = 0;     ///< characters the font has no glyph for (drawn as its .notdef box)
};

/// Straight (not premultiplied) 8-bit RGBA.
struct Rgba {
  uint8_t r = 0, g = 0, b = 0, a = 255;
};

class TextRaster {
 public:
  /// The scalable font in `fontPath` at the size where its ascender minus its
  /// descender is `lineHeightPx` px (what Dear ImGui and stb_truetype call
  /// the pixel height, so labels keep the size they had). ok() says whether
  /// the font could be loaded.
  TextRaster(const std::string& fontPath, float lineHeightPx);
  ~TextRaster();
  TextRaster(const TextRaster&) = delete;
  TextRaster& operator=(const TextRaster&) = delete;

  bool ok() const;
  const std::string& error() const;  ///< why the font could not be loaded
  int lineHeight() const;            ///< px, ascender to descender, whole pixels
  int ascent() const;                ///< px, line top to baseline

  TextBox measure(std::string_view utf8);
  /// The text's coverage (0..255) in a bitmap of the box's size rounded up,
  /// plus `pad` px of empty border on every side.
  Bitmap coverage(std::string_view utf8, int pad = 0);
  /// A label sprite: the text in `ink` over a halo of `paper` spreading
  /// `haloPx` px from every stroke, premultiplied RGBA with `pad` px of border
  /// on every side (pad must be at least haloPx to keep the halo whole).
  Bitmap label(std::string_view utf8, int haloPx, int pad, Rgba ink, Rgba paper);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pamir::render::detail
