// pamir render: the map drawn headless into a PNG (EGL, no display, no GPU needed).
#include <ostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/headless_render.hpp"
#include "app/map_session.hpp"
#include "app/session_layers.hpp"
#include "app/session_state.hpp"
#include "app/view_setup.hpp"
#include "core/number.hpp"

namespace pamir::app {

namespace {
constexpr const char* kRenderHelp =
    "usage: pamir render [SOURCE...] -o OUT.png [options]\n"
    "\n"
    "Draws the built-in Central Asia dataset with each SOURCE (any GDAL vector or raster\n"
    "source) on top, fitted to the sources, into a PNG without a display, through EGL\n"
    "(Mesa llvmpipe when there is no GPU).\n"
    "\n"
    "options:\n"
    "  -o, --output PNG        the image to write (required)\n"
    "  --size WxH              pixels (default 1920x1080)\n"
    "  --scale F               lines, symbols, labels and decorations F times their screen size\n"
    "                          (0.25 to 8; e.g. --size 7680x4320 --scale 4 for a print of the\n"
    "                          1920x1080 map)\n"
    "  --crs CRS               view CRS: EPSG:3857, ESRI:102025, a PROJ string... (default: Pamir's\n"
    "                          Lambert Conformal Conic for Central Asia)\n"
    "  --extent MINX,MINY,MAXX,MAXY   exact view extent in CRS units; the pixel grid is that of\n"
    "                          gdal_rasterize -te ... -ts W H (pixel-is-area, top-left origin)\n"
    "  --bbox MINLON,MINLAT,MAXLON,MAXLAT   fit this lon/lat box in the image\n"
    "  --layers A,B,...        only these layers (ids, titles or source layer names)\n"
    "  --year YEAR             only what existed in YEAR (dated layers)\n"
    "  --year Y1..Y2           only what existed at any time from Y1 to Y2 (also Y1-Y2)\n"
    "  --country C,...         only features of these countries (ISO 3166 codes or names),\n"
    "                          in every layer with a country field\n"
    "  --no-builtin            the sources alone, without the built-in dataset\n"
    "  --plain                 comparison style: the sources alone (else the dataset), no\n"
    "                          basemap, labels, outlines or anti-aliasing\n"
    "  --background #rrggbb    background colour\n"
    "  --fill #rrggbb          fill colour of everything in --plain\n"
    "  --no-labels             no labels\n"
    "  --plain-symbols         sites with a SIDC field drawn with the plain symbols, not APP-6\n"
    "  --session FILE          draw what the window showed when it saved FILE (`pamir view`'s\n"
    "                          session): its map area at its size, view, CRS, layers and filters,\n"
    "                          and its measurements\n"
    "\n"
    "figure (drawn over the map, sized for the image):\n"
    "  --title TEXT            a title at the top left\n"
    "  --legend                every symbol, line and fill the shown layers draw with, and its meaning\n"
    "  --scalebar              a scale bar of a round length, measured across the centre\n"
    "  --north-arrow           an arrow to north at the centre\n"
    "  --graticule, --mgrs     lines of longitude and latitude with labels; the MGRS grid\n"
    "  --attribution           who to credit for the data shown (GeoNames' CC BY needs it)\n"
    "  --measurement-table     the session's measurements as a table, with method and ellipsoid\n";
float parseScale(const std::string& text, ArgReader& r) {
  const std::optional<double> v = parseNumber(text);
  if (!v || !(*v >= 0.25 && *v <= 8)) r.fail("--scale takes a number from 0.25 to 8, not '" + text + "'");
  return static_cast<float>(*v);
}

// What the window showed when it saved the session at `path`, on its own
// pixel grid unless `size` asks for another (the same area fitted into it).
int renderSavedSession(const std::string& path, std::optional<std::pair<int, int>> size, render::RenderOptions options,
                       FigureSpec figure, const std::string& output, std::ostream& out, std::ostream& err) {
  std::optional<SavedMap> saved = openSavedMap(path, "render", err);
  if (!saved) return kExitData;
  MapView view = saved->view;
  options.pixelRatio = static_cast<float>(saved->pixelRatio);
  options.militarySymbols = options.militarySymbols && saved->state.panels.militarySymbols;
  if (size) view = MapView::fromExtent(view.extent(), size->first, size->second);
  figure.measurements = saved->state.measurements;
  return renderSessionToPng(saved->session, view, options, output, "render", out, err, figure);
}

}  // namespace

int runRenderCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ArgReader r("render", args);
  ViewRequest view;
  std::vector<std::string> sources;
  std::string output;
  render::RenderOptions options;
  std::optional<Color> background, fill;
  int width = 1920, height = 1080;
  bool sized = false, viewed = false, scaled = false;
  std::string sessionPath;
  FigureSpec figure;
  while (!r.done()) {
    if (r.flag("--help") || r.flag("-h")) {
      out << kRenderHelp;
      return kExitOk;
    }
    if (auto v = r.option("-o"))
      output = *v;
    else if (auto v2 = r.option("--output"))
      output = *v2;
    else if (auto v3 = r.option("--size"))
      std::tie(width, height) = parseSize(*v3, "--size"), sized = true;
    else if (auto v4 = r.option("--background"))
      background = parseColorOption(*v4, "--background");
    else if (auto v5 = r.option("--fill"))
      fill = parseColorOption(*v5, "--fill");
    else if (r.flag("--plain"))
      options.plain = true;
    else if (r.flag("--no-labels"))
      options.labels = false;
    else if (r.flag("--plain-symbols"))
      options.militarySymbols = false;
    else if (auto v7 = r.option("--scale"))
      options.pixelRatio = parseScale(*v7, r), scaled = true;
    else if (auto v6 = r.option("--session"))
      sessionPath = *v6;
    else if (readViewOption(r, view))
      viewed = true;
    else if (readFigureOption(r, figure))
      continue;
    else {
      const std::string& a = r.next();
      if (a.size() > 1 && a[0] == '-') r.fail("unknown option '" + a + "'");
      sources.push_back(a);
    }
  }
  if (output.empty()) r.fail("needs -o OUT.png");
  if (background)
    options.background = *background;
  else if (options.plain)
    options.background = {0, 0, 0, 255};
  if (options.plain) {
    options.plainFill = fill.value_or(Color{255, 255, 255, 255});
    options.antialias = false;
    options.labels = false;
  } else if (fill) {
    r.fail("--fill applies to --plain renders only");
  }

  if (!sessionPath.empty()) {
    if (!sources.empty() || viewed)
      r.fail("--session takes the sources, view, layers and filters from the file: name no SOURCE or view option");
    if (scaled) r.fail("--session draws at the window's own scale: leave out --scale");
    return renderSavedSession(sessionPath, sized ? std::optional<std::pair<int, int>>({width, height}) : std::nullopt,
                              options, figure, output, out, err);
  }
  // A comparison draws what was named, nothing else.
  if (options.plain && !sources.empty()) view.builtin = false;
  Diagnostics diag;
  MapSession session = openSession(sources, view, r, diag, err);
  std::string crsNote;
  const MapView mapView = applyViewRequest(view, session, width, height, r, false, &crsNote);
  if (!crsNote.empty()) err << "pamir render: " << crsNote << "\n";
  if (figure.decorations.measurementTable)
    r.fail("--measurement-table needs --session FILE (the measurements are its)");
  return renderSessionToPng(session, mapView, options, output, "render", out, err, figure);
}

}  // namespace pamir::app
