#include "render/text_raster.hpp"

#include <ft2build.h>
#include FT_FREETYPE_H
#include FT_OUTLINE_H
#include <hb-ft.h>
#include <hb.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace pamir::render::detail {

namespace {

// Light hinting snaps stems to the pixel grid vertically only: crisp at
// label sizes, and glyph advances stay the font's own, so HarfBuzz's
// positions (which read the same flags) and FreeType's outlines agree.
constexpr FT_Int32 kLoadFlags = FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT | FT_LOAD_NO_BITMAP;

// Glyphs are rasterised at quarter-pixel offsets of their shaped position
// and kept: at label sizes a quarter pixel is below what the eye sees, and
// four phases a direction keep the cache small.
constexpr int kPhases = 4;
constexpr int kPhaseUnits = 64 / kPhases;  // 26.6 fixed point units per phase

struct Glyph {
  int left = 0, top = 0;  // px of the bitmap's top-left corner from the glyph's origin, y down
  int width = 0, height = 0;
  std::vector<uint8_t> alpha;
};

struct PlacedGlyph {
  const Glyph* glyph;
  int x, y;  // px of the glyph's bitmap top-left from the pen's start on the baseline, y down
};

struct Layout {
  std::vector<PlacedGlyph> glyphs;
  float advance = 0;
  bool inked = false;
  int inkLeft = 0, inkTop = 0, inkRight = 0, inkBottom = 0;  // like PlacedGlyph's x and y
  size_t missing = 0;
};

// A 26.6 value as whole pixels and a quarter-pixel phase, rounded to the
// nearest quarter (arithmetic shifts floor negative values too).
void split(hb_position_t v, int& whole, int& phase) {
  int quarters = (v + kPhaseUnits / 2) >> 4;
  whole = quarters >> 2;
  phase = quarters & (kPhases - 1);
}

// v is in 0..1 by construction (sums of products of fractions).
uint8_t toByte(float v) { return static_cast<uint8_t>(std::lround(v * 255.0f)); }

}  // namespace

struct TextRaster::Impl {
  FT_Library library = nullptr;
  FT_Face face = nullptr;
  hb_font_t* font = nullptr;
  hb_buffer_t* buffer = nullptr;
  std::string error;
  int lineHeight = 0, ascent = 0;
  std::unordered_map<uint64_t, Glyph> glyphs;  // by glyph id and phases; node-based, so references stay valid

  ~Impl() {
    if (buffer) hb_buffer_destroy(buffer);
    if (font) hb_font_destroy(font);
    if (face) FT_Done_Face(face);
    if (library) FT_Done_FreeType(library);
  }

  // False, with the reason in `error`, when the font cannot be used.
  bool load(const std::string& path, float lineHeightPx) {
    if (FT_Error e = FT_Init_FreeType(&library)) {
      error = "FreeType does not start (error " + std::to_string(e) + ")";
      return false;
    }
    if (FT_Error e = FT_New_Face(library, path.c_str(), 0, &face)) {
      error = "cannot load font " + path + " (FreeType error " + std::to_string(e) + ")";
      return false;
    }
    if (!FT_IS_SCALABLE(face)) {
      error = "font " + path + " is not scalable";
      return false;
    }
    lineHeight = std::max(1, static_cast<int>(std::lround(lineHeightPx)));
    // REAL_DIM sizes the face by ascender minus descender, as stb_truetype's
    // ScaleForPixelHeight does.
    FT_Size_RequestRec request{FT_SIZE_REQUEST_TYPE_REAL_DIM, 0, static_cast<FT_Long>(lineHeight) * 64, 0, 0};
    if (FT_Error e = FT_Request_Size(face, &request)) {
      error = "font " + path + " cannot be sized (FreeType error " + std::to_string(e) + ")";
      return false;
    }
    double scale = static_cast<double>(lineHeight) / (face->ascender - face->descender);
    ascent = static_cast<int>(std::lround(face->ascender * scale));
    font = hb_ft_font_create_referenced(face);
    hb_ft_font_set_load_flags(font, kLoadFlags);
    buffer = hb_buffer_create();
    if (!hb_buffer_allocation_successful(buffer)) {
      error = "HarfBuzz cannot allocate a buffer";
      return false;
    }
    return true;
  }

  const Glyph& glyph(hb_codepoint_t id, int phaseX, int phaseY) {
    uint64_t key = (static_cast<uint64_t>(id) << 4) | static_cast<uint64_t>(phaseX << 2 | phaseY);
    auto [it, inserted] = glyphs.try_emplace(key);
    Glyph& g = it->second;
    if (!inserted || FT_Load_Glyph(face, id, kLoadFlags) != 0) return g;
    FT_GlyphSlot slot = face->glyph;
    // FreeType's y points up, the bitmap's down: a phase down is a negative shift.
    if (slot->format == FT_GLYPH_FORMAT_OUTLINE) {
      FT_Outline_Translate(&slot->outline, static_cast<FT_Pos>(phaseX) * kPhaseUnits,
                           -static_cast<FT_Pos>(phaseY) * kPhaseUnits);
    }
    if (FT_Render_Glyph(slot, FT_RENDER_MODE_NORMAL) != 0) return g;
    const FT_Bitmap& b = slot->bitmap;
    if (b.pixel_mode != FT_PIXEL_MODE_GRAY) return g;
    g.left = slot->bitmap_left;
    g.top = -slot->bitmap_top;
    g.width = static_cast<int>(b.width);
    g.height = static_cast<int>(b.rows);
    g.alpha.resize(static_cast<size_t>(g.width) * g.height);
    for (int r = 0; r < g.height; ++r) {
      // A negative pitch means rows are stored bottom first.
      const unsigned char* row = b.buffer + (b.pitch >= 0 ? r * b.pitch : (g.height - 1 - r) * -b.pitch);
      std::copy(row, row + g.width, g.alpha.begin() + static_cast<ptrdiff_t>(r) * g.width);
    }
    return g;
  }

  Layout layout(std::string_view text) {
    Layout out;
    if (text.empty()) return out;
    hb_buffer_reset(buffer);
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), 0, static_cast<int>(text.size()));
    // Script, direction and language from the text itself: one label is one
    // run (no bidirectional reordering of mixed right-to-left text).
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(font, buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    hb_position_t penX = 0, penY = 0;
    for (unsigned i = 0; i < count; ++i) {
      if (info[i].codepoint == 0) ++out.missing;
      int x = 0, y = 0, phaseX = 0, phaseY = 0;
      split(penX + pos[i].x_offset, x, phaseX);
      split(-(penY + pos[i].y_offset), y, phaseY);
      penX += pos[i].x_advance;
      penY += pos[i].y_advance;
      const Glyph& g = glyph(info[i].codepoint, phaseX, phaseY);
      if (g.width == 0 || g.height == 0) continue;
      PlacedGlyph p{&g, x + g.left, y + g.top};
      out.inkLeft = out.inked ? std::min(out.inkLeft, p.x) : p.x;
      out.inkTop = out.inked ? std::min(out.inkTop, p.y) : p.y;
      out.inkRight = out.inked ? std::max(out.inkRight, p.x + g.width) : p.x + g.width;
      out.inkBottom = out.inked ? std::max(out.inkBottom, p.y + g.height) : p.y + g.height;
      out.inked = true;
      out.glyphs.push_back(p);
    }
    out.advance = static_cast<float>(penX) / 64.0f;
    return out;
  }

  TextBox box(const Layout& l) const {
    int left = 0, top = -ascent;
    int right = static_cast<int>(std::ceil(l.advance)), bottom = lineHeight - ascent;
    if (l.inked) {
      left = std::min(left, l.inkLeft);
      top = std::min(top, l.inkTop);
      right = std::max(right, l.inkRight);
      bottom = std::max(bottom, l.inkBottom);
    }
    TextBox b;
    b.width = static_cast<float>(right - left);
    b.height = static_cast<float>(bottom - top);
    b.advance = l.advance;
    b.originX = -left;
    b.baseline = -top;
    b.missingGlyphs = l.missing;
    return b;
  }

  Bitmap coverage(const Layout& l, int pad) const {
    TextBox b = box(l);
    Bitmap out;
    out.width = static_cast<int>(b.width) + 2 * pad;
    out.height = static_cast<int>(b.height) + 2 * pad;
    out.pixels.assign(static_cast<size_t>(out.width) * out.height, 0);
    for (const PlacedGlyph& p : l.glyphs) {
      const Glyph& g = *p.glyph;
      int x0 = pad + b.originX + p.x, y0 = pad + b.baseline + p.y;
      for (int r = 0; r < g.height; ++r) {
        uint8_t* dst = &out.pixels[static_cast<size_t>(y0 + r) * out.width + x0];
        const uint8_t* src = &g.alpha[static_cast<size_t>(r) * g.width];
        // Overlapping glyphs (a mark on its base) add as coverage does: a + b - ab.
        for (int c = 0; c < g.width; ++c) dst[c] = static_cast<uint8_t>(dst[c] + src[c] - dst[c] * src[c] / 255);
      }
    }
    return out;
  }
};

TextRaster::TextRaster(const std::string& fontPath, float lineHeightPx) : impl_(std::make_unique<Impl>()) {
  impl_->load(fontPath, lineHeightPx);  // a failure leaves its reason in error()
}

TextRaster::~TextRaster() = default;

bool TextRaster::ok() const { return impl_->buffer && impl_->error.empty(); }
const std::string& TextRaster::error() const { return impl_->error; }
int TextRaster::lineHeight() const { return impl_->lineHeight; }
int TextRaster::ascent() const { return impl_->ascent; }

TextBox TextRaster::measure(std::string_view utf8) {
  if (!ok()) return {};
  return impl_->box(impl_->layout(utf8));
}

Bitmap TextRaster::coverage(std::string_view utf8, int pad) {
  if (!ok()) return {};
  return impl_->coverage(impl_->layout(utf8), std::max(0, pad));
}

Bitmap TextRaster::label(std::string_view utf8, int haloPx, int pad, Rgba ink, Rgba paper) {
  haloPx = std::max(0, haloPx);
  Bitmap alpha = coverage(utf8, std::max(pad, haloPx));
  Bitmap out;
  out.width = alpha.width;
  out.height = alpha.height;
  out.channels = 4;
  out.pixels.assign(static_cast<size_t>(out.width) * out.height * 4, 0);
  const float inkA = ink.a / 255.0f, paperA = paper.a / 255.0f / 255.0f;  // the latter per coverage unit
  const float inkRgb[3] = {ink.r / 255.0f, ink.g / 255.0f, ink.b / 255.0f};
  const float paperRgb[3] = {paper.r / 255.0f, paper.g / 255.0f, paper.b / 255.0f};
  const int w = alpha.width, h = alpha.height;
  // The halo is the text four times over, moved haloPx left, right, up and
  // down, as the labels were always drawn; each copy covers what is beneath
  // it ("over"), so the halo is as opaque as the paper where copies overlap.
  for (int y = 0; y < h; ++y) {
    const uint8_t* row = &alpha.pixels[static_cast<size_t>(y) * w];
    const uint8_t* above = y >= haloPx ? row - static_cast<ptrdiff_t>(haloPx) * w : nullptr;
    const uint8_t* below = y + haloPx < h ? row + static_cast<ptrdiff_t>(haloPx) * w : nullptr;
    for (int x = 0; x < w; ++x) {
      int left = x >= haloPx ? row[x - haloPx] : 0, right = x + haloPx < w ? row[x + haloPx] : 0;
      int up = above ? above[x] : 0, down = below ? below[x] : 0;
      if ((row[x] | left | right | up | down) == 0) continue;  // most of a sprite is empty
      float halo = 0;
      if (haloPx > 0) {
        halo = 1.0f - (1.0f - paperA * left) * (1.0f - paperA * right) * (1.0f - paperA * up) * (1.0f - paperA * down);
      }
      float text = inkA * row[x] / 255.0f;
      float under = halo * (1 - text);  // what of the halo shows through the text
      uint8_t* p = &out.pixels[(static_cast<size_t>(y) * w + x) * 4];
      for (int c = 0; c < 3; ++c) p[c] = toByte(inkRgb[c] * text + paperRgb[c] * under);
      p[3] = toByte(text + under);
    }
  }
  return out;
}

}  // namespace pamir::render::detail
