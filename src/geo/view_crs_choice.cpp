#include "geo/view_crs_choice.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

namespace pamir::geo {

namespace {
// Where the default CRS's scale error stays under about 5 %: its standard
// parallels are 32 and 44 N, and its central meridian 70 E.
constexpr Bounds kDefaultRegion{30.0, 15.0, 110.0, 60.0};

// One decimal, with a point whatever the locale (PROJ reads "48,5" as an error).
std::string degrees(double v) {
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, std::round(v * 10) / 10, std::chars_format::fixed, 1);
  return ec == std::errc() ? std::string(buf, end) : "0.0";
}
}  // namespace

std::optional<ViewCrsChoice> chooseViewCrs(const Bounds& lonlat) {
  if (lonlat.empty() || !std::isfinite(lonlat.minx) || !std::isfinite(lonlat.maxx)) return std::nullopt;
  const Bounds b{std::max(lonlat.minx, -180.0), std::max(lonlat.miny, -90.0), std::min(lonlat.maxx, 180.0),
                 std::min(lonlat.maxy, 90.0)};
  if (b.minx >= kDefaultRegion.minx && b.maxx <= kDefaultRegion.maxx && b.miny >= kDefaultRegion.miny &&
      b.maxy <= kDefaultRegion.maxy)
    return std::nullopt;
  // Data that reaches a little past the region (a border strip, Iran's
  // coast) stays in the default: only data mostly elsewhere moves.
  const double inside = std::max(0.0, std::min(b.maxx, kDefaultRegion.maxx) - std::max(b.minx, kDefaultRegion.minx)) *
                        std::max(0.0, std::min(b.maxy, kDefaultRegion.maxy) - std::max(b.miny, kDefaultRegion.miny));
  const double area = std::max(b.width(), 1e-9) * std::max(b.height(), 1e-9);
  if (b.width() <= 100 && b.height() <= 60 && inside / area >= 0.8) return std::nullopt;
  const double lon0 = (b.minx + b.maxx) / 2, lat0 = (b.miny + b.maxy) / 2;
  if (b.width() > 100 || b.height() > 60) {
    // Equal Earth: whole-world data in true proportions, the poles as lines
    // (Mercator would blow Antarctica up over the map).
    const double centre = b.width() > 300 ? 0.0 : lon0;
    return ViewCrsChoice{"+proj=eqearth +lon_0=" + degrees(centre) + " +datum=WGS84 +units=m +no_defs +type=crs",
                         "the data spans " + degrees(b.width()) + " x " + degrees(b.height()) +
                             " degrees: drawn in Equal Earth (--crs chooses another)"};
  }
  return ViewCrsChoice{
      "+proj=laea +lat_0=" + degrees(lat0) + " +lon_0=" + degrees(lon0) + " +datum=WGS84 +units=m +no_defs +type=crs",
      "the data lies outside Central Asia, around " + degrees(lat0) + " N " + degrees(lon0) +
          " E: drawn in a Lambert azimuthal equal-area projection centred there (--crs chooses "
          "another)"};
}

}  // namespace pamir::geo
