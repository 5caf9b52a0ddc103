#pragma once
// Drawing helpers the figure and the report share: text laid out by Pango in
// the labels' face, legend swatches drawn as the map draws them, tables, and
// map images moved in and out of cairo. Internal to figure.
#include <cairo.h>

#include <memory>
#include <string>
#include <vector>

#include "core/legend_entry.hpp"
#include "figure/figure.hpp"
#include "render/image.hpp"

namespace pamir::figure::detail {

struct SurfaceFree {
  void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
struct ContextFree {
  void operator()(cairo_t* c) const { cairo_destroy(c); }
};
using SurfacePtr = std::unique_ptr<cairo_surface_t, SurfaceFree>;
using ContextPtr = std::unique_ptr<cairo_t, ContextFree>;

struct Ink {
  double r = 0, g = 0, b = 0, a = 1;
};
inline constexpr Ink kText{0.08, 0.08, 0.08, 1};
inline constexpr Ink kMuted{0.35, 0.35, 0.38, 1};
inline constexpr Ink kPaper{1, 1, 1, 0.86};

struct TextStyle {
  double sizePx = 13;
  bool bold = false;
  Ink ink = kText;
  double maxWidthPx = 0;  ///< > 0: cut with an ellipsis beyond this width
  bool wrap = false;      ///< with maxWidthPx: wrapped onto more lines instead of cut
};

/// Text in figures is laid out with a Pango font map of this drawing's own,
/// made when one is created and released with everything it cached when it
/// goes: nothing of a figure stays behind in Pango's per-thread default
/// (which is never freed, and which LeakSanitizer reports as leaked at exit).
class FontSession {
 public:
  FontSession();
  ~FontSession();
  FontSession(const FontSession&) = delete;
  FontSession& operator=(const FontSession&) = delete;
};

struct Size {
  double width = 0, height = 0;
};

/// How big `text` comes out (one line).
Size measureText(cairo_t* cr, const std::string& text, const TextStyle& style);
/// Draws `text` with its top-left corner at (x, y); returns its size.
Size drawText(cairo_t* cr, double x, double y, const std::string& text, const TextStyle& style);
/// The same with a white halo round every stroke, for text straight on the map.
void drawHaloText(cairo_t* cr, double x, double y, const std::string& text, const TextStyle& style, double haloPx);

/// A filled rounded box.
void roundedBox(cairo_t* cr, double x, double y, double w, double h, double radius, Ink fill);

/// The legend entry's symbol, line or fill in the box (x, y, w, h), as the map draws it.
void drawSwatch(cairo_t* cr, const LegendEntry& e, double x, double y, double w, double h, double scale);

/// Column widths and row height of `table` at `style` (header bold).
struct TableLayout {
  std::vector<double> columns;
  double rowHeight = 0, width = 0;
};
TableLayout layoutTable(cairo_t* cr, const Table& table, const TextStyle& style, double gapPx);
/// Draws rows [first, last) of `table` (the header first) at (x, y); returns the height used.
double drawTableRows(cairo_t* cr, const Table& table, const TableLayout& layout, const TextStyle& style, double x,
                     double y, size_t first, size_t last);

/// The image as a cairo surface (premultiplied ARGB32), and back.
cairo_surface_t* surfaceFromImage(const render::Image& image);
render::Image imageFromSurface(cairo_surface_t* surface);

}  // namespace pamir::figure::detail
