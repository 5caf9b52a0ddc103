// The decorations of an exported map, drawn with cairo over the rendered
// image: what a briefing figure carries (title, legend, scale bar, north
// arrow, grid, measurements, attribution), placed so they do not overlap.
#include <algorithm>
#include <cmath>
#include <memory>
#include <numbers>

#include "figure/canvas.hpp"
#include "figure/figure.hpp"
#include "geo/units.hpp"

namespace pamir::figure {

using namespace detail;

namespace {

void strokeParts(cairo_t* cr, const std::vector<std::vector<XY>>& parts, bool closed) {
  for (const auto& part : parts) {
    if (part.size() < 2) continue;
    cairo_move_to(cr, part[0].x, part[0].y);
    for (size_t i = 1; i < part.size(); ++i) cairo_line_to(cr, part[i].x, part[i].y);
    if (closed) cairo_close_path(cr);
  }
}

// Where a graticule line leaves the map: parallels at the left edge,
// meridians at the bottom; nothing when it never comes near that edge.
bool edgePoint(const GridLine& line, double width, double height, XY& at) {
  bool found = false;
  for (const auto& part : line.parts)
    for (const XY& p : part) {
      if (p.x < 0 || p.y < 0 || p.x > width || p.y > height) continue;
      const bool better = !found || (line.parallel ? p.x < at.x : p.y > at.y);
      if (better) at = p, found = true;
    }
  return found && (line.parallel ? at.x < width * 0.1 : at.y > height * 0.9);
}

void drawGrid(cairo_t* cr, const std::vector<GridLine>& grid, const std::vector<GridText>& labels, double w, double h,
              double s) {
  cairo_save(cr);
  cairo_set_source_rgba(cr, 0.16, 0.24, 0.45, 0.6);
  cairo_set_line_width(cr, 1.0 * s);
  for (const GridLine& line : grid) strokeParts(cr, line.parts, false);
  cairo_stroke(cr);
  cairo_restore(cr);
  const TextStyle text{10.5 * s, false, {0.12, 0.2, 0.42, 1}};
  for (const GridLine& line : grid) {
    XY at;
    if (line.label.empty() || !edgePoint(line, w, h, at)) continue;
    const Size size = measureText(cr, line.label, text);
    const double x = line.parallel ? 3 * s : std::clamp(at.x - size.width / 2, 0.0, w - size.width);
    const double y = line.parallel ? std::clamp(at.y - size.height - 1, 0.0, h - size.height) : h - size.height - 2 * s;
    drawHaloText(cr, x, y, line.label, text, 2 * s);
  }
  for (const GridText& t : labels) {
    const Size size = measureText(cr, t.text, text);
    drawHaloText(cr, t.at.x - size.width / 2, t.at.y - size.height / 2, t.text, text, 2 * s);
  }
}

void drawTracks(cairo_t* cr, const std::vector<Track>& tracks, double s) {
  for (const Track& t : tracks) {
    cairo_save(cr);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    strokeParts(cr, t.parts, t.closed);
    cairo_set_source_rgba(cr, 1, 1, 1, 0.85);
    cairo_set_line_width(cr, 4.5 * s);
    cairo_stroke_preserve(cr);
    cairo_set_source_rgb(cr, t.r / 255.0, t.g / 255.0, t.b / 255.0);
    cairo_set_line_width(cr, 2.2 * s);
    cairo_stroke(cr);
    cairo_restore(cr);
    // The label at the middle vertex of its longest part.
    const std::vector<XY>* longest = nullptr;
    for (const auto& p : t.parts)
      if (!p.empty() && (!longest || p.size() > longest->size())) longest = &p;
    if (!longest || t.label.empty()) continue;
    const XY mid = (*longest)[longest->size() / 2];
    drawHaloText(cr, mid.x + 6 * s, mid.y - 18 * s, t.label, {12 * s, true, {0.05, 0.05, 0.05, 1}}, 2.5 * s);
  }
}

// Returns the height of the title box.
double drawTitle(cairo_t* cr, const std::string& title, double w, double m, double s) {
  const TextStyle style{21 * s, true, kText, w - 4 * m};
  const Size size = measureText(cr, title, style);
  const double pad = 7 * s;
  roundedBox(cr, m, m, std::min(w - 2 * m, size.width + 2 * pad), size.height + 2 * pad, 4 * s, kPaper);
  drawText(cr, m + pad, m + pad, title, style);
  return size.height + 2 * pad;
}

void drawNorthArrow(cairo_t* cr, double degrees, double x, double y, double s) {
  const double box = 46 * s, cx = x + box / 2, cy = y + box / 2 + 5 * s;
  roundedBox(cr, x, y, box, box + 10 * s, 4 * s, kPaper);
  cairo_save(cr);
  cairo_translate(cr, cx, cy);
  cairo_rotate(cr, degrees * std::numbers::pi / 180.0);
  const double len = 15 * s, half = 6 * s;
  cairo_move_to(cr, 0, -len);
  cairo_line_to(cr, half, len * 0.7);
  cairo_line_to(cr, 0, len * 0.35);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_fill(cr);
  cairo_move_to(cr, 0, -len);
  cairo_line_to(cr, -half, len * 0.7);
  cairo_line_to(cr, 0, len * 0.35);
  cairo_close_path(cr);
  cairo_set_source_rgb(cr, 1, 1, 1);
  cairo_fill_preserve(cr);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_set_line_width(cr, 1 * s);
  cairo_stroke(cr);
  cairo_restore(cr);
  const TextStyle n{12 * s, true};
  const Size size = measureText(cr, "N", n);
  drawText(cr, x + (box - size.width) / 2, y + 1 * s, "N", n);
}

// The legend in a box whose right edge is at `right`, from `top` down to at
// most `bottom`; entries that do not fit are counted in a last line.
void drawLegend(cairo_t* cr, const std::vector<LegendEntry>& entries, double right, double top, double bottom,
                double maxWidth, double s) {
  const double pad = 8 * s, swatchW = 28 * s, gap = 6 * s;
  const TextStyle row{12 * s, false, kText, maxWidth - 2 * pad - swatchW - gap};
  const TextStyle group{11 * s, true, kMuted, maxWidth - 2 * pad};
  const TextStyle heading{13 * s, true};
  struct Line {
    const LegendEntry* entry;  // null: a group heading
    std::string text;
  };
  std::vector<Line> lines;
  std::string current;
  for (const LegendEntry& e : entries) {
    if (e.group != current) lines.push_back({nullptr, current = e.group});
    lines.push_back(
        {&e, e.shape == LegendEntry::Shape::Image ? e.text() : e.text() + " (" + std::to_string(e.count) + ")"});
  }
  const double lineH = measureText(cr, "Ag", row).height + 3 * s;
  const double headH = measureText(cr, "Legend", heading).height + 4 * s;
  size_t fits = lines.size();
  auto height = [&](size_t n, bool more) { return 2 * pad + headH + lineH * static_cast<double>(n + (more ? 1 : 0)); };
  while (fits > 0 && top + height(fits, fits < lines.size()) > bottom) --fits;
  double width = measureText(cr, "Legend", heading).width;
  for (size_t i = 0; i < fits; ++i) {
    const Line& l = lines[i];
    width = std::max(
        width, l.entry ? swatchW + gap + measureText(cr, l.text, row).width : measureText(cr, l.text, group).width);
  }
  const std::string more = "… and " + std::to_string(lines.size() - fits) + " more";
  if (fits < lines.size()) width = std::max(width, measureText(cr, more, row).width);
  width = std::min(width + 2 * pad, maxWidth);
  const double x = right - width;
  roundedBox(cr, x, top, width, height(fits, fits < lines.size()), 4 * s, kPaper);
  double y = top + pad;
  drawText(cr, x + pad, y, entries.empty() ? "Legend: nothing shown" : "Legend", heading);
  y += headH;
  for (size_t i = 0; i < fits; ++i, y += lineH) {
    const Line& l = lines[i];
    if (!l.entry) {
      drawText(cr, x + pad, y + 1 * s, l.text, group);
      continue;
    }
    drawSwatch(cr, *l.entry, x + pad, y, swatchW, lineH - 2 * s, s);
    drawText(cr, x + pad + swatchW + gap, y, l.text, row);
  }
  if (fits < lines.size()) drawText(cr, x + pad, y, more, {12 * s, false, kMuted});
}

// A bar of a round length in four alternating parts; returns its box height.
double drawScaleBar(cairo_t* cr, double metresPerPixel, double x, double bottom, double maxPx, double s) {
  const double metres = geo::niceScaleLength(metresPerPixel * maxPx);
  if (!(metres > 0)) return 0;
  const double px = metres / metresPerPixel, pad = 7 * s, barH = 6 * s;
  const TextStyle text{12 * s, false};
  // Round lengths read best without decimals: "200 km", "500 m".
  const std::string label =
      metres >= 1000 ? geo::formatFixed(metres / 1000, 0) + " km" : geo::formatFixed(metres, 0) + " m";
  const Size ls = measureText(cr, label, text), zero = measureText(cr, "0", text);
  const double boxH = pad + ls.height + 3 * s + barH + pad;
  const double boxW = px + 2 * pad + ls.width / 2 + zero.width / 2;
  const double top = bottom - boxH;
  roundedBox(cr, x, top, boxW, boxH, 4 * s, kPaper);
  const double bx = x + pad + zero.width / 2, by = top + pad + ls.height + 3 * s;
  for (int i = 0; i < 4; ++i) {
    cairo_rectangle(cr, bx + px * i / 4, by, px / 4, barH);
    const double v = i % 2 == 0 ? 0.1 : 1.0;
    cairo_set_source_rgb(cr, v, v, v);
    cairo_fill(cr);
  }
  cairo_rectangle(cr, bx, by, px, barH);
  cairo_set_source_rgb(cr, 0.1, 0.1, 0.1);
  cairo_set_line_width(cr, 1 * s);
  cairo_stroke(cr);
  drawText(cr, bx - zero.width / 2, top + pad, "0", text);
  drawText(cr, bx + px - ls.width / 2, top + pad, label, text);
  return boxH;
}

// Returns the strip's height.
double drawAttribution(cairo_t* cr, const std::vector<std::string>& sources, double w, double h, double s) {
  if (sources.empty()) return 0;
  std::string text = "Data: ";
  for (size_t i = 0; i < sources.size(); ++i) text += (i ? "; " : "") + sources[i];
  const TextStyle style{10.5 * s, false, kText, w - 8 * s};
  const Size size = measureText(cr, text, style);
  const double pad = 3 * s;
  cairo_rectangle(cr, w - size.width - 2 * pad, h - size.height - 2 * pad, size.width + 2 * pad, size.height + 2 * pad);
  cairo_set_source_rgba(cr, 1, 1, 1, 0.8);
  cairo_fill(cr);
  drawText(cr, w - size.width - pad, h - size.height - pad, text, style);
  return size.height + 2 * pad;
}

// The table in a box with its bottom-left corner at (x, bottom); returns its height.
double drawTableBox(cairo_t* cr, const Table& table, double x, double bottom, double maxWidth, double maxHeight,
                    double s) {
  if (table.rows.empty()) return 0;
  const double pad = 8 * s;
  TextStyle cell{11 * s, false, kText, 0};
  const TableLayout layout = layoutTable(cr, table, cell, 10 * s);
  const TextStyle titleStyle{12 * s, true};
  const TextStyle noteStyle{10 * s, false, kMuted, std::max(layout.width, 0.6 * maxWidth), true};
  const double titleH = table.title.empty() ? 0 : measureText(cr, table.title, titleStyle).height + 3 * s;
  const double noteH = table.note.empty() ? 0 : measureText(cr, table.note, noteStyle).height + 3 * s;
  size_t rows = table.rows.size();
  auto height = [&](size_t n) { return 2 * pad + titleH + noteH + layout.rowHeight * static_cast<double>(n + 1); };
  while (rows > 0 && height(rows) > maxHeight) --rows;
  if (rows == 0) return 0;
  const double width =
      std::min(maxWidth,
               std::max(layout.width, table.note.empty() ? 0 : measureText(cr, table.note, noteStyle).width) + 2 * pad);
  const double top = bottom - height(rows);
  roundedBox(cr, x, top, width, height(rows), 4 * s, kPaper);
  cairo_save(cr);
  cairo_rectangle(cr, x, top, width, height(rows));
  cairo_clip(cr);
  double y = top + pad;
  if (!table.title.empty()) drawText(cr, x + pad, y, table.title, titleStyle), y += titleH;
  y += drawTableRows(cr, table, layout, cell, x + pad, y, 0, rows);
  if (!table.note.empty()) drawText(cr, x + pad, y + 2 * s, table.note, noteStyle);
  cairo_restore(cr);
  return height(rows);
}

}  // namespace

render::Image decorate(const render::Image& map, const Decorations& d, const MapFacts& facts, double s) {
  if (map.empty() || (!d.any() && facts.tracks.empty() && facts.grid.empty() && facts.gridLabels.empty())) return map;
  const FontSession fonts;
  SurfacePtr surface(surfaceFromImage(map));
  if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) return map;
  ContextPtr context(cairo_create(surface.get()));
  cairo_t* cr = context.get();
  const double w = map.width, h = map.height, m = 12 * s;

  drawGrid(cr, facts.grid, facts.gridLabels, w, h, s);
  drawTracks(cr, facts.tracks, s);
  double top = m;
  if (!d.title.empty()) top += drawTitle(cr, d.title, w, m, s) + m / 2;
  if (d.northArrow && std::isfinite(facts.northDegrees)) drawNorthArrow(cr, facts.northDegrees, m, top, s);
  const double attributionH = d.attribution ? drawAttribution(cr, facts.attributions, w, h, s) : 0;
  double bottom = h - std::max(m, attributionH + m / 2);
  if (d.legend) drawLegend(cr, facts.legend, w - m, top, bottom, std::max(160 * s, w * 0.32), s);
  if (d.scaleBar && facts.metresPerPixel > 0)
    bottom -= drawScaleBar(cr, facts.metresPerPixel, m, bottom, std::min(220 * s, w / 4), s) + m / 2;
  if (d.measurementTable) drawTableBox(cr, facts.measurements, m, bottom, w * 0.62, (bottom - top) * 0.6, s);
  return imageFromSurface(surface.get());
}

}  // namespace pamir::figure
