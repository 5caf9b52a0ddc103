#include "render/symbol_painter.hpp"

#include <cairo.h>
#include <librsvg/rsvg.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>

namespace pamir::render::detail {

namespace {

constexpr int kAtlasSize = 1024;

std::string hex(Color c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02X%02X%02X", c.r, c.g, c.b);
  return buf;
}

std::string withFill(const std::string& svg, const std::string& placeholder, const std::string& fill) {
  std::string out = svg;
  for (size_t at = out.find(placeholder); at != std::string::npos; at = out.find(placeholder, at + fill.size()))
    out.replace(at, placeholder.size(), fill);
  return out;
}

struct HandleFree {
  void operator()(RsvgHandle* h) const { g_object_unref(h); }
};
struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextFree {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};

}  // namespace

SymbolBitmap rasteriseSymbol(const MilitarySymbol& symbol, const std::string& placeholder, Color fill, double scale) {
  SymbolBitmap out;
  const std::string svg = withFill(symbol.svg, placeholder, hex(fill));
  GError* error = nullptr;
  std::unique_ptr<RsvgHandle, HandleFree> handle(
      rsvg_handle_new_from_data(reinterpret_cast<const guint8*>(svg.data()), svg.size(), &error));
  if (!handle) {
    if (error) g_error_free(error);
    return out;
  }
  const int w = std::max(1, static_cast<int>(std::ceil(symbol.width * scale)));
  const int h = std::max(1, static_cast<int>(std::ceil(symbol.height * scale)));
  std::unique_ptr<cairo_surface_t, SurfaceFree> surface(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h));
  std::unique_ptr<cairo_t, ContextFree> cr(cairo_create(surface.get()));
  const RsvgRectangle viewport{0, 0, symbol.width * scale, symbol.height * scale};
  if (!rsvg_handle_render_document(handle.get(), cr.get(), &viewport, &error)) {
    if (error) g_error_free(error);
    return out;
  }
  cairo_surface_flush(surface.get());
  out.width = w;
  out.height = h;
  out.rgba.resize(static_cast<size_t>(w) * h * 4);
  const unsigned char* data = cairo_image_surface_get_data(surface.get());
  const int stride = cairo_image_surface_get_stride(surface.get());
  for (int y = 0; y < h; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride);
    for (int x = 0; x < w; ++x) {
      // cairo's ARGB32 is premultiplied, as the atlas wants.
      const uint32_t v = row[x];
      uint8_t* p = &out.rgba[(static_cast<size_t>(y) * w + x) * 4];
      p[0] = static_cast<uint8_t>(v >> 16), p[1] = static_cast<uint8_t>(v >> 8), p[2] = static_cast<uint8_t>(v);
      p[3] = static_cast<uint8_t>(v >> 24);
    }
  }
  return out;
}

size_t SymbolPainter::draw(int width, int height, float pixelRatio, const std::vector<SymbolRequest>& requests,
                           const std::string& placeholder) {
  if (requests.empty() || width <= 0 || height <= 0) return 0;
  pixelRatio = std::clamp(pixelRatio, 0.25f, 8.0f);
  SavedSpriteState saved;
  if (!atlas_.ready(kAtlasSize)) return 0;
  if (ratio_ != pixelRatio) {
    ratio_ = pixelRatio;
    atlas_.reset();
  }
  atlas_.bindForUpload();
  std::vector<Sprite> sprites;
  sprites.reserve(requests.size());
  for (int attempt = 0; attempt < 2; ++attempt) {
    sprites.clear();
    bool full = false;
    for (const SymbolRequest& r : requests) {
      if (!r.symbol) continue;
      const std::string key = r.symbol->key + hex(r.fill);
      Placed& p = placed_[key];
      if (p.generation != atlas_.generation()) {
        const SymbolBitmap bitmap = rasteriseSymbol(*r.symbol, placeholder, r.fill, kSymbolScale * pixelRatio);
        if (bitmap.width == 0) continue;
        const auto at = atlas_.place(bitmap.width, bitmap.height);
        if (!at) {
          full = true;
          break;
        }
        atlas_.upload(at->first, at->second, bitmap.width, bitmap.height, bitmap.rgba.data(), bitmap.width);
        p = {at->first,
             at->second,
             bitmap.width,
             bitmap.height,
             static_cast<float>(r.symbol->anchorX * kSymbolScale * pixelRatio),
             static_cast<float>(r.symbol->anchorY * kSymbolScale * pixelRatio),
             atlas_.generation()};
      }
      // On whole pixels: each fragment takes one texel.
      sprites.push_back({std::round(r.x - p.anchorX), std::round(r.y - p.anchorY), static_cast<float>(p.w),
                         static_cast<float>(p.h), static_cast<float>(p.x), static_cast<float>(p.y)});
    }
    if (!full) break;
    atlas_.reset();
  }
  atlas_.draw(width, height, sprites);
  return sprites.size();
}

}  // namespace pamir::render::detail
