#pragma once
// Distance units for input and display. Parsing is locale-independent (a
// decimal point, never a comma).
#include <optional>
#include <string>
#include <vector>

namespace pamir::geo {

enum class DistanceUnit { Metre, Kilometre, NauticalMile, StatuteMile };

/// Metres in one unit: 1, 1000, 1852 (international nautical mile), 1609.344 (statute mile).
double metresPerUnit(DistanceUnit u);

/// "m", "km", "nm", "mi".
const char* unitSymbol(DistanceUnit u);

/// Accepts m, km, nm, mi and spelled-out forms (metres, meters, kilometres,
/// nmi, "nautical miles", miles…), case-insensitive.
std::optional<DistanceUnit> parseUnit(const std::string& text);

/// Parses a distance with its unit: "200km", "150 nm", "10mi", "500m",
/// "1.5 km". A bare number is accepted only when `defaultUnit` is given.
/// Returns metres; nullopt with a one-line reason in *error on failure
/// (negative, NaN, infinite, missing or unknown unit, trailing text).
std::optional<double> parseDistance(const std::string& text, std::string* error,
                                    std::optional<DistanceUnit> defaultUnit = std::nullopt);

/// Several distances, comma-separated: "100km,200km", "100, 200, 300 km",
/// "50 nm, 200km". A bare number takes the unit written after the last
/// number (so "100, 200, 300 km" is three distances in km), else
/// `defaultUnit`. Metres, in the order given; nullopt with a one-line reason
/// in *error (an empty item, a distance of 0 or less, or one parseDistance refuses).
std::optional<std::vector<double>> parseDistanceList(const std::string& text, std::string* error,
                                                     std::optional<DistanceUnit> defaultUnit = std::nullopt);

/// The unit a field's name says its values are in, from its suffix:
/// range_km, radius_nm, reach_mi, radius_m (also "-km", "km" alone, any case).
std::optional<DistanceUnit> unitFromFieldName(const std::string& fieldName);

/// "212.35 km": the value in `unit` with `decimals` decimals.
std::string formatDistance(double metres, DistanceUnit unit, int decimals = 3);

/// A distance as a map reader wants it at a glance, the unit chosen by size:
/// "850 m", "43.82 km" (below 100 km), "212.3 km"; "–" when not finite.
std::string formatDistance(double metres);

/// `value` with a fixed number of decimals and a decimal point, whatever the locale.
std::string formatFixed(double value, int decimals);

/// Parses a finite decimal number (optional sign, digits, '.', digits; no
/// exponent, no thousands separators) whatever the C or C++ locale. The whole
/// string must be consumed. (core's parseNumber with NumberSyntax::Decimal.)
std::optional<double> parseDecimal(const std::string& text);

/// A round scale-bar length (1, 2 or 5 × 10^n metres) no longer than
/// `maxMetres`; 0 for none.
double niceScaleLength(double maxMetres);

/// "850 m²", "12.34 km²", "143100 km²" ("–" for NaN).
std::string formatArea(double squareMetres);
/// "41.3°" ("–" for NaN).
std::string formatBearing(double degrees);

}  // namespace pamir::geo
