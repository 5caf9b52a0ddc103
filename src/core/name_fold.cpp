#include "core/name_fold.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace pamir {
namespace {

// Letters with no Unicode decomposition to a base letter, which people
// nevertheless type as that letter (the Latin ones of Latin-1 and Latin
// Extended-A; case folding has already made them lower case).
const char* spelledWithBaseLetter(utf8proc_int32_t cp) {
  switch (cp) {
    case 0x00E6:
      return "ae";  // æ
    case 0x0153:
      return "oe";  // œ
    case 0x00F8:
      return "o";  // ø
    case 0x00F0:   // ð
    case 0x0111:   // đ
      return "d";
    case 0x00FE:
      return "t";  // þ
    case 0x0127:
      return "h";  // ħ
    case 0x0131:
      return "i";  // ı, Turkish dotless i
    case 0x0138:
      return "k";  // ĸ
    case 0x0142:
      return "l";  // ł
    case 0x014B:
      return "n";  // ŋ
    case 0x0167:
      return "t";  // ŧ
    default:
      return nullptr;
  }
}

// Apostrophes and the okina are part of a letter in Uzbek, Turkmen and
// Tajik romanisations (O'zbekiston, Xo‘jand): dropped, not a word break.
bool isApostrophe(utf8proc_int32_t cp) {
  switch (cp) {
    case '\'':
    case '`':
    case 0x00B4:  // acute accent used as an apostrophe
    case 0x02B9:  // modifier prime
    case 0x02BB:  // okina
    case 0x02BC:  // modifier apostrophe
    case 0x02BE:  // transliterated hamza
    case 0x02BF:  // transliterated ayin
    case 0x2018:
    case 0x2019:
      return true;
    default:
      return false;
  }
}

bool isWordCharacter(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return true;
    default:
      return false;
  }
}

// Collects words separated by single spaces.
class Folded {
 public:
  void letter(std::string_view s) {
    if (pendingSpace_ && !out_.empty()) out_ += ' ';
    pendingSpace_ = false;
    out_ += s;
  }
  void gap() { pendingSpace_ = true; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool pendingSpace_ = false;
};

// Not UTF-8: ASCII folded, other bytes kept, so such a name still matches itself.
std::string foldBytes(std::string_view text) {
  Folded f;
  for (char c : text) {
    const auto u = static_cast<unsigned char>(c);
    if (u >= 0x80 || (u >= '0' && u <= '9') || (u >= 'a' && u <= 'z'))
      f.letter(std::string_view(&c, 1));
    else if (u >= 'A' && u <= 'Z')
      f.letter(std::string(1, static_cast<char>(u - 'A' + 'a')));
    else if (!isApostrophe(u))
      f.gap();
  }
  return f.take();
}

}  // namespace

std::string foldName(std::string_view utf8) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto options = static_cast<utf8proc_option_t>(UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT | UTF8PROC_CASEFOLD |
                                                      UTF8PROC_STRIPMARK | UTF8PROC_IGNORE | UTF8PROC_LUMP);
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(utf8.data()),
                                          static_cast<utf8proc_ssize_t>(utf8.size()), &mapped, options);
  if (n < 0) return foldBytes(utf8);
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);

  Folded f;
  for (utf8proc_ssize_t i = 0; i < n;) {
    utf8proc_int32_t cp = 0;
    const utf8proc_ssize_t len = utf8proc_iterate(mapped + i, n - i, &cp);
    if (len <= 0) break;  // utf8proc_map wrote valid UTF-8; never reached
    const std::string_view bytes(reinterpret_cast<const char*>(mapped + i), static_cast<size_t>(len));
    i += len;
    if (isApostrophe(cp)) continue;
    if (const char* base = spelledWithBaseLetter(cp))
      f.letter(base);
    else if (isWordCharacter(cp))
      f.letter(bytes);
    else
      f.gap();
  }
  return f.take();
}

}  // namespace pamir
