#include "render/background_work.hpp"

#include <algorithm>
#include <thread>
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

// Not a lower priority: on a busy machine a niced worker starved (a 10M-segment
// layer never showed in 60 s while other builds ran). A core left free keeps
// the frames smooth and the worker at an even share.
size_t BackgroundWork::threads() {
  const unsigned cores = std::thread::hardware_concurrency();
  return std::max(1u, cores > 1 ? cores - 1 : 1u);
}

void BackgroundWork::run() {
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
