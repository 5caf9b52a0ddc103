#pragma once
// Finding the font file the map's labels and the window's panels are drawn
// in: one lookup for both, so they never disagree about which face is used.
#include <string>

namespace pamir::render {

/// The face both labels and panels use: it covers Latin with its extensions,
/// Cyrillic, combining diacritics, primes, arrows and the degree sign.
inline constexpr const char* kDefaultFontFamily = "DejaVu Sans";

/// Path of an installed scalable font file of `family` (a fontconfig family
/// name, e.g. "DejaVu Sans"): fontconfig's match for that family, else the
/// fixed paths Debian and Fedora install DejaVu Sans at, else fontconfig's
/// nearest substitute. Empty when no font is installed at all. Results are
/// remembered per family for the life of the process; thread-safe.
std::string findFont(const std::string& family = kDefaultFontFamily);

}  // namespace pamir::render
