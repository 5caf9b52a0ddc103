#pragma once
// What the file dialog (ui/file_dialog.hpp) shows, worked out from the file
// system: a folder's entries, the completions of a typed path, the sources
// added lately (kept between runs), and the desktop's own chooser (zenity or
// kdialog) run as a child process without blocking the window.
#include <sys/types.h>

#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "ui/file_dialog.hpp"

namespace pamir::app {

/// The entries of `directory` to offer: folders first, then files, each by
/// name regardless of case; hidden entries and a shapefile's or raster's
/// sidecar files (.shx, .dbf, .prj, .cpg, .aux.xml, .ovr ...) left out.
/// nullopt with the reason when it cannot be listed.
std::optional<std::vector<ui::FileEntry>> listDirectory(const std::string& directory, std::string* problem);

/// Whole paths that `typed` can complete to: entries of its folder whose name
/// starts with what follows its last '/', folders ending in '/'. "~/" is the
/// home folder. Nothing for what is not a path (PG:..., a bare name).
std::vector<std::string> completePath(const std::string& typed);

/// Sources added lately, newest first, kept in a file between runs
/// ($XDG_STATE_HOME/pamir/recent-sources, else ~/.local/state/...).
class RecentSources {
 public:
  explicit RecentSources(std::string path);
  static std::string defaultPath();
  const std::vector<std::string>& list() const { return list_; }
  /// `source` to the front (once); at most kKept; written at once. False
  /// with the reason when the file cannot be written (the list still changes).
  bool add(const std::string& source, std::string* problem);
  static constexpr size_t kKept = 12;

 private:
  std::string path_;
  std::vector<std::string> list_;
};

/// The desktop's file chooser installed here: "zenity" or "kdialog"
/// (searched on PATH), empty when neither is.
std::string findNativeChooser();

/// The argument list that runs `chooser` to pick a file to open or to write,
/// starting in `directory`.
std::vector<std::string> nativeChooserCommand(const std::string& chooser, bool save, const std::string& title,
                                              const std::string& directory);

/// The dialog's state and what follows from the analyst's actions.
class FileChooser {
 public:
  /// `wake` is called from another thread when the desktop's chooser
  /// answers, so that a sleeping window draws the answer.
  FileChooser(std::string recentPath, std::function<void()> wake);
  ~FileChooser();
  FileChooser(const FileChooser&) = delete;
  FileChooser& operator=(const FileChooser&) = delete;

  /// Opens the dialog in `directory` (empty: the working directory).
  void open(bool save, std::string title, std::string confirm, const std::string& directory = {},
            const std::string& fileName = {});
  ui::FileDialogModel& model() { return model_; }

  /// Applies what the dialog reported; the chosen path, when there is one.
  std::optional<std::string> apply(const ui::FileDialogActions& actions);
  /// The desktop chooser's answer once it has come (a path, or nothing when
  /// it was cancelled); called every frame.
  std::optional<std::string> poll();
  /// A source that loaded: first in the recent list.
  void remember(const std::string& source, std::string* problem);
  bool waitingForNative() const;

 private:
  void browse(const std::string& directory);
  void runNative();

  ui::FileDialogModel model_;
  RecentSources recent_;
  std::function<void()> wake_;
  std::thread native_;
  mutable std::mutex nativeMutex_;
  pid_t nativePid_ = -1;
  bool nativeDone_ = false;
  std::string nativeAnswer_;
};

}  // namespace pamir::app
