#include "render/offscreen_target.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

namespace pamir::render::detail {

bool OffscreenTarget::prepare(int width, int height, int samples) {
  if (width == width_ && height == height_ && samples == samples_ && resolveFbo_) return true;
  GLint maxSize = 0, maxSamples = 0;
  glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &maxSize);
  glGetIntegerv(GL_MAX_SAMPLES, &maxSamples);
  if (width > maxSize || height > maxSize) return false;
  const int requested = samples;
  samples = std::min(samples, static_cast<int>(maxSamples));
  msaaFbo_.reset();
  msaaColour_.reset();
  resolveFbo_.reset();
  resolveColour_.reset();
  resolveColour_.create();
  glBindRenderbuffer(GL_RENDERBUFFER, resolveColour_.id());
  glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
  resolveFbo_.create();
  glBindFramebuffer(GL_FRAMEBUFFER, resolveFbo_.id());
  glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, resolveColour_.id());
  if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) return false;
  if (samples > 1) {
    msaaColour_.create();
    glBindRenderbuffer(GL_RENDERBUFFER, msaaColour_.id());
    glRenderbufferStorageMultisample(GL_RENDERBUFFER, samples, GL_RGBA8, width, height);
    msaaFbo_.create();
    glBindFramebuffer(GL_FRAMEBUFFER, msaaFbo_.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, msaaColour_.id());
    if (glCheckFramebufferStatus(GL_FRAMEBUFFER) != GL_FRAMEBUFFER_COMPLETE) {
      msaaFbo_.reset();
      msaaColour_.reset();
    }
  }
  glBindRenderbuffer(GL_RENDERBUFFER, 0);
  glBindFramebuffer(GL_FRAMEBUFFER, 0);
  width_ = width;
  height_ = height;
  samples_ = requested;
  return true;
}

void OffscreenTarget::resolve() const {
  if (!msaaFbo_) return;
  glBindFramebuffer(GL_READ_FRAMEBUFFER, msaaFbo_.id());
  glBindFramebuffer(GL_DRAW_FRAMEBUFFER, resolveFbo_.id());
  glBlitFramebuffer(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

Image OffscreenTarget::readBack() const {
  Image image;
  const int w = width_, h = height_;
  GLint previous = 0;
  glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &previous);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, resolveFbo_.id());
  image.width = w;
  image.height = h;
  image.rgba.resize(static_cast<size_t>(w) * h * 4);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glPixelStorei(GL_PACK_ALIGNMENT, 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, static_cast<GLuint>(previous));
  const size_t row = static_cast<size_t>(w) * 4;
  std::vector<uint8_t> swap(row);
  for (int y = 0; y < h / 2; ++y) {
    uint8_t* a = image.rgba.data() + static_cast<size_t>(y) * row;
    uint8_t* b = image.rgba.data() + static_cast<size_t>(h - 1 - y) * row;
    std::memcpy(swap.data(), a, row);
    std::memcpy(a, b, row);
    std::memcpy(b, swap.data(), row);
  }
  return image;
}

}  // namespace pamir::render::detail
