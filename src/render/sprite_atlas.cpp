#include "render/sprite_atlas.hpp"

#include <algorithm>
#include <cstddef>
#include <string>

#include "render/shader_program.hpp"

namespace pamir::render::detail {

SavedSpriteState::SavedSpriteState() {
  glGetIntegerv(GL_CURRENT_PROGRAM, &program_);
  glGetIntegerv(GL_VERTEX_ARRAY_BINDING, &vertexArray_);
  glGetIntegerv(GL_ARRAY_BUFFER_BINDING, &arrayBuffer_);
  glGetIntegerv(GL_ACTIVE_TEXTURE, &activeTexture_);
  glActiveTexture(GL_TEXTURE0);
  glGetIntegerv(GL_TEXTURE_BINDING_2D, &texture_);
  glGetIntegerv(GL_SAMPLER_BINDING, &sampler_);
  glGetIntegerv(GL_UNPACK_ALIGNMENT, &unpackAlignment_);
  glGetIntegerv(GL_UNPACK_ROW_LENGTH, &unpackRowLength_);
  blend_ = glIsEnabled(GL_BLEND);
  glGetIntegerv(GL_BLEND_SRC_RGB, &srcRgb_);
  glGetIntegerv(GL_BLEND_DST_RGB, &dstRgb_);
  glGetIntegerv(GL_BLEND_SRC_ALPHA, &srcAlpha_);
  glGetIntegerv(GL_BLEND_DST_ALPHA, &dstAlpha_);
}

SavedSpriteState::~SavedSpriteState() {
  glUseProgram(static_cast<GLuint>(program_));
  glBindVertexArray(static_cast<GLuint>(vertexArray_));
  glBindBuffer(GL_ARRAY_BUFFER, static_cast<GLuint>(arrayBuffer_));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(texture_));
  glBindSampler(0, static_cast<GLuint>(sampler_));
  glActiveTexture(static_cast<GLenum>(activeTexture_));
  glPixelStorei(GL_UNPACK_ALIGNMENT, unpackAlignment_);
  glPixelStorei(GL_UNPACK_ROW_LENGTH, unpackRowLength_);
  if (blend_) {
    glEnable(GL_BLEND);
  } else {
    glDisable(GL_BLEND);
  }
  glBlendFuncSeparate(static_cast<GLenum>(srcRgb_), static_cast<GLenum>(dstRgb_), static_cast<GLenum>(srcAlpha_),
                      static_cast<GLenum>(dstAlpha_));
}

bool SpriteAtlas::ready(int size) {
  if (failed_) return false;
  if (program_) return true;
  failed_ = true;  // until everything below is made
  const char* vs = embeddedShader("label.vert.glsl");
  const char* fs = embeddedShader("label.frag.glsl");
  if (!vs || !fs) return false;
  std::string error;
  const std::string version = "#version 330 core\n";
  GlProgram program = linkProgram(version + vs, version + fs, "sprite", &error);
  if (!program) return false;
  viewportUniform_ = glGetUniformLocation(program.id(), "uViewportPx");
  glUseProgram(program.id());
  glUniform1i(glGetUniformLocation(program.id(), "uAtlas"), 0);

  GLint maxSize = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
  size_ = std::min(size, static_cast<int>(maxSize));
  texture_.create();
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, size_, size_, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
  // texelFetch reads without filtering, but the texture must still be complete (no mipmaps).
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);

  vertexArray_.create();
  instances_.create();
  glBindVertexArray(vertexArray_.id());
  glBindBuffer(GL_ARRAY_BUFFER, instances_.id());
  glEnableVertexAttribArray(0);
  glVertexAttribPointer(0, 4, GL_FLOAT, GL_FALSE, sizeof(Sprite), reinterpret_cast<void*>(offsetof(Sprite, x)));
  glVertexAttribDivisor(0, 1);
  glEnableVertexAttribArray(1);
  glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(Sprite), reinterpret_cast<void*>(offsetof(Sprite, atlasX)));
  glVertexAttribDivisor(1, 1);
  program_ = std::move(program);
  failed_ = false;
  reset();
  return true;
}

void SpriteAtlas::reset() {
  ++generation_;
  shelfX_ = shelfY_ = shelfHeight_ = 0;
}

void SpriteAtlas::bindForUpload() {
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glBindSampler(0, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);  // RGBA rows are whole words
}

std::optional<std::pair<int, int>> SpriteAtlas::place(int w, int h) {
  if (shelfX_ + w > size_) {
    shelfY_ += shelfHeight_;
    shelfX_ = shelfHeight_ = 0;
  }
  if (w > size_ || shelfY_ + h > size_) return std::nullopt;
  const std::pair<int, int> at{shelfX_, shelfY_};
  shelfX_ += w;
  shelfHeight_ = std::max(shelfHeight_, h);
  return at;
}

void SpriteAtlas::upload(int x, int y, int w, int h, const uint8_t* pixels, int rowLength) {
  if (w <= 0 || h <= 0) return;
  glPixelStorei(GL_UNPACK_ROW_LENGTH, rowLength);
  // Rows go in top first: atlas row y is the sprite's top row.
  glTexSubImage2D(GL_TEXTURE_2D, 0, x, y, w, h, GL_RGBA, GL_UNSIGNED_BYTE, pixels);
}

void SpriteAtlas::draw(int width, int height, const std::vector<Sprite>& sprites) {
  if (sprites.empty()) return;
  glUseProgram(program_.id());
  glUniform2f(viewportUniform_, static_cast<float>(width), static_cast<float>(height));
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, texture_.id());
  glBindSampler(0, 0);
  glBindVertexArray(vertexArray_.id());
  glBindBuffer(GL_ARRAY_BUFFER, instances_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(sprites.size() * sizeof(Sprite)), sprites.data(),
               GL_STREAM_DRAW);
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(sprites.size()));
}

}  // namespace pamir::render::detail
