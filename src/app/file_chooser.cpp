#include "app/file_chooser.hpp"

#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "core/atomic_file.hpp"

extern char** environ;

namespace pamir::app {

namespace fs = std::filesystem;

namespace {

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Files that only travel with another one: a shapefile's parts, a raster's
// georeferencing and overviews. Offered alone they only confuse.
bool sidecar(const std::string& name) {
  static const std::array<const char*, 13> ends = {".shx",     ".dbf", ".prj", ".cpg", ".qix",      ".sbn",     ".sbx",
                                                   ".aux.xml", ".ovr", ".tfw", ".wld", ".gpkg-wal", ".gpkg-shm"};
  const std::string n = lower(name);
  return std::any_of(ends.begin(), ends.end(), [&](const char* e) {
    const std::string s(e);
    return n.size() > s.size() && n.compare(n.size() - s.size(), s.size(), s) == 0;
  });
}

std::string home() {
  const char* h = std::getenv("HOME");
  return h ? h : "";
}

std::string expandHome(const std::string& p) {
  if (p == "~" || p.starts_with("~/")) return home() + p.substr(1);
  return p;
}

}  // namespace

std::optional<std::vector<ui::FileEntry>> listDirectory(const std::string& directory, std::string* problem) {
  std::error_code ec;
  fs::directory_iterator it(directory, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    if (problem) *problem = directory + ": " + ec.message();
    return std::nullopt;
  }
  std::vector<ui::FileEntry> out;
  for (const fs::directory_entry& e : it) {
    const std::string name = e.path().filename().string();
    if (name.empty() || name[0] == '.') continue;
    ui::FileEntry entry;
    entry.name = name;
    entry.directory = e.is_directory(ec);
    if (!entry.directory) {
      if (sidecar(name)) continue;
      entry.bytes = e.file_size(ec);
      if (ec) entry.bytes = 0;
    }
    out.push_back(std::move(entry));
  }
  std::sort(out.begin(), out.end(), [](const ui::FileEntry& a, const ui::FileEntry& b) {
    if (a.directory != b.directory) return a.directory;
    return lower(a.name) < lower(b.name);
  });
  return out;
}

std::vector<std::string> completePath(const std::string& typed) {
  std::vector<std::string> out;
  const size_t slash = typed.find_last_of('/');
  // GDAL's own names (PG:..., /vsizip/...) are not completed from the disk.
  if (slash == std::string::npos || typed.starts_with("/vsi") || typed.find(':') != std::string::npos) return out;
  const std::string dirTyped = typed.substr(0, slash + 1);
  const std::string prefix = typed.substr(slash + 1);
  const std::string dir = expandHome(dirTyped);
  auto entries = listDirectory(dir.empty() ? "/" : dir, nullptr);
  if (!entries) return out;
  for (const auto& e : *entries)
    if (e.name.starts_with(prefix)) out.push_back(dirTyped + e.name + (e.directory ? "/" : ""));
  return out;
}

RecentSources::RecentSources(std::string path) : path_(std::move(path)) {
  if (path_.empty()) return;
  std::ifstream in(path_);
  std::string line;
  while (std::getline(in, line) && list_.size() < kKept)
    if (!line.empty() && std::find(list_.begin(), list_.end(), line) == list_.end()) list_.push_back(line);
}

std::string RecentSources::defaultPath() {
  if (const char* state = std::getenv("XDG_STATE_HOME"); state && *state)
    return std::string(state) + "/pamir/recent-sources";
  const std::string h = home();
  return h.empty() ? "" : h + "/.local/state/pamir/recent-sources";
}

bool RecentSources::add(const std::string& source, std::string* problem) {
  std::erase(list_, source);
  list_.insert(list_.begin(), source);
  if (list_.size() > kKept) list_.resize(kKept);
  if (path_.empty()) return true;
  std::error_code ec;
  fs::create_directories(fs::path(path_).parent_path(), ec);
  std::string text;
  for (const auto& s : list_) text += s + "\n";
  return writeFileAtomically(path_, text, problem);
}

std::string findNativeChooser() {
  const char* path = std::getenv("PATH");
  if (!path) return "";
  for (const char* name : {"zenity", "kdialog"}) {
    std::string dirs = path;
    size_t start = 0;
    while (start <= dirs.size()) {
      const size_t end = std::min(dirs.find(':', start), dirs.size());
      const std::string dir = dirs.substr(start, end - start);
      if (!dir.empty() && ::access((dir + "/" + name).c_str(), X_OK) == 0) return name;
      start = end + 1;
    }
  }
  return "";
}

std::vector<std::string> nativeChooserCommand(const std::string& chooser, bool save, const std::string& title,
                                              const std::string& directory) {
  std::string dir = directory.empty() ? "." : directory;
  if (dir.back() != '/') dir += '/';
  if (chooser == "kdialog") return {"kdialog", "--title", title, save ? "--getsavefilename" : "--getopenfilename", dir};
  std::vector<std::string> cmd = {"zenity", "--file-selection", "--title=" + title, "--filename=" + dir};
  if (save) cmd.insert(cmd.end(), {"--save", "--confirm-overwrite"});
  return cmd;
}

FileChooser::FileChooser(std::string recentPath, std::function<void()> wake)
    : recent_(std::move(recentPath)), wake_(std::move(wake)) {
  model_.nativeChooser = findNativeChooser();
}

FileChooser::~FileChooser() {
  {
    std::lock_guard<std::mutex> lock(nativeMutex_);
    if (nativePid_ > 0) ::kill(nativePid_, SIGTERM);  // the window is closing: so does its chooser
  }
  if (native_.joinable()) native_.join();
}

void FileChooser::open(bool save, std::string title, std::string confirm, const std::string& directory,
                       const std::string& fileName) {
  model_.open = true;
  model_.save = save;
  model_.title = std::move(title);
  model_.confirm = std::move(confirm);
  model_.recent = save ? std::vector<std::string>{} : recent_.list();
  std::error_code ec;
  std::string dir = directory.empty() ? fs::current_path(ec).string() : directory;
  browse(dir);
  model_.path = fileName.empty() ? "" : (fs::path(model_.directory) / fileName).string();
  model_.completions.clear();
}

void FileChooser::browse(const std::string& directory) {
  std::error_code ec;
  std::string dir = fs::weakly_canonical(expandHome(directory), ec).string();
  if (ec || dir.empty()) dir = directory;
  model_.problem.clear();
  auto entries = listDirectory(dir, &model_.problem);
  if (!entries) return;  // stay where we were, saying why
  model_.directory = dir;
  model_.entries = std::move(*entries);
}

std::optional<std::string> FileChooser::apply(const ui::FileDialogActions& a) {
  if (a.browse) {
    browse(*a.browse);
    if (!model_.save) model_.path = model_.directory + (model_.directory.ends_with('/') ? "" : "/");
    model_.completions.clear();
  }
  if (a.edited) {
    model_.completions = completePath(model_.path);
    // A typed folder (ending in '/') is shown in the browser as well.
    const std::string p = expandHome(model_.path);
    std::error_code ec;
    if (p.ends_with('/') && fs::is_directory(p, ec)) browse(p);
  }
  if (a.native) runNative();
  if (a.chosen) return expandHome(*a.chosen);
  return std::nullopt;
}

void FileChooser::runNative() {
  if (model_.nativeChooser.empty() || waitingForNative()) return;
  if (native_.joinable()) native_.join();
  const std::vector<std::string> args =
      nativeChooserCommand(model_.nativeChooser, model_.save, model_.title, model_.directory);
  int pipeFds[2];
  if (::pipe(pipeFds) != 0) return;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, pipeFds[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, pipeFds[0]);
  posix_spawn_file_actions_addclose(&actions, pipeFds[1]);
  std::vector<char*> argv;
  argv.reserve(args.size() + 1);
  for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, argv[0], &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(pipeFds[1]);
  if (rc != 0) {
    ::close(pipeFds[0]);
    model_.problem = model_.nativeChooser + " could not be started";
    return;
  }
  {
    std::lock_guard<std::mutex> lock(nativeMutex_);
    nativePid_ = pid;
    nativeDone_ = false;
    nativeAnswer_.clear();
  }
  model_.nativeRunning = true;
  // The chooser's answer is its standard output's first line; cancelling
  // it exits non-zero. Read and reaped here, so the window never waits.
  native_ = std::thread([this, fd = pipeFds[0], pid] {
    std::string text;
    char buf[4096];
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n > 0) {
        if (text.size() < 65536) text.append(buf, static_cast<size_t>(n));
        continue;
      }
      if (n < 0 && errno == EINTR) continue;
      break;
    }
    ::close(fd);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    const size_t nl = text.find('\n');
    if (nl != std::string::npos) text.resize(nl);
    {
      std::lock_guard<std::mutex> lock(nativeMutex_);
      nativePid_ = -1;
      nativeDone_ = true;
      nativeAnswer_ = WIFEXITED(status) && WEXITSTATUS(status) == 0 ? text : "";
    }
    if (wake_) wake_();
  });
}

bool FileChooser::waitingForNative() const {
  std::lock_guard<std::mutex> lock(nativeMutex_);
  return nativePid_ > 0;
}

std::optional<std::string> FileChooser::poll() {
  std::string answer;
  {
    std::lock_guard<std::mutex> lock(nativeMutex_);
    if (!nativeDone_) return std::nullopt;
    nativeDone_ = false;
    answer = nativeAnswer_;
  }
  if (native_.joinable()) native_.join();
  model_.nativeRunning = false;
  if (answer.empty()) return std::nullopt;  // cancelled: the dialog stays for another try
  model_.open = false;
  return answer;
}

void FileChooser::remember(const std::string& source, std::string* problem) {
  recent_.add(source, problem);
  model_.recent = recent_.list();
}

}  // namespace pamir::app
