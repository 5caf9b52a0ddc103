#pragma once
// Reading a raster for display at a bounded cost, whatever its declared size.
// Internal to the data module: includes GDAL.
#include <gdal_priv.h>

#include <optional>
#include <string>

#include "core/diagnostics.hpp"
#include "core/feature.hpp"
#include "data/source_loader.hpp"

namespace pamir::data {

/// Reads a raster dataset as 8-bit RGBA: RGB(A) bands as they are, a palette
/// through its colour table, one band of any other type stretched min..max to
/// grey. Nodata becomes transparent. The georeferencing is the raster's own,
/// scaled to the image read; RasterLayer::sourceWidth/sourceHeight keep its
/// full size. Tiles finer than the preview are read from `tilePath` (the
/// dataset's own name; `path` when empty), `path` names the layer's source.
std::optional<RasterLayer> readRaster(GDALDataset& ds, const std::string& path, Diagnostics& diag,
                                      const RasterBudget& budget = {}, const std::string& tilePath = "");

}  // namespace pamir::data
