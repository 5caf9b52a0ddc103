#include "app/measurements.hpp"

#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

#include "app/regular_file.hpp"
#include "core/atomic_file.hpp"
#include "geo/geodesic.hpp"
#include "geo/path_measure.hpp"
#include "geo/range_ring.hpp"

namespace pamir::app {

const char* kindName(MeasurementKind k) {
  switch (k) {
    case MeasurementKind::Line:
      return "line";
    case MeasurementKind::Path:
      return "path";
    case MeasurementKind::Area:
      return "area";
    case MeasurementKind::Ring:
      return "ring";
  }
  return "line";
}

std::optional<MeasurementKind> kindFromName(const std::string& name) {
  for (MeasurementKind k : {MeasurementKind::Line, MeasurementKind::Path, MeasurementKind::Area, MeasurementKind::Ring})
    if (name == kindName(k)) return k;
  return std::nullopt;
}

MeasurementColor defaultColor(MeasurementKind k) {
  switch (k) {
    case MeasurementKind::Line:
    case MeasurementKind::Path:
      return 0xC80078FFu;  // magenta, as measurements have always been drawn
    case MeasurementKind::Area:
      return 0x0064C8FFu;
    case MeasurementKind::Ring:
      return 0xE05A00FFu;
  }
  return 0xC80078FFu;
}

std::vector<LonLat> Measurement::points() const {
  switch (kind) {
    case MeasurementKind::Line:
      return {from, to};
    case MeasurementKind::Path:
    case MeasurementKind::Area:
      return vertices;
    case MeasurementKind::Ring:
      return {from};
  }
  return {};
}

namespace {

double bearing(double az) { return az < 0 ? az + 360.0 : az; }

double planarLength(const std::vector<LonLat>& points, const geo::Projection& view) {
  if (view.isGeographic()) return NAN;  // degrees are not a length
  double total = 0;
  for (size_t i = 1; i < points.size(); ++i) {
    const XY a = view.forward(points[i - 1]), b = view.forward(points[i]);
    total += std::hypot(b.x - a.x, b.y - a.y);
  }
  return total;
}

}  // namespace

Measurement measurePath(std::vector<LonLat> vertices, const geo::Projection& view, std::string label) {
  Measurement m;
  m.kind = MeasurementKind::Path;
  m.label = std::move(label);
  m.vertices = std::move(vertices);
  if (!m.vertices.empty()) m.from = m.vertices.front(), m.to = m.vertices.back();
  const geo::PathMeasure p = geo::measurePath(m.vertices);
  m.geodesic_m = p.total_m;
  m.rhumb_m = p.rhumb_m;
  m.azimuth1_deg = p.legs.empty() ? NAN : p.legs.front().azimuth1_deg;
  m.azimuth2_deg = p.legs.empty() ? NAN : p.legs.back().azimuth2_deg;
  m.planar_m = planarLength(m.vertices, view);
  m.planarCrs = view.name();
  return m;
}

Measurement measureArea(std::vector<LonLat> vertices, const geo::Projection& view, std::string label) {
  Measurement m;
  m.kind = MeasurementKind::Area;
  m.label = std::move(label);
  if (vertices.size() >= 2 && vertices.front() == vertices.back()) vertices.pop_back();
  m.vertices = std::move(vertices);
  if (!m.vertices.empty()) m.from = m.vertices.front(), m.to = m.vertices.back();
  const geo::PolygonMeasure g = geo::measurePolygon(m.vertices);
  m.area_m2 = g.area_m2;
  m.geodesic_m = g.perimeter_m;
  m.azimuth1_deg = m.azimuth2_deg = NAN;
  m.rhumb_m = NAN;
  std::vector<LonLat> closed = m.vertices;
  if (!closed.empty()) closed.push_back(closed.front());
  m.planar_m = planarLength(closed, view);
  std::vector<XY> xy;
  for (const LonLat& p : m.vertices) xy.push_back(view.forward(p));
  m.planarArea_m2 = view.isGeographic() ? NAN : geo::planarRingArea(xy);
  m.planarCrs = view.name();
  return m;
}

Measurement measureRing(const LonLat& centre, double radius_m, const geo::Projection& view, std::string label) {
  Measurement m;
  m.kind = MeasurementKind::Ring;
  m.label = std::move(label);
  m.from = m.to = centre;
  m.radius_m = radius_m;
  m.geodesic_m = radius_m;
  m.azimuth1_deg = m.azimuth2_deg = NAN;
  m.rhumb_m = NAN;
  const geo::RangeRing ring = geo::rangeRing(centre, radius_m);
  m.area_m2 = ring.ok ? geo::geometryArea(ring.geometry).area_m2 : NAN;
  // The radius as the view CRS draws it, due east of the centre.
  const geo::GeodesicDirect east = geo::direct(centre, 90.0, radius_m);
  m.planar_m = planarLength({centre, east.point}, view);
  m.planarCrs = view.name();
  return m;
}

Measurement remeasure(const Measurement& m, const geo::Projection& view) {
  Measurement out;
  switch (m.kind) {
    case MeasurementKind::Line:
      out = measure(m.from, m.to, view, m.label);
      break;
    case MeasurementKind::Path:
      out = measurePath(m.vertices, view, m.label);
      break;
    case MeasurementKind::Area:
      out = measureArea(m.vertices, view, m.label);
      break;
    case MeasurementKind::Ring:
      out = measureRing(m.from, m.radius_m, view, m.label);
      break;
  }
  out.radiusFrom = m.radiusFrom;
  out.color = m.color;
  out.hidden = m.hidden;
  return out;
}

std::vector<LonLat> measurementOutline(const Measurement& m, double step) {
  std::vector<LonLat> out;
  auto legs = [&](const std::vector<LonLat>& pts) {
    for (size_t i = 1; i < pts.size(); ++i) {
      std::vector<LonLat> leg = geodesicPath(pts[i - 1], pts[i], step);
      out.insert(out.end(), leg.begin() + (out.empty() ? 0 : 1), leg.end());
    }
  };
  switch (m.kind) {
    case MeasurementKind::Line:
      legs({m.from, m.to});
      break;
    case MeasurementKind::Path:
      legs(m.vertices);
      break;
    case MeasurementKind::Area: {
      std::vector<LonLat> closed = m.vertices;
      if (!closed.empty()) closed.push_back(closed.front());
      legs(closed);
      break;
    }
    case MeasurementKind::Ring: {
      const geo::RangeRing ring = geo::rangeRing(m.from, m.radius_m);
      if (ring.ok) {
        out = ring.vertices;
        if (!out.empty()) out.push_back(out.front());
      }
      break;
    }
  }
  return out;
}

Measurement measure(const LonLat& from, const LonLat& to, const geo::Projection& view, std::string label) {
  Measurement m;
  m.from = from;
  m.to = to;
  m.label = std::move(label);
  auto inv = geo::inverse(from, to);
  m.geodesic_m = inv.distance_m;
  // Bearings as analysts read them: clockwise from north, 0-360.
  m.azimuth1_deg = bearing(inv.azimuth1_deg);
  m.azimuth2_deg = bearing(inv.azimuth2_deg);
  if (!(m.geodesic_m > 0)) m.azimuth1_deg = m.azimuth2_deg = NAN;  // no direction between coincident points
  m.rhumb_m = geo::rhumbInverse(from, to).distance_m;
  XY a = view.forward(from), b = view.forward(to);
  m.planar_m = std::hypot(b.x - a.x, b.y - a.y);
  if (view.isGeographic()) m.planar_m = NAN;  // degrees are not a length
  m.planarCrs = view.name();
  return m;
}

std::vector<LonLat> geodesicPath(const LonLat& from, const LonLat& to, double step) {
  // One inverse solution, then a direct step per vertex: solving the
  // inverse problem again for every vertex cost most of a session's save.
  const geo::GeodesicInverse line = geo::inverse(from, to);
  const double d = line.distance_m;
  if (!(d > 0)) return {from, to};
  const double steps = std::ceil(d / std::max(step, 1.0));
  const int n = static_cast<int>(std::clamp(steps, 1.0, 2048.0));
  std::vector<LonLat> out;
  out.reserve(static_cast<size_t>(n) + 1);
  out.push_back(from);
  for (int i = 1; i < n; ++i) out.push_back(geo::direct(from, line.azimuth1_deg, d * i / n).point);
  out.push_back(to);
  return out;
}

std::vector<XY> measurementTrack(const LonLat& from, const LonLat& to, const geo::Projection& view) {
  std::vector<XY> out;
  const double d = geo::distance(from, to);
  for (const auto& p : geodesicPath(from, to, std::isfinite(d) ? std::max(5000.0, d / 512) : 5000.0)) {
    const XY q = view.forward(p);
    if (std::isfinite(q.x) && std::isfinite(q.y)) out.push_back(q);
  }
  return out;
}

namespace {

// Shortest text that reads back as the same double (end points), or fixed
// decimals (vertices between, where a centimetre is plenty).
void appendNumber(std::string& out, double v, int decimals = -1) {
  char buf[64];
  const auto r = decimals < 0 ? std::to_chars(buf, buf + sizeof buf, v)
                              : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  out.append(buf, r.ptr);
}

}  // namespace

std::string colorHex(MeasurementColor c) {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%06x", static_cast<unsigned>(c >> 8));
  return buf;
}

std::optional<MeasurementColor> colorFromHex(const std::string& text) {
  if (text.size() != 7 || text[0] != '#') return std::nullopt;
  unsigned v = 0;
  const auto r = std::from_chars(text.data() + 1, text.data() + 7, v, 16);
  if (r.ec != std::errc() || r.ptr != text.data() + 7) return std::nullopt;
  return (static_cast<MeasurementColor>(v) << 8) | 0xFFu;
}

namespace {

nlohmann::json finiteOrNull(double v) { return std::isfinite(v) ? nlohmann::json(v) : nlohmann::json(nullptr); }

nlohmann::json measurementProperties(const Measurement& m) {
  using nlohmann::json;
  json props{{"label", m.label}, {"kind", kindName(m.kind)}};
  switch (m.kind) {
    case MeasurementKind::Line:
    case MeasurementKind::Path:
      props["distance_m"] = m.geodesic_m;
      props["azimuth1_deg"] = finiteOrNull(m.azimuth1_deg);
      props["azimuth2_deg"] = finiteOrNull(m.azimuth2_deg);
      props["rhumb_m"] = finiteOrNull(m.rhumb_m);
      props["planar_m"] = finiteOrNull(m.planar_m);
      if (m.kind == MeasurementKind::Path) {
        json legs = json::array();
        for (const auto& leg : geo::measurePath(m.vertices).legs)
          legs.push_back({{"distance_m", leg.distance_m},
                          {"azimuth1_deg", finiteOrNull(leg.azimuth1_deg)},
                          {"azimuth2_deg", finiteOrNull(leg.azimuth2_deg)}});
        props["segments"] = legs;
      }
      break;
    case MeasurementKind::Area:
      props["area_m2"] = finiteOrNull(m.area_m2);
      props["perimeter_m"] = finiteOrNull(m.geodesic_m);
      props["planar_area_m2"] = finiteOrNull(m.planarArea_m2);
      props["planar_m"] = finiteOrNull(m.planar_m);
      break;
    case MeasurementKind::Ring:
      props["radius_m"] = m.radius_m;
      props["area_m2"] = finiteOrNull(m.area_m2);
      props["center_lon"] = m.from.lon;
      props["center_lat"] = m.from.lat;
      if (!m.radiusFrom.empty()) props["radius_from"] = m.radiusFrom;
      break;
  }
  props["planar_crs"] = m.planarCrs;
  props["method"] = m.kind == MeasurementKind::Area   ? kAreaMethod
                    : m.kind == MeasurementKind::Ring ? kRingMethod
                                                      : kMeasureMethod;
  props["ellipsoid"] = "WGS84";
  props["color"] = colorHex(m.shownColor());
  props["hidden"] = m.hidden;
  return props;
}

void appendPosition(std::string& text, const LonLat& p, bool exact) {
  text += '[';
  appendNumber(text, p.lon, exact ? -1 : 7);
  text += ',';
  appendNumber(text, p.lat, exact ? -1 : 7);
  text += ']';
}

// Positions written with their end points exact (the first and last of each
// leg for lines and paths), the rest to a centimetre.
void appendPositions(std::string& text, const std::vector<LonLat>& path, bool allExact = false) {
  text += '[';
  for (size_t i = 0; i < path.size(); ++i) {
    if (i) text += ',';
    appendPosition(text, path[i], allExact || i == 0 || i + 1 == path.size());
  }
  text += ']';
}

void appendGeometry(std::string& text, const Measurement& m) {
  switch (m.kind) {
    case MeasurementKind::Line:
      text += "{\"type\": \"LineString\", \"coordinates\": ";
      appendPositions(text, geodesicPath(m.from, m.to, 2000.0));
      break;
    case MeasurementKind::Path:
      text += "{\"type\": \"LineString\", \"coordinates\": ";
      appendPositions(text, measurementOutline(m, 2000.0));
      break;
    case MeasurementKind::Area:
      text += "{\"type\": \"Polygon\", \"coordinates\": [";
      appendPositions(text, measurementOutline(m, 2000.0));
      text += ']';
      break;
    case MeasurementKind::Ring: {
      // RFC 7946: cut at the antimeridian into a MultiPolygon, closed along a pole.
      const geo::RangeRing ring = geo::rangeRing(m.from, m.radius_m);
      const bool multi = ring.geometry.polygons.size() > 1;
      text += multi ? "{\"type\": \"MultiPolygon\", \"coordinates\": [" : "{\"type\": \"Polygon\", \"coordinates\": ";
      for (size_t i = 0; i < ring.geometry.polygons.size(); ++i) {
        text += i ? ",[" : "[";
        appendPositions(text, ring.geometry.polygons[i].outer);
        text += ']';
      }
      if (ring.geometry.polygons.empty()) text += "[]";
      if (multi) text += ']';
      break;
    }
  }
  text += '}';
}

}  // namespace

// Coordinates are written as text here rather than as nlohmann values: 500
// long measurements hold a million vertices, and building and dumping them
// as a JSON tree took seconds. Properties still go through nlohmann, which
// escapes labels as JSON must.
std::string measurementsGeoJson(const std::vector<Measurement>& list) {
  using nlohmann::json;
  std::string text = "{\n \"type\": \"FeatureCollection\",\n \"features\": [";
  for (size_t k = 0; k < list.size(); ++k) {
    const Measurement& m = list[k];
    // A label from a file in a legacy encoding is not UTF-8: replaced, not a failed save.
    std::string properties = measurementProperties(m).dump(1, ' ', false, json::error_handler_t::replace);
    // Exact points last, as text (nlohmann would print them exactly too, but one per line).
    properties.erase(properties.find_last_of('}'));
    while (!properties.empty() && (properties.back() == '\n' || properties.back() == ' ')) properties.pop_back();
    properties += ",\n \"points\": ";
    appendPositions(properties, m.points(), true);
    properties += "\n}";
    // Indented to sit inside the feature; dumped strings hold no raw newline.
    for (size_t i = properties.find('\n'); i != std::string::npos; i = properties.find('\n', i + 1))
      properties.insert(i + 1, "   ");
    text += k ? ",\n  {\n" : "\n  {\n";
    text += "   \"type\": \"Feature\",\n   \"properties\": " + properties + ",\n";
    text += "   \"geometry\": ";
    appendGeometry(text, m);
    text += "\n  }";
  }
  text += list.empty() ? "]\n}\n" : "\n ]\n}\n";
  return text;
}

bool exportMeasurementsGeoJson(const std::vector<Measurement>& list, const std::string& path, std::string* error) {
  return writeFileAtomically(path, measurementsGeoJson(list), error);
}

namespace {

// Reads what the window needs from a measurements file as the parser goes:
// each feature's properties that define it (label, kind, colour,
// visibility, radius, the exact points) and the first and last position of
// its geometry (what files written before there were kinds hold). Building
// the whole JSON tree first, a million vertices of it for 500 long
// measurements, took most of a second; this keeps no vertex of a geometry.
class MeasurementLines : public nlohmann::json_sax<nlohmann::json> {
 public:
  struct Line {
    std::string label, kind, color, radiusFrom;
    bool hidden = false;
    double radius_m = NAN;
    LonLat first{NAN, NAN}, last{NAN, NAN};
    size_t positions = 0;
    bool hasCoordinates = false;
    std::vector<LonLat> points;
    bool hasPoints = false;
  };
  std::vector<Line> lines;
  std::string error;
  bool sawFeatures = false;

  bool null() override { return scalar(); }
  bool boolean(bool v) override {
    if (in(kProperties) && frames_.back().key == "hidden") lines.back().hidden = v;
    return scalar();
  }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t&) override { return number(v); }
  bool string(string_t& v) override {
    if (in(kProperties)) {
      const std::string& k = frames_.back().key;
      Line& l = lines.back();
      if (k == "label")
        l.label = std::move(v);
      else if (k == "kind")
        l.kind = std::move(v);
      else if (k == "color")
        l.color = std::move(v);
      else if (k == "radius_from")
        l.radiusFrom = std::move(v);
    }
    return scalar();
  }
  bool binary(binary_t&) override { return scalar(); }
  bool key(string_t& k) override {
    frames_.back().key = std::move(k);
    return true;
  }
  bool start_object(std::size_t) override {
    if (inPositions()) return fail("a position that is not [lon, lat]");
    frames_.push_back({true, slot(), {}});
    if (in(kFeature)) lines.emplace_back();
    return true;
  }
  bool end_object() override {
    frames_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    if (inPositions()) {
      if (frames_.back().numbers) return fail("a position that is not [lon, lat]");
      frames_.back().arrays = true;
    }
    frames_.push_back({false, slot(), {}});
    if (in(kFeatures)) sawFeatures = true;
    if (in(kCoordinates)) lines.back().hasCoordinates = true;
    if (in(kPoints)) lines.back().hasPoints = true;
    position_.clear();
    return true;
  }
  bool end_array() override {
    const Frame f = frames_.back();
    frames_.pop_back();
    if (f.numbers) {
      // A position: [lon, lat, ...] under the geometry's coordinates or the "points" property.
      if (position_.size() < 2) return fail("a position that is not [lon, lat]");
      Line& l = lines.back();
      const LonLat p{position_[0], position_[1]};
      if (startsWith(kPoints)) {
        l.points.push_back(p);
      } else {
        l.last = p;
        if (l.positions++ == 0) l.first = p;
      }
    }
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    return fail(e.what());
  }

 private:
  struct Frame {
    bool object;
    std::string slot;                      ///< the key this container sits under in its parent; "[]" in an array
    std::string key;                       ///< objects: the key whose value comes next
    bool numbers = false, arrays = false;  ///< arrays: what they hold
  };
  // Where a container sits, by the slots of the containers above it and its own.
  template <size_t N>
  using Slots = std::array<std::string_view, N>;
  static constexpr Slots<2> kFeatures{"", "features"};
  static constexpr Slots<3> kFeature{"", "features", "[]"};
  static constexpr Slots<4> kProperties{"", "features", "[]", "properties"};
  static constexpr Slots<5> kCoordinates{"", "features", "[]", "geometry", "coordinates"};
  static constexpr Slots<5> kPoints{"", "features", "[]", "properties", "points"};

  std::string slot() const {
    if (frames_.empty()) return "";
    return frames_.back().object ? frames_.back().key : "[]";
  }
  template <size_t N>
  bool startsWith(const Slots<N>& slots) const {
    if (frames_.size() < N) return false;
    for (size_t i = 0; i < N; ++i)
      if (frames_[i].slot != slots[i]) return false;
    return true;
  }
  template <size_t N>
  bool in(const Slots<N>& slots) const {
    return frames_.size() == N && startsWith(slots);
  }
  // Inside a geometry's coordinates or the points property: nested arrays of positions.
  bool inPositions() const { return startsWith(kCoordinates) || startsWith(kPoints); }
  bool number(double v) {
    if (inPositions()) {
      if (frames_.back().arrays || frames_.size() == kCoordinates.size()) return scalar();
      frames_.back().numbers = true;
      position_.push_back(v);
      return true;
    }
    if (in(kProperties) && frames_.back().key == "radius_m") lines.back().radius_m = v;
    return scalar();
  }
  bool scalar() {
    if (in(kFeatures)) return fail("a feature that is not an object");
    if (in(kCoordinates)) return fail("a measurement line that is not a list of positions");
    if (in(kPoints)) return fail("measurement points that are not a list of positions");
    if (inPositions()) return fail("a position that is not [lon, lat]");
    return true;
  }
  bool fail(std::string why) {
    error = std::move(why);
    return false;
  }

  std::vector<Frame> frames_;
  std::vector<double> position_;
};

}  // namespace

std::optional<std::vector<Measurement>> importMeasurementsGeoJson(const std::string& path, const geo::Projection& view,
                                                                  std::string* error) {
  std::string text, why;
  switch (readRegularFile(path, &text, &why)) {
    case FileRead::Missing:
      return std::vector<Measurement>{};
    case FileRead::Failed:
      if (error) *error = path + ": " + why;
      return std::nullopt;
    case FileRead::Ok:
      break;
  }
  // Left empty by a crash or by `: > file`: nothing saved yet, not a broken file.
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return std::vector<Measurement>{};
  auto read = parseMeasurementsGeoJson(text, view, &why);
  if (!read && error) *error = path + ": not a measurements file Pamir can read (" + why + ")";
  return read;
}

std::optional<std::vector<Measurement>> parseMeasurementsGeoJson(const std::string& text, const geo::Projection& view,
                                                                 std::string* reason) {
  std::vector<Measurement> out;
  auto refuse = [&](const std::string& why) -> std::optional<std::vector<Measurement>> {
    if (reason) *reason = why;
    return std::nullopt;
  };
  MeasurementLines reader;
  if (!nlohmann::json::sax_parse(text, &reader)) return refuse(reader.error);
  if (!reader.sawFeatures) return refuse("no \"features\" list");
  out.reserve(reader.lines.size());
  auto valid = [](const LonLat& p) { return p.finite() && std::abs(p.lat) <= 90; };
  for (const auto& line : reader.lines) {
    // Files from before there were kinds hold lines, defined by their geometry's end points.
    const std::optional<MeasurementKind> kind = line.kind.empty() ? MeasurementKind::Line : kindFromName(line.kind);
    if (!kind) return refuse("a measurement of unknown kind '" + line.kind + "'");
    std::vector<LonLat> points = line.points;
    if (!line.hasPoints) {
      if (*kind != MeasurementKind::Line) return refuse("a " + line.kind + " without its \"points\"");
      if (!line.hasCoordinates) return refuse("a measurement without geometry coordinates");
      if (line.positions < 2) return refuse("a measurement line with fewer than 2 points");
      points = {line.first, line.last};
    }
    for (const LonLat& p : points)
      if (!valid(p)) return refuse("a measurement with invalid coordinates");
    const size_t need = *kind == MeasurementKind::Ring ? 1 : *kind == MeasurementKind::Area ? 3 : 2;
    if (points.size() < need || (*kind == MeasurementKind::Line && points.size() != 2))
      return refuse("a " + std::string(kindName(*kind)) + " with " + std::to_string(points.size()) + " point(s)");
    Measurement m;
    switch (*kind) {
      case MeasurementKind::Line:
        m = measure(points[0], points[1], view, line.label);
        break;
      case MeasurementKind::Path:
        m = measurePath(points, view, line.label);
        break;
      case MeasurementKind::Area:
        m = measureArea(points, view, line.label);
        break;
      case MeasurementKind::Ring:
        if (!(line.radius_m > 0) || !std::isfinite(line.radius_m)) return refuse("a ring without a radius");
        m = measureRing(points[0], line.radius_m, view, line.label);
        break;
    }
    if (auto c = colorFromHex(line.color)) m.color = *c == defaultColor(*kind) ? 0 : *c;
    m.hidden = line.hidden;
    m.radiusFrom = line.radiusFrom;
    out.push_back(std::move(m));
  }
  return out;
}

std::string defaultSessionPath() {
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v && *v ? v : "";
  };
  if (auto p = env("PAMIR_SESSION"); !p.empty()) return p;
  std::filesystem::path base = env("XDG_STATE_HOME");
  if (base.empty()) base = std::filesystem::path(env("HOME").empty() ? "." : env("HOME")) / ".local" / "state";
  return (base / "pamir" / "measurements.geojson").string();
}

}  // namespace pamir::app

namespace pamir::app {

std::vector<Measurement> MeasurementSession::load(const geo::Projection& view, std::string* problem) {
  if (path_.empty()) return {};
  std::string err;
  auto saved = importMeasurementsGeoJson(path_, view, &err);
  if (!saved) {
    // Never overwrite what could not be read: the analyst's file stays as it is.
    if (problem) *problem = err + "; measurements will not be saved this time";
    path_.clear();
    return {};
  }
  // Said now, not after the first measurement is made and lost.
  const std::filesystem::path folder = std::filesystem::path(path_).parent_path();
  std::error_code ec;
  const std::filesystem::path existing = folder.empty() ? "." : folder;
  if (std::filesystem::is_directory(existing, ec) && ::access(existing.c_str(), W_OK) != 0 && problem)
    *problem = existing.string() + ": " + std::strerror(errno) + "; measurements made now cannot be saved to " + path_;
  return std::move(*saved);
}

bool MeasurementSession::save(const std::vector<Measurement>& list, std::string* problem) {
  if (path_.empty()) return true;
  const std::filesystem::path folder = std::filesystem::path(path_).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::exists(folder, ec) && !std::filesystem::create_directories(folder, ec)) {
    if (problem) *problem = "measurements not saved: cannot create " + folder.string() + ": " + ec.message();
    return false;
  }
  std::string err;
  if (!exportMeasurementsGeoJson(list, path_, &err)) {
    if (problem) *problem = "measurements not saved: " + err;
    return false;
  }
  return true;
}

}  // namespace pamir::app
