// Geodesics against published reference values.
//
// Sources:
//  [T] GeographicLib's C test suite, geodtest.c (C. F. F. Karney, MIT/X11),
//      table `testcases` (random geodesics from GeodTest.dat, values to 1e-10 m)
//      and the regression cases GeodSolve*/Planimeter*. The same file ships
//      with PROJ as test/unit/geodtest.cpp.
//  [X] GeographicLib::GeodesicExact (elliptic-integral formulation, an
//      independent algorithm from the series PROJ uses) for nearly antipodal
//      points, where Vincenty's iteration fails to converge.
#include <gtest/gtest.h>

#include <GeographicLib/GeodesicExact.hpp>
#include <GeographicLib/Rhumb.hpp>

#include <cmath>

#include "geo/geodesic.hpp"

using namespace pamir;
using namespace pamir::geo;

namespace {

struct Case {
  double lat1, lon1, azi1, lat2, lon2, azi2, s12;
};

// [T] testcases rows 1-8, 15 and 17 (lat1, lon1, azi1, lat2, lon2, azi2, s12).
const Case kCases[] = {
    {35.60777, -139.44815, 111.098748429560326, -11.17491, -69.95921, 129.289270889708762, 8935244.5604818305},
    {55.52454, 106.05087, 22.020059880982801, 77.03196, 197.18234, 109.112041110671519, 4105086.1713924406},
    {-21.97856, 142.59065, -32.44456876433189, 41.84138, 98.56635, -41.84359951440466, 8394328.894657671},
    {-66.99028, 112.2363, 173.73491240878403, -12.70631, 285.90344, 2.512956620913668, 11150344.2312080241},
    {-17.42761, 173.34268, -159.033557661192928, -15.84784, 5.93557, -20.787484651536988, 16076603.1631180673},
    {32.84994, 48.28919, 150.492927788121982, -56.28556, 202.29132, 48.113449399816759, 16727068.9438164461},
    {6.96833, 52.74123, 92.581585386317712, -7.39675, 206.17291, 90.721692165923907, 17102477.2496958388},
    {-50.56724, -16.30485, -105.439679907590164, -33.56571, -94.97412, -47.348547835650331, 6455670.5118668696},
    {-87.85331, 85.66836, -65.120313040242748, 66.48646, 16.09921, -4.888658719272296, 17286615.3147144645},
    {-25.72959, -144.90758, -153.647468693117198, -57.70581, -269.17879, -48.343983158876487, 9413446.7452453107},
};

double angleDiff(double a, double b) { return std::fabs(std::remainder(a - b, 360.0)); }

}  // namespace

TEST(Geodesic, InverseMatchesPublishedTable) {
  for (const Case& c : kCases) {
    GeodesicInverse r = inverse({c.lon1, c.lat1}, {c.lon2, c.lat2});
    EXPECT_NEAR(r.distance_m, c.s12, 1e-8) << c.lat1 << "," << c.lon1;  // 10 nm: well inside a micrometre
    EXPECT_LT(angleDiff(r.azimuth1_deg, c.azi1), 1e-12);
    EXPECT_LT(angleDiff(r.azimuth2_deg, c.azi2), 1e-12);
    EXPECT_NEAR(distance({c.lon1, c.lat1}, {c.lon2, c.lat2}), c.s12, 1e-8);
  }
}

TEST(Geodesic, DirectMatchesPublishedTable) {
  for (const Case& c : kCases) {
    GeodesicDirect d = direct({c.lon1, c.lat1}, c.azi1, c.s12);
    EXPECT_NEAR(d.point.lat, c.lat2, 1e-12);
    EXPECT_LT(angleDiff(d.point.lon, c.lon2), 1e-12);  // the table unrolls longitudes past 180
    EXPECT_LT(angleDiff(d.azimuth2_deg, c.azi2), 1e-12);
  }
}

// Nearly antipodal points: Vincenty's method does not converge here.
TEST(Geodesic, NearlyAntipodalPublishedCases) {
  // [T] GeodSolve6, 9, 10, 11: published to the millimetre.
  EXPECT_NEAR(distance({0, 88.202499451857}, {179.981022032992859592, -88.202499451857}), 20003898.214, 0.5e-3);
  EXPECT_NEAR(distance({0, 89.262080389218}, {179.992207982775375662, -89.262080389218}), 20003925.854, 0.5e-3);
  EXPECT_NEAR(distance({0, 89.333123580033}, {179.99295812360148422, -89.333123580032997687}), 20003926.881, 0.5e-3);
  EXPECT_NEAR(distance({0, 56.320923501171}, {179.664747671772880215, -56.320923501171}), 19993558.287, 0.5e-3);
  EXPECT_NEAR(distance({0, 52.784459512564}, {179.634407464943777557, -52.784459512563990912}), 19991596.095, 0.5e-3);
  EXPECT_NEAR(distance({0, 48.522876735459}, {179.599720456223079643, -48.52287673545898293}), 19989144.774, 0.5e-3);
  // [T] GeodSolve59: published to the nanometre.
  GeodesicInverse r = inverse({0.00000000000001, 5}, {180, 10});
  EXPECT_NEAR(r.distance_m, 18345191.174332713, 2.5e-9);
  EXPECT_NEAR(r.azimuth1_deg, 0.000000000000035, 1.5e-14);
  EXPECT_NEAR(r.azimuth2_deg, 179.99999999999996, 1.5e-14);
  // [T] GeodSolve33: along the equator to within half a degree of the antipode.
  r = inverse({0, 0}, {179.5, 0});
  EXPECT_NEAR(r.distance_m, 19980862, 0.5);
  EXPECT_NEAR(r.azimuth1_deg, 55.96650, 0.5e-5);
  EXPECT_NEAR(r.azimuth2_deg, 124.03350, 0.5e-5);
  EXPECT_NEAR(distance({0, 0}, {180, 0}), 20003931, 0.5);
  EXPECT_NEAR(distance({0, 0}, {180, 1}), 19893357, 0.5);
}

TEST(Geodesic, NearlyAntipodalAgreeWithExactFormulationToTheMicrometre) {
  // [X] sweep of points within a degree of the antipode, including the
  // equatorial cases that defeat Vincenty.
  const GeographicLib::GeodesicExact exact(kWgs84A, kWgs84F);
  int checked = 0;
  for (double lat1 : {0.0, 0.5, 10.0, 45.0, 80.0}) {
    for (double dlat : {0.0, 0.1, 0.5, 1.0}) {
      for (double lon2 : {179.0, 179.5, 179.7, 179.9, 179.99, 180.0}) {
        double lat2 = -lat1 + dlat;
        double s12 = 0;
        exact.Inverse(lat1, 0.0, lat2, lon2, s12);
        EXPECT_NEAR(distance({0.0, lat1}, {lon2, lat2}), s12, 1e-6) << lat1 << " " << lat2 << " " << lon2;
        ++checked;
      }
    }
  }
  EXPECT_EQ(checked, 120);
}

TEST(Geodesic, InvalidInputGivesNaN) {
  EXPECT_TRUE(std::isnan(distance({0, 91}, {0, 0})));
  EXPECT_TRUE(std::isnan(distance({NAN, 10}, {0, 0})));
  EXPECT_TRUE(std::isnan(inverse({0, 0}, {INFINITY, 0}).azimuth1_deg));
  EXPECT_TRUE(std::isnan(direct({0, -90.5}, 0, 1000).point.lat));
  EXPECT_TRUE(std::isnan(direct({0, 0}, NAN, 1000).point.lat));
}

TEST(Geodesic, JfkToCdg) {
  // [T] GeodSolve0 and GeodSolve1 (rounded values from the GeodSolve documentation).
  GeodesicInverse r = inverse({-73.8, 40.6}, {2.55, 49.01666667});
  EXPECT_NEAR(r.azimuth1_deg, 53.47022, 0.5e-5);
  EXPECT_NEAR(r.azimuth2_deg, 111.59367, 0.5e-5);
  EXPECT_NEAR(r.distance_m, 5853226, 0.5);
  GeodesicDirect d = direct({-73.77888889, 40.63972222}, 53.5, 5850e3);
  EXPECT_NEAR(d.point.lat, 49.01467, 0.5e-5);
  EXPECT_NEAR(d.point.lon, 2.56106, 0.5e-5);
  EXPECT_NEAR(d.azimuth2_deg, 111.62947, 0.5e-5);
}

TEST(Geodesic, PolygonAreaPublishedCases) {
  // [T] Planimeter0: square round the north pole at 89°, its mirror in the
  // south (reported positive: the smaller region), a diamond on the equator,
  // and the octant.
  Polygon north{{{0, 89}, {90, 89}, {180, 89}, {270, 89}}, {}};
  AreaPerimeter a = polygonArea(north);
  EXPECT_NEAR(a.perimeter_m, 631819.8745, 1e-4);
  EXPECT_NEAR(a.area_m2, 24952305678.0, 1);
  Polygon south{{{0, -89}, {90, -89}, {180, -89}, {270, -89}}, {}};
  EXPECT_NEAR(polygonArea(south).area_m2, 24952305678.0, 1);
  Polygon diamond{{{-1, 0}, {0, -1}, {1, 0}, {0, 1}, {-1, 0}}, {}};  // closed ring, clockwise
  a = polygonArea(diamond);
  EXPECT_NEAR(a.perimeter_m, 627598.2731, 1e-4);
  EXPECT_NEAR(a.area_m2, 24619419146.0, 1);
  Polygon octant{{{0, 90}, {0, 0}, {90, 0}}, {}};
  a = polygonArea(octant);
  EXPECT_NEAR(a.perimeter_m, 30022685, 1);
  EXPECT_NEAR(a.area_m2, 63758202715511.0, 1);
  // [T] Planimeter5: a triangle round the pole crossing the antimeridian.
  Polygon tri{{{0.1, 89}, {90.1, 89}, {-179.9, 89}}, {}};
  EXPECT_NEAR(polygonArea(tri).perimeter_m, 539297, 1);
  EXPECT_NEAR(polygonArea(tri).area_m2, 12476152838.5, 1);
}

TEST(Geodesic, HolesAreSubtractedAndCountInPerimeter) {
  Polygon outer{{{0, -1}, {1, 0}, {0, 1}, {-1, 0}}, {}};
  Polygon hole{{{0, -0.5}, {0.5, 0}, {0, 0.5}, {-0.5, 0}}, {}};
  Polygon withHole{outer.outer, {hole.outer}};
  AreaPerimeter o = polygonArea(outer), h = polygonArea(hole), w = polygonArea(withHole);
  EXPECT_GT(h.area_m2, 0);
  EXPECT_NEAR(w.area_m2, o.area_m2 - h.area_m2, 1e-3);
  EXPECT_NEAR(w.perimeter_m, o.perimeter_m + h.perimeter_m, 1e-6);
  Geometry g;
  g.polygons = {outer, outer};
  EXPECT_NEAR(geometryArea(g).area_m2, 2 * o.area_m2, 1e-3);
}

TEST(Geodesic, PathLengthSumsEdges) {
  // [T] Planimeter0 polyline: 90N -> equator -> 90E on the equator.
  EXPECT_NEAR(pathLength({{0, 90}, {0, 0}, {90, 0}}), 20020719, 1);
  EXPECT_EQ(pathLength({{10, 10}}), 0.0);
  EXPECT_EQ(pathLength({}), 0.0);
}

TEST(Geodesic, InterpolateSplitsTheGeodesic) {
  LonLat a{69.0, 37.0}, b{75.0, 39.5};
  LonLat m = interpolate(a, b, 0.5);
  double whole = distance(a, b);
  EXPECT_NEAR(distance(a, m), whole / 2, 1e-6);
  EXPECT_NEAR(distance(m, b), whole / 2, 1e-6);
  LonLat q = interpolate(a, b, 0.25);
  EXPECT_NEAR(distance(a, q) + distance(q, b), whole, 1e-6);  // on the geodesic, not beside it
}

TEST(Geodesic, RhumbLineIsLongerExceptAlongMeridiansAndEquator) {
  LonLat jfk{-73.8, 40.6}, cdg{2.55, 49.01666667};
  RhumbInverse rh = rhumbInverse(jfk, cdg);
  double geod = distance(jfk, cdg);
  EXPECT_GT(rh.distance_m, geod + 50e3);  // a transatlantic rhumb line is tens of km longer
  // Following the constant azimuth from JFK for that distance arrives at CDG.
  const GeographicLib::Rhumb rhumb(kWgs84A, kWgs84F, true);
  double lat2 = 0, lon2 = 0;
  rhumb.Direct(jfk.lat, jfk.lon, rh.azimuth_deg, rh.distance_m, lat2, lon2);
  EXPECT_NEAR(lat2, cdg.lat, 1e-9);
  EXPECT_NEAR(lon2, cdg.lon, 1e-9);
  // Along a meridian and along the equator both paths coincide.
  EXPECT_NEAR(rhumbInverse({74, 30}, {74, 40}).distance_m, distance({74, 30}, {74, 40}), 1e-6);
  EXPECT_NEAR(rhumbInverse({10, 0}, {20, 0}).distance_m, distance({10, 0}, {20, 0}), 1e-6);
  EXPECT_TRUE(std::isnan(rhumbInverse({0, 95}, {1, 1}).distance_m));
}

TEST(Geodesic, LongitudeHelpers) {
  EXPECT_DOUBLE_EQ(lonDelta(179, -179), 2);
  EXPECT_DOUBLE_EQ(lonDelta(-179, 179), -2);
  EXPECT_DOUBLE_EQ(lonDelta(0, 180), 180);
  EXPECT_DOUBLE_EQ(normalizeLon(190), -170);
  EXPECT_DOUBLE_EQ(normalizeLon(180), -180);
  EXPECT_DOUBLE_EQ(normalizeLon(-540), -180);
}
