#pragma once
// The CPU side of a raster in the view CRS: its pixels cut into blocks no
// larger than a texture may be, and each block's pixel grid transformed from
// the raster's CRS into the view CRS as a triangle mesh (warped, not
// stretched into a rectangle). No GL here: the mesh is plain data, uploaded
// by raster_upload. Internal to render.
#include <cstddef>
#include <string>
#include <vector>

#include "core/feature.hpp"
#include "geo/projection.hpp"

namespace pamir::render::detail {

/// A rectangle of raster pixels (column x, row y from the top-left corner).
struct PixelBlock {
  int x = 0, y = 0, width = 0, height = 0;
};

/// Cuts a width x height raster into blocks of at most `blockSize` pixels a
/// side, row by row from the top-left; none when either size is not positive.
std::vector<PixelBlock> splitIntoBlocks(int width, int height, int blockSize);

struct RasterVertex {
  float x, y;  ///< view CRS units, relative to the block's RasterMeshPart::origin
  float u, v;  ///< texture coordinates over the block: (0,0) its top-left pixel corner, (1,1) its bottom-right
};

/// The triangles of one block within RasterMesh::vertices.
struct RasterMeshPart {
  Bounds bounds;  ///< view CRS, of the block's grid points that transformed; empty when none did
  XY origin;      ///< view CRS, centre of bounds: vertices are relative to it
  size_t first = 0;
  size_t count = 0;  ///< vertices, 3 per triangle; 0 when nothing of the block can be drawn
};

struct RasterMesh {
  std::vector<RasterVertex> vertices;
  std::vector<RasterMeshPart> parts;  ///< one per block, in the order given
};

/// Transforms each block's grid (cells of at most 8 raster pixels, at most 32
/// cells a side) through the raster's geotransform and from its CRS
/// (RasterLayer::crsWkt, WGS84 when empty) into `viewCrs`. A cell with a
/// corner the view CRS cannot represent (NaN, e.g. beyond an orthographic
/// horizon) is left out. When the transform cannot be made, every part is
/// empty and *error (when given) says why.
/// One block's triangles, appended to `vertices`: its pixel grid through the
/// geotransform `g` (6 terms, GDAL's order) and `toView` (the raster's CRS to
/// the view CRS).
RasterMeshPart meshBlock(const double* g, const PixelBlock& block, const geo::Transform& toView,
                         std::vector<RasterVertex>& vertices);

RasterMesh buildRasterMesh(const RasterLayer& raster, const std::vector<PixelBlock>& blocks, const std::string& viewCrs,
                           std::string* error = nullptr);

}  // namespace pamir::render::detail
