#include "data/text_encoding.hpp"

#include <cpl_conv.h>
#include <cpl_string.h>

namespace pamir::data {

namespace {

// Length of the well-formed UTF-8 sequence at text[i], or 0. Written out
// (RFC 3629, table 3-7 of the Unicode standard) rather than pulling a Unicode
// library into the data module for one check.
size_t sequenceLength(std::string_view text, size_t i) {
  const auto byte = [&](size_t k) { return static_cast<unsigned char>(text[k]); };
  const unsigned char c = byte(i);
  if (c < 0x80) return 1;
  size_t n = 0;
  unsigned char lo = 0x80, hi = 0xBF;
  if (c >= 0xC2 && c <= 0xDF)
    n = 2;
  else if (c == 0xE0)
    n = 3, lo = 0xA0;
  else if (c == 0xED)
    n = 3, hi = 0x9F;  // no surrogates
  else if (c >= 0xE1 && c <= 0xEF)
    n = 3;
  else if (c == 0xF0)
    n = 4, lo = 0x90;
  else if (c >= 0xF1 && c <= 0xF3)
    n = 4;
  else if (c == 0xF4)
    n = 4, hi = 0x8F;
  else
    return 0;
  if (i + n > text.size()) return 0;
  if (byte(i + 1) < lo || byte(i + 1) > hi) return 0;
  for (size_t k = 2; k < n; ++k)
    if (byte(i + k) < 0x80 || byte(i + k) > 0xBF) return 0;
  return n;
}

}  // namespace

bool isUtf8(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    const size_t n = sequenceLength(text, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::string replaceInvalidUtf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size();) {
    const size_t n = sequenceLength(text, i);
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++i;
    } else {
      out.append(text.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string guessLegacyEncoding(std::string_view sample) {
  // Cyrillic in CP1251 fills words with bytes 0xC0..0xFF; Latin text in CP1252
  // has mostly single accented letters between ASCII ones.
  size_t high = 0, inRuns = 0;
  for (size_t i = 0; i < sample.size(); ++i) {
    if (static_cast<unsigned char>(sample[i]) < 0x80) continue;
    ++high;
    const bool prevHigh = i > 0 && static_cast<unsigned char>(sample[i - 1]) >= 0x80;
    const bool nextHigh = i + 1 < sample.size() && static_cast<unsigned char>(sample[i + 1]) >= 0x80;
    if (prevHigh || nextHigh) ++inRuns;
  }
  return high > 0 && inRuns * 2 > high ? "CP1251" : "CP1252";
}

std::string recodeToUtf8(const std::string& text, const std::string& encoding) {
  char* recoded = CPLRecode(text.c_str(), encoding.c_str(), CPL_ENC_UTF8);
  std::string out = recoded ? recoded : text;
  CPLFree(recoded);
  return isUtf8(out) ? out : replaceInvalidUtf8(out);
}

}  // namespace pamir::data
