#include "core/diagnostics.hpp"

#include <algorithm>
#include <iostream>

#include "core/terminal_text.hpp"

namespace pamir {

std::string Diagnostic::line() const {
  std::string s = "pamir: ";
  s += severity == Severity::Error ? "error: " : "warning: ";
  // File and layer names and messages quote the data: nothing in them may
  // reach a terminal as a control character or start another line.
  if (!file.empty()) s += terminalSafe(file) + ": ";
  if (!layer.empty()) s += "layer '" + terminalSafe(layer) + "': ";
  if (feature >= 0) s += "feature " + std::to_string(feature) + ": ";
  std::string msg = message;
  std::replace(msg.begin(), msg.end(), '\n', ' ');
  s += terminalSafe(msg);
  return s;
}

void Diagnostics::warn(std::string file, std::string layer, int64_t feature, std::string message) {
  items_.push_back({Severity::Warning, std::move(file), std::move(layer), feature, std::move(message)});
}

void Diagnostics::error(std::string file, std::string layer, int64_t feature, std::string message) {
  items_.push_back({Severity::Error, std::move(file), std::move(layer), feature, std::move(message)});
}

size_t Diagnostics::errorCount() const {
  return static_cast<size_t>(
      std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::Error; }));
}

void Diagnostics::append(const Diagnostics& other) {
  items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

void Diagnostics::print() const { print(std::cerr); }

void Diagnostics::print(std::ostream& out) const {
  for (const auto& d : items_) out << d.line() << "\n";
}

}  // namespace pamir
