#pragma once
// A raster's resolutions (the full one and its overviews) and the reader of
// its tiles at each of them, for rasters too large to hold whole. Internal to
// the data module: includes GDAL.
#include <gdal_priv.h>

#include <memory>
#include <string>
#include <vector>

#include "core/raster_tiles.hpp"
#include "data/raster_colour.hpp"

namespace pamir::data {

/// One resolution of a dataset: the full one (overview -1) or an overview
/// whose every band read has the same size.
struct DatasetLevel {
  int width = 0, height = 0;
  int overview = -1;  ///< GDALRasterBand::GetOverview index; -1: the full raster
};

/// The full resolution, then every usable overview of the first `bandCount`
/// bands by decreasing width (duplicates of one size left out).
std::vector<DatasetLevel> datasetLevels(GDALDataset& ds, int bandCount);
/// The first `bandCount` bands of `ds` at `level`.
std::vector<GDALRasterBand*> levelBands(GDALDataset& ds, const DatasetLevel& level, int bandCount);

/// Tiles of `path` (opened again, read-only, on first use, so the reader is
/// independent of the dataset the layer was loaded from), coloured by
/// `colouring`, at the levels datasetLevels gives. Reads are serialised.
std::shared_ptr<RasterTileSource> openRasterTiles(const std::string& path, const RasterColouring& colouring,
                                                  std::vector<DatasetLevel> levels, int tileSize = 256);

}  // namespace pamir::data
