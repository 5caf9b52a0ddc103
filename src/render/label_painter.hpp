#pragma once
// Text labels through a Dear ImGui context of the renderer's own (never the
// application's, which is current again on return): its font atlas and
// OpenGL3 backend draw them, headless or in a window.
//
// Each label is rasterised once, with its halo, into a sprite atlas (a GL
// texture); a frame then draws one textured quad per label. Drawing the
// glyphs and four halo copies anew every frame costs a software GL more
// than the whole map does.
// Internal to render.
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

struct ImGuiContext;

namespace pamir::render::detail {

/// A label's text with what the painter learnt about it, kept by the caller
/// between frames: its size and where its sprite sits in the atlas.
struct LabelText {
  std::string text;
  float width = 0, height = 0;  ///< px, valid while `generation` matches the painter's font
  uint32_t generation = 0;
  int atlasX = 0, atlasY = 0;   ///< sprite's top-left corner, valid while `atlasGeneration` matches
  uint32_t atlasGeneration = 0;
};

struct LabelCandidate {
  float x = 0, y = 0;     ///< anchor, px from the top-left corner
  float offset = 0;       ///< px right of the anchor where the text starts (half the symbol, plus a gap)
  bool centred = false;   ///< centred on the anchor instead (areas and lines)
  LabelText* text = nullptr;
};

class LabelPainter {
 public:
  LabelPainter() = default;
  ~LabelPainter();
  LabelPainter(const LabelPainter&) = delete;
  LabelPainter& operator=(const LabelPainter&) = delete;

  /// Places candidates in order (earlier ones win), skipping any whose box
  /// would overlap a placed one or leave the frame, and draws them into the
  /// bound framebuffer of width x height px. Returns how many were drawn.
  size_t draw(int width, int height, float pixelRatio, const std::vector<LabelCandidate>& candidates);

  static const char* fontPath();

 private:
  bool ensureContext(float pixelRatio);
  bool ensureAtlas();
  void resetAtlas();
  void shutdown();

  ImGuiContext* context_ = nullptr;
  float ratio_ = 0;
  uint32_t generation_ = 0;  // bumped whenever the font changes, so cached sizes are re-measured

  // The sprite atlas: rows ("shelves") filled left to right.
  unsigned atlasTexture_ = 0, atlasFbo_ = 0;
  int atlasSize_ = 0;
  uint32_t atlasGeneration_ = 1;  // bumped when the atlas is emptied
  int shelfX_ = 0, shelfY_ = 0, shelfHeight_ = 0;
  bool atlasNeedsClear_ = true;
};

}  // namespace pamir::render::detail
