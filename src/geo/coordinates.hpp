#pragma once
// Reading and writing positions as people type them: decimal degrees, degrees
// minutes seconds in the common spellings, MGRS and UTM (WGS84 datum).
// Parsing never depends on the C or C++ locale.
//
// Accepted (latitude first unless hemisphere letters say otherwise):
//   37.4,74.9   37.4 74.9   -12.5, 130.25
//   37°24'N 74°54'E   37°24′00″N, 74°54′00″E   37 24 00N 074 54 00E
//   N37 24.5 E74 54.0   37d24m00sN 74d54m00sE   74°54'E 37°24'N
//   43S DA 12345 67890 (MGRS, any spacing, 1 to 5 digit pairs; the centre of the square)
//   43S 500000 4140000 (UTM: zone, latitude band letter C–X, easting, northing in metres;
//                       write "43 north"/"43 south" for a hemisphere instead of a band)
// Only the last component of a DMS value may have decimals; minutes and
// seconds must be below 60; a latitude beyond ±90 or a longitude beyond ±180
// is an error, never clamped.
#include <string>

#include "core/geometry.hpp"

namespace pamir::geo {

enum class CoordinateFormat { DecimalDegrees, Dms, Mgrs, Utm };

struct ParsedCoordinate {
  enum class Status {
    Ok,
    NotCoordinate,  ///< does not look like a coordinate at all (e.g. a place name)
    Invalid,        ///< looks like one but is wrong (out of range, minutes >= 60…); see error
  };
  Status status = Status::NotCoordinate;
  LonLat position{NAN, NAN};
  CoordinateFormat format = CoordinateFormat::DecimalDegrees;
  std::string error;  ///< one line, for NotCoordinate and Invalid
  bool ok() const { return status == Status::Ok; }
};

ParsedCoordinate parseCoordinate(const std::string& text);

/// "37.400000, 74.900000" (latitude, longitude; `decimals` digits).
std::string formatDecimalDegrees(const LonLat& p, int decimals = 6);
/// "37°24′00.0″N 74°54′00.0″E" (UTF-8), seconds with `secondDecimals` decimals.
std::string formatDms(const LonLat& p, int secondDecimals = 1);
/// "43S DA 12345 67890" at `precision` digits per axis (5 = 1 m); "" where undefined.
std::string formatMgrs(const LonLat& p, int precision = 5);
/// "43S 512345 4141234" (zone and band, easting and northing in metres); UPS
/// zones as "UPS N 2000000 1800000"; "" where undefined.
std::string formatUtm(const LonLat& p);

}  // namespace pamir::geo
