#pragma once
// The file the window keeps its session in between runs: read at start,
// written whole after every change worth keeping and when the window closes.
// A file this build cannot read is never written over.
#include <cstdint>
#include <optional>
#include <string>

#include "app/session_state.hpp"

namespace pamir::app {

class SessionKeeper {
 public:
  /// An empty path keeps nothing.
  explicit SessionKeeper(std::string path) : path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  /// False for no path, and once restore() found a file that saving would destroy.
  bool keeping() const { return !path_.empty() && !refused_; }

  /// Reads the file. A newer, corrupt or unreadable one comes back with its
  /// problem (one line: the file, what is wrong, and that it is kept as it
  /// is) and saving is switched off, so the file stays byte for byte as it was.
  SessionRead restore();

  /// Writes `state` whole when it differs from what this keeper last wrote;
  /// false with *problem (one line) when it could not. Nothing happens when
  /// not keeping. `measurementsEdition` says which edition of the
  /// measurements `state` holds: while it stays the same, their text is not
  /// made again (a few seconds' autosave then costs next to nothing).
  bool save(const SessionState& state, std::string* problem, std::optional<uint64_t> measurementsEdition = {});

 private:
  std::string path_;
  bool refused_ = false;
  std::string member_;        ///< the session member last written
  std::string measurements_;  ///< the measurements' text last written
  std::optional<uint64_t> edition_;
  bool written_ = false;
};

}  // namespace pamir::app
