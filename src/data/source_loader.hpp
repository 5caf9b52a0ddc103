#pragma once
// Opening geodata through GDAL: any OGR vector source (every layer) and any
// GDAL raster. Vector features are transformed to WGS84 lon/lat on load.
// Problems are reported to Diagnostics one line each; a broken feature or
// layer is skipped and the rest still loads.
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/feature.hpp"

namespace pamir::data {

struct LoadedSource {
  std::vector<Layer> layers;
  std::vector<RasterLayer> rasters;
};

struct LoadOptions {
  /// Only these layer names (empty: all). Applies to vector layers of the source.
  std::vector<std::string> layers;
};

/// Opens `path` (a file or any GDAL connection string). `SOURCE:LAYER` is not
/// parsed here; pass LoadOptions::layers instead.
LoadedSource loadSource(const std::string& path, Diagnostics& diag, const LoadOptions& options = {});
}  // namespace pamir::data
