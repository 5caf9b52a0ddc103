#pragma once
// Measurements the analyst made on the map, kept as objects: listed, drawn,
// deleted one by one, exported as GeoJSON with the method and ellipsoid.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "geo/projection.hpp"

namespace pamir::app {

/// What a kept measurement is.
enum class MeasurementKind {
  Line,  ///< two points (or the closest points of two features)
  Path,  ///< any number of points, each leg a geodesic
  Area,  ///< a polygon of geodesic edges
  Ring,  ///< a geodesic circle round a centre
};

/// "line", "path", "area", "ring" (as written to files).
const char* kindName(MeasurementKind k);
std::optional<MeasurementKind> kindFromName(const std::string& name);

/// RGBA, 0xRRGGBBAA.
using MeasurementColor = uint32_t;
/// The colour a measurement of this kind gets unless the analyst picks another.
MeasurementColor defaultColor(MeasurementKind k);

/// "#rrggbb" (alpha is not written); colorFromHex reads it back, opaque.
std::string colorHex(MeasurementColor c);
std::optional<MeasurementColor> colorFromHex(const std::string& text);

struct Measurement {
  MeasurementKind kind = MeasurementKind::Line;
  LonLat from, to;  ///< line: its ends; path and area: first and last vertex; ring: the centre, twice
  /// Path and area: every vertex in order (the area's ring open); line and ring: empty.
  std::vector<LonLat> vertices;
  std::string label;
  /// Line: its geodesic length; path: the sum of its legs; area: the perimeter; ring: the radius. Metres.
  double geodesic_m = 0;
  double azimuth1_deg = 0, azimuth2_deg = 0;  ///< leaving the first and arriving at the last point, [0, 360)
  double rhumb_m = 0;                         ///< lines and paths: along rhumb lines, leg by leg
  double planar_m = 0;         ///< straight line(s) in the view CRS, in its units (metres for projected CRSs)
  double area_m2 = NAN;        ///< area: on the ellipsoid (geod_polygon); ring: the disc's area
  double planarArea_m2 = NAN;  ///< area: the same vertices in the view CRS (shoelace)
  double radius_m = NAN;       ///< ring
  std::string radiusFrom;      ///< ring: the attribute its radius came from, if any
  std::string planarCrs;       ///< the view CRS it was measured in, by name
  MeasurementColor color = 0;  ///< 0 = defaultColor(kind)
  bool hidden = false;         ///< kept and listed, not drawn

  /// Every point that defines it: line {from, to}; path and area its vertices; ring {centre}.
  std::vector<LonLat> points() const;
  MeasurementColor shownColor() const { return color ? color : defaultColor(kind); }
};

inline constexpr const char* kMeasureMethod = "geodesic (Karney) on WGS84 via PROJ";
/// How areas are measured: every edge a geodesic, PROJ's geod_polygon.
inline constexpr const char* kAreaMethod = "geodesic polygon (Karney, geod_polygon) on WGS84 via PROJ";
/// How range rings are made.
inline constexpr const char* kRingMethod = "geodesic circle: every vertex by geod_direct (Karney) on WGS84 via PROJ";

/// Measures from -> to: geodesic, rhumb line and the view CRS's straight line.
Measurement measure(const LonLat& from, const LonLat& to, const geo::Projection& view, std::string label = {});

/// A path through `vertices` (two or more): legs, total, rhumb and planar totals.
Measurement measurePath(std::vector<LonLat> vertices, const geo::Projection& view, std::string label = {});
/// A polygon through `vertices` (three or more, open): geodesic area and
/// perimeter, and the planar area of the same vertices in the view CRS.
Measurement measureArea(std::vector<LonLat> vertices, const geo::Projection& view, std::string label = {});
/// A range ring of `radius_m` round `centre`.
Measurement measureRing(const LonLat& centre, double radius_m, const geo::Projection& view, std::string label = {});
/// `m` measured again from its points in `view` (its name, colour and visibility kept).
Measurement remeasure(const Measurement& m, const geo::Projection& view);

/// The measurement as lon/lat lines to draw or export: a line or path along
/// its geodesics (a vertex every `stepMetres` or closer), an area's ring
/// closed, a ring's circle (closed). Not cut at any seam.
std::vector<LonLat> measurementOutline(const Measurement& m, double stepMetres);

/// Points along the geodesic from -> to, every `stepMetres` or closer, for drawing.
std::vector<LonLat> geodesicPath(const LonLat& from, const LonLat& to, double stepMetres);

/// A measurement's line in `view`'s CRS, for drawing: a vertex every 5 km,
/// or 512 in all for longer lines (each then under 1/500 of the line, a
/// smooth curve at any zoom that shows the line whole). Vertices the CRS
/// cannot place are left out.
std::vector<XY> measurementTrack(const LonLat& from, const LonLat& to, const geo::Projection& view);

/// The measurements as a GeoJSON FeatureCollection: lines and paths as
/// LineStrings densified along their geodesics (every 2 km, at most 2048
/// vertices a leg), areas as Polygons densified the same way, rings as the
/// Polygon (or, across the antimeridian, MultiPolygon) of geo::rangeRing;
/// the values, kind, colour, visibility, method and ellipsoid as
/// properties. The points that define each are written exactly in the
/// property "points" (what importMeasurementsGeoJson reads back), and a
/// line's end points exactly in its geometry too (what older versions read);
/// the vertices between to 1e-7 degrees (about a centimetre).
std::string measurementsGeoJson(const std::vector<Measurement>& list);

/// Writes measurementsGeoJson(list) to `path` with writeFileAtomically: the
/// file is complete or untouched. False with the reason on failure.
bool exportMeasurementsGeoJson(const std::vector<Measurement>& list, const std::string& path, std::string* error);

/// Reads measurements written by exportMeasurementsGeoJson (the kind, name,
/// colour and visibility, and the points that define each: a property
/// "points", or for files written before there were kinds, the first and
/// last vertex of each line; values are measured again, in `view`). A missing file,
/// or one with nothing but white space in it, is an empty list. One that is
/// not a regular file (a FIFO, a device, a directory) is refused without
/// being opened, so it can never block; that and an unreadable one are
/// nullopt with the reason, and the caller must not overwrite it.
std::optional<std::vector<Measurement>> importMeasurementsGeoJson(const std::string& path, const geo::Projection& view,
                                                                  std::string* error);

/// The measurements of GeoJSON text as importMeasurementsGeoJson reads them
/// (members other than "features" are left alone); nullopt with the reason.
std::optional<std::vector<Measurement>> parseMeasurementsGeoJson(const std::string& text, const geo::Projection& view,
                                                                 std::string* reason);

/// Where the window keeps the analyst's measurements between runs:
/// $PAMIR_SESSION, else $XDG_STATE_HOME/pamir/measurements.geojson, else
/// ~/.local/state/pamir/measurements.geojson.
std::string defaultSessionPath();

/// The file the window keeps measurements in between runs. Problems come
/// back as one line each, for the caller to show on stderr and in the window.
class MeasurementSession {
 public:
  /// An empty path keeps nothing.
  explicit MeasurementSession(std::string path) : path_(std::move(path)) {}

  const std::string& path() const { return path_; }
  /// False for no path, and once load() found a file that saving would destroy.
  bool keeping() const { return !path_.empty(); }

  /// The measurements saved last time. Missing or empty file: none, and
  /// saving goes ahead. A file that cannot be read (not a regular file, not
  /// readable, not a measurements file): none, *problem says why, and
  /// saving is switched off so that the file stays as it is. A folder that
  /// cannot be written to is said in *problem too (measurements made now
  /// would be lost), with saving left on.
  std::vector<Measurement> load(const geo::Projection& view, std::string* problem);

  /// Writes `list` whole (creating the folder if need be); false with
  /// *problem when it could not. Nothing happens when not keeping.
  bool save(const std::vector<Measurement>& list, std::string* problem);

 private:
  std::string path_;
};

}  // namespace pamir::app
