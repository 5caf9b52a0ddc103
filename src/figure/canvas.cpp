#include "figure/canvas.hpp"

#include <pango/pangocairo.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>

#include "render/font_locator.hpp"

namespace pamir::figure::detail {

namespace {

struct GObjectUnref {
  void operator()(void* p) const {
    if (p) g_object_unref(p);
  }
};
using LayoutPtr = std::unique_ptr<PangoLayout, GObjectUnref>;

LayoutPtr makeLayout(cairo_t* cr, const std::string& text, const TextStyle& style) {
  LayoutPtr layout(pango_cairo_create_layout(cr));
  PangoFontDescription* font = pango_font_description_new();
  pango_font_description_set_family(font, render::kDefaultFontFamily);
  pango_font_description_set_weight(font, style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_font_description_set_absolute_size(font, style.sizePx * PANGO_SCALE);
  pango_layout_set_font_description(layout.get(), font);
  pango_font_description_free(font);
  if (style.maxWidthPx > 0) {
    pango_layout_set_width(layout.get(), static_cast<int>(style.maxWidthPx * PANGO_SCALE));
    if (style.wrap)
      pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    else
      pango_layout_set_ellipsize(layout.get(), PANGO_ELLIPSIZE_END);
  }
  pango_layout_set_single_paragraph_mode(layout.get(), TRUE);
  pango_layout_set_text(layout.get(), text.data(), static_cast<int>(text.size()));
  return layout;
}

Size sizeOf(PangoLayout* layout) {
  int w = 0, h = 0;
  pango_layout_get_pixel_size(layout, &w, &h);
  return {static_cast<double>(w), static_cast<double>(h)};
}

void setInk(cairo_t* cr, Ink ink) { cairo_set_source_rgba(cr, ink.r, ink.g, ink.b, ink.a); }

Ink inkOf(const Color& c, float opacity, int minAlpha) {
  const double a = std::max<double>(minAlpha, c.a * std::clamp(opacity, 0.0f, 1.0f)) / 255.0;
  return {c.r / 255.0, c.g / 255.0, c.b / 255.0, std::min(a, 1.0)};
}

// The point symbol's outline centred at (cx, cy), radius r, as the map's symbols are drawn.
void symbolPath(cairo_t* cr, Symbol symbol, double cx, double cy, double r) {
  switch (symbol) {
    case Symbol::Circle:
      cairo_arc(cr, cx, cy, r, 0, 2 * std::numbers::pi);
      break;
    case Symbol::Square:
      cairo_rectangle(cr, cx - r, cy - r, 2 * r, 2 * r);
      break;
    case Symbol::Triangle:
      cairo_move_to(cr, cx, cy - r);
      cairo_line_to(cr, cx + r * 0.87, cy + r * 0.5);
      cairo_line_to(cr, cx - r * 0.87, cy + r * 0.5);
      cairo_close_path(cr);
      break;
    case Symbol::Diamond:
      cairo_move_to(cr, cx, cy - r);
      cairo_line_to(cr, cx + r, cy);
      cairo_line_to(cr, cx, cy + r);
      cairo_line_to(cr, cx - r, cy);
      cairo_close_path(cr);
      break;
    case Symbol::Star:
      for (int i = 0; i < 10; ++i) {
        const double a = -std::numbers::pi / 2 + i * std::numbers::pi / 5;
        const double rr = i % 2 == 0 ? r : r * 0.45;
        (i == 0 ? cairo_move_to : cairo_line_to)(cr, cx + rr * std::cos(a), cy + rr * std::sin(a));
      }
      cairo_close_path(cr);
      break;
    case Symbol::Cross:
      cairo_move_to(cr, cx - r, cy - r);
      cairo_line_to(cr, cx + r, cy + r);
      cairo_move_to(cr, cx - r, cy + r);
      cairo_line_to(cr, cx + r, cy - r);
      break;
  }
}

}  // namespace

FontSession::FontSession() {
  PangoFontMap* map = pango_cairo_font_map_new();
  pango_cairo_font_map_set_default(PANGO_CAIRO_FONT_MAP(map));
  g_object_unref(map);  // the default holds it now
}

FontSession::~FontSession() { pango_cairo_font_map_set_default(nullptr); }

Size measureText(cairo_t* cr, const std::string& text, const TextStyle& style) {
  return sizeOf(makeLayout(cr, text, style).get());
}

Size drawText(cairo_t* cr, double x, double y, const std::string& text, const TextStyle& style) {
  LayoutPtr layout = makeLayout(cr, text, style);
  cairo_save(cr);
  setInk(cr, style.ink);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
  return sizeOf(layout.get());
}

void drawHaloText(cairo_t* cr, double x, double y, const std::string& text, const TextStyle& style, double haloPx) {
  LayoutPtr layout = makeLayout(cr, text, style);
  cairo_save(cr);
  cairo_move_to(cr, x, y);
  pango_cairo_layout_path(cr, layout.get());
  cairo_set_source_rgba(cr, 1, 1, 1, 0.9);
  cairo_set_line_width(cr, 2 * haloPx);
  cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
  cairo_stroke(cr);
  setInk(cr, style.ink);
  cairo_move_to(cr, x, y);
  pango_cairo_show_layout(cr, layout.get());
  cairo_restore(cr);
}

void roundedBox(cairo_t* cr, double x, double y, double w, double h, double radius, Ink fill) {
  const double r = std::min({radius, w / 2, h / 2});
  cairo_save(cr);
  cairo_new_sub_path(cr);
  cairo_arc(cr, x + w - r, y + r, r, -std::numbers::pi / 2, 0);
  cairo_arc(cr, x + w - r, y + h - r, r, 0, std::numbers::pi / 2);
  cairo_arc(cr, x + r, y + h - r, r, std::numbers::pi / 2, std::numbers::pi);
  cairo_arc(cr, x + r, y + r, r, std::numbers::pi, 1.5 * std::numbers::pi);
  cairo_close_path(cr);
  setInk(cr, fill);
  cairo_fill_preserve(cr);
  cairo_set_source_rgba(cr, 0, 0, 0, 0.25);
  cairo_set_line_width(cr, 1);
  cairo_stroke(cr);
  cairo_restore(cr);
}

void drawSwatch(cairo_t* cr, const LegendEntry& e, double x, double y, double w, double h, double scale) {
  const Style& s = e.style;
  cairo_save(cr);
  const double midY = y + h / 2;
  switch (e.shape) {
    case LegendEntry::Shape::Point: {
      const double r = std::clamp(s.symbolSize / 2.0 * scale, 3.0 * scale, h / 2);
      symbolPath(cr, s.symbol, x + w / 2, midY, r);
      if (s.symbol != Symbol::Cross) {
        setInk(cr, inkOf(s.fill, s.opacity, 60));
        cairo_fill_preserve(cr);
      }
      setInk(cr, inkOf(s.stroke, s.opacity, 60));
      cairo_set_line_width(cr, std::max(1.0f, s.strokeWidth) * scale + (s.symbol == Symbol::Cross ? scale : 0));
      cairo_stroke(cr);
      break;
    }
    case LegendEntry::Shape::Line:
      cairo_move_to(cr, x + 1, midY);
      cairo_line_to(cr, x + w - 1, midY);
      setInk(cr, inkOf(s.stroke, s.opacity, 80));
      cairo_set_line_width(cr, std::clamp(s.strokeWidth, 1.0f, 5.0f) * scale);
      if (s.dashed) {
        const double dash[2] = {5 * scale, 3 * scale};
        cairo_set_dash(cr, dash, 2, 0);
      }
      cairo_stroke(cr);
      break;
    case LegendEntry::Shape::Area:
      cairo_rectangle(cr, x + 2, y + 2, w - 4, h - 3);
      if (s.filled) {
        setInk(cr, inkOf(s.fill, s.opacity, 30));
        cairo_fill_preserve(cr);
      }
      if (s.strokeWidth > 0) {
        setInk(cr, inkOf(s.stroke, s.opacity, 80));
        cairo_set_line_width(cr, std::clamp(s.strokeWidth, 1.0f, 3.0f) * scale);
        if (s.dashed) {
          const double dash[2] = {3 * scale, 3 * scale};
          cairo_set_dash(cr, dash, 2, 0);
        }
        cairo_stroke(cr);
      }
      cairo_new_path(cr);
      break;
    case LegendEntry::Shape::Image:
      for (int i = 0; i < 4; ++i) {
        const double v = (90 + 40 * i) / 255.0;
        cairo_rectangle(cr, x + 2 + i * (w - 4) / 4, y + 2, (w - 4) / 4, h - 3);
        cairo_set_source_rgb(cr, v, v, v);
        cairo_fill(cr);
      }
      break;
  }
  cairo_restore(cr);
}

TableLayout layoutTable(cairo_t* cr, const Table& table, const TextStyle& style, double gapPx) {
  TableLayout t;
  TextStyle bold = style;
  bold.bold = true;
  t.columns.assign(table.header.size(), 0.0);
  auto take = [&](const std::vector<std::string>& row, const TextStyle& st) {
    for (size_t c = 0; c < row.size() && c < t.columns.size(); ++c) {
      const Size s = measureText(cr, row[c], st);
      t.columns[c] = std::max(t.columns[c], s.width);
      t.rowHeight = std::max(t.rowHeight, s.height);
    }
  };
  take(table.header, bold);
  for (const auto& row : table.rows) take(row, style);
  if (style.maxWidthPx > 0)
    for (double& c : t.columns) c = std::min(c, style.maxWidthPx);
  t.rowHeight += 0.3 * style.sizePx;
  for (double c : t.columns) t.width += c;
  if (!t.columns.empty()) t.width += gapPx * static_cast<double>(t.columns.size() - 1);
  for (double& c : t.columns) c += gapPx;
  return t;
}

double drawTableRows(cairo_t* cr, const Table& table, const TableLayout& layout, const TextStyle& style, double x,
                     double y, size_t first, size_t last) {
  TextStyle cell = style, head = style;
  head.bold = true;
  auto row = [&](const std::vector<std::string>& cells, const TextStyle& st, double atY) {
    double cx = x;
    for (size_t c = 0; c < cells.size() && c < layout.columns.size(); ++c) {
      TextStyle clipped = st;
      clipped.maxWidthPx = layout.columns[c] - 2;
      drawText(cr, cx, atY, cells[c], clipped);
      cx += layout.columns[c];
    }
  };
  row(table.header, head, y);
  double at = y + layout.rowHeight;
  cairo_save(cr);
  cairo_set_source_rgba(cr, 0, 0, 0, 0.35);
  cairo_set_line_width(cr, 1);
  cairo_move_to(cr, x, at - 0.15 * style.sizePx);
  cairo_line_to(cr, x + layout.width, at - 0.15 * style.sizePx);
  cairo_stroke(cr);
  cairo_restore(cr);
  for (size_t i = first; i < last && i < table.rows.size(); ++i) {
    row(table.rows[i], cell, at);
    at += layout.rowHeight;
  }
  return at - y;
}

cairo_surface_t* surfaceFromImage(const render::Image& image) {
  cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, image.width, image.height);
  if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) return s;
  cairo_surface_flush(s);
  unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < image.height; ++y) {
    auto* row = reinterpret_cast<uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride);
    for (int x = 0; x < image.width; ++x) {
      const uint8_t* p = image.pixel(x, y);
      const uint32_t a = p[3];
      auto pre = [a](uint32_t c) { return (c * a + 127) / 255; };
      row[x] = a << 24 | pre(p[0]) << 16 | pre(p[1]) << 8 | pre(p[2]);
    }
  }
  cairo_surface_mark_dirty(s);
  return s;
}

render::Image imageFromSurface(cairo_surface_t* s) {
  cairo_surface_flush(s);
  render::Image image;
  image.width = cairo_image_surface_get_width(s);
  image.height = cairo_image_surface_get_height(s);
  image.rgba.resize(static_cast<size_t>(image.width) * image.height * 4);
  const unsigned char* data = cairo_image_surface_get_data(s);
  const int stride = cairo_image_surface_get_stride(s);
  for (int y = 0; y < image.height; ++y) {
    const auto* row = reinterpret_cast<const uint32_t*>(data + static_cast<ptrdiff_t>(y) * stride);
    for (int x = 0; x < image.width; ++x) {
      const uint32_t v = row[x], a = v >> 24;
      auto un = [a](uint32_t c) { return a == 0 ? 0u : std::min(255u, (c * 255 + a / 2) / a); };
      uint8_t* p = image.pixel(x, y);
      p[0] = static_cast<uint8_t>(un(v >> 16 & 0xff));
      p[1] = static_cast<uint8_t>(un(v >> 8 & 0xff));
      p[2] = static_cast<uint8_t>(un(v & 0xff));
      p[3] = static_cast<uint8_t>(a);
    }
  }
  return image;
}

}  // namespace pamir::figure::detail
