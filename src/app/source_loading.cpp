#include "app/source_loading.hpp"

#include <filesystem>

namespace pamir::app {

SourceLoading::~SourceLoading() {
  for (auto& j : jobs_) j->cancel = true;
  for (auto& j : jobs_)
    if (j->thread.joinable()) j->thread.join();
}

void SourceLoading::start(std::vector<std::string> sources, size_t firstColour) {
  auto job = std::make_unique<Job>();
  job->sources = std::move(sources);
  Job* j = job.get();
  j->thread = std::thread([j, firstColour] {
    data::LoadOptions options;
    options.featuresRead = &j->featuresRead;
    options.cancel = &j->cancel;
    j->result.sources = j->sources;
    j->result.catalog = data::loadSources(j->sources, j->result.diag, firstColour, options);
    j->done.store(true, std::memory_order_release);
  });
  jobs_.push_back(std::move(job));
}

std::vector<LoadedSources> SourceLoading::takeFinished() {
  std::vector<LoadedSources> out;
  // In start order: a load that finished early waits for those before it,
  // so layers stack in the order they were asked for.
  while (!jobs_.empty() && jobs_.front()->done.load(std::memory_order_acquire)) {
    jobs_.front()->thread.join();
    out.push_back(std::move(jobs_.front()->result));
    jobs_.erase(jobs_.begin());
  }
  return out;
}

std::string SourceLoading::progress() const {
  if (jobs_.empty()) return "";
  int64_t read = 0;
  for (const auto& j : jobs_) read += j->featuresRead.load(std::memory_order_relaxed);
  const auto& first = jobs_.front()->sources;
  std::string what = first.size() == 1 ? std::filesystem::path(first.front()).filename().string()
                                       : std::to_string(first.size()) + " sources";
  if (what.empty()) what = first.front();
  if (jobs_.size() > 1) what += " and " + std::to_string(jobs_.size() - 1) + " more";
  return "loading " + what + ": " + groupedCount(read) + " features read…";
}

std::string groupedCount(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -n : n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? "-" + out : out;
}

}  // namespace pamir::app
