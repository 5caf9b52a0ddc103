#include "render/tile_loader.hpp"

#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <algorithm>

namespace pamir::render::detail {

TileLoader::~TileLoader() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

bool TileLoader::busyWith(const CachedTileKey& key, uint64_t generation) const {
  auto same = [&](const TileJob& j) { return j.key == key && j.generation == generation; };
  if (reading_ && same(*reading_)) return true;
  return std::any_of(done_.begin(), done_.end(), [&](const TileResult& r) { return same(r.job); });
}

void TileLoader::want(std::vector<TileJob> jobs) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    queue_.clear();
    for (TileJob& j : jobs)
      if (!busyWith(j.key, j.generation)) queue_.push_back(std::move(j));
    if (!worker_.joinable() && !queue_.empty()) worker_ = std::thread([this] { run(); });
  }
  wake_.notify_one();
}

std::vector<TileResult> TileLoader::take() {
  std::lock_guard<std::mutex> lock(mutex_);
  std::vector<TileResult> out;
  out.swap(done_);
  return out;
}

size_t TileLoader::pending() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size() + (reading_ ? 1 : 0) + done_.size();
}

void TileLoader::hold(bool held) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    held_ = held;
  }
  wake_.notify_one();
  idle_.notify_all();
}

size_t TileLoader::reads() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return reads_;
}

void TileLoader::waitIdle() {
  std::unique_lock<std::mutex> lock(mutex_);
  idle_.wait(lock, [&] { return (queue_.empty() || held_) && !reading_; });
}

void TileLoader::run() {
  // Below the drawing thread: on a machine with few cores, decoding tiles
  // must not take the CPU a software GL needs to keep frames short. (Linux
  // gives each thread its own nice value; elsewhere this does nothing.)
#ifdef SYS_gettid
  setpriority(PRIO_PROCESS, static_cast<id_t>(syscall(SYS_gettid)), 10);
#endif
  std::unique_lock<std::mutex> lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || (!queue_.empty() && !held_); });
    if (stop_) break;
    reading_ = std::move(queue_.front());
    queue_.pop_front();
    TileJob job = *reading_;
    lock.unlock();
    TileResult result{job, std::nullopt, {}};
    result.pixels = job.source->read(job.key.tile, &result.error);
    lock.lock();
    ++reads_;
    reading_.reset();
    done_.push_back(std::move(result));
    idle_.notify_all();
  }
  reading_.reset();
  idle_.notify_all();
}

}  // namespace pamir::render::detail
