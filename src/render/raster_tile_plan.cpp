#include "render/raster_tile_plan.hpp"

#include <algorithm>
#include <cmath>

namespace pamir::render::detail {

namespace {
// Level-0 pixels per pixel of `level`, across and down.
XY levelScale(const std::vector<RasterLevel>& levels, int level) {
  const RasterLevel& full = levels.front();
  const RasterLevel& l = levels[static_cast<size_t>(level)];
  return {static_cast<double>(full.width) / l.width, static_cast<double>(full.height) / l.height};
}
}  // namespace

TilePlan planRasterTiles(const std::vector<RasterLevel>& levels, int tileSize, const Bounds& footprint,
                         double sourcePerScreen, XY centre, int previewWidth, size_t maxTiles) {
  TilePlan plan;
  if (levels.empty() || tileSize <= 0 || footprint.empty() || !(sourcePerScreen > 0) || previewWidth <= 0) return plan;
  const RasterLevel& full = levels.front();
  const Bounds raster{0, 0, static_cast<double>(full.width), static_cast<double>(full.height)};
  if (!footprint.intersects(raster)) return plan;
  const Bounds inView{std::max(footprint.minx, 0.0), std::max(footprint.miny, 0.0),
                      std::min(footprint.maxx, raster.maxx), std::min(footprint.maxy, raster.maxy)};
  // Levels are not exactly halvings (odd sizes round): a level within 1 % of
  // the view's resolution is taken as fine enough.
  const double previewScale = static_cast<double>(full.width) / previewWidth;
  int level = 0;
  for (int l = 1; l < static_cast<int>(levels.size()); ++l)
    if (levelScale(levels, l).x <= sourcePerScreen * 1.01) level = l;
  for (; level < static_cast<int>(levels.size()); ++level) {
    const XY s = levelScale(levels, level);
    if (s.x >= previewScale * 0.99) break;  // the preview is as fine: nothing to read
    const RasterLevel& l = levels[static_cast<size_t>(level)];
    const int cols = (l.width + tileSize - 1) / tileSize, rows = (l.height + tileSize - 1) / tileSize;
    const int c0 = std::clamp(static_cast<int>(std::floor(inView.minx / s.x / tileSize)), 0, cols - 1);
    const int c1 = std::clamp(static_cast<int>(std::ceil(inView.maxx / s.x / tileSize)) - 1, c0, cols - 1);
    const int r0 = std::clamp(static_cast<int>(std::floor(inView.miny / s.y / tileSize)), 0, rows - 1);
    const int r1 = std::clamp(static_cast<int>(std::ceil(inView.maxy / s.y / tileSize)) - 1, r0, rows - 1);
    const size_t count = static_cast<size_t>(c1 - c0 + 1) * static_cast<size_t>(r1 - r0 + 1);
    if (count > maxTiles) {
      plan.capped = true;
      continue;
    }
    plan.level = level;
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) plan.tiles.push_back({level, c, r});
    // Nearest the centre first: what the analyst looks at sharpens first.
    const XY at{centre.x / s.x, centre.y / s.y};
    auto distance = [&](const RasterTileKey& k) {
      const double dx = (k.col + 0.5) * tileSize - at.x, dy = (k.row + 0.5) * tileSize - at.y;
      return dx * dx + dy * dy;
    };
    std::stable_sort(plan.tiles.begin(), plan.tiles.end(),
                     [&](const RasterTileKey& a, const RasterTileKey& b) { return distance(a) < distance(b); });
    return plan;
  }
  return plan;
}

RasterTileKey coveringTile(const std::vector<RasterLevel>& levels, int tileSize, const RasterTileKey& key,
                           int coarser) {
  const XY s = levelScale(levels, key.level), c = levelScale(levels, coarser);
  const RasterLevel& l = levels[static_cast<size_t>(coarser)];
  const double x = (key.col + 0.5) * tileSize * s.x / c.x, y = (key.row + 0.5) * tileSize * s.y / c.y;
  const int cols = (l.width + tileSize - 1) / tileSize, rows = (l.height + tileSize - 1) / tileSize;
  return {coarser, std::clamp(static_cast<int>(x / tileSize), 0, cols - 1),
          std::clamp(static_cast<int>(y / tileSize), 0, rows - 1)};
}

Bounds tileFootprint(const std::vector<RasterLevel>& levels, int tileSize, const RasterTileKey& key) {
  const XY s = levelScale(levels, key.level);
  const RasterLevel& l = levels[static_cast<size_t>(key.level)];
  const double x0 = static_cast<double>(key.col) * tileSize, y0 = static_cast<double>(key.row) * tileSize;
  const double x1 = std::min<double>(x0 + tileSize, l.width), y1 = std::min<double>(y0 + tileSize, l.height);
  return {x0 * s.x, y0 * s.y, x1 * s.x, y1 * s.y};
}

}  // namespace pamir::render::detail
