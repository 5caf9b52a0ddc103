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

std::optional<std::vector<double>> parseDistanceList(const std::string& text, std::string* error,
                                                     std::optional<DistanceUnit> defaultUnit) {
  auto fail = [&](const std::string& why) -> std::optional<std::vector<double>> {
    if (error) *error = why;
    return std::nullopt;
  };
  std::vector<std::string> items;
  size_t start = 0;
  for (;;) {
    const size_t comma = text.find(',', start);
    items.push_back(trim(text.substr(start, comma == std::string::npos ? std::string::npos : comma - start)));
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  // "100, 200, 300 km": the unit written last stands for the bare numbers before it.
  std::optional<DistanceUnit> lastUnit = defaultUnit;
  for (auto it = items.rbegin(); it != items.rend(); ++it) {
    size_t split = 0;
    while (split < it->size() && (std::isdigit(static_cast<unsigned char>((*it)[split])) || (*it)[split] == '.' ||
                                  (*it)[split] == '-' || (*it)[split] == '+'))
      ++split;
    if (split < it->size()) {
      if (auto u = parseUnit(trim(it->substr(split)))) lastUnit = u;
      break;
    }
  }
  std::vector<double> out;
  for (const std::string& item : items) {
    if (item.empty()) return fail("an empty distance in '" + text + "'");
    std::optional<double> m = parseDistance(item, error, lastUnit);
    if (!m) return std::nullopt;
    if (!(*m > 0)) return fail("distance '" + item + "' must be greater than zero");
    out.push_back(*m);
  }
  return out;
}

std::optional<DistanceUnit> unitFromFieldName(const std::string& fieldName) {
  std::string t;
  for (char c : fieldName) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto endsWith = [&](const std::string& suffix) {
    if (t.size() < suffix.size() || t.compare(t.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
    // The suffix is a word of its own: "range_km", "km", not "ilkm".
    const size_t before = t.size() - suffix.size();
    return before == 0 || t[before - 1] == '_' || t[before - 1] == '-' || t[before - 1] == ' ';
  };
  if (endsWith("km")) return DistanceUnit::Kilometre;
  if (endsWith("nm") || endsWith("nmi")) return DistanceUnit::NauticalMile;
  if (endsWith("mi")) return DistanceUnit::StatuteMile;
  if (endsWith("m")) return DistanceUnit::Metre;
  return std::nullopt;
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

double niceScaleLength(double maxMetres) {
  if (!(maxMetres > 0)) return 0;
  double p = std::pow(10.0, std::floor(std::log10(maxMetres)));
  for (double k : {5.0, 2.0, 1.0})
    if (k * p <= maxMetres) return k * p;
  return p;
}

std::string formatArea(double m2) {
  if (!std::isfinite(m2)) return "–";
  if (m2 < 1e6) return formatFixed(m2, 0) + " m²";
  if (m2 < 1e10) return formatFixed(m2 / 1e6, 2) + " km²";
  return formatFixed(m2 / 1e6, 0) + " km²";
}

std::string formatBearing(double deg) { return std::isfinite(deg) ? formatFixed(deg, 1) + "°" : "–"; }

}  // namespace pamir::geo
