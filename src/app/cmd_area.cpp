// pamir measure A B C ... (a path through every operand) and pamir area
// A B C ... (the polygon they bound): geodesic legs and the area and
// perimeter on the WGS84 ellipsoid, with a planar comparison.
#include <nlohmann/json.hpp>

#include <cmath>
#include <ostream>
#include <stdexcept>

#include "app/commands.hpp"
#include "app/measure_operands.hpp"
#include "app/measurements.hpp"
#include "core/terminal_text.hpp"
#include "geo/coordinates.hpp"
#include "geo/path_measure.hpp"
#include "geo/projection.hpp"
#include "geo/units.hpp"

using nlohmann::json;

namespace pamir::app {
namespace {

constexpr const char* kAreaHelp =
    "usage: pamir area A B C... [--data SOURCE...] [--json]\n"
    "\n"
    "Area and perimeter on the WGS84 ellipsoid of the polygon through A, B, C, ...\n"
    "(at least three; closed back to A), every edge a geodesic, computed with PROJ's\n"
    "geod_polygon (Karney). Beside it, the planar area of the same vertices in a\n"
    "Lambert azimuthal equal-area projection centred on them and in Pamir's default\n"
    "view CRS, so the error of a flat measurement is visible.\n"
    "\n"
    "Operands are read as 'pamir measure' reads them (coordinates, names, ids, files);\n"
    "a feature that is not a point stands for its centroid (areas) or middle vertex (lines).\n"
    "\n"
    "options:\n"
    "  --data SOURCE...   look names up in these sources instead of the built-in dataset\n"
    "  --json             one JSON object: area_m2, perimeter_m, planar_area_m2, planar_crs,\n"
    "                     view_crs_area_m2, view_crs, vertices, method, ellipsoid\n";

json finiteOrNull(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

struct Vertex {
  data::Place place;
  LonLat at;
  std::string how;  ///< "point", "centroid", ...
};

std::vector<Vertex> positions(Resolver& resolve, const std::vector<std::string>& operands) {
  std::vector<Vertex> out;
  for (const auto& operand : operands) {
    Vertex v{resolve(operand), {}, {}};
    v.at = placePosition(v.place, &v.how);
    if (!v.at.finite()) throw std::runtime_error(v.place.label + " has no position to measure from");
    out.push_back(std::move(v));
  }
  return out;
}

Path pathOf(const std::vector<Vertex>& vs) {
  Path p;
  for (const auto& v : vs) p.push_back(v.at);
  return p;
}

json vertexJson(const Vertex& v) {
  json j{{"input", v.place.input}, {"label", v.place.label}, {"lat", v.at.lat}, {"lon", v.at.lon}};
  if (v.place.kind == data::Place::Kind::Feature) j["position_from"] = v.how;
  return j;
}

std::string vertexLine(const Vertex& v) {
  if (v.place.kind == data::Place::Kind::Coordinate) return geo::formatDecimalDegrees(v.at);
  return terminalSafe(v.place.label) + "   " + geo::formatDecimalDegrees(v.at);
}

// Vertices that are not points say what stood for them.
void notes(std::ostream& out, const std::vector<Vertex>& vs) {
  for (const auto& v : vs) {
    if (v.place.kind == data::Place::Kind::Feature && v.how != "point")
      out << "note        " << terminalSafe(v.place.label) << ": its " << v.how << " is used\n";
    if (v.place.uncertainty_km)
      out << "note        " << terminalSafe(v.place.label) << " is located only to within ±"
          << geo::formatFixed(*v.place.uncertainty_km, 0) << " km\n";
  }
}

}  // namespace

int printPathMeasure(const std::vector<std::string>& operands, const std::vector<std::string>& sources, bool asJson,
                     geo::DistanceUnit unit, std::ostream& out, std::ostream& err) {
  Resolver resolve("measure", sources, err);
  const std::vector<Vertex> vs = positions(resolve, operands);
  const geo::PathMeasure m = geo::measurePath(pathOf(vs));
  if (!std::isfinite(m.total_m)) throw std::runtime_error("a vertex of the path cannot be measured");
  auto planar = geo::Projection::create(geo::kDefaultViewCrs);
  double planarTotal = NAN;
  if (planar) {
    planarTotal = 0;
    for (const auto& leg : m.legs) {
      const XY a = planar->forward(leg.from), b = planar->forward(leg.to);
      planarTotal += std::hypot(b.x - a.x, b.y - a.y);
    }
  }
  if (asJson) {
    json j;
    j["total_m"] = m.total_m;
    j["total"] = m.total_m / geo::metresPerUnit(unit);
    j["units"] = geo::unitSymbol(unit);
    j["segments"] = json::array();
    for (size_t i = 0; i < m.legs.size(); ++i) {
      const geo::PathLeg& leg = m.legs[i];
      j["segments"].push_back({{"from", i},
                               {"to", i + 1},
                               {"distance_m", leg.distance_m},
                               {"azimuth1_deg", finiteOrNull(leg.azimuth1_deg)},
                               {"azimuth2_deg", finiteOrNull(leg.azimuth2_deg)},
                               {"rhumb_m", leg.rhumb_m}});
    }
    j["vertices"] = json::array();
    for (const auto& v : vs) j["vertices"].push_back(vertexJson(v));
    j["rhumb_m"] = m.rhumb_m;
    j["planar_m"] = finiteOrNull(planarTotal);
    j["planar_crs"] = planar ? planar->name() : "";
    j["method"] = kMeasureMethod;
    j["ellipsoid"] = "WGS84";
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  auto dist = [&](double metres) {
    return geo::formatDistance(metres, unit, unit == geo::DistanceUnit::Metre ? 1 : 3);
  };
  out << "path        " << vs.size() << " points, " << m.legs.size() << " legs\n";
  for (size_t i = 0; i < vs.size(); ++i) out << "  " << (i + 1) << "         " << vertexLine(vs[i]) << "\n";
  double running = 0;
  for (size_t i = 0; i < m.legs.size(); ++i) {
    const geo::PathLeg& leg = m.legs[i];
    running += leg.distance_m;
    out << "leg " << (i + 1) << "-" << (i + 2) << "     " << dist(leg.distance_m);
    if (std::isfinite(leg.azimuth1_deg))
      out << "   azimuth " << geo::formatFixed(leg.azimuth1_deg, 2) << "° → " << geo::formatFixed(leg.azimuth2_deg, 2)
          << "°";
    out << "   total " << dist(running) << "\n";
  }
  out << "total       " << dist(m.total_m) << " along geodesics\n";
  out << "rhumb line  " << dist(m.rhumb_m) << " (" << geo::formatFixed(m.rhumb_m - m.total_m, 1)
      << " m longer, leg by leg)\n";
  if (std::isfinite(planarTotal))
    out << "planar      " << dist(planarTotal) << " (" << geo::formatFixed(planarTotal - m.total_m, 1) << " m off) in "
        << terminalSafe(planar->name()) << "\n";
  notes(out, vs);
  out << "method: " << kMeasureMethod << "\n";
  return kExitOk;
}

int runAreaCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ArgReader r("area", args);
  Operands o;
  bool asJson = false;
  while (!r.done()) {
    if (r.flag("--help") || r.flag("-h")) {
      out << kAreaHelp;
      return kExitOk;
    }
    if (r.flag("--json"))
      asJson = true;
    else
      readOperand(r, o);
  }
  giveBackSurplusData(o, 3);
  if (o.operands.size() < 3)
    r.fail("area needs three or more operands, the polygon's vertices (got " + std::to_string(o.operands.size()) + ")");
  Resolver resolve("area", o.data, err);
  const std::vector<Vertex> vs = positions(resolve, o.operands);
  const Path ring = pathOf(vs);
  const geo::PolygonMeasure g = geo::measurePolygon(ring);
  if (!std::isfinite(g.area_m2)) throw std::runtime_error("the polygon's area cannot be measured");

  // Planar: in an equal-area projection centred on the vertices (true areas,
  // only the edges differ: straight there, geodesics here), and in the view CRS.
  auto planarIn = [&](const std::string& crs, std::string* name) -> double {
    auto proj = geo::Projection::create(crs);
    if (!proj) return NAN;
    *name = proj->name();
    std::vector<XY> xy;
    for (const LonLat& p : ring) xy.push_back(proj->forward(p));
    return geo::planarRingArea(xy);
  };
  std::string equalAreaName, viewName;
  const std::string equalArea = geo::equalAreaCrsAt(geo::vertexCentre(ring));
  const double planarArea = planarIn(equalArea, &equalAreaName);
  const double viewArea = planarIn(geo::kDefaultViewCrs, &viewName);
  auto errorPct = [&](double a) { return (a - g.area_m2) / g.area_m2 * 100.0; };

  if (asJson) {
    json j;
    j["area_m2"] = g.area_m2;
    j["area_km2"] = g.area_m2 / 1e6;
    j["perimeter_m"] = g.perimeter_m;
    j["planar_area_m2"] = finiteOrNull(planarArea);
    j["planar_crs"] = equalAreaName;
    j["planar_crs_definition"] = equalArea;
    j["planar_error_pct"] = finiteOrNull(errorPct(planarArea));
    j["view_crs_area_m2"] = finiteOrNull(viewArea);
    j["view_crs"] = viewName;
    j["view_crs_definition"] = geo::kDefaultViewCrs;
    j["view_crs_error_pct"] = finiteOrNull(errorPct(viewArea));
    j["vertices"] = json::array();
    for (const auto& v : vs) j["vertices"].push_back(vertexJson(v));
    j["method"] = kAreaMethod;
    j["ellipsoid"] = "WGS84";
    out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
    return kExitOk;
  }
  out << "polygon     " << vs.size() << " vertices, closed back to the first\n";
  for (size_t i = 0; i < vs.size(); ++i) out << "  " << (i + 1) << "         " << vertexLine(vs[i]) << "\n";
  out << "area        " << geo::formatFixed(g.area_m2 / 1e6, 3) << " km² (" << geo::formatFixed(g.area_m2, 1)
      << " m²)\n";
  out << "perimeter   " << geo::formatDistance(g.perimeter_m, geo::DistanceUnit::Kilometre, 3) << "\n";
  if (std::isfinite(planarArea))
    out << "planar      " << geo::formatFixed(planarArea / 1e6, 3) << " km² ("
        << geo::formatFixed(errorPct(planarArea), 4) << " %) in " << terminalSafe(equalAreaName) << "\n";
  if (std::isfinite(viewArea))
    out << "view CRS    " << geo::formatFixed(viewArea / 1e6, 3) << " km² (" << geo::formatFixed(errorPct(viewArea), 3)
        << " %) in " << terminalSafe(viewName) << "\n";
  notes(out, vs);
  out << "method: " << kAreaMethod << "\n";
  return kExitOk;
}

}  // namespace pamir::app
