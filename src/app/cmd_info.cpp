// pamir info SOURCE: what a source holds, as GDAL reports it.
#include <cstdio>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "data/source_info.hpp"
#include "data/source_loader.hpp"

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
    "            and print how many loaded (exit 1 when nothing could be loaded)\n";

void printBounds(const char* label, const Bounds& b) {
  if (b.empty()) return;
  std::printf("  %s: %.6f, %.6f .. %.6f, %.6f\n", label, b.minx, b.miny, b.maxx, b.maxy);
}
}  // namespace

int runInfoCommand(const std::vector<std::string>& args) {
  ArgReader r("info", args);
  std::vector<std::string> sources;
  bool check = false;
  while (!r.done()) {
    if (r.flag("--check")) {
      check = true;
      continue;
    }
    if (r.flag("--help") || r.flag("-h")) {
      std::fputs(kInfoHelp, stdout);
      return kExitOk;
    }
    const std::string& a = r.next();
    if (a.size() > 1 && a[0] == '-') r.fail("unknown option '" + a + "'");
    sources.push_back(a);
  }
  if (sources.empty()) r.fail("needs a SOURCE");
  if (check) {
    size_t loaded = 0;
    for (const auto& s : sources) {
      Diagnostics diag;
      data::LoadedSource src = data::loadSource(s, diag);
      diag.print();
      for (const auto& l : src.layers) {
        size_t vertices = 0;
        for (const auto& f : l.features) vertices += f.geometry.vertexCount();
        std::printf("%s: layer %s: %zu features, %zu vertices loaded\n", s.c_str(), l.name.c_str(), l.features.size(), vertices);
        loaded += l.features.size();
      }
      for (const auto& ra : src.rasters) std::printf("%s: raster %dx%d loaded\n", s.c_str(), ra.width, ra.height), ++loaded;
    }
    return loaded > 0 ? kExitOk : kExitData;
  }
  int described = 0;
  for (const auto& s : sources) {
    Diagnostics diag;
    auto info = data::describeSource(s, diag);
    diag.print();
    if (!info) continue;
    ++described;
    std::printf("%s (%s)\n", info->path.c_str(), info->driver.c_str());
    for (const auto& l : info->layers) {
      std::printf("layer %s\n", l.name.c_str());
      std::printf("  geometry: %s\n", l.geometryType.c_str());
      std::printf("  features: %lld\n", static_cast<long long>(l.featureCount));
      std::printf("  crs: %s\n", l.crs.empty() ? "none declared (WGS84 assumed)" : l.crs.c_str());
      printBounds("extent", l.extent);
      printBounds("extent (lon/lat)", l.extentLonLat);
      std::printf("  fields:%s\n", l.fields.empty() ? " none" : "");
      for (const auto& f : l.fields) std::printf("    %s: %s\n", f.name.c_str(), data::fieldTypeName(f.type));
    }
    for (const auto& ri : info->rasters) {
      std::printf("raster %dx%d, %d band(s) of %s\n", ri.width, ri.height, ri.bands, ri.dataType.c_str());
      std::printf("  crs: %s\n", ri.crs.empty() ? "none declared" : ri.crs.c_str());
      printBounds("extent", ri.extent);
    }
  }
  return described > 0 ? kExitOk : kExitData;
}

}  // namespace pamir::app
