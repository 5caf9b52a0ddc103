#pragma once
// Reads raster tiles on a worker thread, so that panning and zooming never
// wait on the disk. The GL thread says each frame which tiles it still
// misses; what it no longer asks for is never read (a pan away cancels the
// queue), and each finished tile waits until the GL thread takes it in.
// Internal to render; no GL here.
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/raster_tiles.hpp"
#include "render/tile_cache.hpp"

namespace pamir::render::detail {

struct TileJob {
  CachedTileKey key;
  std::shared_ptr<RasterTileSource> source;  ///< kept alive while the job is queued or read
  uint64_t generation = 0;                   ///< of the renderer's rasters when asked for
};

struct TileResult {
  TileJob job;
  std::optional<RasterTilePixels> pixels;  ///< nullopt: unreadable, `error` says why
  std::string error;
};

class TileLoader {
 public:
  TileLoader() = default;
  /// Drops the queue and waits for the tile being read.
  ~TileLoader();
  TileLoader(const TileLoader&) = delete;
  TileLoader& operator=(const TileLoader&) = delete;

  /// The tiles wanted now, most wanted first: replaces the queue. Tiles
  /// being read or read and not taken yet are not asked for twice.
  void want(std::vector<TileJob> jobs);
  /// Tiles read since the last call, in the order they were read.
  std::vector<TileResult> take();
  /// Queued, being read, or read and not taken.
  size_t pending() const;
  /// Blocks until the queue is empty and nothing is being read.
  void waitIdle();
  /// Tiles read so far (all of them, including unreadable ones).
  size_t reads() const;
  /// While held, no new read starts (the tile being read finishes): a disk
  /// slower than any frame, for tests that a frame never waits on a read.
  /// waitIdle() returns once the read in progress is done.
  void hold(bool held);

 private:
  void run();
  bool busyWith(const CachedTileKey& key, uint64_t generation) const;  // with mutex_ held
  mutable std::mutex mutex_;
  std::condition_variable wake_, idle_;
  std::deque<TileJob> queue_;
  std::optional<TileJob> reading_;
  std::vector<TileResult> done_;
  size_t reads_ = 0;
  bool stop_ = false;
  bool held_ = false;
  std::thread worker_;  // started by the first want()
};

}  // namespace pamir::render::detail
