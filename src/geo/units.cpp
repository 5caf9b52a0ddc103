#include "geo/units.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>

#include "core/number.hpp"

namespace pamir::geo {
namespace {

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  size_t b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return "";
  size_t e = s.find_last_not_of(" \t\r\n");
  return s.substr(b, e - b + 1);
}

}  // namespace

double metresPerUnit(DistanceUnit u) {
  switch (u) {
    case DistanceUnit::Metre:
      return 1.0;
    case DistanceUnit::Kilometre:
      return 1000.0;
    case DistanceUnit::NauticalMile:
      return 1852.0;
    case DistanceUnit::StatuteMile:
      return 1609.344;
  }
  return 1.0;
}

const char* unitSymbol(DistanceUnit u) {
  switch (u) {
    case DistanceUnit::Metre:
      return "m";
    case DistanceUnit::Kilometre:
      return "km";
    case DistanceUnit::NauticalMile:
      return "nm";
    case DistanceUnit::StatuteMile:
      return "mi";
  }
  return "m";
}

std::optional<DistanceUnit> parseUnit(const std::string& text) {
  std::string t = lower(trim(text));
  if (t == "m" || t == "metre" || t == "metres" || t == "meter" || t == "meters") return DistanceUnit::Metre;
  if (t == "km" || t == "kilometre" || t == "kilometres" || t == "kilometer" || t == "kilometers")
    return DistanceUnit::Kilometre;
  if (t == "nm" || t == "nmi" || t == "nautical mile" || t == "nautical miles") return DistanceUnit::NauticalMile;
  if (t == "mi" || t == "mile" || t == "miles" || t == "statute mile" || t == "statute miles")
    return DistanceUnit::StatuteMile;
  return std::nullopt;
}

std::optional<double> parseDecimal(const std::string& text) { return parseNumber(text, NumberSyntax::Decimal); }

std::optional<double> parseDistance(const std::string& text, std::string* error,
                                    std::optional<DistanceUnit> defaultUnit) {
  auto fail = [&](const std::string& why) -> std::optional<double> {
    if (error) *error = why;
    return std::nullopt;
  };
  std::string t = trim(text);
  size_t split = 0;
  while (split < t.size() &&
         (std::isdigit(static_cast<unsigned char>(t[split])) || t[split] == '.' || t[split] == '-' || t[split] == '+'))
    ++split;
  std::string number = t.substr(0, split);
  std::string unitText = trim(t.substr(split));
  std::optional<double> value = parseDecimal(number);
  if (!value) return fail("cannot read a distance from '" + text + "' (expected e.g. 200km, 150 nm, 10mi, 500m)");
  if (*value < 0) return fail("distance '" + text + "' is negative");
  std::optional<DistanceUnit> unit = unitText.empty() ? defaultUnit : parseUnit(unitText);
  if (!unit) {
    if (unitText.empty()) return fail("distance '" + text + "' has no unit (use m, km, nm or mi)");
    return fail("unknown distance unit '" + unitText + "' in '" + text + "' (use m, km, nm or mi)");
  }
  return *value * metresPerUnit(*unit);
}

std::string formatFixed(double value, int decimals) {
  char buf[400];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, std::clamp(decimals, 0, 17));
  if (ec != std::errc()) return "nan";
  return std::string(buf, ptr);
}

std::string formatDistance(double metres, DistanceUnit unit, int decimals) {
  return formatFixed(metres / metresPerUnit(unit), decimals) + " " + unitSymbol(unit);
}

std::string formatDistance(double metres) {
  if (!std::isfinite(metres)) return "–";
  if (std::fabs(metres) < 1000) return formatDistance(metres, DistanceUnit::Metre, 0);
  if (std::fabs(metres) < 100000) return formatDistance(metres, DistanceUnit::Kilometre, 2);
  return formatDistance(metres, DistanceUnit::Kilometre, 1);
}

}  // namespace pamir::geo
