#include "core/atomic_file.hpp"

// POSIX, not std::ofstream: the standard library can neither create a file
// exclusively (O_EXCL, for a name no other writer holds), open a FIFO
// without blocking, nor fsync.
#include <dirent.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <ctime>
#include <filesystem>
#include <random>
#include <thread>

namespace pamir {
namespace {

namespace fs = std::filesystem;

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

std::string temporaryPrefix(const fs::path& target) { return "." + target.filename().string() + ".tmp-"; }

// ".NAME.tmp-PID-COUNT-RANDOM": hidden, unique across processes and threads,
// and carrying the writer's PID so that a later writer can tell it is stale.
fs::path temporaryName(const fs::path& target) {
  static std::atomic<unsigned> counter{0};
  thread_local std::mt19937 random{std::random_device{}()};
  std::string name = temporaryPrefix(target) + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1)) +
                     "-" + std::to_string(random() % 1000000);
  return target.parent_path() / name;
}

// The PID in "PID-COUNT-RANDOM", or 0 when the rest of the name is not
// exactly that: files that merely start like ours are not ours.
pid_t writerPid(std::string_view rest) {
  long long parts[3] = {0, 0, 0};
  for (int i = 0; i < 3; ++i) {
    size_t digits = 0;
    while (digits < rest.size() && rest[digits] >= '0' && rest[digits] <= '9') ++digits;
    if (digits == 0 || digits > 12) return 0;
    for (size_t k = 0; k < digits; ++k) parts[i] = parts[i] * 10 + (rest[k] - '0');
    rest.remove_prefix(digits);
    if (i < 2) {
      if (rest.empty() || rest.front() != '-') return 0;
      rest.remove_prefix(1);
    }
  }
  return rest.empty() && parts[0] > 0 ? static_cast<pid_t>(parts[0]) : 0;
}

bool processExists(pid_t pid) { return ::kill(pid, 0) == 0 || errno == EPERM; }

bool writeAll(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const ssize_t n = ::write(fd, bytes.data(), bytes.size());
    if (n < 0 && errno == EINTR) continue;
    if (n == 0) errno = EIO;
    if (n <= 0) return false;
    bytes.remove_prefix(static_cast<size_t>(n));
  }
  return true;
}

// A reader that goes away mid-write must be an error ("Broken pipe"), not
// SIGPIPE ending the whole program: SIGPIPE is held back for this thread
// while writing, and one it raised is taken off again before letting go.
class SigpipeHeld {
 public:
  SigpipeHeld() {
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    wasPending_ = sigismember(&pending, SIGPIPE) == 1;
    pthread_sigmask(SIG_BLOCK, &pipe, &old_);
  }
  ~SigpipeHeld() {
    sigset_t pipe;
    sigemptyset(&pipe);
    sigaddset(&pipe, SIGPIPE);
    sigset_t pending;
    sigpending(&pending);
    if (!wasPending_ && sigismember(&pending, SIGPIPE) == 1) {
      const timespec now{0, 0};
      while (sigtimedwait(&pipe, nullptr, &now) < 0 && errno == EINTR) {
      }
    }
    pthread_sigmask(SIG_SETMASK, &old_, nullptr);
  }
  SigpipeHeld(const SigpipeHeld&) = delete;
  SigpipeHeld& operator=(const SigpipeHeld&) = delete;

 private:
  sigset_t old_;
  bool wasPending_ = false;
};

// FIFOs and devices take the bytes as they come: there is nothing to rename
// over and nothing a temporary file could protect.
bool writeDirectly(const std::string& path, const struct stat& st, std::string_view bytes, std::string* why) {
  // O_NONBLOCK so that opening a FIFO nobody reads fails (ENXIO) instead of hanging.
  const int flags = O_WRONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC;
  int fd = ::open(path.c_str(), flags);
  if (fd < 0 && errno == ENXIO && S_ISFIFO(st.st_mode)) {
    // A reader may be about to start (`pamir render -o fifo & cat fifo`): give it a moment.
    const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (fd < 0 && errno == ENXIO && std::chrono::steady_clock::now() < until) {
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
      fd = ::open(path.c_str(), flags);
    }
    if (fd < 0 && errno == ENXIO) {
      *why = "no process is reading from this FIFO";
      return false;
    }
  }
  if (fd < 0) {
    *why = std::strerror(errno);
    return false;
  }
  Descriptor file(fd);
  // Writes wait for a slow reader rather than failing with EAGAIN.
  const int fl = ::fcntl(file.get(), F_GETFL);
  if (fl >= 0) ::fcntl(file.get(), F_SETFL, fl & ~O_NONBLOCK);
  bool written;
  {
    SigpipeHeld held;
    written = writeAll(file.get(), bytes);
  }
  if (!written) {
    *why = std::strerror(errno);
    return false;
  }
  if (!file.close()) {
    *why = std::strerror(errno);
    return false;
  }
  return true;
}

// Where the bytes should finally land when `path` is a symlink to a file
// that does not exist yet: the end of the chain, relative links resolved
// against the folder of the link that holds them.
bool endOfSymlinkChain(const fs::path& path, fs::path* end, std::string* why) {
  fs::path p = path;
  for (int hops = 0; hops < 40; ++hops) {
    struct stat st {};
    if (::lstat(p.c_str(), &st) != 0) {
      if (errno != ENOENT) {
        *why = std::strerror(errno);
        return false;
      }
      *end = p;
      return true;
    }
    if (!S_ISLNK(st.st_mode)) {
      *end = p;
      return true;
    }
    std::error_code ec;
    fs::path link = fs::read_symlink(p, ec);
    if (ec) {
      *why = ec.message();
      return false;
    }
    p = link.is_absolute() ? link : p.parent_path() / link;
  }
  *why = std::strerror(ELOOP);
  return false;
}

bool replaceRegularFile(const fs::path& target, const struct stat* existing, std::string_view bytes, std::string* why) {
  auto failWithErrno = [&] {
    *why = std::strerror(errno);
    return false;
  };
  removeStaleTemporaries(target.string());
  fs::path temp;
  int fd = -1;
  for (int attempt = 0; attempt < 100 && fd < 0; ++attempt) {
    temp = temporaryName(target);
    // 0666 as for any new file: the umask decides, as it would for ofstream.
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && errno != EEXIST) return failWithErrno();
  }
  if (fd < 0) {
    *why = "no free temporary name";
    return false;
  }
  Descriptor file(fd);
  auto abandon = [&] {
    const int saved = errno;
    file.close();
    ::unlink(temp.c_str());
    errno = saved;
    return failWithErrno();
  };
  if (!writeAll(file.get(), bytes)) return abandon();
  if (existing && ::fchmod(file.get(), existing->st_mode & 07777) != 0) return abandon();
  if (::fsync(file.get()) != 0) return abandon();
  if (!file.close()) return abandon();
  if (::rename(temp.c_str(), target.c_str()) != 0) {
    const int saved = errno;
    ::unlink(temp.c_str());
    errno = saved;
    return failWithErrno();
  }
  // The rename itself reaches the disk with the folder's entry.
  const std::string folder = target.parent_path().empty() ? "." : target.parent_path().string();
  Descriptor dir(::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  if (dir.get() >= 0) ::fsync(dir.get());
  return true;
}

}  // namespace

int removeStaleTemporaries(const std::string& target) {
  const fs::path t(target);
  const std::string prefix = temporaryPrefix(t);
  const std::string folder = t.parent_path().empty() ? "." : t.parent_path().string();
  DIR* dir = ::opendir(folder.c_str());
  if (!dir) return 0;
  const std::time_t now = std::time(nullptr);
  const uid_t me = ::geteuid();
  int removed = 0;
  while (const dirent* e = ::readdir(dir)) {
    const std::string_view name = e->d_name;
    if (name.size() <= prefix.size() || name.substr(0, prefix.size()) != prefix) continue;
    const pid_t pid = writerPid(name.substr(prefix.size()));
    if (pid <= 0) continue;
    struct stat st {};
    if (::fstatat(::dirfd(dir), e->d_name, &st, AT_SYMLINK_NOFOLLOW) != 0) continue;
    if (!S_ISREG(st.st_mode) || st.st_uid != me) continue;
    const double idle = std::difftime(now, st.st_mtime);
    const bool writerGone = pid != ::getpid() && !processExists(pid) && idle >= 10;
    if (writerGone || idle >= 30 * 60) removed += ::unlinkat(::dirfd(dir), e->d_name, 0) == 0 ? 1 : 0;
  }
  ::closedir(dir);
  return removed;
}

bool writeFileAtomically(const std::string& path, std::string_view bytes, std::string* error) {
  std::string why;
  auto fail = [&](const std::string& reason) {
    if (error) *error = "cannot write " + path + ": " + reason;
    return false;
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0) {
    // stat, not lstat: what a symlink (or /dev/stdout, /proc/self/fd/N) finally names decides.
    if (S_ISDIR(st.st_mode)) return fail(std::strerror(EISDIR));
    if (S_ISFIFO(st.st_mode) || S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
      return writeDirectly(path, st, bytes, &why) ? true : fail(why);
    if (!S_ISREG(st.st_mode)) return fail("not a regular file, FIFO or device");
    std::error_code ec;
    const fs::path real = fs::canonical(path, ec);
    if (ec) return fail(ec.message());
    return replaceRegularFile(real, &st, bytes, &why) ? true : fail(why);
  }
  if (errno != ENOENT) return fail(std::strerror(errno));
  fs::path end;
  if (!endOfSymlinkChain(path, &end, &why)) return fail(why);
  if (end.filename().empty()) return fail("not a file name");
  return replaceRegularFile(end, nullptr, bytes, &why) ? true : fail(why);
}

}  // namespace pamir
