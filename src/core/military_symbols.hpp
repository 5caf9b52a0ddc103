#pragma once
// APP-6 / MIL-STD-2525C military symbols as the dataset ships them
// (geodata/symbols.json, made with milsymbol: tools/dataset/symbols.py): one
// SVG per symbol, its frame filled with a placeholder colour that the
// painter replaces with the feature's fill, and where its anchor (the point
// the symbol stands for) lies. Looked up by a feature's SIDC.
#include <cstddef>
#include <map>
#include <string>

namespace pamir {

struct MilitarySymbol {
  std::string key;                  ///< symbolKey() of the SIDC it was made for
  std::string svg;                  ///< the frame filled with SymbolLibrary::placeholder()
  double width = 0, height = 0;     ///< px at scale 1
  double anchorX = 0, anchorY = 0;  ///< px from the top-left corner at scale 1
  std::string standardFill;         ///< "#RRGGBB": the affiliation's own fill (friend blue, hostile red...)
};

class SymbolLibrary {
 public:
  SymbolLibrary() = default;
  SymbolLibrary(std::map<std::string, MilitarySymbol> symbols, std::string placeholder)
      : symbols_(std::move(symbols)), placeholder_(std::move(placeholder)) {}

  /// What a SIDC is looked up by: upper case, '*' as '-', its first ten
  /// characters (scheme, affiliation, dimension, status, function), the
  /// status 'A' (anticipated) kept, any other as 'P' (present). Empty for
  /// text that cannot be a letter SIDC (under 10 characters after trimming,
  /// or characters other than letters, digits, '-' and '*').
  static std::string symbolKey(const std::string& sidc);

  /// The symbol for `sidc`: its exact key, else the same one present
  /// (an anticipated site the catalog has only as present). Null when none.
  const MilitarySymbol* find(const std::string& sidc) const;

  const std::string& placeholder() const { return placeholder_; }
  size_t size() const { return symbols_.size(); }
  bool empty() const { return symbols_.empty(); }

 private:
  std::map<std::string, MilitarySymbol> symbols_;
  std::string placeholder_;
};

}  // namespace pamir
