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
  double planar_m = 0;      ///< straight line in the view CRS, in its units (metres for projected CRSs)
  std::string planarCrs;    ///< the view CRS it was measured in
};

inline constexpr const char* kMeasureMethod = "geodesic (Karney) on WGS84 via PROJ";

/// Measures from -> to: geodesic, rhumb line and the view CRS's straight line.
Measurement measure(const LonLat& from, const LonLat& to, const geo::Projection& view, std::string label = {});

/// Points along the geodesic from -> to, every `stepMetres` or closer, for drawing.
std::vector<LonLat> geodesicPath(const LonLat& from, const LonLat& to, double stepMetres);

/// Writes the measurements as a GeoJSON FeatureCollection of LineStrings
/// (densified along the geodesic). The file is complete or untouched: written
/// to a temporary name, then renamed. False with the reason on failure.
bool exportMeasurementsGeoJson(const std::vector<Measurement>& list, const std::string& path, std::string* error);

/// Reads measurements written by exportMeasurementsGeoJson (first and last
/// vertex of each line; values are measured again, in `view`). A missing file
/// is an empty list; an unreadable one is nullopt with the reason, and the
/// caller must not overwrite it.
std::optional<std::vector<Measurement>> importMeasurementsGeoJson(const std::string& path, const geo::Projection& view,
                                                                  std::string* error);

/// Where the window keeps the analyst's measurements between runs:
/// $PAMIR_SESSION, else $XDG_STATE_HOME/pamir/measurements.geojson, else
/// ~/.local/state/pamir/measurements.geojson.
std::string defaultSessionPath();

}  // namespace pamir::app
