#pragma once
// Reading numbers people type, whatever the C or C++ locale says: a decimal
// point, never a comma.
#include <optional>
#include <string>
#include <string_view>

namespace pamir {

enum class NumberSyntax {
  Decimal,     ///< [+-]digits[.digits]: coordinates and distances, where "1e3" is a typo
  Scientific,  ///< Decimal, or with an exponent (-1.5e6): extents and sizes on the command line
};

/// A finite number spelled exactly as `syntax` allows, filling all of `text`;
/// nullopt otherwise (empty, "37,25", "inf", "nan", hex, "+-1", trailing text).
std::optional<double> parseNumber(std::string_view text, NumberSyntax syntax = NumberSyntax::Scientific);

/// The shortest text that reads back as the same double ("1e+308", "95.5",
/// "nan", "-inf"), in any locale: for messages that quote a bad value.
std::string formatShortest(double value);

}  // namespace pamir
