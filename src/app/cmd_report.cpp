// pamir report: the map as a PDF to hand on, with its legend, scale and
// attribution, the measurements with their method and ellipsoid, and the
// curated features in view with their sources and confidence.
#include <chrono>
#include <ctime>
#include <ostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/headless_render.hpp"
#include "app/session_layers.hpp"
#include "app/view_setup.hpp"
#include "figure/report_pdf.hpp"
#include "geo/coordinates.hpp"

namespace pamir::app {

namespace {
constexpr const char* kReportHelp =
    "usage: pamir report [SOURCE...] -o OUT.pdf [options]\n"
    "       pamir report --session FILE -o OUT.pdf [options]\n"
    "\n"
    "Writes a PDF report (A4 landscape): the map with its legend, scale bar, north arrow and\n"
    "the data's attribution under a title and what it shows (CRS, extent, filters); then the\n"
    "measurements with their method and ellipsoid, and the curated features in view with\n"
    "their sources and confidence. The map is the built-in dataset with each SOURCE, as\n"
    "`pamir render` draws it, or with --session what the window showed when it saved FILE,\n"
    "with its measurements.\n"
    "\n"
    "options:\n"
    "  -o, --output PDF        the report to write (required; written whole or not at all)\n"
    "  --title TEXT            its title (default: the dataset's)\n"
    "  --graticule, --mgrs     grid lines on the map\n"
    "  --session FILE          a session saved by `pamir view`\n"
    "  --crs, --extent, --bbox, --layers, --year, --country, --no-builtin   as for `pamir render`\n";

// The map's pixels in the report: about 2400 across at twice the window's
// sizes, so the page shows it at some 230 dpi with labels the size of print.
constexpr int kMapLongSide = 2400;
constexpr float kMapPixelRatio = 2.0f;

std::string utcNow() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
  return buf;
}

std::string filterLine(const FeatureFilter& f) {
  std::string text;
  if (const auto span = f.years()) text += "years " + formatYearSpan(*span);
  if (!f.countries.empty()) {
    text += text.empty() ? "countries " : "; countries ";
    bool first = true;
    for (const std::string& c : f.countries) text += (first ? "" : ", ") + c, first = false;
  }
  return text.empty() ? "none" : text;
}

}  // namespace

int runReportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ArgReader r("report", args);
  ViewRequest request;
  std::vector<std::string> sources;
  std::string output, sessionPath;
  FigureSpec figure;
  bool viewed = false;
  while (!r.done()) {
    if (r.flag("--help") || r.flag("-h")) {
      out << kReportHelp;
      return kExitOk;
    }
    if (auto v = r.option("-o"))
      output = *v;
    else if (auto v2 = r.option("--output"))
      output = *v2;
    else if (auto v3 = r.option("--session"))
      sessionPath = *v3;
    else if (auto v4 = r.option("--title"))
      figure.decorations.title = *v4;
    else if (r.flag("--graticule"))
      figure.grids.graticule = true;
    else if (r.flag("--mgrs"))
      figure.grids.mgrs = true;
    else if (readViewOption(r, request))
      viewed = true;
    else {
      const std::string& a = r.next();
      if (ArgReader::looksLikeOption(a)) r.fail("unknown option '" + a + "'");
      sources.push_back(a);
    }
  }
  if (output.empty()) r.fail("needs -o OUT.pdf");

  std::optional<SavedMap> saved;
  std::optional<MapSession> opened;
  MapView view;
  if (!sessionPath.empty()) {
    if (!sources.empty() || viewed)
      r.fail("--session takes the sources, view, layers and filters from the file: name no SOURCE or view option");
    saved = openSavedMap(sessionPath, "report", err);
    if (!saved) return kExitData;
    view = saved->view;
    figure.measurements = saved->state.measurements;
  } else {
    Diagnostics diag;
    opened.emplace(openSession(sources, request, r, diag, err));
    std::string crsNote;
    view = applyViewRequest(request, *opened, 1920, 1080, r, false, &crsNote);
    if (!crsNote.empty()) err << "pamir report: " << crsNote << "\n";
  }
  const MapSession& session = saved ? saved->session : *opened;

  // The same area at the report's resolution.
  const double aspect = static_cast<double>(view.width()) / view.height();
  const int w = aspect >= 1 ? kMapLongSide : static_cast<int>(kMapLongSide * aspect);
  const int h = aspect >= 1 ? static_cast<int>(kMapLongSide / aspect) : kMapLongSide;
  const MapView mapView = MapView::fromExtent(view.extent(), w, h);
  render::RenderOptions options;
  options.pixelRatio = kMapPixelRatio;
  FigureSpec onMap = figure;
  onMap.decorations.title.clear();  // on the page above the map
  onMap.decorations.legend = onMap.decorations.scaleBar = onMap.decorations.northArrow = true;
  onMap.decorations.attribution = true;
  const std::optional<render::Image> image = renderSessionImage(session, mapView, options, onMap, "report", err);
  if (!image) return kExitData;

  const std::vector<ui::LayerItem> rows = sessionRows(session);
  figure::Report report;
  report.title = figure.decorations.title.empty() ? "Pamir map report" : figure.decorations.title;
  const LonLat sw = session.projection().inverse({mapView.extent().minx, mapView.extent().miny});
  const LonLat ne = session.projection().inverse({mapView.extent().maxx, mapView.extent().maxy});
  report.lines.push_back("Made " + utcNow() + " with Pamir" +
                         (sessionPath.empty() ? std::string() : " from the session " + sessionPath));
  report.lines.push_back("View CRS: " + session.projection().name());
  if (sw.finite() && ne.finite())
    report.lines.push_back("Corners: " + geo::formatDecimalDegrees(sw, 4) + " (lower left), " +
                           geo::formatDecimalDegrees(ne, 4) + " (upper right)");
  report.lines.push_back("Filters: " + filterLine(session.filter));
  report.tables.push_back(measurementTable(figure.measurements));
  report.tables.push_back(featureTable(session, rows, mapView));
  std::string why;
  if (!figure::writeReportPdf(output, *image, report, &why)) {
    err << "pamir report: " << why << "\n";
    return kExitData;
  }
  out << output << "\n";
  return kExitOk;
}

}  // namespace pamir::app
