#pragma once
// Text labels through a Dear ImGui context of the renderer's own: the font
// atlas and the OpenGL3 backend draw them, headless or in a window. The
// caller's ImGui context (the application's) is current again on return.
// Internal to render.
#include <cstddef>
#include <string>
#include <vector>

struct ImGuiContext;

namespace pamir::render::detail {

struct LabelCandidate {
  float x = 0, y = 0;     ///< anchor, px from the top-left corner
  float offset = 0;       ///< px right of the anchor where the text starts (half the symbol, plus a gap)
  const std::string* text = nullptr;
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
  void shutdown();
  ImGuiContext* context_ = nullptr;
  float ratio_ = 0;
};

}  // namespace pamir::render::detail
