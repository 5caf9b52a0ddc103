#pragma once
// Sprites drawn from one atlas texture: premultiplied RGBA bitmaps made on
// the CPU (a label with its halo, a military symbol) are packed into a GL
// texture in shelves and drawn as one textured quad each, at their own size
// on whole pixels (each fragment takes exactly one texel). Shared by the
// label and the symbol painters. Internal to render; every call needs the
// renderer's GL context current.
#include <cstdint>
#include <optional>
#include <utility>
#include <vector>

#include "render/gl_object.hpp"

namespace pamir::render::detail {

struct Sprite {
  float x, y, w, h;      ///< px from the framebuffer's top-left corner
  float atlasX, atlasY;  ///< the sprite's top-left texel
};

class SpriteAtlas {
 public:
  /// Makes the program, the texture (at most `size` px a side) and the
  /// buffers the first time; false when they cannot be made (then always).
  bool ready(int size);
  /// Empties the atlas: every sprite placed before must be placed again.
  void reset();
  /// Changes whenever the atlas is emptied.
  uint32_t generation() const { return generation_; }
  /// Binds the texture for uploads (texture unit 0, rows whole words).
  void bindForUpload();
  /// Room for a w × h sprite, or nullopt when the atlas is full.
  std::optional<std::pair<int, int>> place(int w, int h);
  /// Uploads premultiplied RGBA pixels (`rowLength` px a row) at (x, y); bindForUpload first.
  void upload(int x, int y, int w, int h, const uint8_t* pixels, int rowLength);
  /// Draws the sprites onto the bound framebuffer of width × height px
  /// ("one, one minus source alpha": the sprites are premultiplied).
  void draw(int width, int height, const std::vector<Sprite>& sprites);

 private:
  bool failed_ = false;
  GlTexture texture_;
  int size_ = 0;
  uint32_t generation_ = 1;
  int shelfX_ = 0, shelfY_ = 0, shelfHeight_ = 0;
  GlProgram program_;
  GLint viewportUniform_ = -1;
  GlVertexArray vertexArray_;
  GlBuffer instances_;
};

/// The GL state sprites change, put back afterwards: they are drawn in the
/// middle of the caller's frame (the window's panels come next).
class SavedSpriteState {
 public:
  SavedSpriteState();
  ~SavedSpriteState();
  SavedSpriteState(const SavedSpriteState&) = delete;
  SavedSpriteState& operator=(const SavedSpriteState&) = delete;

 private:
  GLint program_ = 0, vertexArray_ = 0, arrayBuffer_ = 0, activeTexture_ = 0, texture_ = 0, sampler_ = 0;
  GLint unpackAlignment_ = 4, unpackRowLength_ = 0;
  GLboolean blend_ = GL_FALSE;
  GLint srcRgb_ = GL_ONE, dstRgb_ = GL_ZERO, srcAlpha_ = GL_ONE, dstAlpha_ = GL_ZERO;
};

}  // namespace pamir::render::detail
