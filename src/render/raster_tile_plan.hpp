#pragma once
// Which tiles of a raster a view needs, and at which level: plain
// arithmetic over the raster's levels (no GL, no GDAL), so that it can be
// tested alone. Internal to render.
#include <cstddef>
#include <vector>

#include "core/geometry.hpp"
#include "core/raster_tiles.hpp"

namespace pamir::render::detail {

/// What a view needs of a tiled raster.
struct TilePlan {
  /// The level drawn, or -1 when the preview is as fine as the view needs
  /// (or nothing of the raster is in view): no tile then.
  int level = -1;
  std::vector<RasterTileKey> tiles;  ///< of `level`, nearest the view's centre first
  /// The level the view needs has more tiles in view than allowed: a coarser
  /// one was taken, or the preview (a large raster without overviews).
  bool capped = false;
};

/// The coarsest level whose pixels are still at most `sourcePerScreen`
/// level-0 pixels wide (the view's resolution), at most `maxTiles` of whose
/// tiles cover `footprint` (the view's extent in level-0 pixel coordinates:
/// x right, y down from the raster's top-left corner). Levels as coarse as
/// the preview (previewWidth pixels across the whole raster) are not tiled.
/// `centre` (level-0 pixels) orders the tiles.
TilePlan planRasterTiles(const std::vector<RasterLevel>& levels, int tileSize, const Bounds& footprint,
                         double sourcePerScreen, XY centre, int previewWidth, size_t maxTiles);

/// The tile of `coarser` (a level index above key.level) under the centre of
/// `key`: drawn in its place until `key` itself is read.
RasterTileKey coveringTile(const std::vector<RasterLevel>& levels, int tileSize, const RasterTileKey& key, int coarser);

/// The level-0 pixels `key` covers, as a rectangle in level-0 pixel coordinates.
Bounds tileFootprint(const std::vector<RasterLevel>& levels, int tileSize, const RasterTileKey& key);

}  // namespace pamir::render::detail
