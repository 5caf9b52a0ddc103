#include "core/military_symbols.hpp"

#include <cctype>

namespace pamir {

std::string SymbolLibrary::symbolKey(const std::string& sidc) {
  std::string s;
  for (char c : sidc) {
    if (std::isspace(static_cast<unsigned char>(c))) continue;
    if (c == '*') c = '-';
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-') return {};
    s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  if (s.size() < 10) return {};
  s.resize(10);
  if (s[3] != 'A') s[3] = 'P';
  return s;
}

const MilitarySymbol* SymbolLibrary::find(const std::string& sidc) const {
  std::string key = symbolKey(sidc);
  if (key.empty()) return nullptr;
  auto it = symbols_.find(key);
  if (it == symbols_.end() && key[3] == 'A') {
    key[3] = 'P';
    it = symbols_.find(key);
  }
  return it == symbols_.end() ? nullptr : &it->second;
}

}  // namespace pamir
