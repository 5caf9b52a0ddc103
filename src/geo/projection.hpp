#pragma once
// Coordinate reference systems and transforms, through PROJ. Every layer is
// held in WGS84 lon/lat (degrees, longitude first); a Projection takes it to
// the view CRS and back. Axis order is always normalised for display
// (x = easting/longitude, y = northing/latitude), whatever the CRS's
// authority says.
#include <memory>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/geometry.hpp"
#include "core/result.hpp"

namespace pamir::geo {

/// The default view CRS: a Lambert Conformal Conic fitted to Central Asia
/// (standard parallels 32°N and 44°N, centred on 70°E 38°N). Conformal, so
/// shapes and bearings look right; scale error stays within 0.6 % over
/// 30–45°N (the Pamir, the Wakhan, the Central Asian capitals) and 2 % over 25–50°N.
extern const char* const kDefaultViewCrs;

/// The PROJ release in use (the library loaded, not the headers built against), e.g. "9.1.1".
std::string projVersion();

/// `definition` as PROJ must be given it to read a CRS: a bare PROJ string
/// ("+proj=laea +lat_0=40 +lon_0=67 +datum=WGS84") gains "+type=crs", the way
/// GDAL and QGIS read one; every other definition is returned as it is (trimmed).
std::string asCrsDefinition(const std::string& definition);

/// A transform between two CRSs (any definition PROJ accepts: "EPSG:3857",
/// "ESRI:102025", WKT, or a PROJ string, which is read as a CRS with or
/// without "+type=crs", as GDAL and QGIS read it). Not thread-safe: one per thread.
class Transform {
 public:
  /// The transform, or a one-line reason naming the definition PROJ rejected
  /// ("unknown CRS code EPSG:99999", PROJ's own message for a bad PROJ string).
  /// What PROJ logs while building it goes to *diag as warnings when the build succeeds.
  static Result<Transform> create(const std::string& from, const std::string& to, Diagnostics* diag = nullptr);
  Transform(Transform&&) noexcept;
  Transform& operator=(Transform&&) noexcept;
  ~Transform();

  /// Transforms in place; a point that cannot be transformed becomes NaN,NaN.
  void apply(double* x, double* y, size_t n, bool inverse = false) const;
  void apply(XY* points, size_t n, bool inverse = false) const;
  XY apply(XY p, bool inverse = false) const;

 private:
  struct Impl;
  explicit Transform(std::unique_ptr<Impl>);
  std::unique_ptr<Impl> impl_;
};

/// WGS84 lon/lat <-> a view CRS.
class Projection {
 public:
  /// The view CRS `definition` ("" for kDefaultViewCrs), or why it cannot be built (see Transform::create).
  static Result<Projection> create(const std::string& definition, Diagnostics* diag = nullptr);

  XY forward(const LonLat& p) const;  ///< NaN,NaN where undefined (e.g. beyond the horizon)
  LonLat inverse(const XY& p) const;  ///< NaN,NaN where undefined
  void forward(const LonLat* in, XY* out, size_t n) const;

  const std::string& definition() const { return definition_; }  ///< as given (or kDefaultViewCrs)
  std::string name() const;                          ///< PROJ's name for the CRS, e.g. "WGS 84 / Pseudo-Mercator"
  bool isGeographic() const { return geographic_; }  ///< units are degrees
  /// Projects a lon/lat box, sampling its edges (a box is not a box in most CRSs).
  Bounds forwardBounds(const Bounds& lonlat, int samplesPerEdge = 64) const;
  /// Point scale factor (meridional and parallel mean) of the projection at p; 1 for geographic.
  double scaleFactor(const LonLat& p) const;
  /// The longitude the map is centred on (degrees; 0 for a geographic CRS or
  /// when PROJ names none): its opposite meridian is the map's seam.
  double centralMeridian() const { return centralMeridian_; }

 private:
  Projection() = default;
  std::string definition_;
  std::string name_;
  bool geographic_ = false;
  double centralMeridian_ = 0.0;
  std::shared_ptr<Transform> toView_;
  std::shared_ptr<void> crs_;  // PJ* of the target CRS, for scale factors
};

}  // namespace pamir::geo
