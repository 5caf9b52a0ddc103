#pragma once
// Sources read on worker threads, so that the window opens at once and
// never stops drawing while a big file loads: each load runs on its own
// thread, counts the features it has read for a progress line, and hands
// over its layers when done. Closing the window stops loads under way.
#include <atomic>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "core/diagnostics.hpp"
#include "data/catalog.hpp"

namespace pamir::app {

/// What one load read: its layers, and its problems one line each.
struct LoadedSources {
  std::vector<std::string> sources;
  data::Catalog catalog;
  Diagnostics diag;
};

class SourceLoading {
 public:
  SourceLoading() = default;
  SourceLoading(const SourceLoading&) = delete;
  SourceLoading& operator=(const SourceLoading&) = delete;
  /// Stops the loads under way (each stops within a feature) and waits for them.
  ~SourceLoading();

  /// Starts reading `sources` (styled from the palette's `firstColour`th colour).
  void start(std::vector<std::string> sources, size_t firstColour);
  /// Loads that have finished since the last call, in the order they were started.
  std::vector<LoadedSources> takeFinished();
  bool busy() const { return !jobs_.empty(); }
  /// "loading roads.gpkg: 1,234,567 features read…"; empty when nothing loads.
  std::string progress() const;

 private:
  struct Job {
    std::vector<std::string> sources;
    std::atomic<int64_t> featuresRead{0};
    std::atomic<bool> done{false};
    std::atomic<bool> cancel{false};
    LoadedSources result;
    std::thread thread;
  };
  std::vector<std::unique_ptr<Job>> jobs_;
};

/// 1234567 -> "1,234,567".
std::string groupedCount(int64_t n);

}  // namespace pamir::app
