#pragma once
// A smooth move of the view from one place and scale to another, as Google
// Earth flies to a search result: the centre eases from start to end, the
// scale changes evenly in log space, and on a flight longer than the views
// are wide the eye pulls back midway so that the way between is seen.
// (A simpler cousin of van Wijk and Nuij's optimal zoom-and-pan path, whose
// exact form buys nothing at these distances.)
#include "core/map_view.hpp"

namespace pamir {

class ViewFlight {
 public:
  /// From `from` to `to` in `seconds` (to's size in pixels throughout).
  ViewFlight(const MapView& from, const MapView& to, double seconds);
  /// The view `t` seconds after the start; `to` exactly from the end on.
  MapView at(double t) const;
  bool done(double t) const { return t >= seconds_; }
  const MapView& destination() const { return to_; }

 private:
  MapView from_, to_;
  double seconds_;
  double pullBack_;  ///< log of how much wider than the even path the view is midway
};

}  // namespace pamir
