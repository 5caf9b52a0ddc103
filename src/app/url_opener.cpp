#include "app/url_opener.hpp"

#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <sstream>
#include <thread>

#include "app/feature_info.hpp"

extern char** environ;

namespace pamir::app {

bool browserOpenerInstalled() {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::istringstream dirs(path);
  for (std::string dir; std::getline(dirs, dir, ':');) {
    if (dir.empty()) continue;
    const std::string candidate = dir + "/xdg-open";
    if (access(candidate.c_str(), X_OK) == 0) return true;
  }
  return false;
}

bool openInBrowser(const std::string& url, std::string* error) {
  if (!isWebUrl(url)) {
    if (error) *error = "not a web address: " + url;
    return false;
  }
  std::string program = "xdg-open";
  std::string arg = url;
  char* argv[] = {program.data(), arg.data(), nullptr};
  pid_t pid = 0;
  if (const int rc = posix_spawnp(&pid, "xdg-open", nullptr, nullptr, argv, environ); rc != 0) {
    if (error) *error = std::string("cannot start xdg-open: ") + std::strerror(rc);
    return false;
  }
  // Reaped on the side: the window does not wait for the browser.
  std::thread([pid] {
    int status = 0;
    waitpid(pid, &status, 0);
  }).detach();
  return true;
}

}  // namespace pamir::app
