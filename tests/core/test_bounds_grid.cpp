// The grid over many boxes: its candidates for a query hold every box that
// meets the query (compared with testing each box), in index order, once.
#include <gtest/gtest.h>

#include <random>

#include "core/bounds_grid.hpp"

namespace pamir {
namespace {

TEST(BoundsGrid, CandidatesHoldEveryBoxThatMeetsTheQueryInIndexOrder) {
  std::mt19937 rng(11);
  std::uniform_real_distribution<double> x(-100, 100), y(-50, 50), size(0, 2), wide(0, 150);
  std::vector<Bounds> boxes;
  for (int i = 0; i < 20000; ++i) {
    const double cx = x(rng), cy = y(rng);
    const double w = i % 500 == 0 ? wide(rng) : size(rng), h = i % 500 == 0 ? wide(rng) : size(rng);
    boxes.push_back({cx, cy, cx + w, cy + h});
    if (i % 1000 == 0) boxes.push_back(Bounds{});  // nothing to draw: never a candidate
  }
  const BoundsGrid grid(boxes);
  EXPECT_GT(grid.cellCount(), 1000u);
  std::vector<uint32_t> got;
  size_t totalCandidates = 0, totalHits = 0;
  for (int q = 0; q < 500; ++q) {
    const double cx = x(rng), cy = y(rng), r = q % 50 == 0 ? 30.0 : 0.5;
    const Bounds query{cx - r, cy - r, cx + r, cy + r};
    grid.candidates(query, got);
    ASSERT_TRUE(std::is_sorted(got.begin(), got.end()));
    ASSERT_EQ(std::adjacent_find(got.begin(), got.end()), got.end()) << "a candidate twice";
    for (size_t i = 0; i < boxes.size(); ++i) {
      if (boxes[i].empty() || !boxes[i].intersects(query)) continue;
      ++totalHits;
      ASSERT_TRUE(std::binary_search(got.begin(), got.end(), static_cast<uint32_t>(i)))
          << "box " << i << " meets query " << q << " but is not a candidate";
    }
    for (uint32_t i : got) ASSERT_FALSE(boxes[i].empty());
    totalCandidates += got.size();
  }
  EXPECT_GT(totalHits, 0u);
  // A grid, not a list: the candidates are a small multiple of the hits.
  EXPECT_LT(totalCandidates, 20 * totalHits);
}

TEST(BoundsGrid, AQueryOutsideEveryBoxOrOverNoBoxesHasNoCandidates) {
  std::vector<uint32_t> got{7};
  BoundsGrid().candidates({0, 0, 1, 1}, got);
  EXPECT_TRUE(got.empty());
  const BoundsGrid grid({{0, 0, 1, 1}, {5, 5, 6, 6}});
  grid.candidates({10, 10, 11, 11}, got);
  EXPECT_TRUE(got.empty());
  grid.candidates({0.5, 0.5, 0.5, 0.5}, got);
  ASSERT_FALSE(got.empty());
  EXPECT_EQ(got.front(), 0u);  // two boxes share one cell: the other may come too
}

}  // namespace
}  // namespace pamir
