#include "app/measurements.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

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
                                {"azimuth1_deg", m.azimuth1_deg},
                                {"azimuth2_deg", m.azimuth2_deg},
                                {"rhumb_m", m.rhumb_m},
                                {"planar_m", std::isfinite(m.planar_m) ? json(m.planar_m) : json(nullptr)},
                                {"planar_crs", m.planarCrs},
                                {"method", kMeasureMethod},
                                {"ellipsoid", "WGS84"}}},
                              {"geometry", {{"type", "LineString"}, {"coordinates", coords}}}});
  }
  const std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::trunc);
    if (!out) {
      if (error) *error = "cannot write " + path;
      return false;
    }
    out << fc.dump(1) << "\n";
    if (!out.flush()) {
      if (error) *error = "writing " + path + " failed";
      std::remove(tmp.c_str());
      return false;
    }
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) {
    if (error) *error = "cannot write " + path + ": " + ec.message();
    std::remove(tmp.c_str());
    return false;
  }
  return true;
}

}  // namespace pamir::app
