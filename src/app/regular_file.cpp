#include "app/regular_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace pamir::app {

namespace {

std::string fileKind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a plain file";
}

}  // namespace

FileRead readRegularFile(const std::string& path, std::string* bytes, std::string* why) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return FileRead::Missing;
    *why = std::strerror(errno);
    return FileRead::Failed;
  }
  if (!S_ISREG(st.st_mode)) {
    *why = fileKind(st.st_mode) + ", not a regular file";
    return FileRead::Failed;
  }
  // O_NONBLOCK in case a FIFO took the file's place since the stat.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *why = std::strerror(errno);
    return FileRead::Failed;
  }
  auto done = [&](FileRead r, const std::string& reason = {}) {
    if (!reason.empty()) *why = reason;
    ::close(fd);
    return r;
  };
  if (::fstat(fd, &st) != 0) return done(FileRead::Failed, std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return done(FileRead::Failed, fileKind(st.st_mode) + ", not a regular file");
  bytes->clear();
  bytes->reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return done(FileRead::Failed, std::strerror(errno));
    if (n == 0) break;
    bytes->append(buf, static_cast<size_t>(n));
  }
  return done(FileRead::Ok);
}

}  // namespace pamir::app
