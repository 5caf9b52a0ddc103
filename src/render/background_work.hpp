#pragma once
// Work the GL thread hands off: one worker thread runs the CPU half of a job
// (projection, simplification, triangulation) and the GL thread runs the
// other half (the upload) when it next asks. GL calls stay on the thread
// that owns the context; nothing the worker touches is shared with it except
// through the job's own captures. Internal to render.
//
// One worker, not a pool: level building already spreads over every core
// (layer_geometry.cpp), and jobs in order keep the coarse levels, which are
// asked for first, ahead of the fine ones.
#include <condition_variable>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace pamir::render::detail {

class BackgroundWork {
 public:
  /// What a job leaves for the GL thread: run by deliver(), never on the worker.
  using Delivery = std::function<void()>;
  /// The worker's half of a job; it returns the GL thread's half.
  using Job = std::function<Delivery()>;

  BackgroundWork() = default;
  /// Drops the jobs not started and waits for the one running (its delivery is dropped).
  ~BackgroundWork();
  BackgroundWork(const BackgroundWork&) = delete;
  BackgroundWork& operator=(const BackgroundWork&) = delete;

  /// Queues a job behind the others; starts the worker thread the first time.
  void submit(Job job);
  /// Runs the deliveries of finished jobs, oldest first, on the calling thread; how many ran.
  size_t deliver();
  /// Jobs queued, running or finished and not delivered yet.
  size_t pending() const;
  /// Forgets the jobs not started yet (the running one goes on).
  void cancelQueued();
  /// Forgets the jobs not started yet and waits until none is running;
  /// deliveries of finished jobs are dropped too. The caller may then free
  /// what the dropped jobs would have read.
  void cancelAndWait();
  /// Threads a job may spread over: every core but one, which stays for the
  /// GL thread's frames (at least one).
  static size_t threads();
  /// Blocks until every job has run (tests and one-shot renders), then delivers them.
  void finishAll();

 private:
  void run();
  mutable std::mutex mutex_;
  std::condition_variable wake_;  // the worker: a job or the end
  std::condition_variable idle_;  // waiters: a job finished
  std::deque<Job> queue_;
  std::vector<Delivery> done_;
  bool running_ = false;  // a job is on the worker now
  bool stop_ = false;
  std::thread worker_;
};

}  // namespace pamir::render::detail
