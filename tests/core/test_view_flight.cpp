// The view's flight to a search result or a feature.
#include <gtest/gtest.h>

#include <cmath>

#include "core/view_flight.hpp"

using namespace pamir;

namespace {

MapView viewAt(double x, double y, double halfWidth) {
  Bounds b;
  b.add(x - halfWidth, y - halfWidth);
  b.add(x + halfWidth, y + halfWidth);
  return MapView::fitting(b, 800, 800, 0.0);
}

}  // namespace

TEST(ViewFlight, StartsWhereTheViewIsAndEndsExactlyAtTheDestination) {
  const MapView from = viewAt(0, 0, 1000), to = viewAt(5000, -3000, 100);
  const ViewFlight f(from, to, 0.7);
  EXPECT_NEAR(f.at(0).center().x, 0, 1e-9);
  EXPECT_NEAR(f.at(0).resolutionX(), from.resolutionX(), 1e-9);
  EXPECT_FALSE(f.done(0.69));
  EXPECT_TRUE(f.done(0.7));
  EXPECT_EQ(f.at(0.7).center().x, to.center().x);
  EXPECT_EQ(f.at(5.0).resolutionX(), to.resolutionX());
  EXPECT_EQ(f.at(0.3).width(), 800);
}

TEST(ViewFlight, MovesSteadilyTowardsTheDestination) {
  const ViewFlight f(viewAt(0, 0, 1000), viewAt(10000, 0, 1000), 1.0);
  double last = -1;
  for (double t = 0; t <= 1.0; t += 0.05) {
    const double x = f.at(t).center().x;
    EXPECT_GE(x, last);
    last = x;
  }
  EXPECT_NEAR(f.at(0.5).center().x, 5000, 1e-6);  // halfway in time, halfway in place
}

TEST(ViewFlight, ALongFlightPullsBackMidwayAndAShortOneDoesNot) {
  // 100 km views, 1000 km apart: midway the view is about as wide as the flight.
  const ViewFlight longFlight(viewAt(0, 0, 50000), viewAt(1000000, 0, 50000), 1.0);
  const MapView mid = longFlight.at(0.5);
  EXPECT_NEAR(mid.resolutionX() * mid.width(), 1000000, 1.0);
  // A flight within the view zooms evenly: the scale midway is between the two.
  const ViewFlight shortFlight(viewAt(0, 0, 50000), viewAt(20000, 0, 5000), 1.0);
  const double r = shortFlight.at(0.5).resolutionX();
  EXPECT_NEAR(r, std::sqrt(viewAt(0, 0, 50000).resolutionX() * viewAt(0, 0, 5000).resolutionX()), 1e-9);
}

TEST(ViewFlight, NoTimeMeansThereAtOnce) {
  const MapView to = viewAt(7, 7, 10);
  const ViewFlight f(viewAt(0, 0, 1000), to, 0.0);
  EXPECT_TRUE(f.done(0));
  EXPECT_EQ(f.at(0).center().x, to.center().x);
}
