// pamir info SOURCE: what a source holds, as GDAL reports it.
#include <ostream>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "core/terminal_text.hpp"
#include "data/source_info.hpp"
#include "data/source_loader.hpp"
#include "geo/units.hpp"

namespace pamir::app {

namespace {
constexpr const char* kInfoHelp =
    "usage: pamir info SOURCE...\n"
    "\n"
    "Lists each layer of SOURCE (any GDAL vector or raster source): geometry type,\n"
    "feature count, CRS, extent (own CRS and WGS84) and fields with their types.\n"
    "\n"
    "options:\n"
    "  --check   also read every feature as the viewer does, report each broken one,\n"
    "            and print how many loaded; rasters are read at most 256 pixels on a\n"
    "            side. Exit 1 when nothing could be loaded, a feature or layer was\n"
    "            skipped, or a source ended before all its features were read\n";

void printBounds(std::ostream& out, const char* label, const Bounds& b) {
  if (b.empty()) return;
  auto f = [](double v) { return geo::formatFixed(v, 6); };
  out << "  " << label << ": " << f(b.minx) << ", " << f(b.miny) << " .. " << f(b.maxx) << ", " << f(b.maxy) << "\n";
}
}  // namespace

int runInfoCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ArgReader r("info", args);
  std::vector<std::string> sources;
  bool check = false;
  while (!r.done()) {
    if (r.flag("--check")) {
      check = true;
      continue;
    }
    if (r.flag("--help") || r.flag("-h")) {
      out << kInfoHelp;
      return kExitOk;
    }
    const std::string& a = r.next();
    if (a.size() > 1 && a[0] == '-') r.fail("unknown option '" + a + "'");
    sources.push_back(a);
  }
  if (sources.empty()) r.fail("needs a SOURCE");
  if (check) {
    size_t loaded = 0;
    bool whole = true;
    // Enough pixels to show the raster decodes; no more are needed to check it.
    data::LoadOptions options;
    options.raster.maxSide = 256;
    for (const auto& s : sources) {
      Diagnostics diag;
      data::LoadedSource src = data::loadSource(s, diag, options);
      diag.print(err);
      whole = whole && src.complete && diag.errorCount() == 0;
      for (const auto& l : src.layers) {
        size_t vertices = 0;
        for (const auto& f : l.features) vertices += f.geometry.vertexCount();
        out << terminalSafe(s) << ": layer " << terminalSafe(l.name) << ": " << l.features.size() << " features, "
            << vertices << " vertices loaded\n";
        loaded += l.features.size();
      }
      for (const auto& ra : src.rasters) {
        out << terminalSafe(s) << ": raster " << ra.sourceWidth << "x" << ra.sourceHeight << " loaded (read at "
            << ra.width << "x" << ra.height << ")\n";
        ++loaded;
      }
    }
    return loaded > 0 && whole ? kExitOk : kExitData;
  }
  int described = 0;
  for (const auto& s : sources) {
    Diagnostics diag;
    auto info = data::describeSource(s, diag);
    diag.print(err);
    if (!info) continue;
    ++described;
    // Names, types and CRS descriptions come from the file: escaped for the terminal.
    out << terminalSafe(info->path) << " (" << info->driver << ")\n";
    for (const auto& l : info->layers) {
      out << "layer " << terminalSafe(l.name) << "\n";
      out << "  geometry: " << terminalSafe(l.geometryType) << "\n";
      out << "  features: " << l.featureCount << "\n";
      out << "  crs: " << (l.crs.empty() ? "none declared (WGS84 assumed)" : terminalSafe(l.crs)) << "\n";
      printBounds(out, "extent", l.extent);
      printBounds(out, "extent (lon/lat)", l.extentLonLat);
      out << "  fields:" << (l.fields.empty() ? " none" : "") << "\n";
      for (const auto& f : l.fields)
        out << "    " << terminalSafe(f.name) << ": " << data::fieldTypeName(f.type) << "\n";
    }
    for (const auto& ri : info->rasters) {
      out << "raster " << ri.width << "x" << ri.height << ", " << ri.bands << " band(s) of "
          << terminalSafe(ri.dataType) << "\n";
      out << "  crs: " << (ri.crs.empty() ? "none declared" : terminalSafe(ri.crs)) << "\n";
      printBounds(out, "extent", ri.extent);
    }
  }
  return described > 0 ? kExitOk : kExitData;
}

}  // namespace pamir::app
