// pamir report: the map as a PDF to hand on, with its legend, scale and
// attribution, the measurements with their method and ellipsoid, and the
// curated features in view with their sources and confidence.
#include <ostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/headless_render.hpp"
#include "app/session_layers.hpp"
#include "app/view_setup.hpp"
#include "figure/report_pdf.hpp"

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
    "  --plain-symbols         sites drawn with the plain symbols, not APP-6\n"
    "  --session FILE          a session saved by `pamir view`\n"
    "  --crs, --extent, --bbox, --layers, --year, --country, --no-builtin   as for `pamir render`\n";

}  // namespace

int runReportCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ArgReader r("report", args);
  ViewRequest request;
  std::vector<std::string> sources;
  std::string output, sessionPath;
  FigureSpec figure;
  bool viewed = false, plainSymbols = false;
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
    else if (r.flag("--plain-symbols"))
      plainSymbols = true;
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

  const MapView mapView = reportView(view);
  render::RenderOptions options;
  options.pixelRatio = kReportPixelRatio;
  options.militarySymbols = !plainSymbols && (!saved || saved->state.panels.militarySymbols);
  FigureSpec onMap = figure;
  onMap.decorations.title.clear();  // on the page above the map
  onMap.decorations.legend = onMap.decorations.scaleBar = onMap.decorations.northArrow = true;
  onMap.decorations.attribution = true;
  const std::optional<render::Image> image = renderSessionImage(session, mapView, options, onMap, "report", err);
  if (!image) return kExitData;
  const figure::Report report =
      mapReport(session, sessionRows(session), mapView, figure.measurements, figure.decorations.title,
                sessionPath.empty() ? std::string() : " from the session " + sessionPath);
  std::string why;
  if (!figure::writeReportPdf(output, *image, report, &why)) {
    err << "pamir report: " << why << "\n";
    return kExitData;
  }
  out << output << "\n";
  return kExitOk;
}

}  // namespace pamir::app
