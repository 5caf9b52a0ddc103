#pragma once
// Opening geodata through GDAL: any OGR vector source (every layer) and any
// GDAL raster. Vector features are transformed to WGS84 lon/lat on load.
// Problems are reported to Diagnostics one line each; a broken feature or
// layer is skipped and the rest still loads.
#include <atomic>
#include <cstdint>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/feature.hpp"

namespace pamir::data {

struct LoadedSource {
  std::vector<Layer> layers;
  std::vector<RasterLayer> rasters;
  /// False when GDAL failed part-way through a layer, so features are missing.
  bool complete = true;
};

/// How much one raster may cost to read. A raster's preview is read whole
/// but decimated: from the smallest overview that still has at least the
/// pixels shown, into an image no larger than `maxSide` (`previewSide` when
/// the raster has overviews) on a side, and smaller still when that read
/// would decode more than `maxSourceBytes` of source blocks (a huge raster
/// with no overviews: every block is touched at most once). What is finer
/// than the preview is read later, tile by tile (RasterLayer::tiles).
struct RasterBudget {
  /// Longest side of the image kept, in pixels. GL 3.3 guarantees 1024-pixel
  /// textures; llvmpipe and GPUs give 8192 or more. 4096 x 4096 RGBA is 64 MiB.
  int maxSide = 4096;
  /// Longest side of the preview of a raster with overviews: its tiles at
  /// the resolution a view needs are read later (RasterLayer::tiles).
  int previewSide = 2048;
  /// Source block bytes one read may decode, all bands together.
  int64_t maxSourceBytes = int64_t{256} << 20;
};

struct LoadOptions {
  /// Only these layer names (empty: all). Applies to vector layers of the source.
  std::vector<std::string> layers;
  RasterBudget raster;
  /// Features read so far, counted up as they are read, for another thread
  /// to show progress with; null: not counted.
  std::atomic<int64_t>* featuresRead = nullptr;
  /// Set by another thread to stop reading (the window closes): the layer
  /// read so far is dropped and the source marked incomplete.
  const std::atomic<bool>* cancel = nullptr;
};

/// Opens `path` (a file or any GDAL connection string). `SOURCE:LAYER` is not
/// parsed here; pass LoadOptions::layers instead.
LoadedSource loadSource(const std::string& path, Diagnostics& diag, const LoadOptions& options = {});
}  // namespace pamir::data
