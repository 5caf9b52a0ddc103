// The view projection against known coordinates: closed-form Web Mercator,
// GeographicLib's independent UTM, and the default CRS's defining properties.
#include <gtest/gtest.h>

#include <GeographicLib/UTMUPS.hpp>
#include <cmath>

#include "geo/projection.hpp"

using namespace pamir;

namespace {
constexpr double kPi = 3.14159265358979323846;
}

TEST(Projection, WebMercatorMatchesClosedForm) {
  std::string err;
  auto p = geo::Projection::create("EPSG:3857", &err);
  ASSERT_TRUE(p) << err;
  const double a = 6378137.0;
  for (LonLat ll : {LonLat{74.9, 37.4}, LonLat{-120.5, -45.25}, LonLat{0, 0}, LonLat{179.9, 80}}) {
    XY xy = p->forward(ll);
    EXPECT_NEAR(xy.x, a * ll.lon * kPi / 180, 1e-6);
    EXPECT_NEAR(xy.y, a * std::log(std::tan(kPi / 4 + ll.lat * kPi / 360)), 1e-6);
    LonLat back = p->inverse(xy);
    EXPECT_NEAR(back.lon, ll.lon, 1e-10);
    EXPECT_NEAR(back.lat, ll.lat, 1e-10);
  }
  EXPECT_FALSE(p->isGeographic());
}

TEST(Projection, Utm43MatchesGeographicLib) {
  std::string err;
  auto p = geo::Projection::create("EPSG:32643", &err);
  ASSERT_TRUE(p) << err;
  for (LonLat ll : {LonLat{73.965, 38.16889}, LonLat{74.30833, 35.92083}, LonLat{75.42778, 36.85}}) {
    int zone;
    bool north;
    double x, y;
    GeographicLib::UTMUPS::Forward(ll.lat, ll.lon, zone, north, x, y, 43);
    XY xy = p->forward(ll);
    EXPECT_NEAR(xy.x, x, 1e-3);  // PROJ's and Karney's Transverse Mercator agree to well under a millimetre
    EXPECT_NEAR(xy.y, y, 1e-3);
  }
}

TEST(Projection, GeographicCrsKeepsLonLatOrder) {
  std::string err;
  auto p = geo::Projection::create("EPSG:4326", &err);
  ASSERT_TRUE(p) << err;
  EXPECT_TRUE(p->isGeographic());
  XY xy = p->forward({74.9, 37.4});  // EPSG:4326 is lat-first by authority; the view is always x = lon
  EXPECT_DOUBLE_EQ(xy.x, 74.9);
  EXPECT_DOUBLE_EQ(xy.y, 37.4);
}

TEST(Projection, DefaultCrsIsCentredAndNearlyTrueToScaleOverTheRegion) {
  std::string err;
  auto p = geo::Projection::create("", &err);
  ASSERT_TRUE(p) << err;
  EXPECT_EQ(p->definition(), geo::kDefaultViewCrs);
  XY origin = p->forward({70, 38});
  EXPECT_NEAR(origin.x, 0, 1e-6);
  EXPECT_NEAR(origin.y, 0, 1e-6);
  // Exactly true to scale on the standard parallels; within 0.6 % over 30-45 N
  // (the Pamir, the Wakhan and the Central Asian capitals), within 2 % over 25-50 N.
  EXPECT_NEAR(p->scaleFactor({70, 32}), 1.0, 1e-9);
  EXPECT_NEAR(p->scaleFactor({90, 44}), 1.0, 1e-9);
  for (double lon = 45; lon <= 95; lon += 10) {
    for (double lat = 30; lat <= 45; lat += 2.5) EXPECT_NEAR(p->scaleFactor({lon, lat}), 1.0, 0.006) << lon << "," << lat;
    for (double lat = 25; lat <= 50; lat += 5) EXPECT_NEAR(p->scaleFactor({lon, lat}), 1.0, 0.02) << lon << "," << lat;
  }
}

TEST(Projection, AcceptsAnyDefinitionPROJUnderstands) {
  std::string err;
  EXPECT_TRUE(geo::Projection::create("ESRI:102025", &err)) << err;  // Asia North Albers Equal Area Conic
  EXPECT_TRUE(geo::Projection::create("+proj=aeqd +lat_0=37 +lon_0=74 +datum=WGS84 +type=crs", &err)) << err;
}

TEST(Projection, UnknownCrsIsRejectedWithItsName) {
  std::string err;
  EXPECT_FALSE(geo::Projection::create("EPSG:999999", &err));
  EXPECT_NE(err.find("EPSG:999999"), std::string::npos) << err;
  EXPECT_FALSE(geo::Projection::create("not a crs", &err));
  EXPECT_NE(err.find("not a crs"), std::string::npos) << err;
}

TEST(Projection, UndefinedPointsBecomeNaNNotGarbage) {
  std::string err;
  auto p = geo::Projection::create("EPSG:3857", &err);
  ASSERT_TRUE(p);
  XY beyond = p->forward({0, 91});
  EXPECT_TRUE(std::isnan(beyond.x) && std::isnan(beyond.y));
  XY nan = p->forward({std::nan(""), 10});
  EXPECT_TRUE(std::isnan(nan.x));
}

TEST(Projection, BoundsAreSampledAlongEdges) {
  std::string err;
  auto p = geo::Projection::create("", &err);
  ASSERT_TRUE(p);
  Bounds ll;
  ll.add(60, 33);
  ll.add(80, 44);
  Bounds b = p->forwardBounds(ll);
  // Parallels are arcs round the cone's apex: the bottom edge sags south of its corners.
  EXPECT_LT(b.miny, p->forward({80, 33}).y - 1000);
  EXPECT_LT(b.minx, 0);
  EXPECT_GT(b.maxx, 0);
}
