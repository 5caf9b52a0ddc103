// pamir measure A B and pamir ring CENTER --radius R: argument reading and
// printing; what an operand names is data::FeatureLookup's work.
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <optional>
#include <ostream>
#include <stdexcept>

#include "app/cli.hpp"
#include "app/commands.hpp"
#include "app/measure_operands.hpp"
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
    "usage: pamir measure A B [C...] [--data SOURCE...] [--units km|nm|mi|m] [--json]\n"
    "\n"
    "Shortest distance on the WGS84 ellipsoid between A and B, with the two\n"
    "closest points, the azimuths, and how they relate (disjoint, touching,\n"
    "overlapping, contains, within). Polygons, lines and points are measured\n"
    "edge to edge along geodesics; the distance is 0 when they touch or overlap.\n"
    "Rhumb-line and planar (view CRS) distances are shown beside it.\n"
    "\n"
    "With three or more operands, the path through them in order: each leg's\n"
    "geodesic length and azimuths and the running total (a feature that is not a\n"
    "point stands for its centroid or middle vertex).\n"
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
    "                     relation, method, ellipsoid, rhumb_m, planar_m, planar_crs, ...;\n"
    "                     for a path: total_m, segments (distance_m, azimuth1_deg,\n"
    "                     azimuth2_deg, rhumb_m each), vertices, rhumb_m, planar_m\n"
    "\n"
    "exit status: 0 measured, 1 data error, 2 usage error (bad coordinate, unknown or\n"
    "ambiguous name: the candidates are listed).\n";

constexpr const char* kRingHelp =
    "usage: pamir ring CENTER (--radius R[,R...] | --radius-field FIELD [--radius-unit U])\n"
    "                  [-o FILE.geojson] [--data SOURCE...] [--min-vertices N]\n"
    "\n"
    "Geodesic circles of radius R around CENTER on the WGS84 ellipsoid, as GeoJSON\n"
    "polygons, one feature per radius, innermost first (stdout without -o). Every\n"
    "vertex is computed with geod_direct at exactly R; at least 360 vertices, more for\n"
    "large radii, so it stays round in any projection. A ring across the antimeridian\n"
    "is cut into two polygons; one round a pole is closed along the pole.\n"
    "\n"
    "  CENTER   any operand 'pamir measure' accepts that is a point\n"
    "  R        distances with their unit: 200km, 150nm, 10mi, 500m; several as\n"
    "           100km,200km or \"100, 200, 300 km\" (a bare number takes the unit after it)\n"
    "  --radius-field FIELD  the radius is the centre feature's numeric attribute FIELD\n"
    "           (range_km, radius_nm, ...): its unit from the name's suffix (_km, _nm,\n"
    "           _mi, _m) or from --radius-unit\n";

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

json ringFeature(const geo::RangeRing& ring, const std::string& label, const std::string& radiusFrom) {
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
      {"method", kRingMethod},
      {"ellipsoid", "WGS84"}};
  if (!radiusFrom.empty()) props["radius_from"] = radiusFrom;
  return json{{"type", "Feature"}, {"properties", props}, {"geometry", geometry}};
}

// The radius a feature's attribute gives, in metres; UsageError when it gives none.
double radiusFromField(const data::Place& centre, const std::string& field, std::optional<geo::DistanceUnit> unit) {
  const std::string who = terminalSafe(centre.label);
  if (centre.kind != data::Place::Kind::Feature)
    throw UsageError("pamir ring: --radius-field " + field + " needs a feature as the centre; " + who +
                     " is a coordinate");
  size_t i = 0;
  while (i < centre.fields.size() && centre.fields[i].name != field) ++i;
  if (i == centre.fields.size()) {
    std::string names;
    for (const auto& f : centre.fields) names += (names.empty() ? "" : ", ") + f.name;
    throw UsageError("pamir ring: " + who + " has no field '" + field + "' (fields: " + names + ")");
  }
  const FieldValue& v = i < centre.values.size() ? centre.values[i] : FieldValue{};
  std::optional<double> value;
  if (const auto* d = std::get_if<double>(&v)) value = *d;
  if (const auto* n = std::get_if<int64_t>(&v)) value = static_cast<double>(*n);
  if (const auto* s = std::get_if<std::string>(&v)) value = parseNumber(*s, NumberSyntax::Decimal);
  if (!value || !std::isfinite(*value))
    throw UsageError("pamir ring: " + who + "'s " + field + " is " +
                     (std::holds_alternative<std::monostate>(v) ? std::string("empty") : "'" + toString(v) + "'") +
                     ", not a number");
  if (!(*value > 0)) throw UsageError("pamir ring: " + who + "'s " + field + " is " + toString(v) + ", not a radius");
  if (!unit) unit = geo::unitFromFieldName(field);
  if (!unit)
    throw UsageError("pamir ring: the unit of " + field +
                     " is not in its name (_km, _nm, _mi, _m); give --radius-unit");
  return *value * geo::metresPerUnit(*unit);
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
  if (o.operands.size() < 2)
    r.fail("measure needs two operands, A and B, or more for a path (got " + std::to_string(o.operands.size()) + ")");
  if (o.operands.size() > 2) return printPathMeasure(o.operands, o.data, asJson, unit, out, err);

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
  std::optional<std::string> radiusText, radiusField, radiusUnit, minVertices, output;
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
    else if (auto v6 = r.option("--radius-field"))
      radiusField = *v6;
    else if (auto v7 = r.option("--radius-unit"))
      radiusUnit = *v7;
    else
      readOperand(r, o);
  }
  giveBackSurplusData(o, 1);
  if (o.operands.size() != 1) r.fail("ring needs one CENTER (got " + std::to_string(o.operands.size()) + ")");
  if (radiusText && radiusField) r.fail("give --radius or --radius-field, not both");
  if (radiusField && radiusField->empty()) r.fail("--radius-field needs a field name");
  if (!radiusField && (!radiusText || radiusText->empty())) r.fail("ring needs --radius, e.g. --radius 200km");
  std::optional<geo::DistanceUnit> unit;
  if (radiusUnit) {
    unit = geo::parseUnit(*radiusUnit);
    if (!unit) r.fail("--radius-unit wants km, nm, mi or m, not '" + *radiusUnit + "'");
  }
  std::string why;
  std::vector<double> radii;
  if (radiusText) {
    auto parsed = geo::parseDistanceList(*radiusText, &why, unit);
    if (!parsed) r.fail("--radius: " + why);
    radii = *parsed;
  }
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
  std::string radiusFrom;
  if (radiusField) {
    radii = {radiusFromField(centre, *radiusField, unit)};
    radiusFrom = *radiusField;
  }
  std::sort(radii.begin(), radii.end());  // innermost first
  json features = json::array();
  size_t vertices = 0;
  for (double radius : radii) {
    const geo::RangeRing ring = geo::rangeRing(g.points[0], radius, options);
    if (!ring.ok) throw std::runtime_error(ring.error);
    vertices += ring.vertices.size();
    features.push_back(ringFeature(ring, centre.label, radiusFrom));
  }
  const json collection{{"type", "FeatureCollection"}, {"features", features}};
  const std::string text = collection.dump(-1, ' ', false, json::error_handler_t::replace) + "\n";
  if (!output || output->empty()) {
    out << text;
    return kExitOk;
  }
  if (!writeFileAtomically(*output, text, &why)) throw std::runtime_error(why);
  std::string list;
  for (double radius : radii)
    list += (list.empty() ? "" : ", ") + geo::formatDistance(radius, geo::DistanceUnit::Kilometre, 3);
  err << "pamir ring: wrote " << terminalSafe(*output) << " (" << radii.size()
      << (radii.size() == 1 ? " ring, " : " rings, ") << vertices << " vertices, radius " << list << ")\n";
  return kExitOk;
}

}  // namespace pamir::app
