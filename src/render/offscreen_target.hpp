#pragma once
// The framebuffer renderToImage and drawOffscreen draw into: multisampled
// when asked (and resolved into a single-sampled one), kept while the size
// and sample count stay. Internal to render; needs the GL context the
// renderer was made in.
#include "render/gl_object.hpp"
#include "render/image.hpp"

namespace pamir::render::detail {

class OffscreenTarget {
 public:
  /// Makes (or keeps) a width x height px target with up to `samples` per
  /// pixel (fewer when the GL allows fewer; single-sampled for 0 or 1, or
  /// when a multisampled one cannot be made). False when the size is beyond
  /// the GL's limits or the target cannot be made.
  bool prepare(int width, int height, int samples);
  /// Where to draw: the multisampled framebuffer when there is one.
  GLuint drawFramebuffer() const { return msaaFbo_ ? msaaFbo_.id() : resolveFbo_.id(); }
  /// Resolves the multisampled pixels into the single-sampled framebuffer (nothing without MSAA).
  void resolve() const;
  /// The resolved pixels, top row first (GL's rows start at the bottom).
  Image readBack() const;

 private:
  GlFramebuffer msaaFbo_, resolveFbo_;
  GlRenderbuffer msaaColour_, resolveColour_;
  int width_ = 0, height_ = 0, samples_ = -1;  // as asked for, so that the same request keeps the target
};

}  // namespace pamir::render::detail
