#pragma once
// Attribute text as the rest of the program may assume it: valid UTF-8.
// Sources that carry no encoding (a shapefile without .cpg) hand over raw
// bytes in some legacy code page; these functions find and mend them.
#include <string>
#include <string_view>

namespace pamir::data {

/// True when `text` is well-formed UTF-8 (no overlong forms, no surrogates).
bool isUtf8(std::string_view text);

/// `text` with every byte that is not part of a well-formed UTF-8 sequence
/// replaced by U+FFFD.
std::string replaceInvalidUtf8(std::string_view text);

/// The legacy code page such bytes most likely are, by GDAL/iconv name:
/// "CP1251" when high bytes come in runs (Cyrillic words), else "CP1252"
/// (Latin text: an accented letter here and there among ASCII).
std::string guessLegacyEncoding(std::string_view sample);

/// `text` recoded from `encoding` to UTF-8; invalid bytes replaced if the
/// recoding leaves any.
std::string recodeToUtf8(const std::string& text, const std::string& encoding);

}  // namespace pamir::data
