#pragma once
// Coordinate reference systems and transforms, through PROJ. Every layer is
// held in WGS84 lon/lat (degrees, longitude first); a Projection takes it to
// the view CRS and back. Axis order is always normalised for display
// (x = easting/longitude, y = northing/latitude), whatever the CRS's
// authority says.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/geometry.hpp"

namespace pamir::geo {

/// The default view CRS: a Lambert Conformal Conic fitted to Central Asia
/// (standard parallels 32°N and 44°N, centred on 70°E 38°N). Conformal, so
/// shapes and bearings look right; scale error stays within 0.6 % over
/// 30–45°N (the Pamir, the Wakhan, the Central Asian capitals) and 2 % over 25–50°N.
extern const char* const kDefaultViewCrs;

/// A transform between two CRSs (any definition PROJ accepts: "EPSG:3857",
/// "ESRI:102025", a PROJ string, WKT). Not thread-safe: one per thread.
class Transform {
 public:
  /// nullopt, with a one-line reason in *error, when PROJ rejects either CRS.
  static std::optional<Transform> create(const std::string& from, const std::string& to, std::string* error);
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
  static std::optional<Projection> create(const std::string& definition, std::string* error);

  XY forward(const LonLat& p) const;     ///< NaN,NaN where undefined (e.g. beyond the horizon)
  LonLat inverse(const XY& p) const;     ///< NaN,NaN where undefined
  void forward(const LonLat* in, XY* out, size_t n) const;

  const std::string& definition() const { return definition_; }
  std::string name() const;            ///< PROJ's name for the CRS, e.g. "WGS 84 / Pseudo-Mercator"
  bool isGeographic() const { return geographic_; }  ///< units are degrees
  /// Projects a lon/lat box, sampling its edges (a box is not a box in most CRSs).
  Bounds forwardBounds(const Bounds& lonlat, int samplesPerEdge = 64) const;
  /// Point scale factor (meridional and parallel mean) of the projection at p; 1 for geographic.
  double scaleFactor(const LonLat& p) const;

 private:
  Projection() = default;
  std::string definition_;
  std::string name_;
  bool geographic_ = false;
  std::shared_ptr<Transform> toView_;
  std::shared_ptr<void> crs_;  // PJ* of the target CRS, for scale factors
};

}  // namespace pamir::geo
