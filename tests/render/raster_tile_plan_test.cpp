// Which level and tiles a view of a large raster needs.
#include "render/raster_tile_plan.hpp"

#include <gtest/gtest.h>

#include <set>

namespace pamir::render::detail {
namespace {

// 40,000 x 30,000 pixels with overviews halving down to 625 x 469.
std::vector<RasterLevel> pyramid() {
  std::vector<RasterLevel> levels;
  int w = 40000, h = 30000;
  for (int i = 0; i < 7; ++i) {
    levels.push_back({w, h});
    w = (w + 1) / 2;
    h = (h + 1) / 2;
  }
  return levels;
}

constexpr int kTile = 256;
constexpr int kPreview = 1250;  // the preview is 1250 pixels across: 32 level-0 pixels each

TEST(RasterTilePlan, TakesTheCoarsestLevelAtLeastAsFineAsTheView) {
  const auto levels = pyramid();
  const Bounds view{10000, 10000, 11280, 10800};  // level-0 pixels
  // One screen pixel spans `perScreen` level-0 pixels: level 2^k <= perScreen.
  const std::pair<double, int> cases[] = {{0.3, 0}, {1.0, 0}, {1.9, 0}, {2.0, 1},
                                          {3.5, 1}, {4.2, 2}, {9.0, 3}, {17.0, 4}};
  for (const auto& [perScreen, level] : cases) {
    const TilePlan plan = planRasterTiles(levels, kTile, view, perScreen, {10640, 10400}, kPreview, 1000);
    EXPECT_EQ(plan.level, level) << "at " << perScreen << " level-0 pixels per screen pixel";
    EXPECT_FALSE(plan.capped);
    for (const RasterTileKey& k : plan.tiles) EXPECT_EQ(k.level, level);
  }
}

TEST(RasterTilePlan, LeavesToThePreviewWhatItShowsAsFinely) {
  const auto levels = pyramid();
  const Bounds whole{0, 0, 40000, 30000};
  // 40,000 pixels on a 1,000-pixel screen: 40 per screen pixel, coarser than level 5 (32): the preview's own.
  const TilePlan plan = planRasterTiles(levels, kTile, whole, 40.0, {20000, 15000}, kPreview, 1000);
  EXPECT_EQ(plan.level, -1);
  EXPECT_TRUE(plan.tiles.empty());
  // A finer view of the same raster needs tiles.
  EXPECT_EQ(planRasterTiles(levels, kTile, whole, 20.0, {20000, 15000}, kPreview, 1000).level, 4);
}

TEST(RasterTilePlan, CoversTheViewAndNothingOutsideTheRaster) {
  const auto levels = pyramid();
  // Level 1 (20,000 x 15,000): the view spans level-1 pixels 100..740 x 200..600.
  const Bounds view{200, 400, 1480, 1200};
  const TilePlan plan = planRasterTiles(levels, kTile, view, 2.0, {840, 800}, kPreview, 1000);
  ASSERT_EQ(plan.level, 1);
  std::set<std::pair<int, int>> got;
  for (const auto& k : plan.tiles) got.insert({k.col, k.row});
  std::set<std::pair<int, int>> want;
  for (int r = 0; r <= 2; ++r)
    for (int c = 0; c <= 2; ++c) want.insert({c, r});
  EXPECT_EQ(got, want);
  // A view hanging over the raster's bottom-right corner asks for no tile beyond it.
  const TilePlan corner =
      planRasterTiles(levels, kTile, {39000, 29000, 41000, 31000}, 1.0, {40000, 30000}, kPreview, 1000);
  ASSERT_EQ(corner.level, 0);
  for (const auto& k : corner.tiles) {
    EXPECT_LT(k.col * kTile, 40000);
    EXPECT_LT(k.row * kTile, 30000);
  }
  EXPECT_EQ(corner.tiles.size(), 5u * 5u);  // columns 152..156, rows 113..117
  // A view beside the raster: nothing.
  EXPECT_TRUE(planRasterTiles(levels, kTile, {-5000, 0, -100, 800}, 1.0, {-2000, 400}, kPreview, 1000).tiles.empty());
}

TEST(RasterTilePlan, RefinesFromTheCentreOutwards) {
  const auto levels = pyramid();
  const TilePlan plan = planRasterTiles(levels, kTile, {0, 0, 2560, 2560}, 1.0, {1280, 1280}, kPreview, 1000);
  ASSERT_EQ(plan.tiles.size(), 100u);
  // The first four are the ones meeting at the centre, the last ones corners.
  std::set<std::pair<int, int>> first;
  for (int i = 0; i < 4; ++i)
    first.insert({plan.tiles[static_cast<size_t>(i)].col, plan.tiles[static_cast<size_t>(i)].row});
  EXPECT_EQ(first, (std::set<std::pair<int, int>>{{4, 4}, {5, 4}, {4, 5}, {5, 5}}));
  const RasterTileKey last = plan.tiles.back();
  EXPECT_TRUE((last.col == 0 || last.col == 9) && (last.row == 0 || last.row == 9));
}

TEST(RasterTilePlan, TooManyTilesTakesACoarserLevelAndSaysSo) {
  const auto levels = pyramid();
  const Bounds view{0, 0, 8192, 8192};
  // Level 0 would need 32 x 32 tiles; with at most 300, level 1 (16 x 16 = 256) is drawn.
  const TilePlan plan = planRasterTiles(levels, kTile, view, 1.0, {4096, 4096}, kPreview, 300);
  EXPECT_EQ(plan.level, 1);
  EXPECT_TRUE(plan.capped);
  EXPECT_EQ(plan.tiles.size(), 256u);
  // Without overviews, a zoomed-out view falls back to the preview.
  const std::vector<RasterLevel> flat{{40000, 30000}};
  const TilePlan none = planRasterTiles(flat, kTile, {0, 0, 40000, 30000}, 40.0, {20000, 15000}, kPreview, 500);
  EXPECT_EQ(none.level, -1);
  EXPECT_TRUE(none.capped);
  EXPECT_TRUE(none.tiles.empty());
}

TEST(RasterTilePlan, CoveringTileIsUnderTheCentreOfTheFinerOne) {
  const auto levels = pyramid();
  EXPECT_EQ(coveringTile(levels, kTile, {0, 9, 5}, 1), (RasterTileKey{1, 4, 2}));
  EXPECT_EQ(coveringTile(levels, kTile, {0, 9, 5}, 3), (RasterTileKey{3, 1, 0}));
  // The footprints nest.
  const Bounds fine = tileFootprint(levels, kTile, {0, 9, 5});
  const Bounds coarse = tileFootprint(levels, kTile, coveringTile(levels, kTile, {0, 9, 5}, 2));
  EXPECT_LE(coarse.minx, fine.minx);
  EXPECT_GE(coarse.maxx, fine.maxx);
  EXPECT_LE(coarse.miny, fine.miny);
  EXPECT_GE(coarse.maxy, fine.maxy);
}

}  // namespace
}  // namespace pamir::render::detail
