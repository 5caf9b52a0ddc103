#pragma once
// A raster too large to hold whole, read in square tiles at the resolution a
// view needs: the full one (level 0) or one of its overviews. Plain types and
// an interface: the data module reads tiles with GDAL, the renderer decides
// which ones a view needs and keeps them on the GPU.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pamir {

/// One resolution of a raster, in pixels. Level 0 is the full raster; every
/// later level is coarser (an overview).
struct RasterLevel {
  int width = 0;
  int height = 0;
};

/// A tile of a level: columns and rows of RasterTileSource::tileSize() pixels
/// from the level's top-left corner (the last column and row may be narrower).
struct RasterTileKey {
  int level = 0;
  int col = 0;
  int row = 0;
  friend auto operator<=>(const RasterTileKey&, const RasterTileKey&) = default;
};

/// A tile's pixels as 8-bit RGBA, top row first.
struct RasterTilePixels {
  int width = 0;
  int height = 0;
  std::vector<uint8_t> rgba;
};

/// Reads tiles of one raster. read() may be called from any thread; an
/// implementation serialises its own access to the file.
class RasterTileSource {
 public:
  virtual ~RasterTileSource() = default;
  /// Level 0 first, then coarser levels by decreasing width.
  virtual const std::vector<RasterLevel>& levels() const = 0;
  /// Side of a tile in pixels, at every level.
  virtual int tileSize() const = 0;
  /// The tile's pixels, coloured as the raster's preview is (the same
  /// stretch, palette and nodata), or nullopt with the reason in *error.
  virtual std::optional<RasterTilePixels> read(const RasterTileKey& key, std::string* error) = 0;
};

}  // namespace pamir
