#pragma once
// Overview builds the analyst started from the Layers panel, each on its own
// thread (a build reads the whole raster: minutes for satellite scenes),
// with progress to show and a cancel. The window polls for finished ones and
// reloads the raster, which then picks the overviews up from the cache.
#include <atomic>
#include <chrono>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

namespace pamir::app {

class OverviewJobs {
 public:
  struct Finished {
    std::string source;  ///< the raster's file
    bool ok = false;
    std::string message;  ///< what to tell the analyst (the cache path, or why not)
    double seconds = 0;
  };

  OverviewJobs() = default;
  /// Cancels every build and waits for them (nothing is left in the cache).
  ~OverviewJobs();
  OverviewJobs(const OverviewJobs&) = delete;
  OverviewJobs& operator=(const OverviewJobs&) = delete;

  /// Starts building overviews of `source`; false when one is running for it already.
  bool start(const std::string& source);
  void cancel(const std::string& source);
  /// 0..1 while a build of `source` runs.
  std::optional<double> progress(const std::string& source) const;
  bool busy() const { return !jobs_.empty(); }
  /// Builds that ended since the last call.
  std::vector<Finished> poll();

 private:
  struct Job {
    std::atomic<double> progress{0.0};
    std::atomic<bool> cancel{false};
    std::atomic<bool> done{false};
    Finished result;  // written by the thread before `done`
    std::chrono::steady_clock::time_point started;
    std::thread thread;
  };
  std::map<std::string, std::unique_ptr<Job>> jobs_;
};

}  // namespace pamir::app
