#pragma once
// The file the window keeps its session in between runs: read at start,
// written whole after every change worth keeping and when the window closes.
// A file this build cannot read is never written over.
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

  /// Writes `state` whole when it differs from what this keeper last wrote
  /// or read; false with *problem (one line) when it could not. Nothing
  /// happens when not keeping.
  bool save(const SessionState& state, std::string* problem);

 private:
  std::string path_;
  bool refused_ = false;
  std::string written_;  ///< the file's text as last read or written
};

}  // namespace pamir::app
