#pragma once
// Folding place names so that the spellings people type find the spellings
// sources hold: "Murğob", "MURGOB" and "murgob"; "Gilgit-Baltistan" and
// "gilgit baltistan"; "Xo‘jand" and "Xojand"; "МОСКВА" and "Москва".
#include <string>
#include <string_view>

namespace pamir {

/// The matching key of a UTF-8 name: Unicode case folding (any script) and
/// compatibility decomposition (ligatures, full-width forms), every mark
/// removed (accents, Vietnamese stacked diacritics, Arabic vowel signs),
/// a few letters Unicode does not decompose spelled with their base letter
/// (ø o, ł l, đ d, ı i, æ ae, œ oe ...), apostrophes and okinas dropped
/// (O'zbekiston, Xo‘jand), and every other run of punctuation, symbols or
/// space made one space, with none at either end. Bytes that are not UTF-8
/// are kept as they are (ASCII letters still lower-cased).
std::string foldName(std::string_view utf8);

}  // namespace pamir
