#include "core/terminal_text.hpp"

#include <utf8proc.h>

#include <cstdio>
#include <utility>

namespace pamir {
namespace {

void appendHexByte(std::string& out, unsigned char c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "\\x%02X", c);
  out += buf;
}

void appendCodePoint(std::string& out, utf8proc_int32_t cp) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(cp));
  out += buf;
}

// The escapes C and the shell already spell this way.
const char* namedEscape(unsigned char c) {
  static constexpr std::pair<unsigned char, const char*> kNamed[] = {
      {'\n', "\\n"}, {'\r', "\\r"}, {'\t', "\\t"}, {'\a', "\\a"}, {'\b', "\\b"}, {'\f', "\\f"}, {'\v', "\\v"}};
  for (const auto& [ch, text] : kNamed)
    if (ch == c) return text;
  return nullptr;
}

bool reordersOrBreaksLines(utf8proc_int32_t cp) {
  return (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string terminalSafe(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(text.data());
  utf8proc_ssize_t left = static_cast<utf8proc_ssize_t>(text.size());
  while (left > 0) {
    const auto c = static_cast<unsigned char>(*p);
    if (c < 0x80) {
      if (const char* named = namedEscape(c))
        out += named;
      else if (c < 0x20 || c == 0x7F)
        appendHexByte(out, c);
      else
        out += static_cast<char>(c);
      ++p, --left;
      continue;
    }
    utf8proc_int32_t cp = -1;
    const utf8proc_ssize_t n = utf8proc_iterate(p, left, &cp);
    if (n <= 0 || cp < 0) {  // not UTF-8: one byte at a time, so the rest still reads
      appendHexByte(out, c);
      ++p, --left;
      continue;
    }
    if (utf8proc_category(cp) == UTF8PROC_CATEGORY_CC || reordersOrBreaksLines(cp))
      appendCodePoint(out, cp);
    else
      out.append(reinterpret_cast<const char*>(p), static_cast<size_t>(n));
    p += n, left -= n;
  }
  return out;
}

std::string terminalSafeLines(std::string_view text) {
  std::string out;
  for (size_t start = 0;;) {
    const size_t nl = text.find('\n', start);
    out += terminalSafe(text.substr(start, nl == std::string_view::npos ? std::string_view::npos : nl - start));
    if (nl == std::string_view::npos) return out;
    out += '\n';
    start = nl + 1;
  }
}

}  // namespace pamir
