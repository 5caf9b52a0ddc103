#pragma once
// PROJ's geodesic object for WGS84, shared by the geo module's .cpp files.
// Internal: includes PROJ's geodesic.h.
#include <geodesic.h>

namespace pamir::geo::detail {

/// Initialised once, then read-only: safe to share between threads.
const geod_geodesic& wgs84();

}  // namespace pamir::geo::detail
