#pragma once
// A file dialog drawn with ImGui, for adding layers and for writing files:
// a path field that completes with Tab, a small directory browser, the
// recent sources, and a button for the desktop's own chooser when one is
// installed. It shows what the window worked out (app/file_chooser.hpp) and
// reports what the analyst did; it never touches the file system itself.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace pamir::ui {

struct FileEntry {
  std::string name;
  bool directory = false;
  uintmax_t bytes = 0;
};

struct FileDialogModel {
  bool open = false;
  bool save = false;                     ///< choosing a file to write, not a source to read
  std::string title;                     ///< "Add layer", "Export measurements"
  std::string confirm;                   ///< the button: "Add", "Save"
  std::string directory;                 ///< the folder the browser shows
  std::string path;                      ///< what is typed: a file, folder or GDAL source
  std::vector<FileEntry> entries;        ///< of `directory`, folders first
  std::vector<std::string> completions;  ///< whole paths the typed one can complete to
  std::vector<std::string> recent;       ///< newest first
  std::string nativeChooser;             ///< "zenity", "kdialog"; empty: none installed
  bool nativeRunning = false;            ///< the desktop's chooser is open
  std::string problem;                   ///< why the folder could not be listed
};

struct FileDialogActions {
  std::optional<std::string> chosen;  ///< the path to add or write
  std::optional<std::string> browse;  ///< show this folder
  bool edited = false;                ///< the typed path changed: complete it again
  bool native = false;                ///< open the desktop's chooser
  bool cancelled = false;
};

/// Draws the dialog when model.open (a modal window over the map).
FileDialogActions drawFileDialog(FileDialogModel& model);

/// The longest start all of `paths` share ("" for none): what Tab completes to.
std::string commonStart(const std::vector<std::string>& paths);

}  // namespace pamir::ui
