#pragma once
// Measurements the analyst made on the map, kept as objects: listed, drawn,
// deleted one by one, exported as GeoJSON with the method and ellipsoid.
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"
#include "geo/projection.hpp"

namespace pamir::app {

struct Measurement {
  LonLat from, to;
  std::string label;
  double geodesic_m = 0, azimuth1_deg = 0, azimuth2_deg = 0;
  double rhumb_m = 0;
  double planar_m = 0;    ///< straight line in the view CRS, in its units (metres for projected CRSs)
  std::string planarCrs;  ///< the view CRS it was measured in
};

inline constexpr const char* kMeasureMethod = "geodesic (Karney) on WGS84 via PROJ";
/// How areas are measured: every edge a geodesic, PROJ's geod_polygon.
inline constexpr const char* kAreaMethod = "geodesic polygon (Karney, geod_polygon) on WGS84 via PROJ";
/// How range rings are made.
inline constexpr const char* kRingMethod = "geodesic circle: every vertex by geod_direct (Karney) on WGS84 via PROJ";

/// Measures from -> to: geodesic, rhumb line and the view CRS's straight line.
Measurement measure(const LonLat& from, const LonLat& to, const geo::Projection& view, std::string label = {});

/// Points along the geodesic from -> to, every `stepMetres` or closer, for drawing.
std::vector<LonLat> geodesicPath(const LonLat& from, const LonLat& to, double stepMetres);

/// A measurement's line in `view`'s CRS, for drawing: a vertex every 5 km,
/// or 512 in all for longer lines (each then under 1/500 of the line, a
/// smooth curve at any zoom that shows the line whole). Vertices the CRS
/// cannot place are left out.
std::vector<XY> measurementTrack(const LonLat& from, const LonLat& to, const geo::Projection& view);

/// The measurements as a GeoJSON FeatureCollection of LineStrings densified
/// along the geodesic (every 2 km, at most 2048 vertices), with the values,
/// method and ellipsoid as properties. End points are written exactly (they
/// are what importMeasurementsGeoJson reads back); the vertices between to
/// 1e-7 degrees (about a centimetre).
std::string measurementsGeoJson(const std::vector<Measurement>& list);

/// Writes measurementsGeoJson(list) to `path` with writeFileAtomically: the
/// file is complete or untouched. False with the reason on failure.
bool exportMeasurementsGeoJson(const std::vector<Measurement>& list, const std::string& path, std::string* error);

/// Reads measurements written by exportMeasurementsGeoJson (first and last
/// vertex of each line; values are measured again, in `view`). A missing file,
/// or one with nothing but white space in it, is an empty list. One that is
/// not a regular file (a FIFO, a device, a directory) is refused without
/// being opened, so it can never block; that and an unreadable one are
/// nullopt with the reason, and the caller must not overwrite it.
std::optional<std::vector<Measurement>> importMeasurementsGeoJson(const std::string& path, const geo::Projection& view,
                                                                  std::string* error);

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
