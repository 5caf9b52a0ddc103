#pragma once
// The path every input takes before anything is drawn, without a GL context:
// open with GDAL, convert to core types, then project, simplify and
// triangulate each layer into the renderer's CPU buffers in the view CRSs
// users pick most. Shared by the fuzzer and the corpus replay tests, so that
// a file the fuzzer found replays exactly as it crashed.
#include <cstddef>
#include <string>

#include "core/diagnostics.hpp"

namespace pamir::fuzz {

struct PipelineResult {
  size_t layers = 0;
  size_t features = 0;  ///< loaded, in every layer
  size_t rasters = 0;
  size_t drawable = 0;   ///< features with something to draw in the default view CRS
  size_t triangles = 0;  ///< in the exact level of detail, default view CRS
};

/// Loads `path` and builds every layer's levels of detail. Problems go to `diag`.
PipelineResult loadAndPrepare(const std::string& path, Diagnostics& diag);

}  // namespace pamir::fuzz
