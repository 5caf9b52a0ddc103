#pragma once
// A view CRS for data the default one does not suit. The default (a Lambert
// conformal conic on 70 E, standard parallels 32 and 44 N) is drawn for
// Central Asia; data of the whole world or of another region drawn in it is
// sheared and stretched (Antarctica over the map). Units: degrees, WGS84
// lon/lat, longitude in -180..180.
#include <optional>
#include <string>

#include "core/geometry.hpp"

namespace pamir::geo {

struct ViewCrsChoice {
  std::string definition;  ///< a PROJ string Projection::create accepts
  std::string why;         ///< one line for the analyst: what the data is and what was chosen
};

/// Nothing when `lonlat` (the data's extent) lies within the default CRS's
/// region (30..110 E, 15..60 N, give or take a margin); else Equal Earth
/// centred on the data for data more than 100 degrees wide or 60 high, or a
/// Lambert azimuthal equal-area projection centred on the data for a region
/// elsewhere.
std::optional<ViewCrsChoice> chooseViewCrs(const Bounds& lonlat);

}  // namespace pamir::geo
