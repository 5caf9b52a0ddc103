#include "render/raster_mesh.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>

namespace pamir::render::detail {

std::vector<PixelBlock> splitIntoBlocks(int width, int height, int blockSize) {
  std::vector<PixelBlock> blocks;
  if (width <= 0 || height <= 0 || blockSize <= 0) return blocks;
  for (int y = 0; y < height; y += blockSize) {
    for (int x = 0; x < width; x += blockSize) {
      blocks.push_back({x, y, std::min(blockSize, width - x), std::min(blockSize, height - y)});
    }
  }
  return blocks;
}

RasterMeshPart meshBlock(const double* g, const PixelBlock& block, const geo::Transform& toView,
                         std::vector<RasterVertex>& vertices) {
  RasterMeshPart part;
  part.first = vertices.size();
  // Grid cells of at most 8 raster pixels, at most 32 a side: the warp
  // between grid points is linear, under a pixel for a region's raster.
  const int w = block.width, h = block.height;
  const int cellsX = std::clamp((w + 7) / 8, 1, 32), cellsY = std::clamp((h + 7) / 8, 1, 32);
  std::vector<XY> grid(static_cast<size_t>(cellsX + 1) * (cellsY + 1));
  std::vector<XY> uv(grid.size());
  for (int j = 0; j <= cellsY; ++j) {
    for (int i = 0; i <= cellsX; ++i) {
      double px = block.x + static_cast<double>(w) * i / cellsX, py = block.y + static_cast<double>(h) * j / cellsY;
      size_t k = static_cast<size_t>(j) * (cellsX + 1) + i;
      grid[k] = {g[0] + px * g[1] + py * g[2], g[3] + px * g[4] + py * g[5]};
      uv[k] = {static_cast<double>(i) / cellsX, static_cast<double>(j) / cellsY};
    }
  }
  toView.apply(grid.data(), grid.size());
  auto ok = [&](size_t k) { return std::isfinite(grid[k].x) && std::isfinite(grid[k].y); };
  for (size_t k = 0; k < grid.size(); ++k) {
    if (ok(k)) part.bounds.add(grid[k].x, grid[k].y);
  }
  if (part.bounds.empty()) return part;
  part.origin = {(part.bounds.minx + part.bounds.maxx) / 2, (part.bounds.miny + part.bounds.maxy) / 2};
  auto vertex = [&](size_t k) {
    return RasterVertex{static_cast<float>(grid[k].x - part.origin.x), static_cast<float>(grid[k].y - part.origin.y),
                        static_cast<float>(uv[k].x), static_cast<float>(uv[k].y)};
  };
  for (int j = 0; j < cellsY; ++j) {
    for (int i = 0; i < cellsX; ++i) {
      size_t a = static_cast<size_t>(j) * (cellsX + 1) + i, bb = a + 1, c = a + (cellsX + 1), d = c + 1;
      // A cell with a corner outside the view CRS's domain is left out.
      if (!ok(a) || !ok(bb) || !ok(c) || !ok(d)) continue;
      for (size_t k : {a, bb, c, bb, d, c}) vertices.push_back(vertex(k));
    }
  }
  part.count = vertices.size() - part.first;
  return part;
}

RasterMesh buildRasterMesh(const RasterLayer& raster, const std::vector<PixelBlock>& blocks, const std::string& viewCrs,
                           std::string* error) {
  RasterMesh mesh;
  mesh.parts.resize(blocks.size());
  if (blocks.empty()) return mesh;
  // A raster whose CRS PROJ rejects is left out rather than drawn in the wrong place.
  auto transform = geo::Transform::create(raster.crsWkt.empty() ? std::string("EPSG:4326") : raster.crsWkt, viewCrs);
  if (!transform) {
    if (error) *error = transform.error();
    return mesh;
  }
  for (size_t b = 0; b < blocks.size(); ++b)
    mesh.parts[b] = meshBlock(raster.geoTransform, blocks[b], *transform, mesh.vertices);
  return mesh;
}

}  // namespace pamir::render::detail
