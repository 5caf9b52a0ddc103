#include "app/feature_info.hpp"

#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/feature_filter.hpp"

namespace pamir::app {

namespace {

std::string text(const Layer& layer, const Feature& f, const char* field) { return toString(layer.value(f, field)); }

nlohmann::json position(const LonLat& p) { return nlohmann::json::array({p.lon, p.lat}); }

nlohmann::json ring(const Path& path) {
  nlohmann::json r = nlohmann::json::array();
  for (const LonLat& p : path) r.push_back(position(p));
  return r;
}

nlohmann::json polygon(const Polygon& poly) {
  nlohmann::json rings = nlohmann::json::array({ring(poly.outer)});
  for (const Path& h : poly.holes) rings.push_back(ring(h));
  return rings;
}

nlohmann::json geometryJson(const Geometry& g) {
  std::vector<nlohmann::json> parts;
  if (g.points.size() == 1) parts.push_back({{"type", "Point"}, {"coordinates", position(g.points[0])}});
  if (g.points.size() > 1) {
    nlohmann::json c = nlohmann::json::array();
    for (const LonLat& p : g.points) c.push_back(position(p));
    parts.push_back({{"type", "MultiPoint"}, {"coordinates", c}});
  }
  if (g.lines.size() == 1) parts.push_back({{"type", "LineString"}, {"coordinates", ring(g.lines[0])}});
  if (g.lines.size() > 1) {
    nlohmann::json c = nlohmann::json::array();
    for (const Path& l : g.lines) c.push_back(ring(l));
    parts.push_back({{"type", "MultiLineString"}, {"coordinates", c}});
  }
  if (g.polygons.size() == 1) parts.push_back({{"type", "Polygon"}, {"coordinates", polygon(g.polygons[0])}});
  if (g.polygons.size() > 1) {
    nlohmann::json c = nlohmann::json::array();
    for (const Polygon& p : g.polygons) c.push_back(polygon(p));
    parts.push_back({{"type", "MultiPolygon"}, {"coordinates", c}});
  }
  if (parts.empty()) return nullptr;
  if (parts.size() == 1) return parts[0];
  return {{"type", "GeometryCollection"}, {"geometries", parts}};
}

nlohmann::json valueJson(const FieldValue& v) {
  if (const auto* i = std::get_if<int64_t>(&v)) return *i;
  if (const auto* d = std::get_if<double>(&v)) return std::isfinite(*d) ? nlohmann::json(*d) : nlohmann::json();
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  return nullptr;
}

}  // namespace

FeatureSummary summarize(const Layer& layer, const Feature& f) {
  FeatureSummary s;
  s.name = text(layer, f, "name");
  if (s.name.empty()) s.name = layer.name + " #" + std::to_string(f.fid);
  s.kind = text(layer, f, "kind");
  if (s.kind.empty()) {
    const Geometry& g = f.geometry;
    s.kind = !g.points.empty() ? "point" : !g.lines.empty() ? "line" : !g.polygons.empty() ? "area" : "no geometry";
  }
  auto [start, end] = featureYears(layer, f);
  if (start && end)
    s.years = *start == *end ? std::to_string(*start) : std::to_string(*start) + "–" + std::to_string(*end);
  else if (start)
    s.years = std::to_string(*start) + "–";
  else if (end)
    s.years = "–" + std::to_string(*end);
  s.confidence = text(layer, f, "confidence");
  if (!layer.uncertaintyField.empty()) {
    const FieldValue& v = layer.value(f, layer.uncertaintyField);
    double km = NAN;
    if (const auto* d = std::get_if<double>(&v)) km = *d;
    if (const auto* i = std::get_if<int64_t>(&v)) km = static_cast<double>(*i);
    if (std::isfinite(km) && km > 0) {
      char buf[32];
      const auto r = std::to_chars(buf, buf + sizeof buf, km);  // never a decimal comma
      s.uncertainty = "±" + std::string(buf, r.ptr) + " km";
    }
  }
  s.uncertaintyNote = text(layer, f, "uncertainty_note");
  s.sourceUrl = text(layer, f, "source_url");
  s.sourceTitle = text(layer, f, "source_title");
  return s;
}

std::string featureGeoJson(const Layer& layer, const Feature& f) {
  nlohmann::json props = nlohmann::json::object();
  for (size_t i = 0; i < layer.fields.size() && i < f.values.size(); ++i)
    props[layer.fields[i].name] = valueJson(f.values[i]);
  props["pamir:layer"] = layer.id.empty() ? layer.name : layer.id;
  props["pamir:fid"] = f.fid;
  nlohmann::json out = {{"type", "Feature"}, {"properties", props}, {"geometry", geometryJson(f.geometry)}};
  return out.dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

bool isWebUrl(const std::string& url) {
  const bool scheme = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
  if (!scheme || url.size() > 2048) return false;
  for (unsigned char c : url)
    if (c <= 0x20 || c == 0x7f) return false;
  return url.find("://") + 3 < url.size();
}

}  // namespace pamir::app
