#include "figure/report_pdf.hpp"

#include <cairo-pdf.h>

#include <algorithm>
#include <memory>

#include "core/atomic_file.hpp"
#include "figure/canvas.hpp"

namespace pamir::figure {

using namespace detail;

namespace {

// A4 landscape, in points.
constexpr double kPageW = 842, kPageH = 595, kMargin = 36;

cairo_status_t appendTo(void* closure, const unsigned char* data, unsigned int length) {
  static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
  return CAIRO_STATUS_SUCCESS;
}

void footer(cairo_t* cr, int page) {
  const TextStyle style{8, false, kMuted};
  const std::string text = "Pamir · page " + std::to_string(page);
  const Size s = measureText(cr, text, style);
  drawText(cr, kPageW - kMargin - s.width, kPageH - kMargin / 2 - s.height, text, style);
}

// Page 1: title, lines, the map scaled into what is left.
void mapPage(cairo_t* cr, const render::Image& map, const Report& report) {
  double y = kMargin;
  y += drawText(cr, kMargin, y, report.title, {18, true, kText, kPageW - 2 * kMargin}).height + 4;
  for (const std::string& line : report.lines)
    y += drawText(cr, kMargin, y, line, {9, false, kMuted, kPageW - 2 * kMargin}).height + 1;
  y += 8;
  if (map.empty()) return;
  const double availW = kPageW - 2 * kMargin, availH = kPageH - kMargin - y;
  const double k = std::min(availW / map.width, availH / map.height);
  SurfacePtr image(surfaceFromImage(map));
  cairo_save(cr);
  cairo_translate(cr, kMargin, y);
  cairo_scale(cr, k, k);
  cairo_set_source_surface(cr, image.get(), 0, 0);
  cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
  cairo_paint(cr);
  cairo_restore(cr);
  cairo_rectangle(cr, kMargin, y, map.width * k, map.height * k);
  cairo_set_source_rgb(cr, 0.2, 0.2, 0.2);
  cairo_set_line_width(cr, 0.5);
  cairo_stroke(cr);
}

}  // namespace

bool writeReportPdf(const std::string& path, const render::Image& map, const Report& report, std::string* error) {
  std::string bytes;
  {
    const FontSession fonts;
    SurfacePtr surface(cairo_pdf_surface_create_for_stream(appendTo, &bytes, kPageW, kPageH));
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      if (error) *error = "cannot write " + path + ": " + cairo_status_to_string(cairo_surface_status(surface.get()));
      return false;
    }
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_TITLE, report.title.c_str());
    cairo_pdf_surface_set_metadata(surface.get(), CAIRO_PDF_METADATA_CREATOR, "Pamir");
    ContextPtr context(cairo_create(surface.get()));
    cairo_t* cr = context.get();
    int page = 1;
    mapPage(cr, map, report);
    footer(cr, page);
    const TextStyle cell{8, false, kText, 190};
    for (const Table& table : report.tables) {
      cairo_show_page(cr);
      ++page;
      const TableLayout layout = layoutTable(cr, table, cell, 8);
      const double rowsPerPage = (kPageH - 2 * kMargin - 60) / layout.rowHeight;
      const size_t perPage = std::max<size_t>(1, static_cast<size_t>(rowsPerPage));
      size_t first = 0;
      do {
        double y = kMargin;
        const std::string title = first == 0 ? table.title : table.title + " (continued)";
        y += drawText(cr, kMargin, y, title, {13, true}).height + 6;
        if (table.rows.empty()) {
          drawText(cr, kMargin, y, "none", {9, false, kMuted});
        } else {
          const size_t last = std::min(table.rows.size(), first + perPage);
          y += drawTableRows(cr, table, layout, cell, kMargin, y, first, last);
          first = last;
        }
        if (first >= table.rows.size() && !table.note.empty())
          drawText(cr, kMargin, y + 6, table.note, {8, false, kMuted, kPageW - 2 * kMargin, true});
        footer(cr, page);
        if (first < table.rows.size()) cairo_show_page(cr), ++page;
      } while (first < table.rows.size());
    }
    cairo_surface_finish(surface.get());
    if (cairo_surface_status(surface.get()) != CAIRO_STATUS_SUCCESS) {
      if (error) *error = "cannot write " + path + ": " + cairo_status_to_string(cairo_surface_status(surface.get()));
      return false;
    }
  }
  return writeFileAtomically(path, bytes, error);
}

}  // namespace pamir::figure
