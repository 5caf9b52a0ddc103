#include "app/cursor_text.hpp"

#include <cmath>
#include <cstdio>

namespace pamir::app {

std::string formatDms(const LonLat& p) {
  auto part = [](double v, char pos, char neg) {
    const char hemi = v >= 0 ? pos : neg;
    double a = std::abs(v);
    int d = static_cast<int>(a);
    double mf = (a - d) * 60.0;
    int m = static_cast<int>(mf);
    double s = (mf - m) * 60.0;
    if (s >= 59.95) s = 0, ++m;
    if (m == 60) m = 0, ++d;
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d°%02d'%04.1f\"%c", d, m, s, hemi);
    return std::string(buf);
  };
  return part(p.lat, 'N', 'S') + " " + part(p.lon, 'E', 'W');
}

std::string formatMgrs(const LonLat&) { return {}; }

}  // namespace pamir::app
