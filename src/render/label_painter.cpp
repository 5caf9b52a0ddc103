#include "render/label_painter.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <unordered_map>

#include "render/font_locator.hpp"
#include "render/shader_program.hpp"
#include "render/text_raster.hpp"

namespace pamir::render::detail {

struct LabelPainter::Sprite {
  float x, y, w, h;      // px from the framebuffer's top-left corner
  float atlasX, atlasY;  // the sprite's top-left texel
};

namespace {

constexpr float kFontSizePx = 13.0f;  // ascender to descender, before the pixel ratio
constexpr float kHalo = 1.0f;         // px of light outline around the text, so it reads over any map
constexpr int kAtlasSize = 2048;
constexpr Rgba kInk{20, 20, 20, 255};
constexpr Rgba kPaper{255, 255, 255, 220};

struct Box {
  float x0, y0, x1, y1;
  bool overlaps(const Box& o) const { return x0 < o.x1 && o.x0 < x1 && y0 < o.y1 && o.y0 < y1; }
};

// Placed label boxes bucketed into a coarse grid, so each test looks at
// neighbours only. Each box has an owner: a label is not kept off its own
// symbol.
class Occupancy {
 public:
  static constexpr size_t kNobody = static_cast<size_t>(-1);
  explicit Occupancy(float cell) : cell_(cell) {}
  bool free(const Box& b, size_t self = kNobody) const {
    for (long long key : keys(b)) {
      auto it = cells_.find(key);
      if (it == cells_.end()) continue;
      for (size_t i : it->second) {
        if (owners_[i] != self && boxes_[i].overlaps(b)) return false;
      }
    }
    return true;
  }
  void add(const Box& b, size_t owner = kNobody) {
    boxes_.push_back(b);
    owners_.push_back(owner);
    for (long long key : keys(b)) cells_[key].push_back(boxes_.size() - 1);
  }

 private:
  std::vector<long long> keys(const Box& b) const {
    std::vector<long long> out;
    int cx0 = static_cast<int>(std::floor(b.x0 / cell_)), cx1 = static_cast<int>(std::floor(b.x1 / cell_));
    int cy0 = static_cast<int>(std::floor(b.y0 / cell_)), cy1 = static_cast<int>(std::floor(b.y1 / cell_));
    for (int y = cy0; y <= cy1; ++y) {
      for (int x = cx0; x <= cx1; ++x) out.push_back((static_cast<long long>(y) << 32) ^ static_cast<unsigned>(x));
    }
    return out;
  }
  float cell_;
  std::vector<Box> boxes_;
  std::vector<size_t> owners_;
  std::unordered_map<long long, std::vector<size_t>> cells_;
};

// The GL state the labels change, put back afterwards: they are drawn in
// the middle of the caller's frame (the window's panels come next).
class SavedState {
 public:
  SavedState() {
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
  ~SavedState() {
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
  SavedState(const SavedState&) = delete;
  SavedState& operator=(const SavedState&) = delete;

 private:
  GLint program_ = 0, vertexArray_ = 0, arrayBuffer_ = 0, activeTexture_ = 0, texture_ = 0, sampler_ = 0;
  GLint unpackAlignment_ = 4, unpackRowLength_ = 0;
  GLboolean blend_ = GL_FALSE;
  GLint srcRgb_ = GL_ONE, dstRgb_ = GL_ZERO, srcAlpha_ = GL_ONE, dstAlpha_ = GL_ZERO;
};

}  // namespace

const char* LabelPainter::fontPath() {
  static const std::string path = findFont();
  return path.empty() ? nullptr : path.c_str();
}

LabelPainter::LabelPainter() = default;
LabelPainter::~LabelPainter() = default;

bool LabelPainter::ensureFont(float pixelRatio) {
  if (raster_ && ratio_ == pixelRatio) return raster_->ok();
  // The font and the sprites are for one size: a new ratio starts both afresh.
  const char* path = fontPath();
  raster_ = std::make_unique<TextRaster>(path ? path : "", std::round(kFontSizePx * pixelRatio));
  ratio_ = pixelRatio;
  ++generation_;
  resetAtlas();
  return raster_->ok();
}

bool LabelPainter::ensureGl() {
  if (glFailed_) return false;
  if (program_) return true;
  glFailed_ = true;  // until everything below is made
  const char* vs = embeddedShader("label.vert.glsl");
  const char* fs = embeddedShader("label.frag.glsl");
  if (!vs || !fs) return false;
  std::string error;
  const std::string version = "#version 330 core\n";
  GlProgram program = linkProgram(version + vs, version + fs, "label", &error);
  if (!program) return false;
  viewportUniform_ = glGetUniformLocation(program.id(), "uViewportPx");
  glUseProgram(program.id());
  glUniform1i(glGetUniformLocation(program.id(), "uAtlas"), 0);

  GLint maxSize = 0;
  glGetIntegerv(GL_MAX_TEXTURE_SIZE, &maxSize);
  atlasSize_ = std::min(kAtlasSize, static_cast<int>(maxSize));
  atlas_.create();
  glBindTexture(GL_TEXTURE_2D, atlas_.id());
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, atlasSize_, atlasSize_, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
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
  glFailed_ = false;
  resetAtlas();
  return true;
}

void LabelPainter::resetAtlas() {
  ++atlasGeneration_;
  shelfX_ = shelfY_ = shelfHeight_ = 0;
}

// Rasterises the text's sprite into the next free place in the atlas; false
// when the atlas has no room left for it.
bool LabelPainter::addSprite(LabelText& t, int pad, int halo) {
  int w = static_cast<int>(std::ceil(t.width)) + 2 * pad, h = static_cast<int>(std::ceil(t.height)) + 2 * pad;
  if (shelfX_ + w > atlasSize_) {
    shelfY_ += shelfHeight_;
    shelfX_ = shelfHeight_ = 0;
  }
  if (w > atlasSize_ || shelfY_ + h > atlasSize_) return false;
  Bitmap sprite = raster_->label(t.text, halo, pad, kInk, kPaper);
  // The sprite's size follows from the same measurement; clip rather than
  // overrun a neighbour should they ever disagree.
  int uw = std::min(w, sprite.width), uh = std::min(h, sprite.height);
  if (uw > 0 && uh > 0) {
    glPixelStorei(GL_UNPACK_ROW_LENGTH, sprite.width);
    // Rows go in top first: atlas row atlasY is the sprite's top row.
    glTexSubImage2D(GL_TEXTURE_2D, 0, shelfX_, shelfY_, uw, uh, GL_RGBA, GL_UNSIGNED_BYTE, sprite.pixels.data());
  }
  t.atlasX = shelfX_;
  t.atlasY = shelfY_;
  t.atlasGeneration = atlasGeneration_;
  shelfX_ += w;
  shelfHeight_ = std::max(shelfHeight_, h);
  return true;
}

void LabelPainter::drawSprites(int width, int height, const std::vector<Sprite>& sprites) {
  glUseProgram(program_.id());
  glUniform2f(viewportUniform_, static_cast<float>(width), static_cast<float>(height));
  glBindVertexArray(vertexArray_.id());
  glBindBuffer(GL_ARRAY_BUFFER, instances_.id());
  glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(sprites.size() * sizeof(Sprite)), sprites.data(),
               GL_STREAM_DRAW);
  // Sprites hold premultiplied colour (text over transparent black), so
  // they go onto the map with "one, one minus source alpha".
  glEnable(GL_BLEND);
  glBlendFuncSeparate(GL_ONE, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
  glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(sprites.size()));
}

size_t LabelPainter::draw(int width, int height, float pixelRatio, const std::vector<LabelCandidate>& candidates) {
  if (candidates.empty() || width <= 0 || height <= 0) return 0;
  pixelRatio = std::clamp(pixelRatio, 0.25f, 8.0f);
  if (!ensureFont(pixelRatio)) return 0;
  const int halo = std::max(1, static_cast<int>(std::lround(kHalo * pixelRatio)));
  const float gap = 2.0f * pixelRatio;  // keeps neighbouring labels apart
  const int pad = halo + 1;

  // 1. Placement, first come first served.
  struct Placed {
    LabelText* text;
    float x, y;  // where the text's box starts
  };
  std::vector<Placed> placed;
  Occupancy occupied(64.0f * pixelRatio);
  std::vector<size_t> order(candidates.size());
  for (size_t i = 0; i < order.size(); ++i) order[i] = i;
  std::stable_sort(order.begin(), order.end(),
                   [&](size_t a, size_t b) { return candidates[a].priority < candidates[b].priority; });
  // The symbols of the first priority (curated sites) are kept clear of
  // every other label: no event's name is written over an air base.
  for (size_t i = 0; i < candidates.size(); ++i) {
    const LabelCandidate& c = candidates[i];
    if (c.centred || c.priority > 0) continue;
    const float r = std::max(0.0f, c.offset - 3.0f * pixelRatio);
    occupied.add({c.x - r, c.y - r, c.x + r, c.y + r}, i);
  }
  for (size_t i : order) {
    const LabelCandidate& c = candidates[i];
    if (!c.text || c.text->text.empty()) continue;
    LabelText& t = *c.text;
    if (t.generation != generation_) {
      TextBox box = raster_->measure(t.text);
      t.width = box.width;
      t.height = box.height;
      t.generation = generation_;
    }
    // Where the text may go: centred on an area or line; right of a point's
    // symbol, else left of it, above, below.
    const float rise = c.offset - 3.0f * pixelRatio + t.height / 2 + 1.0f * pixelRatio;
    const std::array<std::pair<float, float>, 4> spots = {{{c.x + c.offset, c.y - t.height / 2},
                                                           {c.x - c.offset - t.width, c.y - t.height / 2},
                                                           {c.x - t.width / 2, c.y - rise - t.height / 2},
                                                           {c.x - t.width / 2, c.y + rise - t.height / 2}}};
    const size_t tries = c.centred ? 1 : spots.size();
    for (size_t k = 0; k < tries; ++k) {
      const float x = std::round(c.centred ? c.x - t.width / 2 : spots[k].first);
      const float y = std::round(c.centred ? c.y - t.height / 2 : spots[k].second);
      Box box{x - halo - gap, y - halo - gap, x + t.width + halo + gap, y + t.height + halo + gap};
      if (box.x0 < 0 || box.y0 < 0 || box.x1 > width || box.y1 > height) continue;
      if (!occupied.free(box, i)) continue;
      occupied.add(box);
      placed.push_back({&t, x, y});
      break;
    }
  }
  if (placed.empty()) return 0;

  SavedState saved;
  if (!ensureGl()) return 0;

  // 2. Sprites for the labels not in the atlas yet; when it is full, it is
  // emptied and this frame's labels go in again.
  glActiveTexture(GL_TEXTURE0);
  glBindTexture(GL_TEXTURE_2D, atlas_.id());
  glBindSampler(0, 0);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);  // RGBA rows are whole words
  for (int attempt = 0; attempt < 2; ++attempt) {
    bool full = false;
    for (const Placed& p : placed) {
      if (p.text->atlasGeneration == atlasGeneration_) continue;
      if (!addSprite(*p.text, pad, halo)) {
        full = true;
        break;
      }
    }
    if (!full) break;
    resetAtlas();
  }

  // 3. One quad per label onto the caller's framebuffer.
  std::vector<Sprite> sprites;
  sprites.reserve(placed.size());
  for (const Placed& p : placed) {
    const LabelText& t = *p.text;
    if (t.atlasGeneration != atlasGeneration_) continue;  // did not fit even in an empty atlas
    float w = std::ceil(t.width) + 2 * pad, h = std::ceil(t.height) + 2 * pad;
    sprites.push_back({p.x - pad, p.y - pad, w, h, static_cast<float>(t.atlasX), static_cast<float>(t.atlasY)});
  }
  if (!sprites.empty()) drawSprites(width, height, sprites);
  return sprites.size();
}

}  // namespace pamir::render::detail
