#include "app/session_keeper.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <system_error>

namespace pamir::app {

SessionRead SessionKeeper::restore() {
  if (path_.empty()) return {};
  SessionRead r = readSessionFile(path_);
  if (!r.ok()) {
    refused_ = true;
    r.problem +=
        "; it is kept as it is and this window's session is not saved over it (Save session… saves "
        "it elsewhere)";
    return r;
  }
  // Said now, not after an evening's work is lost at the first save.
  const std::filesystem::path folder = std::filesystem::path(path_).parent_path();
  const std::filesystem::path existing = folder.empty() ? "." : folder;
  std::error_code ec;
  if (std::filesystem::is_directory(existing, ec) && ::access(existing.c_str(), W_OK) != 0)
    r.problem = existing.string() + ": " + std::strerror(errno) + "; the session cannot be saved to " + path_;
  return r;
}

bool SessionKeeper::save(const SessionState& state, std::string* problem, std::optional<uint64_t> measurementsEdition) {
  if (!keeping()) return true;
  std::string member = sessionMemberJson(state);
  const bool sameMeasurements = measurementsEdition && measurementsEdition == edition_;
  if (written_ && sameMeasurements && member == member_) return true;
  std::string measurements = sameMeasurements ? std::move(measurements_) : measurementsGeoJson(state.measurements);
  if (written_ && member == member_ && measurements == measurements_) return true;
  std::string why;
  const bool ok = writeSessionText(sessionJson(member, measurements), path_, &why);
  // Kept whether or not it was written: the next save must not make it again.
  measurements_ = std::move(measurements);
  edition_ = measurementsEdition;
  if (!ok) {
    written_ = false;  // tried again at the next save
    if (problem) *problem = "session not saved: " + why;
    return false;
  }
  member_ = std::move(member);
  written_ = true;
  return true;
}

}  // namespace pamir::app
