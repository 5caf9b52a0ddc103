#include "geo/coordinates.hpp"

#include <GeographicLib/Constants.hpp>
#include <GeographicLib/MGRS.hpp>
#include <GeographicLib/UTMUPS.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <optional>
#include <vector>

#include "geo/geodesic.hpp"
#include "geo/units.hpp"

namespace pamir::geo {
namespace {

using Status = ParsedCoordinate::Status;

ParsedCoordinate notCoordinate(const std::string& text) {
  ParsedCoordinate r;
  r.status = Status::NotCoordinate;
  r.error = "'" + text + "' is not a coordinate (expected e.g. 37.4,74.9 or 37°24'N 74°54'E or an MGRS reference)";
  return r;
}

ParsedCoordinate invalid(const std::string& text, const std::string& why) {
  ParsedCoordinate r;
  r.status = Status::Invalid;
  r.error = "coordinate '" + text + "': " + why;
  return r;
}

std::string upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

bool allDigits(const std::string& s) {
  return !s.empty() &&
         std::all_of(s.begin(), s.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
}

// Splits on whitespace and commas.
std::vector<std::string> words(const std::string& s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c)) || c == ',') {
      if (!cur.empty()) out.push_back(cur);
      cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(cur);
  return out;
}

const char* const kBands = "CDEFGHJKLMNPQRSTUVWX";

// --- MGRS and UTM ----------------------------------------------------------------

std::optional<ParsedCoordinate> tryMgrs(const std::string& text) {
  std::string s;
  for (char c : text)
    if (!std::isspace(static_cast<unsigned char>(c)))
      s += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  // UTM form: 1-2 digit zone, band, two square letters, digits. UPS form: A/B/Y/Z, two letters, digits.
  size_t i = 0;
  while (i < s.size() && i < 2 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  bool ups = i == 0;
  if (s.size() < i + 3) return std::nullopt;
  char band = s[i];
  if (ups ? std::string("ABYZ").find(band) == std::string::npos : std::string(kBands).find(band) == std::string::npos)
    return std::nullopt;
  if (!std::isalpha(static_cast<unsigned char>(s[i + 1])) || !std::isalpha(static_cast<unsigned char>(s[i + 2])))
    return std::nullopt;
  std::string digits = s.substr(i + 3);
  if (!digits.empty() && !allDigits(digits)) return std::nullopt;
  if (digits.size() % 2 != 0)
    return invalid(text, "an MGRS reference needs as many easting as northing digits (got " +
                             std::to_string(digits.size()) + " digits)");
  if (digits.size() > 22) return invalid(text, "too many digits for an MGRS reference");
  try {
    int zone = 0, prec = 0;
    bool northp = true;
    double x = 0, y = 0;
    GeographicLib::MGRS::Reverse(s, zone, northp, x, y, prec, true);
    ParsedCoordinate r;
    GeographicLib::UTMUPS::Reverse(zone, northp, x, y, r.position.lat, r.position.lon);
    r.status = Status::Ok;
    r.format = CoordinateFormat::Mgrs;
    return r;
  } catch (const std::exception& e) {
    return invalid(text, std::string("not a valid MGRS reference (") + e.what() + ")");
  }
}

std::optional<ParsedCoordinate> tryUtm(const std::string& text) {
  std::vector<std::string> w = words(text);
  if (w.size() != 3 && w.size() != 4) return std::nullopt;
  std::string zoneText, letter;
  size_t next = 0;
  {
    const std::string& z = w[0];
    size_t i = 0;
    while (i < z.size() && std::isdigit(static_cast<unsigned char>(z[i]))) ++i;
    if (i == 0 || i > 2) return std::nullopt;
    zoneText = z.substr(0, i);
    letter = upper(z.substr(i));
    next = 1;
    if (letter.empty() && w.size() == 4) {
      letter = upper(w[1]);
      next = 2;
    }
  }
  if (w.size() - next != 2) return std::nullopt;
  auto strip = [](std::string s) {  // "512345mE" -> "512345"
    std::string u = upper(s);
    for (const char* suffix : {"ME", "MN", "E", "N", "M"}) {
      std::string sfx = suffix;
      if (u.size() > sfx.size() && u.compare(u.size() - sfx.size(), sfx.size(), sfx) == 0)
        return s.substr(0, s.size() - sfx.size());
    }
    return s;
  };
  std::optional<double> easting = parseDecimal(strip(w[next]));
  std::optional<double> northing = parseDecimal(strip(w[next + 1]));
  if (!easting || !northing) return std::nullopt;
  bool hemisphereWord = letter == "NORTH" || letter == "SOUTH";
  bool bandLetter = letter.size() == 1 && std::string(kBands).find(letter[0]) != std::string::npos;
  if (!hemisphereWord && !bandLetter) return std::nullopt;
  // Looks like UTM from here on: report problems instead of falling through.
  int zone = std::stoi(zoneText);
  if (zone < 1 || zone > 60) return invalid(text, "UTM zone " + zoneText + " is not between 1 and 60");
  bool northp = hemisphereWord ? letter == "NORTH" : letter[0] >= 'N';
  if (*easting < 100000 || *easting > 900000)
    return invalid(text, "UTM easting " + w[next] + " m is outside 100000..900000");
  if (*northing < 0 || *northing > 10000000)
    return invalid(text, "UTM northing " + w[next + 1] + " m is outside 0..10000000");
  ParsedCoordinate r;
  try {
    GeographicLib::UTMUPS::Reverse(zone, northp, *easting, *northing, r.position.lat, r.position.lon);
  } catch (const std::exception& e) {
    return invalid(text, std::string("not a valid UTM position (") + e.what() + ")");
  }
  if (bandLetter) {
    int expected = static_cast<int>(std::floor((r.position.lat + 80.0) / 8.0));
    expected = std::clamp(expected, 0, 19);
    int given = static_cast<int>(std::string(kBands).find(letter[0]));
    if (std::abs(expected - given) > 1 || r.position.lat < -80.5 || r.position.lat > 84.5)
      return invalid(text, "northing " + w[next + 1] + " m does not fall in latitude band " + letter +
                               " (write the zone as '" + zoneText + " north' or '" + zoneText +
                               " south' for a hemisphere)");
  }
  r.status = Status::Ok;
  r.format = CoordinateFormat::Utm;
  return r;
}

// --- decimal degrees and DMS --------------------------------------------------

struct Token {
  enum Kind { Num, Deg, Min, Sec, Hem, Sep } kind;
  std::string text;  // for Num
  char hem = 0;      // N S E W
};

// Replaces the UTF-8 spellings of degree, minute, second and minus with ASCII
// stand-ins ('o' never occurs otherwise: it is not a marker or a hemisphere).
std::optional<std::string> normaliseSymbols(const std::string& in) {
  struct Map {
    const char* utf8;
    const char* ascii;
  };
  static const Map maps[] = {
      {"\xC2\xB0", " o "},    {"\xC2\xBA", " o "},    {"\xCB\x9A", " o "},     // ° º ˚
      {"\xE2\x80\xB2", "'"},  {"\xE2\x80\x99", "'"},  {"\xE2\x80\x98", "'"},   // ′ ’ ‘
      {"\xC2\xB4", "'"},                                                       // ´
      {"\xE2\x80\xB3", "\""}, {"\xE2\x80\x9D", "\""}, {"\xE2\x80\x9C", "\""},  // ″ ” “
      {"\xE2\x88\x92", "-"},  {"\xC2\xA0", " "},                               // minus sign, no-break space
  };
  std::string out;
  for (size_t i = 0; i < in.size();) {
    unsigned char c = static_cast<unsigned char>(in[i]);
    if (c < 0x80) {
      out += in[i++];
      continue;
    }
    bool matched = false;
    for (const auto& m : maps) {
      size_t len = std::char_traits<char>::length(m.utf8);
      if (in.compare(i, len, m.utf8) == 0) {
        out += m.ascii;
        i += len;
        matched = true;
        break;
      }
    }
    if (!matched) return std::nullopt;
  }
  return out;
}

std::optional<std::vector<Token>> tokenize(const std::string& s) {
  std::vector<Token> t;
  bool minuteSeen = false;  // within the current coordinate, for the s/S ambiguity
  size_t i = 0;
  while (i < s.size()) {
    char c = s[i];
    if (std::isspace(static_cast<unsigned char>(c))) {
      ++i;
      continue;
    }
    bool signStart = (c == '-' || c == '+') && i + 1 < s.size() &&
                     (std::isdigit(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '.');
    if (std::isdigit(static_cast<unsigned char>(c)) || c == '.' || signStart) {
      size_t j = i + 1;
      while (j < s.size() && (std::isdigit(static_cast<unsigned char>(s[j])) || s[j] == '.')) ++j;
      t.push_back({Token::Num, s.substr(i, j - i)});
      i = j;
      continue;
    }
    if (c == ',' || c == ';' || c == '/') {
      t.push_back({Token::Sep, ""});
      minuteSeen = false;
      ++i;
      continue;
    }
    if (c == '\'' && i + 1 < s.size() && s[i + 1] == '\'') {  // '' as seconds
      t.push_back({Token::Sec, ""});
      i += 2;
      continue;
    }
    if (c == '\'') {
      t.push_back({Token::Min, ""});
      minuteSeen = true;
      ++i;
      continue;
    }
    if (c == '"') {
      t.push_back({Token::Sec, ""});
      ++i;
      continue;
    }
    if (std::isalpha(static_cast<unsigned char>(c))) {
      size_t j = i;
      while (j < s.size() && std::isalpha(static_cast<unsigned char>(s[j]))) ++j;
      std::string word = upper(s.substr(i, j - i));
      static const std::pair<const char*, char> hemWords[] = {
          {"NORTH", 'N'}, {"SOUTH", 'S'}, {"EAST", 'E'}, {"WEST", 'W'}};
      bool done = false;
      for (const auto& [w, h] : hemWords)
        if (word == w) {
          t.push_back({Token::Hem, "", h});
          minuteSeen = false;
          done = true;
        }
      if (!done && (word == "O" || word == "DEG")) {
        t.push_back({Token::Deg, ""});
        done = true;
      }
      if (!done) {
        // Letter by letter: "00sN" is seconds then north.
        for (size_t k = 0; k < word.size(); ++k) {
          char l = word[k];
          bool afterNumber = !t.empty() && t.back().kind == Token::Num;
          if (l == 'D') {
            t.push_back({Token::Deg, ""});
          } else if (l == 'M') {
            t.push_back({Token::Min, ""});
            minuteSeen = true;
          } else if (l == 'S' && afterNumber && minuteSeen) {
            t.push_back({Token::Sec, ""});
          } else if (l == 'N' || l == 'S' || l == 'E' || l == 'W') {
            t.push_back({Token::Hem, "", l});
            minuteSeen = false;
          } else {
            return std::nullopt;
          }
        }
      }
      i = j;
      continue;
    }
    return std::nullopt;
  }
  return t;
}

struct Angle {
  double value = 0;
  bool negative = false;
  bool plain = true;  // a single unmarked number: decimal degrees
};

// Degrees [minutes [seconds]] with optional markers; `what` is "latitude" or "longitude".
std::optional<Angle> evaluate(const std::vector<Token>& toks, const std::string& what, std::string* why) {
  std::optional<std::string> parts[3];
  int slot = 0;
  bool marked = false;
  for (size_t i = 0; i < toks.size(); ++i) {
    const Token& tk = toks[i];
    if (tk.kind == Token::Sep) continue;
    if (tk.kind != Token::Num) {
      *why = "a degree, minute or second sign without a number in the " + what;
      return std::nullopt;
    }
    int target = slot;
    if (i + 1 < toks.size() && toks[i + 1].kind != Token::Num && toks[i + 1].kind != Token::Sep) {
      target = toks[i + 1].kind == Token::Deg ? 0 : toks[i + 1].kind == Token::Min ? 1 : 2;
      marked = true;
      ++i;
    }
    if (target < slot || target > 2 || parts[target]) {
      *why = "the " + what + " has its degrees, minutes and seconds out of order or repeated";
      return std::nullopt;
    }
    parts[target] = tk.text;
    slot = target + 1;
  }
  if (!parts[0]) {
    *why = "no degrees in the " + what;
    return std::nullopt;
  }
  Angle a;
  int last = parts[2] ? 2 : parts[1] ? 1 : 0;
  a.plain = last == 0 && !marked;
  double value[3] = {0, 0, 0};
  for (int k = 0; k <= last; ++k) {
    if (!parts[k]) {
      *why = "the " + what + " has seconds but no minutes";
      return std::nullopt;
    }
    const std::string& text = *parts[k];
    std::optional<double> v = parseDecimal(text);
    if (!v) {
      *why = "'" + text + "' is not a number";
      return std::nullopt;
    }
    bool hasSign = text[0] == '-' || text[0] == '+';
    if (k > 0 && hasSign) {
      *why = "only the degrees of the " + what + " may carry a sign";
      return std::nullopt;
    }
    if (k < last && text.find('.') != std::string::npos) {
      *why = "only the last component of the " + what + " may have decimals ('" + text + "')";
      return std::nullopt;
    }
    if (k > 0 && *v >= 60.0) {
      *why = std::string(k == 1 ? "minutes" : "seconds") + " must be below 60 in the " + what + " ('" + text + "')";
      return std::nullopt;
    }
    value[k] = std::fabs(*v);
    if (k == 0) a.negative = text[0] == '-';
  }
  a.value = value[0] + value[1] / 60.0 + value[2] / 3600.0;
  return a;
}

ParsedCoordinate parseDms(const std::string& original, const std::string& text) {
  std::optional<std::vector<Token>> tokens = tokenize(text);
  if (!tokens || tokens->empty()) return notCoordinate(original);
  std::vector<Token>& t = *tokens;
  if (std::none_of(t.begin(), t.end(), [](const Token& x) { return x.kind == Token::Num; }))
    return notCoordinate(original);
  // Drop leading/trailing separators.
  while (!t.empty() && t.back().kind == Token::Sep) t.pop_back();
  while (!t.empty() && t.front().kind == Token::Sep) t.erase(t.begin());

  std::vector<Token> first, second;
  char hem1 = 0, hem2 = 0;
  size_t hemCount = std::count_if(t.begin(), t.end(), [](const Token& x) { return x.kind == Token::Hem; });
  if (hemCount > 0) {
    if (hemCount != 2) return invalid(original, "expected one hemisphere letter (N/S, E/W) per coordinate");
    bool prefix = t.front().kind == Token::Hem;
    std::vector<Token>* cur = &first;
    int seen = 0;
    for (const Token& x : t) {
      if (x.kind == Token::Hem) {
        ++seen;
        (seen == 1 ? hem1 : hem2) = x.hem;
        if (prefix && seen == 2) cur = &second;
        if (!prefix && seen == 1) cur = &second;
        continue;
      }
      if (x.kind == Token::Sep) continue;
      if (!prefix && seen == 2) return invalid(original, "unexpected text after the second hemisphere letter");
      cur->push_back(x);
    }
  } else {
    size_t sepCount = std::count_if(t.begin(), t.end(), [](const Token& x) { return x.kind == Token::Sep; });
    if (sepCount > 1) return invalid(original, "more than one separator (a decimal comma? use a point: 37.4,74.9)");
    if (sepCount == 1) {
      auto sep = std::find_if(t.begin(), t.end(), [](const Token& x) { return x.kind == Token::Sep; });
      first.assign(t.begin(), sep);
      second.assign(sep + 1, t.end());
    } else {
      // Split at the second degree marker, else halve the numbers.
      std::vector<size_t> degAt;
      for (size_t i = 0; i < t.size(); ++i)
        if (t[i].kind == Token::Deg) degAt.push_back(i);
      size_t cut = 0;
      if (degAt.size() == 2) {
        cut = degAt[1] - 1;
      } else {
        size_t nums = std::count_if(t.begin(), t.end(), [](const Token& x) { return x.kind == Token::Num; });
        if (nums < 2) return invalid(original, "expected two values, latitude and longitude");
        if ((nums != 2 && nums != 4 && nums != 6) || nums != t.size())
          return invalid(original, "cannot tell latitude from longitude (separate them with a comma)");
        cut = nums / 2;
      }
      first.assign(t.begin(), t.begin() + static_cast<long>(cut));
      second.assign(t.begin() + static_cast<long>(cut), t.end());
    }
  }
  if (first.empty() || second.empty()) return invalid(original, "expected two values, latitude and longitude");

  auto isLat = [](char h) { return h == 'N' || h == 'S'; };
  bool swap = false;
  if (hem1 || hem2) {
    if (isLat(hem1) == isLat(hem2))
      return invalid(original, "both values have a latitude (or both a longitude) letter");
    swap = !isLat(hem1);
  }
  std::string why;
  std::optional<Angle> a1 = evaluate(first, swap ? "longitude" : "latitude", &why);
  if (!a1) return invalid(original, why);
  std::optional<Angle> a2 = evaluate(second, swap ? "latitude" : "longitude", &why);
  if (!a2) return invalid(original, why);
  auto signed_ = [&](const Angle& a, char hem, const char* what) -> std::optional<double> {
    if (hem && a.negative) {
      why = std::string("the ") + what + " has both a minus sign and a hemisphere letter";
      return std::nullopt;
    }
    double v = a.value;
    if (a.negative || hem == 'S' || hem == 'W') v = -v;
    return v;
  };
  std::optional<double> v1 = signed_(*a1, hem1, swap ? "longitude" : "latitude");
  if (!v1) return invalid(original, why);
  std::optional<double> v2 = signed_(*a2, hem2, swap ? "latitude" : "longitude");
  if (!v2) return invalid(original, why);
  double lat = swap ? *v2 : *v1, lon = swap ? *v1 : *v2;
  if (std::fabs(lat) > 90.0)
    return invalid(original, "latitude " + formatFixed(lat, 6) + " is beyond ±90 (order is LAT,LON)");
  if (std::fabs(lon) > 180.0) return invalid(original, "longitude " + formatFixed(lon, 6) + " is beyond ±180");
  ParsedCoordinate r;
  r.status = Status::Ok;
  r.position = {lon, lat};
  r.format = a1->plain && a2->plain && !hem1 ? CoordinateFormat::DecimalDegrees : CoordinateFormat::Dms;
  return r;
}

}  // namespace

ParsedCoordinate parseCoordinate(const std::string& text) {
  if (text.find_first_of("0123456789") == std::string::npos) return notCoordinate(text);
  if (auto m = tryMgrs(text)) return *m;
  if (auto u = tryUtm(text)) return *u;
  std::optional<std::string> normal = normaliseSymbols(text);
  if (!normal) return notCoordinate(text);
  return parseDms(text, *normal);
}

std::string formatDecimalDegrees(const LonLat& p, int decimals) {
  return formatFixed(p.lat, decimals) + ", " + formatFixed(p.lon, decimals);
}

namespace {
std::string dmsPart(double value, int secondDecimals, char pos, char neg, int degreeWidth) {
  secondDecimals = std::clamp(secondDecimals, 0, 6);
  double scale = std::pow(10.0, secondDecimals);
  // Round once, in units of the last printed digit, so 59.96″ carries into the minute.
  long long units = std::llround(std::fabs(value) * 3600.0 * scale);
  long long perMinute = static_cast<long long>(60 * scale);
  long long perDegree = 60 * perMinute;
  long long deg = units / perDegree;
  long long min = (units % perDegree) / perMinute;
  double sec = static_cast<double>(units % perMinute) / scale;
  std::string d = std::to_string(deg);
  while (static_cast<int>(d.size()) < degreeWidth) d = "0" + d;
  std::string m = std::to_string(min);
  if (m.size() < 2) m = "0" + m;
  std::string s = formatFixed(sec, secondDecimals);
  if (sec < 10) s = "0" + s;
  return d + "\xC2\xB0" + m + "\xE2\x80\xB2" + s + "\xE2\x80\xB3" + (value < 0 && units > 0 ? neg : pos);
}
}  // namespace

std::string formatDms(const LonLat& p, int secondDecimals) {
  if (!std::isfinite(p.lat) || !std::isfinite(p.lon)) return "";
  return dmsPart(p.lat, secondDecimals, 'N', 'S', 2) + " " + dmsPart(p.lon, secondDecimals, 'E', 'W', 3);
}

namespace {
struct UtmUps {
  int zone = 0;
  bool northp = true;
  double x = 0, y = 0;
};

// Throws GeographicLib::GeographicErr where GeographicLib refuses the position.
UtmUps utmUps(const LonLat& p) {
  UtmUps u;
  GeographicLib::UTMUPS::Forward(p.lat, p.lon, u.zone, u.northp, u.x, u.y);
  return u;
}
}  // namespace

std::string formatMgrs(const LonLat& p, int precision) {
  if (!validPosition(p)) return "";
  try {
    UtmUps u = utmUps(p);
    std::string m;
    GeographicLib::MGRS::Forward(u.zone, u.northp, u.x, u.y, p.lat, std::clamp(precision, 0, 11), m);
    // Split into grid zone, 100 km square and the two digit groups.
    size_t i = 0;
    while (i < m.size() && std::isdigit(static_cast<unsigned char>(m[i]))) ++i;
    size_t gzd = i + 1;
    if (m.size() < gzd + 2) return m;
    std::string digits = m.substr(gzd + 2);
    std::string out = m.substr(0, gzd) + " " + m.substr(gzd, 2);
    if (!digits.empty()) out += " " + digits.substr(0, digits.size() / 2) + " " + digits.substr(digits.size() / 2);
    return out;
  } catch (const std::exception&) {
    return "";
  }
}

std::string formatUtm(const LonLat& p) {
  if (!validPosition(p)) return "";
  try {
    UtmUps u = utmUps(p);
    std::string e = formatFixed(u.x, 0), n = formatFixed(u.y, 0);
    if (u.zone == GeographicLib::UTMUPS::UPS) return std::string("UPS ") + (u.northp ? "N " : "S ") + e + " " + n;
    int band = std::clamp(static_cast<int>(std::floor((p.lat + 80.0) / 8.0)), 0, 19);
    return std::to_string(u.zone) + kBands[band] + " " + e + " " + n;
  } catch (const std::exception&) {
    return "";
  }
}

}  // namespace pamir::geo
