#include "core/atomic_file.hpp"

// POSIX, not std::ofstream: the standard library can neither create a file
// exclusively (O_EXCL, for a name no other writer holds) nor fsync it.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <random>

namespace pamir {
namespace {

// Closes on every path out, so a failed write leaves no descriptor open.
class Descriptor {
 public:
  explicit Descriptor(int fd) : fd_(fd) {}
  ~Descriptor() { close(); }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
  int get() const { return fd_; }
  bool close() {
    if (fd_ < 0) return true;
    const int rc = ::close(fd_);
    fd_ = -1;
    return rc == 0;
  }

 private:
  int fd_;
};

// ".NAME.tmp-PID-COUNT-RANDOM": hidden, and unique across processes and threads.
std::filesystem::path temporaryName(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};
  thread_local std::mt19937 random{std::random_device{}()};
  std::string name = "." + target.filename().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
                     std::to_string(counter.fetch_add(1)) + "-" + std::to_string(random() % 1000000);
  return target.parent_path() / name;
}

bool writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

}  // namespace

bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string* error) {
  auto fail = [&](const std::string& why) {
    if (error) *error = "cannot write " + path + ": " + why;
    return false;
  };
  const std::filesystem::path target(path);
  if (target.filename().empty()) return fail("not a file name");
  struct stat existing {};
  const bool exists = ::stat(path.c_str(), &existing) == 0;
  if (exists && S_ISDIR(existing.st_mode)) return fail("it is a folder");

  std::filesystem::path temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = temporaryName(target);
    // 0666 as for any new file: the umask decides, as it would for ofstream.
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) return fail(std::strerror(errno));
  }
  if (fd < 0) return fail("no free temporary name");
  Descriptor file(fd);
  auto abandon = [&](const std::string& why) {
    file.close();
    ::unlink(temp.c_str());
    return fail(why);
  };
  if (!writeAll(file.get(), bytes)) return abandon(std::strerror(errno));
  if (exists && ::fchmod(file.get(), existing.st_mode & 07777) != 0) return abandon(std::strerror(errno));
  if (::fsync(file.get()) != 0) return abandon(std::strerror(errno));
  if (!file.close()) return abandon(std::strerror(errno));
  if (::rename(temp.c_str(), path.c_str()) != 0) {
    const std::string why = std::strerror(errno);
    ::unlink(temp.c_str());
    return fail(why);
  }
  // The rename itself reaches the disk with the folder's entry.
  const std::string folder = target.parent_path().empty() ? "." : target.parent_path().string();
  Descriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());
  return true;
}

}  // namespace pamir
