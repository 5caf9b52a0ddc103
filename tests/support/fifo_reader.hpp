#pragma once
// Reading a FIFO as another process would, for tests of writers that must
// write into it (and not replace it). Never blocks for ever: a writer that
// replaced the FIFO instead of opening it shows up as nothing read.
#include <fcntl.h>
#include <poll.h>
#include <unistd.h>

#include <chrono>
#include <string>

namespace pamir::test {

/// Everything written to the FIFO at `path` by the first writer, up to its
/// close; what arrived by then if none came and went within `limit`.
inline std::string readFifo(const std::string& path, std::chrono::milliseconds limit = std::chrono::seconds(20)) {
  // O_NONBLOCK: the open itself must not wait for a writer that may never come.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return {};
  std::string got;
  const auto until = std::chrono::steady_clock::now() + limit;
  for (;;) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
    if (left.count() <= 0) break;
    pollfd p{fd, POLLIN, 0};
    // POLLHUP only once a writer has come and gone (Linux); before that, poll waits.
    if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) continue;
    char buf[1 << 16];
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n > 0) got.append(buf, static_cast<size_t>(n));
    if (n == 0 && (p.revents & POLLHUP)) break;
  }
  ::close(fd);
  return got;
}

}  // namespace pamir::test
