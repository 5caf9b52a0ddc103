// The tile worker: reads what is still wanted, most wanted first, never a
// tile twice while it is being read or waiting to be taken.
#include "render/tile_loader.hpp"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

namespace pamir::render::detail {
namespace {

// Tiles that take as long as the test says: read() blocks until released.
class GatedSource final : public RasterTileSource {
 public:
  const std::vector<RasterLevel>& levels() const override { return levels_; }
  int tileSize() const override { return 4; }
  std::optional<RasterTilePixels> read(const RasterTileKey& key, std::string* error) override {
    std::unique_lock<std::mutex> lock(m_);
    order_.push_back(key.col);
    cv_.notify_all();
    cv_.wait(lock, [&] { return open_; });
    if (key.col < 0) {
      if (error) *error = "bad tile";
      return std::nullopt;
    }
    return RasterTilePixels{1, 1, {static_cast<uint8_t>(key.col), 0, 0, 255}};
  }
  void open() {
    std::lock_guard<std::mutex> lock(m_);
    open_ = true;
    cv_.notify_all();
  }
  void waitForReads(size_t n) {
    std::unique_lock<std::mutex> lock(m_);
    cv_.wait(lock, [&] { return order_.size() >= n; });
  }
  std::vector<int> order() {
    std::lock_guard<std::mutex> lock(m_);
    return order_;
  }

 private:
  std::vector<RasterLevel> levels_{{16, 16}};
  std::mutex m_;
  std::condition_variable cv_;
  bool open_ = false;
  std::vector<int> order_;
};

TileJob job(const std::shared_ptr<GatedSource>& source, int col) { return {{0, {0, col, 0}}, source, 1}; }

TEST(TileLoader, ReadsOnlyWhatIsStillWantedInOrder) {
  auto source = std::make_shared<GatedSource>();
  TileLoader loader;
  loader.want({job(source, 1), job(source, 2), job(source, 3)});
  source->waitForReads(1);  // tile 1 is being read
  // The view moved: 2 and 3 are no longer wanted; 1 is wanted again but already on its way.
  loader.want({job(source, 7), job(source, 1), job(source, 8)});
  EXPECT_EQ(loader.pending(), 3u);  // 1 being read, 7 and 8 queued
  source->open();
  loader.waitIdle();
  EXPECT_EQ(source->order(), (std::vector<int>{1, 7, 8}));
  auto done = loader.take();
  ASSERT_EQ(done.size(), 3u);
  EXPECT_EQ(done[0].job.key.tile.col, 1);
  ASSERT_TRUE(done[0].pixels);
  EXPECT_EQ(done[0].pixels->rgba[0], 1);
  EXPECT_EQ(loader.pending(), 0u);
  EXPECT_EQ(loader.reads(), 3u);
}

TEST(TileLoader, ReportsAnUnreadableTileWithItsReason) {
  auto source = std::make_shared<GatedSource>();
  source->open();
  TileLoader loader;
  loader.want({job(source, -1)});
  loader.waitIdle();
  auto done = loader.take();
  ASSERT_EQ(done.size(), 1u);
  EXPECT_FALSE(done[0].pixels);
  EXPECT_EQ(done[0].error, "bad tile");
}

TEST(TileLoader, AViewThatWantsNothingCancelsTheQueue) {
  auto source = std::make_shared<GatedSource>();
  std::vector<TileJob> many;
  for (int i = 0; i < 100; ++i) many.push_back(job(source, i));
  TileLoader loader;
  loader.want(many);
  source->waitForReads(1);
  loader.want({});  // panned off the raster
  source->open();
  loader.waitIdle();
  EXPECT_EQ(source->order(), (std::vector<int>{0}));
  EXPECT_EQ(loader.take().size(), 1u);
}

TEST(TileLoader, AHeldLoaderFinishesItsReadAndStartsNoOther) {
  auto source = std::make_shared<GatedSource>();
  TileLoader loader;
  loader.want({job(source, 1), job(source, 2)});
  source->waitForReads(1);  // tile 1 is being read
  loader.hold(true);
  source->open();
  loader.waitIdle();  // returns with tile 2 still queued
  EXPECT_EQ(source->order(), (std::vector<int>{1}));
  EXPECT_EQ(loader.pending(), 2u);  // 1 read and not taken, 2 queued
  loader.want({job(source, 2), job(source, 3)});
  EXPECT_EQ(loader.take().size(), 1u);
  EXPECT_EQ(loader.reads(), 1u);
  loader.hold(false);
  loader.waitIdle();
  EXPECT_EQ(source->order(), (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(loader.take().size(), 2u);
}

}  // namespace
}  // namespace pamir::render::detail
