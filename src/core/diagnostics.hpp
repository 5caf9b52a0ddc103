#pragma once
// Problems found while loading or parsing, reported as one line each that
// names the file, the layer and the feature. Loading goes on after a warning
// or an error about one feature or layer; only the caller decides to stop.
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

namespace pamir {

enum class Severity { Warning, Error };

struct Diagnostic {
  Severity severity = Severity::Error;
  std::string file;      ///< file or source; may be empty
  std::string layer;     ///< layer name; may be empty
  int64_t feature = -1;  ///< feature id; -1 when not about one feature
  std::string message;

  /// "pamir: error: FILE: layer 'L': feature 12: MESSAGE" on one line.
  std::string line() const;
};

class Diagnostics {
 public:
  void warn(std::string file, std::string layer, int64_t feature, std::string message);
  void error(std::string file, std::string layer, int64_t feature, std::string message);
  const std::vector<Diagnostic>& all() const { return items_; }
  size_t errorCount() const;
  void append(const Diagnostics& other);
  /// Writes every line to stderr.
  void print() const;
  /// Writes every line to `out`.
  void print(std::ostream& out) const;

 private:
  std::vector<Diagnostic> items_;
};

}  // namespace pamir
