#pragma once
// ISO 3166-1 countries as Debian's iso-codes package lists them, so that a
// country field holding "TJ", "TJK", "Tajikistan" or "Republic of
// Tajikistan" is understood as the same country. Read from iso-codes rather
// than kept as a table here: it is maintained, and it follows ISO.
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace pamir::data {

struct Country {
  std::string alpha3;  ///< "TJK"
  std::string alpha2;  ///< "TJ"
  std::string name;    ///< "Tajikistan"
};

class CountryCodes {
 public:
  /// The table from iso-codes' iso_3166-1.json (read once, shared); empty
  /// when the file cannot be read: then only alpha-3 codes are recognised.
  static const CountryCodes& standard();
  /// A table read from `path` (iso-codes' JSON layout); empty on any error.
  static CountryCodes fromFile(const std::string& path);

  bool empty() const { return countries_.empty(); }
  /// The country an alpha-3 or alpha-2 code (any case) or an English name,
  /// common or official, denotes (names folded: case, accents, punctuation).
  const Country* find(std::string_view text) const;
  /// The country with this exact upper-case alpha-3 code.
  const Country* byAlpha3(std::string_view code) const;

 private:
  std::vector<Country> countries_;
  std::unordered_map<std::string, size_t> byCode_;  // "TJK", "TJ"
  std::unordered_map<std::string, size_t> byName_;  // folded names
};

/// Where iso-codes keeps the table on Debian.
std::string standardCountryCodesPath();

}  // namespace pamir::data
