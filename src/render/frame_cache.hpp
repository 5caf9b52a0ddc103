#pragma once
// The last frame without its labels, for redrawing only what a pan uncovers
// (RenderOptions::reuseFrames). Internal to render; needs the GL context the
// renderer was made in.
#include <cstdint>
#include <functional>
#include <vector>

#include "core/map_view.hpp"
#include "render/gl_object.hpp"
#include "render/map_renderer.hpp"

namespace pamir::render::detail {

/// What a cached frame depends on besides the view and the renderer's state
/// version: every setting that changes pixels, and the visibility and opacity
/// flags the caller may flip on the layers directly.
std::vector<float> frameKey(const RenderOptions& options, const std::vector<const Layer*>& vectors,
                            const std::vector<const RasterLayer*>& rasters);

class FrameCache {
 public:
  /// Clears to the background and draws the layers that meet `cull` (view CRS)
  /// into the bound framebuffer, whose scissor box may be set.
  using Paint = std::function<void(const Bounds& cull)>;

  /// Brings the cache to `view`: shifts the cached frame and paints only the
  /// uncovered strips when the view moved by whole pixels (less than half the
  /// frame) and neither `key` nor `version` changed since; paints it whole
  /// otherwise. False when the cache's textures cannot be made at this size
  /// (the caller then draws straight into its target).
  bool update(const MapView& view, std::vector<float> key, uint64_t version, const Paint& paint, FrameStats& frame);
  /// The cached frame (width x height px), onto `framebuffer`, which is left bound.
  void copyTo(GLuint framebuffer, int width, int height) const;
  /// The next update() paints the whole frame.
  void invalidate() { valid_ = false; }

  /// The cached frame is a whole picture of `view` with `key` and `version`.
  bool holds(const MapView& view, const std::vector<float>& key, uint64_t version) const {
    return holdsView(view, key) && version == version_;
  }
  /// ... of `view` with `key`, at whatever version.
  bool holdsView(const MapView& view, const std::vector<float>& key) const;
  /// A frame painted over several calls goes into the other texture, the
  /// cached frame staying as it is: `paint` draws into it (bound, with this
  /// size's viewport). False when the textures cannot be made at this size.
  bool paintBehind(const MapView& view, const Paint& paint);
  /// The frame painted behind is whole now: it becomes the cached frame.
  void promoteBehind(const MapView& view, std::vector<float> key, uint64_t version);

 private:
  bool resize(int width, int height);

  GlFramebuffer fbo_[2];
  GlTexture texture_[2];
  int current_ = 0;  // which of the two holds the frame
  int width_ = 0, height_ = 0;
  bool valid_ = false;
  MapView view_;
  std::vector<float> key_;
  uint64_t version_ = 0;
};

}  // namespace pamir::render::detail
