#pragma once
// Text labels: shaped and rasterised on the CPU (TextRaster: HarfBuzz and
// FreeType), drawn with the renderer's own GL, headless or in a window.
//
// Each label is rasterised once, with its halo, into a sprite atlas (a GL
// texture); a frame then draws one textured quad per label. Drawing the
// glyphs and four halo copies anew every frame costs a software GL more
// than the whole map does.
// Internal to render; every call needs the renderer's GL context current.
#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "render/sprite_atlas.hpp"

namespace pamir::render::detail {

/// A label's text with what the painter learnt about it, kept by the caller
/// between frames: its size and where its sprite sits in the atlas.
struct LabelText {
  std::string text;
  float width = 0, height = 0;  ///< px of the box it takes, valid while `generation` matches the painter's font
  uint32_t generation = 0;
  int atlasX = 0, atlasY = 0;  ///< sprite's top-left corner, valid while `atlasGeneration` matches
  uint32_t atlasGeneration = 0;
  int spot = -1;  ///< where it went beside its symbol when last drawn (tried first: no flicker); -1 never
};

struct LabelCandidate {
  float x = 0, y = 0;    ///< anchor, px from the top-left corner
  float offset = 0;      ///< px right of the anchor where the text starts (half the symbol, plus a gap)
  bool centred = false;  ///< centred on the anchor instead (areas and lines)
  LabelText* text = nullptr;
  int priority = 0;  ///< lower placed first (Style::labelPriority)
};

class TextRaster;

class LabelPainter {
 public:
  LabelPainter();
  ~LabelPainter();
  LabelPainter(const LabelPainter&) = delete;
  LabelPainter& operator=(const LabelPainter&) = delete;

  /// Places candidates by priority, in order within one (earlier ones win),
  /// and draws them into the bound framebuffer of width x height px. A
  /// point's label goes right of its symbol, else left, above or below it,
  /// else at one of its corners, else a line further out, whichever is
  /// first free; a curated site's (priority 0), failing those, two to five
  /// lines out with a dotted leader to the site; any other that fits
  /// nowhere inside the frame is left out.
  /// Returns how many were drawn. With `keepPlaces` a label goes where it
  /// went last time when that place is still free, so labels keep their
  /// place while the map pans; without, every label tries the places in
  /// their order (what a one-shot render of the view gives).
  size_t draw(int width, int height, float pixelRatio, const std::vector<LabelCandidate>& candidates,
              bool keepPlaces = false);
  /// Of the last draw's labels, how many went elsewhere beside their symbol than the time before.
  size_t lastMoved() const { return moved_; }
  /// Of the last draw's labels, how many curated sites' labels went further
  /// out with a dotted leader (no room beside their symbol).
  size_t lastLeaders() const { return leaders_; }

  /// DejaVu Sans (render::findFont), the labels' face; nullptr when no font is installed (no labels then).
  static const char* fontPath();

 private:
  bool ensureFont(float pixelRatio);
  bool addSprite(LabelText& text, int pad, int halo);

  std::unique_ptr<TextRaster> raster_;
  float ratio_ = 0;
  uint32_t generation_ = 0;  // bumped whenever the font changes, so cached sizes are re-measured
  SpriteAtlas atlas_;
  size_t moved_ = 0, leaders_ = 0;
  int dotX_ = 0, dotY_ = 0;     // the leaders' dot in the atlas
  uint32_t dotGeneration_ = 0;  // valid while it matches the atlas
};

}  // namespace pamir::render::detail
