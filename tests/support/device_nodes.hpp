#pragma once
// Character devices for tests of writers that must write into a device and
// leave it in place. Run as root, a writer that wrongly renames a file over
// its target would replace the system's /dev/null for every program on the
// machine; so root gets a private node of the same device in the test's own
// folder. Anyone else gets the system's, which they cannot replace.
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <filesystem>
#include <string>

namespace pamir::test {

inline std::string characterDevice(const std::filesystem::path& dir, const char* name, unsigned major, unsigned minor) {
  const std::string system = std::string("/dev/") + name;
  if (::geteuid() != 0) return system;
  const std::filesystem::path node = dir / name;
  ::unlink(node.c_str());
  if (::mknod(node.c_str(), S_IFCHR | 0666, makedev(major, minor)) != 0) return system;
  return node.string();
}

/// Takes and drops everything written (/dev/null: 1, 3).
inline std::string nullDevice(const std::filesystem::path& dir) { return characterDevice(dir, "null", 1, 3); }
/// Answers every write with ENOSPC, as a full disk does (/dev/full: 1, 7).
inline std::string fullDevice(const std::filesystem::path& dir) { return characterDevice(dir, "full", 1, 7); }

}  // namespace pamir::test
