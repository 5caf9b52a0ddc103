#include "app/measurement_export.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>

#include "core/atomic_file.hpp"
#include "geo/geodesic.hpp"
#include "geo/range_ring.hpp"

namespace pamir::app {

namespace {

// The shortest decimal that reads back as the same double, never with an
// exponent ("200000", not "2e+05"): spreadsheets and GIS read it as written.
std::string number(double v) {
  if (!std::isfinite(v)) return "";
  char buf[400];
  const auto r = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed);
  return std::string(buf, r.ptr);
}

const char* methodOf(const Measurement& m) {
  return m.kind == MeasurementKind::Area ? kAreaMethod : m.kind == MeasurementKind::Ring ? kRingMethod : kMeasureMethod;
}

std::string csvField(const std::string& text) {
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
  std::string out = "\"";
  for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string wktPositions(const std::vector<LonLat>& points) {
  std::string out;
  for (size_t i = 0; i < points.size(); ++i)
    out += (i ? ", " : "") + number(points[i].lon) + " " + number(points[i].lat);
  return out;
}

// The geometry that defines the measurement: its points exactly (a ring's circle as rangeRing places it).
std::string wkt(const Measurement& m) {
  switch (m.kind) {
    case MeasurementKind::Line:
    case MeasurementKind::Path:
      return "LINESTRING (" + wktPositions(m.points()) + ")";
    case MeasurementKind::Area: {
      std::vector<LonLat> ring = m.vertices;
      if (!ring.empty()) ring.push_back(ring.front());
      return "POLYGON ((" + wktPositions(ring) + "))";
    }
    case MeasurementKind::Ring: {
      const geo::RangeRing ring = geo::rangeRing(m.from, m.radius_m);
      if (!ring.ok || ring.geometry.polygons.empty()) return "POINT (" + wktPositions({m.from}) + ")";
      if (ring.geometry.polygons.size() == 1)
        return "POLYGON ((" + wktPositions(ring.geometry.polygons[0].outer) + "))";
      std::string out = "MULTIPOLYGON (";
      for (size_t i = 0; i < ring.geometry.polygons.size(); ++i)
        out += (i ? ", " : "") + std::string("((") + wktPositions(ring.geometry.polygons[i].outer) + "))";
      return out + ")";
    }
  }
  return "";
}

std::string xmlEscaped(const std::string& text) {
  std::string out;
  for (char c : text) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      default:
        // XML 1.0 has no place for other control characters: dropped.
        if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n') out += c;
    }
  }
  return out;
}

std::string kmlCoordinates(const std::vector<LonLat>& points) {
  std::string out;
  for (size_t i = 0; i < points.size(); ++i)
    out += (i ? " " : "") + number(points[i].lon) + "," + number(points[i].lat);
  return out;
}

// KML colours are aabbggrr.
std::string kmlColor(MeasurementColor c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "ff%02x%02x%02x", static_cast<unsigned>((c >> 8) & 0xFF),
                static_cast<unsigned>((c >> 16) & 0xFF), static_cast<unsigned>((c >> 24) & 0xFF));
  return buf;
}

struct Value {
  const char* name;
  const char* type;
  std::string text;
};

std::vector<Value> values(const Measurement& m) {
  const bool length = m.kind == MeasurementKind::Line || m.kind == MeasurementKind::Path;
  return {
      {"kind", "string", kindName(m.kind)},
      {"geodesic_m", "double", number(m.geodesic_m)},
      {"rhumb_m", "double", length ? number(m.rhumb_m) : ""},
      {"planar_m", "double", number(m.planar_m)},
      {"azimuth1_deg", "double", length ? number(m.azimuth1_deg) : ""},
      {"azimuth2_deg", "double", length ? number(m.azimuth2_deg) : ""},
      {"area_m2", "double", number(m.area_m2)},
      {"planar_area_m2", "double", number(m.planarArea_m2)},
      {"radius_m", "double", m.kind == MeasurementKind::Ring ? number(m.radius_m) : ""},
      {"center_lon", "double", m.kind == MeasurementKind::Ring ? number(m.from.lon) : ""},
      {"center_lat", "double", m.kind == MeasurementKind::Ring ? number(m.from.lat) : ""},
      {"radius_from", "string", m.radiusFrom},
      {"method", "string", methodOf(m)},
      {"ellipsoid", "string", "WGS84"},
      {"view_crs", "string", m.planarCrs},
  };
}

}  // namespace

ExportFormat exportFormatFor(const std::string& path) {
  std::string lower;
  for (char c : path) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  auto endsWith = [&](const char* ext) {
    const std::string e = ext;
    return lower.size() >= e.size() && lower.compare(lower.size() - e.size(), e.size(), e) == 0;
  };
  if (endsWith(".csv")) return ExportFormat::Csv;
  if (endsWith(".kml")) return ExportFormat::Kml;
  return ExportFormat::GeoJson;
}

const char* exportFormatName(ExportFormat f) {
  switch (f) {
    case ExportFormat::GeoJson:
      return "GeoJSON";
    case ExportFormat::Csv:
      return "CSV";
    case ExportFormat::Kml:
      return "KML";
  }
  return "GeoJSON";
}

std::string measurementsCsv(const std::vector<Measurement>& list) {
  std::string out =
      "name,kind,geodesic_m,rhumb_m,planar_m,azimuth1_deg,azimuth2_deg,area_m2,planar_area_m2,radius_m,center_lon,"
      "center_lat,radius_from,WKT,method,ellipsoid,view_crs\r\n";
  for (const Measurement& m : list) {
    out += csvField(m.label);
    for (const Value& v : values(m)) {
      if (std::string(v.name) == "method") out += ",\"" + wkt(m) + "\"";  // WKT before the method, as in the header
      out += "," + csvField(v.text);
    }
    out += "\r\n";
  }
  return out;
}

std::string measurementsKml(const std::vector<Measurement>& list) {
  std::string out =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      "<kml xmlns=\"http://www.opengis.net/kml/2.2\">\n<Document>\n<name>Pamir measurements</name>\n"
      "<Schema name=\"measurement\" id=\"measurement\">\n";
  for (const Value& v : values(Measurement{}))
    out += " <SimpleField name=\"" + std::string(v.name) + "\" type=\"" + v.type + "\"/>\n";
  out += "</Schema>\n";
  for (const Measurement& m : list) {
    out += "<Placemark>\n <name>" + xmlEscaped(m.label) + "</name>\n";
    if (m.hidden) out += " <visibility>0</visibility>\n";
    out += " <Style><LineStyle><color>" + kmlColor(m.shownColor()) +
           "</color><width>2.5</width></LineStyle><PolyStyle><fill>0</fill></PolyStyle></Style>\n";
    out += " <ExtendedData><SchemaData schemaUrl=\"#measurement\">\n";
    for (const Value& v : values(m))
      if (!v.text.empty())
        out += "  <SimpleData name=\"" + std::string(v.name) + "\">" + xmlEscaped(v.text) + "</SimpleData>\n";
    out += " </SchemaData></ExtendedData>\n";
    // Google Earth draws straight segments: densified so they follow the geodesics.
    const double d = m.kind == MeasurementKind::Ring ? 0 : m.geodesic_m;
    const std::vector<LonLat> outline = measurementOutline(m, std::isfinite(d) ? std::max(2000.0, d / 1024) : 2000.0);
    if (m.kind == MeasurementKind::Line || m.kind == MeasurementKind::Path) {
      out += " <LineString><tessellate>1</tessellate><coordinates>" + kmlCoordinates(outline) +
             "</coordinates></LineString>\n";
    } else if (m.kind == MeasurementKind::Area) {
      out += " <Polygon><tessellate>1</tessellate><outerBoundaryIs><LinearRing><coordinates>" +
             kmlCoordinates(outline) + "</coordinates></LinearRing></outerBoundaryIs></Polygon>\n";
    } else {
      const geo::RangeRing ring = geo::rangeRing(m.from, m.radius_m);
      if (ring.geometry.polygons.size() > 1) out += " <MultiGeometry>\n";
      for (const Polygon& p : ring.geometry.polygons)
        out += " <Polygon><outerBoundaryIs><LinearRing><coordinates>" + kmlCoordinates(p.outer) +
               "</coordinates></LinearRing></outerBoundaryIs></Polygon>\n";
      if (ring.geometry.polygons.size() > 1) out += " </MultiGeometry>\n";
    }
    out += "</Placemark>\n";
  }
  out += "</Document>\n</kml>\n";
  return out;
}

bool exportMeasurements(const std::vector<Measurement>& list, const std::string& path, ExportFormat format,
                        std::string* error) {
  switch (format) {
    case ExportFormat::Csv:
      return writeFileAtomically(path, measurementsCsv(list), error);
    case ExportFormat::Kml:
      return writeFileAtomically(path, measurementsKml(list), error);
    case ExportFormat::GeoJson:
      break;
  }
  return exportMeasurementsGeoJson(list, path, error);
}

}  // namespace pamir::app
