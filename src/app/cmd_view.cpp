// pamir view: the interactive map window.
#include <filesystem>
#include <ostream>
#include <stdexcept>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/headless_render.hpp"
#include "app/map_window.hpp"
#include "app/measurements.hpp"
#include "app/session_keeper.hpp"
#include "app/session_layers.hpp"
#include "app/view_setup.hpp"

namespace pamir::app {

namespace {
constexpr const char* kViewHelp =
    "usage: pamir view [SOURCE...] [options]\n"
    "\n"
    "Opens the map window on the built-in Central Asia dataset with each SOURCE (any\n"
    "GDAL vector or raster source) on top, fitted to the sources. Without a display,\n"
    "renders the view to a PNG instead and prints its path.\n"
    "\n"
    "In the window: drag to pan, wheel to zoom about the cursor, arrow keys and +/-,\n"
    "F fits the data; M measures a line, P a path, A an area, R places range rings\n"
    "(clicks snap to sites and vertices, Shift+click does not; Enter or a double\n"
    "click finishes, Backspace removes the last point), N the nearest distance\n"
    "between two features; Ctrl+Z and Ctrl+Shift+Z undo and redo measurement edits;\n"
    "click a feature to see its attributes, Esc cancels. The Time bar shows the map\n"
    "as of a year or over a range of years, plays through the years (Space), and\n"
    "draws what appeared and closed between two years. F1 lists every key.\n"
    "\n"
    "options:\n"
    "  --size WxH              window size in screen points (default 1280x800)\n"
    "  --crs CRS               view CRS (default: Pamir's Lambert Conformal Conic for Central Asia)\n"
    "  --extent MINX,MINY,MAXX,MAXY   first view, in CRS units\n"
    "  --bbox MINLON,MINLAT,MAXLON,MAXLAT   first view, lon/lat\n"
    "  --layers A,B,...        only these layers\n"
    "  --year YEAR             start with the time filter on YEAR (what existed then)\n"
    "  --year Y1..Y2           ... or on a range: what existed at any time from Y1 to Y2\n"
    "                          (also Y1-Y2)\n"
    "  --country C,...         start with only these countries (ISO 3166 codes or names)\n"
    "  --no-builtin            the sources alone, without the built-in dataset\n"
    "  --script FILE           play scripted input (see README), then exit\n"
    "  --hidden                no visible window (with --script)\n"
    "  --frame-log FILE        write one line per frame drawn (ms since start, frame ms,\n"
    "                          segments, points, provisional, layers preparing)\n"
    "  --session FILE          where the session (view, CRS, sources, layers, filters,\n"
    "                          measurements, selection, panels) is kept between runs (default:\n"
    "                          $PAMIR_SESSION, else ~/.local/state/pamir/measurements.geojson);\n"
    "                          with no SOURCE and no view option the window opens as it was\n"
    "                          left, else it opens as asked with the measurements kept\n"
    "  --no-session            keep nothing after the window closes\n"
    "  -o, --output PNG        where to write the image when there is no display\n"
    "                          (default: ./pamir-view.png)\n";

// The image drawn instead of the window: the size `pamir render` draws by default.
constexpr int kFallbackWidth = 1920, kFallbackHeight = 1080;
}  // namespace

int runViewCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ArgReader r("view", args);
  ViewRequest request;
  std::vector<std::string> sources;
  WindowOptions window;
  std::string sessionPath = defaultSessionPath();
  bool noSession = false, sized = false, viewed = false;
  std::string fallbackPng = "pamir-view.png";
  while (!r.done()) {
    if (r.flag("--help") || r.flag("-h")) {
      out << kViewHelp;
      return kExitOk;
    }
    if (auto s = r.option("--size"))
      std::tie(window.width, window.height) = parseSize(*s, "--size"), sized = true;
    else if (auto sc = r.option("--script"))
      window.scriptPath = *sc;
    else if (auto fl = r.option("--frame-log"))
      window.frameLogPath = *fl;
    else if (r.flag("--hidden"))
      window.hidden = true;
    else if (auto se = r.option("--session"))
      sessionPath = *se, noSession = false;
    else if (r.flag("--no-session"))
      noSession = true, sessionPath.clear();
    else if (auto o = r.option("-o"))
      fallbackPng = *o;
    else if (auto o2 = r.option("--output"))
      fallbackPng = *o2;
    else if (readViewOption(r, request))
      viewed = true;
    else {
      const std::string& a = r.next();
      if (a.size() > 1 && a[0] == '-') r.fail("unknown option '" + a + "'");
      sources.push_back(a);
    }
  }
  if (noSession) sessionPath.clear();

  const bool display = displayAvailable();
  // The window as it was left, when the command line asks for nothing else
  // (no SOURCE, no view option); else as asked, with the measurements kept.
  SessionKeeper keeper(display ? sessionPath : "");
  SessionRead kept = keeper.restore();
  std::vector<std::string> messages;
  if (!kept.problem.empty()) {
    messages.push_back("pamir view: warning: " + kept.problem);
    err << messages.back() << "\n";
  }
  bool whole = kept.status == SessionRead::Status::Loaded && kept.state.view && sources.empty() && !viewed;
  // In the window, the sources are read on workers once it is open: the
  // dataset shows at once and each source when it is in. --layers names
  // layers of the sources, so with it they are read first, as for a PNG.
  const bool readLater = display && !sources.empty() && request.layers.empty();
  Diagnostics diag;
  std::optional<MapSession> opened;
  if (whole) {
    Diagnostics saved;
    opened.emplace(openSavedSession(kept.state, saved));
    saved.print(err);
    for (const auto& d : saved.all()) messages.push_back(d.line());
    if (opened->empty()) {
      messages.push_back("pamir view: warning: nothing of the session in " + sessionPath + " could be loaded");
      err << messages.back() << "\n";
      opened.reset();
      whole = false;
    }
  }
  if (!opened)
    opened.emplace(readLater ? openDataset(request, diag, err) : openSession(sources, request, r, diag, err));
  MapSession& session = *opened;
  MapView firstView;
  if (whole) {
    const SessionView& v = *kept.state.view;
    // At the size it had, in screen points, unless another is asked for.
    if (!sized) {
      window.width = static_cast<int>(v.width / v.pixelRatio);
      window.height = static_cast<int>(v.height / v.pixelRatio);
    }
    firstView = savedView(v);
  } else {
    // Validates the CRS, layers and filters exactly as render does (exit 2 on a bad value).
    const int viewW = display ? window.width : kFallbackWidth, viewH = display ? window.height : kFallbackHeight;
    std::string crsNote;
    firstView = applyViewRequest(request, session, viewW, viewH, r, readLater, &crsNote);
    if (!crsNote.empty()) err << "pamir view: " << crsNote << "\n";
  }

  // Without a display the same view goes to a PNG, so the command still shows the map.
  auto renderInstead = [&](const char* why, MapView view) {
    err << "pamir view: " << why << "; rendering the view to a PNG\n";
    if (readLater) {
      // The window was to read them: read them now, and frame them as render would.
      Diagnostics more;
      const MapSession::Added added = session.addSources(sources, more);
      more.print(err);
      if (added.layers == 0)
        throw std::runtime_error("nothing could be loaded from " +
                                 (sources.size() == 1 ? sources.front() : std::to_string(sources.size()) + " sources"));
      view = applyViewRequest(request, session, kFallbackWidth, kFallbackHeight, r);
    }
    const int rc = renderSessionToPng(session, view, render::RenderOptions{}, fallbackPng, "view", out, err);
    if (rc == kExitOk) err << "pamir view: open " << std::filesystem::absolute(fallbackPng).string() << "\n";
    return rc;
  };
  if (!display) return renderInstead("no display (DISPLAY and WAYLAND_DISPLAY are unset)", firstView);

  for (const auto& d : diag.all()) messages.push_back(d.line());
  if (!keeper.path().empty()) window.keeper = &keeper;
  if (kept.status == SessionRead::Status::Loaded) window.restored = std::move(kept.state);
  window.restoreWhole = whole;
  if (readLater) {
    window.sourcesToLoad = sources;
    window.fitLoadedSources = !request.extent && !request.bbox;
  }
  const int rc = runMapWindow(session, firstView, window, std::move(messages), out, err);
  if (rc != kNoWindow) return rc;
  return renderInstead("no window could be opened",
                       MapView::fitting(firstView.extent(), kFallbackWidth, kFallbackHeight, 0.0));
}

}  // namespace pamir::app
