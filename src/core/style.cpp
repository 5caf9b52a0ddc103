#include "core/style.hpp"

#include <cctype>
#include <cstdio>

namespace pamir {

std::optional<Color> parseColor(const std::string& text) {
  if (text.size() != 7 && text.size() != 9) return std::nullopt;
  if (text[0] != '#') return std::nullopt;
  auto hex = [&](size_t i) -> int {
    int v = 0;
    for (size_t k = i; k < i + 2; ++k) {
      char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[k])));
      int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
      if (d < 0) return -1;
      v = v * 16 + d;
    }
    return v;
  };
  int r = hex(1), g = hex(3), b = hex(5), a = text.size() == 9 ? hex(7) : 255;
  if (r < 0 || g < 0 || b < 0 || a < 0) return std::nullopt;
  return Color{static_cast<uint8_t>(r), static_cast<uint8_t>(g), static_cast<uint8_t>(b), static_cast<uint8_t>(a)};
}

std::string formatColor(const Color& c) {
  char buf[16];
  if (c.a == 255)
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x", c.r, c.g, c.b);
  else
    std::snprintf(buf, sizeof buf, "#%02x%02x%02x%02x", c.r, c.g, c.b, c.a);
  return buf;
}

std::optional<Symbol> parseSymbol(const std::string& name) {
  if (name == "circle") return Symbol::Circle;
  if (name == "square") return Symbol::Square;
  if (name == "triangle") return Symbol::Triangle;
  if (name == "diamond") return Symbol::Diamond;
  if (name == "star") return Symbol::Star;
  if (name == "cross") return Symbol::Cross;
  return std::nullopt;
}

const char* symbolName(Symbol s) {
  switch (s) {
    case Symbol::Circle:
      return "circle";
    case Symbol::Square:
      return "square";
    case Symbol::Triangle:
      return "triangle";
    case Symbol::Diamond:
      return "diamond";
    case Symbol::Star:
      return "star";
    case Symbol::Cross:
      return "cross";
  }
  return "circle";
}

}  // namespace pamir
