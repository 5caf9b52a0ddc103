#pragma once
// The one reader of subcommand arguments: "--name value", "--name=value",
// "--name v1 v2 ...", flags and positional operands. Errors become
// UsageError, which the dispatcher turns into one line on stderr and exit
// status 2.
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "core/number.hpp"
#include "core/style.hpp"

namespace pamir::app {

struct UsageError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

class ArgReader {
 public:
  ArgReader(std::string command, const std::vector<std::string>& args) : command_(std::move(command)), args_(args) {}

  bool done() const { return pos_ >= args_.size(); }
  /// The next raw argument (advances).
  const std::string& next() { return args_[pos_++]; }
  const std::string& peek() const { return args_[pos_]; }
  /// How many arguments have been consumed.
  size_t position() const { return pos_; }
  /// If the next argument is --name or --name=value, consumes it and returns the value
  /// (reading the following argument when needed). Otherwise nullopt.
  std::optional<std::string> option(const std::string& name);
  /// If the next argument is --name (or --name=first), consumes it and every following
  /// argument up to the next option, and returns them (at least one, else fails).
  std::optional<std::vector<std::string>> optionList(const std::string& name);
  /// Consumes the next argument if it is `name`; "--name=..." fails (a flag takes no value).
  bool flag(const std::string& name);
  [[noreturn]] void fail(const std::string& message) const;

  /// "-x..." or "--x...", but not a negative number ("-17,179.5", "-.5").
  static bool looksLikeOption(const std::string& arg);

 private:
  std::string command_;
  const std::vector<std::string>& args_;
  size_t pos_ = 0;
};

/// "1920x1080" -> {w, h}; throws UsageError naming the option.
std::pair<int, int> parseSize(const std::string& text, const std::string& option);
/// "a,b,c,d" -> Bounds (minx,miny,maxx,maxy); throws UsageError.
Bounds parseBox(const std::string& text, const std::string& option);
Color parseColorOption(const std::string& text, const std::string& option);
std::vector<std::string> splitList(const std::string& text, char sep = ',');

}  // namespace pamir::app
