#include "render/background_work.hpp"

#include <sys/resource.h>
#include <unistd.h>

#include <utility>

namespace pamir::render::detail {

BackgroundWork::~BackgroundWork() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
    queue_.clear();
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
}

void BackgroundWork::submit(Job job) {
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(job));
    if (!worker_.joinable()) worker_ = std::thread([this] { run(); });
  }
  wake_.notify_one();
}

size_t BackgroundWork::deliver() {
  std::vector<Delivery> ready;
  {
    std::lock_guard lock(mutex_);
    ready.swap(done_);
  }
  for (Delivery& d : ready)
    if (d) d();
  return ready.size();
}

size_t BackgroundWork::pending() const {
  std::lock_guard lock(mutex_);
  return queue_.size() + (running_ ? 1 : 0) + done_.size();
}

void BackgroundWork::cancelQueued() {
  std::lock_guard lock(mutex_);
  queue_.clear();
}

void BackgroundWork::cancelAndWait() {
  std::unique_lock lock(mutex_);
  queue_.clear();
  idle_.wait(lock, [&] { return !running_; });
  done_.clear();
}

void BackgroundWork::finishAll() {
  // A delivery may queue more work (a layer's first level once it is projected).
  do {
    std::unique_lock lock(mutex_);
    idle_.wait(lock, [&] { return queue_.empty() && !running_; });
  } while (deliver() > 0);
}

void BackgroundWork::run() {
  // Below the GL thread: on a machine with few cores the frames come first,
  // the building waits. Linux keeps a nice value per thread, and the threads
  // level building starts (layer_geometry.cpp) inherit it. Failing leaves the
  // worker at the normal priority, which is only slower for the frames.
  constexpr int kBackgroundNice = 10;
  (void)setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), kBackgroundNice);
  std::unique_lock lock(mutex_);
  for (;;) {
    wake_.wait(lock, [&] { return stop_ || !queue_.empty(); });
    if (stop_) return;
    Job job = std::move(queue_.front());
    queue_.pop_front();
    running_ = true;
    lock.unlock();
    Delivery delivery = job();
    job = nullptr;  // what the job captured is released here, off the GL thread
    lock.lock();
    running_ = false;
    if (!stop_) done_.push_back(std::move(delivery));
    idle_.notify_all();
  }
}

}  // namespace pamir::render::detail
