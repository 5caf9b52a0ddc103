#include "app/measurements.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <stdexcept>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/atomic_file.hpp"
#include "geo/geodesic.hpp"

namespace pamir::app {

Measurement measure(const LonLat& from, const LonLat& to, const geo::Projection& view, std::string label) {
  Measurement m;
  m.from = from;
  m.to = to;
  m.label = std::move(label);
  auto inv = geo::inverse(from, to);
  m.geodesic_m = inv.distance_m;
  // Bearings as analysts read them: clockwise from north, 0-360.
  auto bearing = [](double az) { return az < 0 ? az + 360.0 : az; };
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
  const double d = geo::distance(from, to);
  const int n = std::clamp(static_cast<int>(std::ceil(d / std::max(step, 1.0))), 1, 2048);
  std::vector<LonLat> out;
  out.reserve(static_cast<size_t>(n) + 1);
  for (int i = 0; i <= n; ++i) out.push_back(geo::interpolate(from, to, static_cast<double>(i) / n));
  return out;
}

bool exportMeasurementsGeoJson(const std::vector<Measurement>& list, const std::string& path, std::string* error) {
  using nlohmann::json;
  json fc = {{"type", "FeatureCollection"}, {"features", json::array()}};
  for (const auto& m : list) {
    json coords = json::array();
    for (const auto& p : geodesicPath(m.from, m.to, 2000.0)) coords.push_back({p.lon, p.lat});
    fc["features"].push_back({{"type", "Feature"},
                              {"properties",
                               {{"label", m.label},
                                {"distance_m", m.geodesic_m},
                                {"azimuth1_deg", std::isfinite(m.azimuth1_deg) ? json(m.azimuth1_deg) : json(nullptr)},
                                {"azimuth2_deg", std::isfinite(m.azimuth2_deg) ? json(m.azimuth2_deg) : json(nullptr)},
                                {"rhumb_m", m.rhumb_m},
                                {"planar_m", std::isfinite(m.planar_m) ? json(m.planar_m) : json(nullptr)},
                                {"planar_crs", m.planarCrs},
                                {"method", kMeasureMethod},
                                {"ellipsoid", "WGS84"}}},
                              {"geometry", {{"type", "LineString"}, {"coordinates", coords}}}});
  }
  return writeFileAtomically(path, fc.dump(1) + "\n", error);
}

std::optional<std::vector<Measurement>> importMeasurementsGeoJson(const std::string& path, const geo::Projection& view,
                                                                  std::string* error) {
  using nlohmann::json;
  std::vector<Measurement> out;
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return out;
  std::ifstream in(path);
  json j;
  try {
    j = json::parse(in);
    for (const auto& f : j.at("features")) {
      const auto& c = f.at("geometry").at("coordinates");
      if (c.size() < 2) throw std::runtime_error("a measurement line with fewer than 2 points");
      LonLat a{c.front().at(0).get<double>(), c.front().at(1).get<double>()};
      LonLat b{c.back().at(0).get<double>(), c.back().at(1).get<double>()};
      if (!a.finite() || !b.finite() || std::abs(a.lat) > 90 || std::abs(b.lat) > 90)
        throw std::runtime_error("a measurement with invalid coordinates");
      std::string label = f.value("properties", json::object()).value("label", "");
      out.push_back(measure(a, b, view, label));
    }
  } catch (const std::exception& e) {
    if (error) *error = path + ": not a measurements file Pamir can read (" + e.what() + ")";
    return std::nullopt;
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
