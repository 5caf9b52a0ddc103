#include "render/frame_cache.hpp"

#include <algorithm>
#include <cmath>

namespace pamir::render::detail {

std::vector<float> frameKey(const RenderOptions& o, const std::vector<const Layer*>& vectors,
                            const std::vector<const RasterLayer*>& rasters) {
  std::vector<float> key = {float(o.background.r),
                            float(o.background.g),
                            float(o.background.b),
                            float(o.background.a),
                            float(o.plain),
                            float(o.plainFill.has_value()),
                            float(o.plainFill ? o.plainFill->r : 0),
                            float(o.plainFill ? o.plainFill->g : 0),
                            float(o.plainFill ? o.plainFill->b : 0),
                            float(o.plainFill ? o.plainFill->a : 0),
                            float(o.antialias),
                            o.pixelRatio,
                            o.detailPx};
  for (const Layer* v : vectors) key.push_back(float(v->visible));
  for (const RasterLayer* r : rasters) {
    key.push_back(float(r->visible));
    key.push_back(r->opacity);
  }
  return key;
}

bool FrameCache::resize(int w, int h) {
  if (width_ == w && height_ == h) return true;
  for (int i = 0; i < 2; ++i) {
    texture_[i].reset();
    fbo_[i].reset();
    texture_[i].create();
    glBindTexture(GL_TEXTURE_2D, texture_[i].id());
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, w, h, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glBindTexture(GL_TEXTURE_2D, 0);
    fbo_[i].create();
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_[i].id());
    glFramebufferTexture2D(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_[i].id(), 0);
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      width_ = height_ = 0;
      return false;
    }
  }
  width_ = w;
  height_ = h;
  valid_ = false;
  return true;
}

// Panning by whole pixels moves the picture and uncovers a strip or two at
// the edges: the previous frame is shifted into the other texture and only
// the uncovered strips are painted, with the same view and so the same
// pixels a full frame would have. Anything else (a zoom, a changed layer or
// setting, a fractional pan) paints the whole frame.
bool FrameCache::update(const MapView& view, std::vector<float> key, uint64_t version, const Paint& paint,
                        FrameStats& frame) {
  const int w = view.width(), h = view.height();
  if (!resize(w, h)) return false;
  // Whole pixels of pan since the cached frame, in GL's orientation (y up).
  double dx = 0, dy = 0;
  bool scroll = valid_ && key == key_ && version == version_ && view.resolutionX() == view_.resolutionX() &&
                view.resolutionY() == view_.resolutionY();
  if (scroll) {
    dx = (view.center().x - view_.center().x) / view.resolutionX();
    dy = (view.center().y - view_.center().y) / view.resolutionY();
    scroll = std::abs(dx - std::round(dx)) < 1e-3 && std::abs(dy - std::round(dy)) < 1e-3 && std::abs(dx) < w / 2.0 &&
             std::abs(dy) < h / 2.0;
  }
  const int sx = static_cast<int>(std::lround(dx)), sy = static_cast<int>(std::lround(dy));
  glViewport(0, 0, w, h);
  if (!scroll) {
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_[current_].id());
    paint(view.extent());
  } else if (sx != 0 || sy != 0) {
    const int next = 1 - current_;
    glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_[current_].id());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, fbo_[next].id());
    // New pixel (x, y) is old pixel (x + sx, y + sy).
    glBlitFramebuffer(std::max(0, sx), std::max(0, sy), std::min(w, w + sx), std::min(h, h + sy), std::max(0, -sx),
                      std::max(0, -sy), std::min(w, w - sx), std::min(h, h - sy), GL_COLOR_BUFFER_BIT, GL_NEAREST);
    glBindFramebuffer(GL_FRAMEBUFFER, fbo_[next].id());
    current_ = next;
    const Bounds e = view.extent();
    glEnable(GL_SCISSOR_TEST);
    auto strip = [&](int x0, int y0, int x1, int y1) {
      if (x1 <= x0 || y1 <= y0) return;
      glScissor(x0, y0, x1 - x0, y1 - y0);
      paint({e.minx + x0 * view.resolutionX(), e.miny + y0 * view.resolutionY(), e.minx + x1 * view.resolutionX(),
             e.miny + y1 * view.resolutionY()});
    };
    // Columns uncovered at the left or right, then rows at the bottom or top (without the corner twice).
    int colX0 = sx > 0 ? w - sx : 0, colX1 = sx > 0 ? w : -sx;
    strip(colX0, 0, colX1, h);
    int rowY0 = sy > 0 ? h - sy : 0, rowY1 = sy > 0 ? h : -sy;
    strip(sx > 0 ? 0 : -sx, rowY0, sx > 0 ? w - sx : w, rowY1);
    glDisable(GL_SCISSOR_TEST);
    ++frame.scrolledFrames;
  }
  valid_ = true;
  view_ = view;
  key_ = std::move(key);
  version_ = version;
  return true;
}

bool FrameCache::holdsView(const MapView& view, const std::vector<float>& key) const {
  return valid_ && key == key_ && view.width() == view_.width() && view.height() == view_.height() &&
         view.resolutionX() == view_.resolutionX() && view.resolutionY() == view_.resolutionY() &&
         view.center() == view_.center();
}

bool FrameCache::paintBehind(const MapView& view, const Paint& paint) {
  if (!resize(view.width(), view.height())) return false;
  glBindFramebuffer(GL_FRAMEBUFFER, fbo_[1 - current_].id());
  glViewport(0, 0, view.width(), view.height());
  paint(view.extent());
  return true;
}

void FrameCache::promoteBehind(const MapView& view, std::vector<float> key, uint64_t version) {
  current_ = 1 - current_;
  valid_ = true;
  view_ = view;
  key_ = std::move(key);
  version_ = version;
}

void FrameCache::copyTo(GLuint framebuffer, int w, int h) const {
  glBindFramebuffer(GL_READ_FRAMEBUFFER, fbo_[current_].id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, framebuffer);
  glBlitFramebuffer(0, 0, w, h, 0, 0, w, h, GL_COLOR_BUFFER_BIT, GL_NEAREST);
  glBindFramebuffer(GL_FRAMEBUFFER, framebuffer);
}

}  // namespace pamir::render::detail
