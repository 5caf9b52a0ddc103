#include "app/cli.hpp"

#include <cctype>
#include <cmath>

namespace pamir::app {

std::optional<std::string> ArgReader::option(const std::string& name) {
  if (done()) return std::nullopt;
  const std::string& a = args_[pos_];
  if (a == name) {
    if (pos_ + 1 >= args_.size()) fail(name + " needs a value");
    pos_ += 2;
    return args_[pos_ - 1];
  }
  if (a.size() > name.size() + 1 && a.compare(0, name.size(), name) == 0 && a[name.size()] == '=') {
    ++pos_;
    return a.substr(name.size() + 1);
  }
  return std::nullopt;
}

std::optional<std::vector<std::string>> ArgReader::optionList(const std::string& name) {
  if (done()) return std::nullopt;
  const std::string& a = args_[pos_];
  std::vector<std::string> values;
  if (a.size() > name.size() + 1 && a.compare(0, name.size(), name) == 0 && a[name.size()] == '=')
    values.push_back(a.substr(name.size() + 1));
  else if (a != name)
    return std::nullopt;
  ++pos_;
  // A value may itself start with '-' (a negative coordinate) but not with "--" or "-x".
  auto isValue = [](const std::string& v) {
    return v.rfind("--", 0) != 0 && !(v.size() == 2 && v[0] == '-' && std::isalpha(static_cast<unsigned char>(v[1])));
  };
  while (!done() && isValue(args_[pos_])) values.push_back(args_[pos_++]);
  if (values.empty()) fail(name + " needs at least one value");
  return values;
}

bool ArgReader::flag(const std::string& name) {
  if (done()) return false;
  const std::string& a = args_[pos_];
  if (a == name) {
    ++pos_;
    return true;
  }
  if (a.size() > name.size() && a.compare(0, name.size(), name) == 0 && a[name.size()] == '=')
    fail(name + " takes no value");
  return false;
}

bool ArgReader::looksLikeOption(const std::string& arg) {
  return arg.size() > 1 && arg[0] == '-' && !std::isdigit(static_cast<unsigned char>(arg[1])) && arg[1] != '.';
}

void ArgReader::fail(const std::string& message) const {
  throw UsageError("pamir " + command_ + ": " + message + " (see 'pamir " + command_ + " --help')");
}

std::vector<std::string> splitList(const std::string& text, char sep) {
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    size_t p = text.find(sep, start);
    out.push_back(text.substr(start, p == std::string::npos ? std::string::npos : p - start));
    if (p == std::string::npos) break;
    start = p + 1;
  }
  return out;
}

std::pair<int, int> parseSize(const std::string& text, const std::string& option) {
  size_t x = text.find('x');
  if (x == std::string::npos) throw UsageError(option + " wants WIDTHxHEIGHT, e.g. 1920x1080; got '" + text + "'");
  auto w = parseNumber(text.substr(0, x));
  auto h = parseNumber(text.substr(x + 1));
  if (!w || !h || *w < 1 || *h < 1 || *w > 16384 || *h > 16384 || *w != std::floor(*w) || *h != std::floor(*h))
    throw UsageError(option + " wants whole pixel counts from 1 to 16384, e.g. 1920x1080; got '" + text + "'");
  return {static_cast<int>(*w), static_cast<int>(*h)};
}

Bounds parseBox(const std::string& text, const std::string& option) {
  auto parts = splitList(text);
  if (parts.size() != 4) throw UsageError(option + " wants four numbers minx,miny,maxx,maxy; got '" + text + "'");
  double v[4];
  for (int i = 0; i < 4; ++i) {
    auto n = parseNumber(parts[static_cast<size_t>(i)]);
    if (!n) throw UsageError(option + ": '" + parts[static_cast<size_t>(i)] + "' is not a number");
    v[i] = *n;
  }
  if (!(v[0] < v[2]) || !(v[1] < v[3])) throw UsageError(option + ": min must be less than max in '" + text + "'");
  Bounds b;
  b.add(v[0], v[1]);
  b.add(v[2], v[3]);
  return b;
}

Color parseColorOption(const std::string& text, const std::string& option) {
  auto c = parseColor(text);
  if (!c) throw UsageError(option + " wants a colour as #rrggbb; got '" + text + "'");
  return *c;
}

}  // namespace pamir::app
