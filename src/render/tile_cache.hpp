#pragma once
// Tiles kept under a byte budget, least recently used evicted first, never
// one the current frame uses. Generic over what a tile is (GPU textures in
// the renderer, plain values in tests). Internal to render.
#include <cstddef>
#include <cstdint>
#include <list>
#include <map>
#include <memory>
#include <utility>

#include "core/raster_tiles.hpp"

namespace pamir::render::detail {

/// A tile of one of the renderer's rasters.
struct CachedTileKey {
  size_t raster = 0;  ///< index into the renderer's rasters
  RasterTileKey tile;
  friend auto operator<=>(const CachedTileKey&, const CachedTileKey&) = default;
};

template <class Tile>
class TileCache {
 public:
  explicit TileCache(size_t budgetBytes) : budget_(budgetBytes) {}

  /// The tile, marked used in `frame`; null when not held.
  Tile* find(const CachedTileKey& key, uint64_t frame) {
    auto it = index_.find(key);
    if (it == index_.end()) return nullptr;
    Entry& e = *it->second;
    e.frame = frame;
    order_.splice(order_.end(), order_, it->second);  // most recent last
    return e.tile.get();
  }
  bool contains(const CachedTileKey& key) const { return index_.count(key) != 0; }

  /// Holds `tile` (replacing one of the same key), used in `frame`, then
  /// evicts down to the budget.
  Tile* insert(const CachedTileKey& key, std::unique_ptr<Tile> tile, size_t bytes, uint64_t frame) {
    erase(key);
    order_.push_back(Entry{key, std::move(tile), bytes, frame});
    index_[key] = std::prev(order_.end());
    bytes_ += bytes;
    Tile* held = order_.back().tile.get();
    evict(frame);
    return held;
  }

  /// Drops least recently used tiles until within the budget; tiles used in
  /// `frame` stay even over it (the frame draws them).
  void evict(uint64_t frame) {
    for (auto it = order_.begin(); bytes_ > budget_ && it != order_.end();) {
      if (it->frame == frame) {
        ++it;
        continue;
      }
      bytes_ -= it->bytes;
      index_.erase(it->key);
      it = order_.erase(it);
      ++evictions_;
    }
  }

  void erase(const CachedTileKey& key) {
    auto it = index_.find(key);
    if (it == index_.end()) return;
    bytes_ -= it->second->bytes;
    order_.erase(it->second);
    index_.erase(it);
  }
  /// Drops every tile of raster `raster` (its layer changed or went away).
  template <class Pred>
  void eraseIf(Pred pred) {
    for (auto it = order_.begin(); it != order_.end();) {
      if (pred(it->key)) {
        bytes_ -= it->bytes;
        index_.erase(it->key);
        it = order_.erase(it);
      } else {
        ++it;
      }
    }
  }
  void clear() {
    order_.clear();
    index_.clear();
    bytes_ = 0;
  }

  void setBudget(size_t bytes) { budget_ = bytes; }
  size_t budget() const { return budget_; }
  size_t bytes() const { return bytes_; }
  size_t size() const { return order_.size(); }
  size_t evictions() const { return evictions_; }

 private:
  struct Entry {
    CachedTileKey key;
    std::unique_ptr<Tile> tile;
    size_t bytes = 0;
    uint64_t frame = 0;
  };
  size_t budget_;
  size_t bytes_ = 0;
  size_t evictions_ = 0;
  std::list<Entry> order_;  // least recently used first
  std::map<CachedTileKey, typename std::list<Entry>::iterator> index_;
};

}  // namespace pamir::render::detail
