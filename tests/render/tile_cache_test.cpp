// The raster tile cache: budget, least-recently-used eviction, and the tiles
// of the frame being drawn kept even over the budget.
#include "render/tile_cache.hpp"

#include <gtest/gtest.h>

namespace pamir::render::detail {
namespace {

CachedTileKey key(int col, size_t raster = 0) { return {raster, {0, col, 0}}; }

TEST(TileCache, EvictsTheLeastRecentlyUsedDownToTheBudget) {
  TileCache<int> cache(300);
  cache.insert(key(1), std::make_unique<int>(1), 100, 1);
  cache.insert(key(2), std::make_unique<int>(2), 100, 2);
  cache.insert(key(3), std::make_unique<int>(3), 100, 3);
  EXPECT_EQ(cache.bytes(), 300u);
  ASSERT_NE(cache.find(key(1), 4), nullptr);  // tile 1 used again: tile 2 is now the oldest
  cache.insert(key(4), std::make_unique<int>(4), 100, 5);
  EXPECT_EQ(cache.size(), 3u);
  EXPECT_EQ(cache.bytes(), 300u);
  EXPECT_TRUE(cache.contains(key(1)));
  EXPECT_FALSE(cache.contains(key(2)));
  EXPECT_TRUE(cache.contains(key(3)));
  EXPECT_EQ(*cache.find(key(4), 5), 4);
  EXPECT_EQ(cache.evictions(), 1u);
}

TEST(TileCache, KeepsWhatTheCurrentFrameDrawsEvenOverBudget) {
  TileCache<int> cache(200);
  for (int i = 0; i < 5; ++i) cache.insert(key(i), std::make_unique<int>(i), 100, 7);
  EXPECT_EQ(cache.size(), 5u);  // all five drawn by frame 7
  EXPECT_EQ(cache.bytes(), 500u);
  cache.find(key(3), 8);
  cache.find(key(4), 8);
  cache.evict(8);  // frame 8 draws only 3 and 4
  EXPECT_EQ(cache.size(), 2u);
  EXPECT_TRUE(cache.contains(key(3)));
  EXPECT_TRUE(cache.contains(key(4)));
  EXPECT_EQ(cache.bytes(), 200u);
}

TEST(TileCache, ReplacesATileOfTheSameKeyAndForgetsARaster) {
  TileCache<int> cache(1000);
  cache.insert(key(1), std::make_unique<int>(1), 100, 1);
  cache.insert(key(1), std::make_unique<int>(9), 150, 2);
  EXPECT_EQ(cache.size(), 1u);
  EXPECT_EQ(cache.bytes(), 150u);
  EXPECT_EQ(*cache.find(key(1), 3), 9);
  cache.insert(key(1, 1), std::make_unique<int>(5), 100, 3);
  cache.eraseIf([](const CachedTileKey& k) { return k.raster == 0; });
  EXPECT_FALSE(cache.contains(key(1)));
  EXPECT_TRUE(cache.contains(key(1, 1)));
  EXPECT_EQ(cache.bytes(), 100u);
}

}  // namespace
}  // namespace pamir::render::detail
