#pragma once
// The cursor position as the status bar shows it, in the formats analysts
// exchange: degrees-minutes-seconds and MGRS.
#include <string>

#include "core/geometry.hpp"

namespace pamir::app {

std::string formatDms(const LonLat& p);   ///< 37°24'00.0"N 74°54'00.0"E
std::string formatMgrs(const LonLat& p);  ///< 43S DB 12345 67890, or "" outside MGRS

}  // namespace pamir::app
