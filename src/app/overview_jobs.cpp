#include "app/overview_jobs.hpp"

#include "data/overview_cache.hpp"

namespace pamir::app {

OverviewJobs::~OverviewJobs() {
  for (auto& [source, job] : jobs_) job->cancel = true;
  for (auto& [source, job] : jobs_)
    if (job->thread.joinable()) job->thread.join();
}

bool OverviewJobs::start(const std::string& source) {
  if (jobs_.count(source)) return false;
  auto job = std::make_unique<Job>();
  job->started = std::chrono::steady_clock::now();
  Job* j = job.get();
  job->thread = std::thread([j, source] {
    auto built = data::buildOverviews(source, [j](double done) {
      j->progress = done;
      return !j->cancel.load();
    });
    j->result.source = source;
    j->result.ok = built.ok();
    j->result.message = built ? "overviews of " + source + " built into " + *built : built.error();
    j->result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - j->started).count();
    j->done = true;
  });
  jobs_[source] = std::move(job);
  return true;
}

void OverviewJobs::cancel(const std::string& source) {
  if (auto it = jobs_.find(source); it != jobs_.end()) it->second->cancel = true;
}

std::optional<double> OverviewJobs::progress(const std::string& source) const {
  auto it = jobs_.find(source);
  if (it == jobs_.end()) return std::nullopt;
  return it->second->progress.load();
}

std::vector<OverviewJobs::Finished> OverviewJobs::poll() {
  std::vector<Finished> out;
  for (auto it = jobs_.begin(); it != jobs_.end();) {
    if (!it->second->done) {
      ++it;
      continue;
    }
    it->second->thread.join();
    out.push_back(std::move(it->second->result));
    it = jobs_.erase(it);
  }
  return out;
}

}  // namespace pamir::app
