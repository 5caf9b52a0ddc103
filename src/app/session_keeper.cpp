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

bool SessionKeeper::save(const SessionState& state, std::string* problem) {
  if (!keeping()) return true;
  std::string text = sessionJson(state);
  if (text == written_) return true;
  std::string why;
  if (!writeSessionText(text, path_, &why)) {
    if (problem) *problem = "session not saved: " + why;
    return false;
  }
  written_ = std::move(text);
  return true;
}

}  // namespace pamir::app
