#include "core/view_flight.hpp"

#include <algorithm>
#include <cmath>

namespace pamir {

ViewFlight::ViewFlight(const MapView& from, const MapView& to, double seconds)
    : from_(from), to_(to), seconds_(std::max(seconds, 0.0)) {
  const double w0 = from.resolutionX() * from.width(), w1 = to.resolutionX() * to.width();
  const double d = std::hypot(to.center().x - from.center().x, to.center().y - from.center().y);
  const double midWidth = std::sqrt(w0 * w1);
  // Midway, the view is about as wide as the flight is long.
  pullBack_ = midWidth > 0 && d > midWidth ? std::log(d / midWidth) : 0.0;
}

MapView ViewFlight::at(double t) const {
  if (seconds_ <= 0 || t >= seconds_) return to_;
  const double u = std::clamp(t / seconds_, 0.0, 1.0);
  const double e = u * u * (3 - 2 * u);  // eases in and out
  const XY c0 = from_.center(), c1 = to_.center();
  const XY c{c0.x + (c1.x - c0.x) * e, c0.y + (c1.y - c0.y) * e};
  auto logLerp = [&](double a, double b) {
    return std::exp(std::log(a) + (std::log(b) - std::log(a)) * e + pullBack_ * 4 * e * (1 - e));
  };
  const double rx = logLerp(from_.resolutionX(), to_.resolutionX());
  const double ry = logLerp(from_.resolutionY(), to_.resolutionY());
  const double hw = rx * to_.width() / 2, hh = ry * to_.height() / 2;
  Bounds b;
  b.add(c.x - hw, c.y - hh);
  b.add(c.x + hw, c.y + hh);
  return MapView::fromExtent(b, to_.width(), to_.height());
}

}  // namespace pamir
