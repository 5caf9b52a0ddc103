// pamir measure A B and pamir ring CENTER --radius R: argument reading and
// printing; what an operand names is data::FeatureLookup's work.
#include <nlohmann/json.hpp>

#include <cmath>
#include <optional>
#include <ostream>
#include <stdexcept>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/measurements.hpp"
#include "core/atomic_file.hpp"
#include "core/number.hpp"
#include "core/terminal_text.hpp"
#include "data/feature_lookup.hpp"
#include "geo/coordinates.hpp"
#include "geo/geodesic.hpp"
#include "geo/nearest.hpp"
#include "geo/projection.hpp"
#include "geo/range_ring.hpp"
#include "geo/units.hpp"

using nlohmann::json;

namespace pamir::app {
namespace {

constexpr const char* kMeasureHelp =
    "usage: pamir measure A B [--data SOURCE...] [--units km|nm|mi|m] [--json]\n"
    "\n"
    "Shortest distance on the WGS84 ellipsoid between A and B, with the two\n"
    "closest points, the azimuths, and how they relate (disjoint, touching,\n"
    "overlapping, contains, within). Polygons, lines and points are measured\n"
    "edge to edge along geodesics; the distance is 0 when they touch or overlap.\n"
    "Rhumb-line and planar (view CRS) distances are shown beside it.\n"
    "\n"
    "A and B may each be:\n"
    "  37.4,74.9                    decimal degrees, LAT,LON\n"
    "  \"37°24'N 74°54'E\"            DMS (also 37 24 00N 074 54 00E, N37 24.5 E74 54.0)\n"
    "  43SDA1234567890              MGRS, or UTM as \"43S 512345 4141234\"\n"
    "  Gilgit-Baltistan             a feature name (case, accents and punctuation ignored)\n"
    "  site.geojson                 a file holding exactly one feature\n"
    "  SOURCE#FID, SOURCE:LAYER#FID a feature by id (FID, the value of its id field, or its name);\n"
    "                               SOURCE may be a layer of the loaded data: bases#cn_outpost_shaymak,\n"
    "                               places#Gilgit\n"
    "\n"
    "options:\n"
    "  --data SOURCE...   look names up in these sources instead of the built-in dataset\n"
    "  --units U          km (default), nm (1852 m), mi (1609.344 m) or m\n"
    "  --json             one JSON object: distance_m, azimuth1_deg, azimuth2_deg, from, to,\n"
    "                     relation, method, ellipsoid, rhumb_m, planar_m, planar_crs, ...\n"
    "\n"
    "exit status: 0 measured, 1 data error, 2 usage error (bad coordinate, unknown or\n"
    "ambiguous name: the candidates are listed).\n";

constexpr const char* kRingHelp =
    "usage: pamir ring CENTER --radius R [-o FILE.geojson] [--data SOURCE...] [--min-vertices N]\n"
    "\n"
    "The geodesic circle of radius R around CENTER on the WGS84 ellipsoid, as a\n"
    "GeoJSON polygon (stdout without -o). Every vertex is computed with geod_direct\n"
    "at exactly R; at least 360 vertices, more for large radii, so it stays round\n"
    "in any projection. A ring across the antimeridian is cut into two polygons;\n"
    "one round a pole is closed along the pole.\n"
    "\n"
    "  CENTER   any operand 'pamir measure' accepts that is a point\n"
    "  R        a distance with its unit: 200km, 150nm, 10mi, 500m\n";

// Operands and --data sources, read in any order. --data takes every
// following argument up to the next option; as the number of operands is
// fixed, surplus --data values at the end are given back
// ("pamir measure --data x.gpkg A B").
struct Operands {
  std::vector<std::string> operands, data;
};

void giveBackSurplusData(Operands& o, size_t operandCount) {
  while (o.operands.size() < operandCount && o.data.size() > 1) {
    o.operands.insert(o.operands.begin(), o.data.back());
    o.data.pop_back();
  }
}

// An operand may start with '-' ("-17,179.5"); anything else there is an option we do not know.
void readOperand(ArgReader& r, Operands& o) {
  if (r.flag("--")) {
    while (!r.done()) o.operands.push_back(r.next());
    return;
  }
  if (auto data = r.optionList("--data")) {
    o.data.insert(o.data.end(), data->begin(), data->end());
    return;
  }
  if (ArgReader::looksLikeOption(r.peek())) r.fail("unknown option '" + r.peek() + "'");
  o.operands.push_back(r.next());
}

// Looks operands up, reporting load problems (once) before any answer or failure.
class Resolver {
 public:
  Resolver(const std::string& command, std::vector<std::string> sources, std::ostream& err)
      : command_(command), lookup_(std::move(sources), diag_), err_(err) {}

  data::Place operator()(const std::string& operand) {
    try {
      data::Place p = lookup_.resolve(operand);
      report();
      return p;
    } catch (const data::LookupError& e) {
      report();
      if (e.cause == data::LookupError::Cause::Operand) throw UsageError("pamir " + command_ + ": " + e.what());
      throw std::runtime_error(e.what());
    }
  }

 private:
  void report() {
    // Errors about single features or layers: say so, but measure what loaded.
    for (; reported_ < diag_.all().size(); ++reported_)
      if (diag_.all()[reported_].severity == Severity::Error) err_ << diag_.all()[reported_].line() << "\n";
  }

  std::string command_;
  Diagnostics diag_;
  data::FeatureLookup lookup_;
  std::ostream& err_;
  size_t reported_ = 0;
};

double azimuth360(double az) { return az < 0 ? az + 360.0 : az; }

json position(const LonLat& p) { return json{{"lat", p.lat}, {"lon", p.lon}}; }

json placeJson(const data::Place& p) {
  const bool feature = p.kind == data::Place::Kind::Feature;
  json j{{"input", p.input}, {"kind", feature ? "feature" : "coordinate"}, {"label", p.label}};
  if (feature) {
    j["layer"] = p.layer;
    j["fid"] = p.fid;
  }
  if (p.uncertainty_km) j["uncertainty_km"] = *p.uncertainty_km;
  return j;
}

std::string pointLine(const LonLat& p) {
  const std::string mgrs = geo::formatMgrs(p);
  return geo::formatDecimalDegrees(p) + "   " + geo::formatDms(p) + (mgrs.empty() ? "" : "   " + mgrs);
}

// The two closest points measured flat in the default view CRS, and that CRS's scale error there.
struct Planar {
  double distance_m = NAN, scale = NAN;
  std::string crsName, definition;
};

Planar planarComparison(const geo::NearestResult& r) {
  Planar out;
  auto proj = geo::Projection::create(geo::kDefaultViewCrs);
  if (!proj) return out;
  XY p = proj->forward(r.from), q = proj->forward(r.to);
  out.distance_m = std::hypot(q.x - p.x, q.y - p.y);
  out.scale = proj->scaleFactor(r.distance_m > 0 ? geo::interpolate(r.from, r.to, 0.5) : r.from);
  out.crsName = proj->name();
  out.definition = proj->definition();
  if (out.crsName.empty() || out.crsName == "unknown")
    out.crsName = "Pamir's default view CRS (Lambert conformal conic, parallels 32N 44N, centre 70E 38N)";
  return out;
}

json finiteOrNull(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

void printJson(std::ostream& out, const data::Place& a, const data::Place& b, const geo::NearestResult& r, double rhumb,
               const Planar& planar, geo::DistanceUnit unit) {
  json j;
  j["distance_m"] = r.distance_m;
  j["distance"] = r.distance_m / geo::metresPerUnit(unit);
  j["units"] = geo::unitSymbol(unit);
  j["azimuth1_deg"] = r.distance_m > 0 ? json(azimuth360(r.azimuth1_deg)) : json(nullptr);
  j["azimuth2_deg"] = r.distance_m > 0 ? json(azimuth360(r.azimuth2_deg)) : json(nullptr);
  j["from"] = position(r.from);
  j["to"] = position(r.to);
  j["relation"] = geo::relationName(r.relation);
  j["overlap_depth_m"] = r.overlapDepth_m;
  j["method"] = kMeasureMethod;
  j["ellipsoid"] = "WGS84";
  j["rhumb_m"] = rhumb;
  j["planar_m"] = finiteOrNull(planar.distance_m);
  j["planar_crs"] = planar.crsName;
  j["planar_crs_definition"] = planar.definition;
  j["planar_scale_factor"] = finiteOrNull(planar.scale);
  j["planar_scale_error_pct"] = finiteOrNull((planar.scale - 1.0) * 100.0);
  j["a"] = placeJson(a);
  j["b"] = placeJson(b);
  // Labels typed on the command line may be broken UTF-8: replace such bytes rather than throw.
  out << j.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

void printText(std::ostream& out, const data::Place& a, const data::Place& b, const geo::NearestResult& r, double rhumb,
               const Planar& planar, geo::DistanceUnit unit) {
  auto dist = [&](double m) { return geo::formatDistance(m, unit, unit == geo::DistanceUnit::Metre ? 1 : 3); };
  // Labels are names from files: printed escaped, or a name could forge lines or recolour the terminal.
  out << "A           " << terminalSafe(a.label) << "\n";
  out << "B           " << terminalSafe(b.label) << "\n";
  out << "distance    " << dist(r.distance_m) << "\n";
  if (r.distance_m > 0)
    out << "azimuth     " << geo::formatFixed(azimuth360(r.azimuth1_deg), 2) << "° leaving A, "
        << geo::formatFixed(azimuth360(r.azimuth2_deg), 2) << "° arriving at B\n";
  else
    out << "azimuth     none (distance 0)\n";
  out << "from (A)    " << pointLine(r.from) << "\n";
  out << "to (B)      " << pointLine(r.to) << "\n";
  if (r.relation == geo::Relation::Overlapping && r.overlapDepth_m > 0)
    out << "relation    A overlapping B, by up to " << dist(r.overlapDepth_m)
        << " (a vertex of one lies that far inside the other)\n";
  else
    out << "relation    A " << geo::relationName(r.relation) << " B\n";
  if (r.distance_m > 0) {
    out << "rhumb line  " << dist(rhumb) << " (" << geo::formatFixed(rhumb - r.distance_m, 1)
        << " m longer than the geodesic)\n";
    if (std::isfinite(planar.distance_m))
      out << "planar      " << dist(planar.distance_m) << " (" << geo::formatFixed(planar.distance_m - r.distance_m, 1)
          << " m off) in " << terminalSafe(planar.crsName) << ";\n            its scale factor at the midpoint is "
          << geo::formatFixed(planar.scale, 5) << " (" << geo::formatFixed((planar.scale - 1.0) * 100.0, 2) << " %)\n";
  }
  for (const data::Place* p : {&a, &b})
    if (p->uncertainty_km)
      out << "note        " << terminalSafe(p->label) << " is located only to within ±"
          << geo::formatFixed(*p->uncertainty_km, 0) << " km\n";
  out << "method: " << kMeasureMethod << "\n";
}

json ringJson(const geo::RangeRing& ring, const std::string& label) {
  json coords = json::array();
  for (const Polygon& poly : ring.geometry.polygons) {
    json outer = json::array();
    for (const LonLat& p : poly.outer) outer.push_back({p.lon, p.lat});
    coords.push_back(json::array({outer}));
  }
  json geometry = coords.size() == 1 ? json{{"type", "Polygon"}, {"coordinates", coords[0]}}
                                     : json{{"type", "MultiPolygon"}, {"coordinates", coords}};
  json props{
      {"name", geo::formatDistance(ring.radius_m, geo::DistanceUnit::Kilometre, 3) + " range ring around " + label},
      {"center_lat", ring.centre.lat},
      {"center_lon", ring.centre.lon},
      {"radius_m", ring.radius_m},
      {"vertices", ring.vertices.size()},
      {"crosses_antimeridian", ring.crossesAntimeridian},
      {"encloses_pole", ring.enclosedPole > 0   ? json("north")
                        : ring.enclosedPole < 0 ? json("south")
                                                : json(nullptr)},
      {"method", "geodesic circle: every vertex by geod_direct (Karney) on WGS84 via PROJ"},
      {"ellipsoid", "WGS84"}};
  json feature{{"type", "Feature"}, {"properties", props}, {"geometry", geometry}};
  return json{{"type", "FeatureCollection"}, {"features", json::array({feature})}};
}

}  // namespace

int runMeasureCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ArgReader r("measure", args);
  Operands o;
  bool asJson = false;
  geo::DistanceUnit unit = geo::DistanceUnit::Kilometre;
  while (!r.done()) {
    if (r.flag("--help") || r.flag("-h")) {
      out << kMeasureHelp;
      return kExitOk;
    }
    if (r.flag("--json")) {
      asJson = true;
    } else if (auto u = r.option("--units")) {
      std::optional<geo::DistanceUnit> parsed = geo::parseUnit(*u);
      if (!parsed) r.fail("--units wants km, nm, mi or m, not '" + *u + "'");
      unit = *parsed;
    } else {
      readOperand(r, o);
    }
  }
  giveBackSurplusData(o, 2);
  if (o.operands.size() != 2)
    r.fail("measure needs two operands, A and B (got " + std::to_string(o.operands.size()) + ")");

  Resolver resolve("measure", o.data, err);
  const data::Place a = resolve(o.operands[0]);
  const data::Place b = resolve(o.operands[1]);
  const geo::NearestResult n = geo::nearest(a.geometry, b.geometry);
  if (!n.ok) throw std::runtime_error((n.error.rfind("geometry A", 0) == 0 ? a.label : b.label) + ": " + n.error);
  const double rhumb = n.distance_m > 0 ? geo::rhumbInverse(n.from, n.to).distance_m : 0.0;
  const Planar planar = planarComparison(n);
  if (asJson)
    printJson(out, a, b, n, rhumb, planar, unit);
  else
    printText(out, a, b, n, rhumb, planar, unit);
  return kExitOk;
}

int runRingCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
  ArgReader r("ring", args);
  Operands o;
  std::optional<std::string> radiusText, minVertices, output;
  while (!r.done()) {
    if (r.flag("--help") || r.flag("-h")) {
      out << kRingHelp;
      return kExitOk;
    }
    if (auto v = r.option("--radius"))
      radiusText = *v;
    else if (auto v2 = r.option("-r"))
      radiusText = *v2;
    else if (auto v3 = r.option("-o"))
      output = *v3;
    else if (auto v4 = r.option("--output"))
      output = *v4;
    else if (auto v5 = r.option("--min-vertices"))
      minVertices = *v5;
    else
      readOperand(r, o);
  }
  giveBackSurplusData(o, 1);
  if (o.operands.size() != 1) r.fail("ring needs one CENTER (got " + std::to_string(o.operands.size()) + ")");
  if (!radiusText || radiusText->empty()) r.fail("ring needs --radius, e.g. --radius 200km");
  std::string why;
  const std::optional<double> radius = geo::parseDistance(*radiusText, &why);
  if (!radius) r.fail("--radius: " + why);
  if (*radius <= 0) r.fail("--radius must be greater than zero");
  geo::RangeRingOptions options;
  if (minVertices) {
    const std::optional<double> n = parseNumber(*minVertices, NumberSyntax::Decimal);
    if (!n || *n < 3 || *n > 100000 || *n != std::floor(*n))
      r.fail("--min-vertices wants a whole number from 3 to 100000");
    options.minVertices = static_cast<int>(*n);
    options.maxVertices = std::max(options.maxVertices, options.minVertices);
  }

  Resolver resolve("ring", o.data, err);
  const data::Place centre = resolve(o.operands[0]);
  const Geometry& g = centre.geometry;
  if (g.points.size() != 1 || !g.lines.empty() || !g.polygons.empty())
    throw UsageError("pamir ring: the centre of a ring must be a point; " + terminalSafe(centre.label) + " is not");
  const geo::RangeRing ring = geo::rangeRing(g.points[0], *radius, options);
  if (!ring.ok) throw std::runtime_error(ring.error);
  const std::string text = ringJson(ring, centre.label).dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  if (!output || output->empty()) {
    out << text;
    return kExitOk;
  }
  if (!writeFileAtomically(*output, text, &why)) throw std::runtime_error(why);
  err << "pamir ring: wrote " << terminalSafe(*output) << " (" << ring.vertices.size() << " vertices, radius "
      << geo::formatDistance(*radius, geo::DistanceUnit::Kilometre, 3) << ")\n";
  return kExitOk;
}

}  // namespace pamir::app
