#include "app/window_export.hpp"

#include <algorithm>

#include "app/map_figure.hpp"
#include "figure/report_pdf.hpp"
#include "render/image.hpp"

namespace pamir::app {

namespace {

bool endsWithPdf(const std::string& path) {
  if (path.size() < 4) return false;
  std::string ext = path.substr(path.size() - 4);
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".pdf";
}

// The map of `view` in full detail: levels of detail the window had not
// needed yet are built (on the renderer's workers, waited for) and the frame
// drawn again, at most three times.
render::Image fullDetail(render::MapRenderer& renderer, const MapView& view, const render::RenderOptions& options) {
  renderer.finishPendingWork();
  render::Image image = renderMapImage(renderer, view, options);
  for (int again = 0; again < 3 && !image.empty() && renderer.lastFrame().provisional(); ++again) {
    renderer.finishPendingWork();
    image = renderMapImage(renderer, view, options);
  }
  return image;
}

figure::Decorations decorationsOf(const ui::ExportDialogModel& c) {
  figure::Decorations d;
  d.title = c.title;
  d.legend = c.legend;
  d.scaleBar = c.scaleBar;
  d.northArrow = c.northArrow;
  d.attribution = c.attribution;
  d.measurementTable = c.measurementTable;
  return d;
}

}  // namespace

std::pair<int, int> exportSize(const ui::ExportDialogModel& choice, const MapView& view) {
  if (choice.windowSize) return {view.width(), view.height()};
  return {std::clamp(choice.width, 16, ui::kMaxExportSide), std::clamp(choice.height, 16, ui::kMaxExportSide)};
}

bool exportWindowMap(const WindowMap& map, const ui::ExportDialogModel& choice, std::string* message) {
  const FigureGrids grids{choice.graticule, choice.mgrs};
  render::RenderOptions options;
  options.militarySymbols = map.militarySymbols;
  if (endsWithPdf(choice.path)) {
    const MapView view = reportView(map.view);
    options.pixelRatio = kReportPixelRatio;
    const render::Image image = fullDetail(map.renderer, view, options);
    if (image.empty()) {
      *message = "cannot draw the map at " + std::to_string(view.width()) + "x" + std::to_string(view.height());
      return false;
    }
    figure::Decorations d = decorationsOf(choice);
    d.title.clear();             // on the page, above the map
    d.measurementTable = false;  // a table of its own on the next page
    const figure::MapFacts facts = mapFacts(map.session, map.rows, view, map.measurements, grids, map.militarySymbols);
    const figure::Report report = mapReport(map.session, map.rows, view, map.measurements, choice.title, "");
    std::string why;
    if (!figure::writeReportPdf(choice.path, figure::decorate(image, d, facts, kReportPixelRatio), report, &why)) {
      *message = why;
      return false;
    }
    *message = "report written to " + choice.path;
    return true;
  }
  const auto [w, h] = exportSize(choice, map.view);
  // The same area in w × h square pixels, drawn as much larger as the image is.
  const bool same = w == map.view.width() && h == map.view.height();
  const MapView view = same ? map.view : MapView::fitting(map.view.extent(), w, h, 0.0);
  const double grow =
      same ? 1.0 : std::min(static_cast<double>(w) / map.view.width(), static_cast<double>(h) / map.view.height());
  options.pixelRatio = static_cast<float>(map.pixelRatio * grow);
  const render::Image image = fullDetail(map.renderer, view, options);
  if (image.empty()) {
    *message = "cannot draw the map at " + std::to_string(w) + "x" + std::to_string(h);
    return false;
  }
  const figure::MapFacts facts = mapFacts(map.session, map.rows, view, map.measurements, grids, map.militarySymbols);
  const render::Image out = figure::decorate(image, decorationsOf(choice), facts, options.pixelRatio);
  std::string why;
  if (!render::writePng(out, choice.path, &why)) {
    *message = why;
    return false;
  }
  *message = "view exported to " + choice.path + " (" + std::to_string(w) + "x" + std::to_string(h) + ")";
  return true;
}

}  // namespace pamir::app
