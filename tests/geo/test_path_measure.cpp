// Paths and polygons on the ellipsoid (geo/path_measure), each against two
// references: PROJ's geod_polygon called directly, and an independent
// computation, GeographicLib's PolygonAreaExact (the elliptic-integral
// geodesics, another algorithm than the series PROJ uses); and polygons
// against the published values of GeographicLib's test suite
// (geodtest.c, Planimeter0: area to 1 m², perimeter to 0.1 mm).
#include <gtest/gtest.h>

#include <geodesic.h>
#include <GeographicLib/GeodesicExact.hpp>
#include <GeographicLib/PolygonArea.hpp>

#include <cmath>
#include <vector>

#include "geo/geodesic.hpp"
#include "geo/path_measure.hpp"
#include "geo/projection.hpp"

using namespace pamir;
using namespace pamir::geo;

namespace {

struct Reference {
  double area_m2, perimeter_m;
};

// GeographicLib's exact solution; the region of smaller area, as measurePolygon answers.
Reference exactPolygon(const Path& ring) {
  const GeographicLib::GeodesicExact g(GeographicLib::Constants::WGS84_a(), GeographicLib::Constants::WGS84_f());
  GeographicLib::PolygonAreaExact poly(g);
  for (const LonLat& p : ring) poly.AddPoint(p.lat, p.lon);
  double perimeter = 0, area = 0;
  poly.Compute(false, false, perimeter, area);
  const double earth = g.EllipsoidArea();
  area = std::fabs(area);
  return {std::min(area, earth - area), perimeter};
}

// PROJ's geod_polygon, by hand.
Reference projPolygon(const Path& ring) {
  geod_geodesic g;
  geod_init(&g, kWgs84A, kWgs84F);
  geod_polygon p;
  geod_polygon_init(&p, 0);
  for (const LonLat& v : ring) geod_polygon_addpoint(&g, &p, v.lat, v.lon);
  double area = 0, perimeter = 0;
  geod_polygon_compute(&g, &p, 0, 0, &area, &perimeter);
  const double earth = 4 * M_PI * g.c2;
  area = std::fabs(area);
  return {std::min(area, earth - area), perimeter};
}

// Around the Pamir: the Chinese outpost near Shaymak, Gilgit, Khorugh, Murghob (approximate).
const Path kPamir{{74.9, 37.4}, {74.30833, 35.92083}, {71.55, 37.49}, {73.97, 38.17}};

}  // namespace

TEST(PathMeasure, LegsAreGeodesicsWithBearingsAndARunningTotal) {
  const PathMeasure m = measurePath(kPamir);
  ASSERT_EQ(m.legs.size(), 3u);
  double total = 0;
  const GeographicLib::GeodesicExact exact(GeographicLib::Constants::WGS84_a(), GeographicLib::Constants::WGS84_f());
  for (size_t i = 0; i < 3; ++i) {
    const PathLeg& leg = m.legs[i];
    double s12 = 0, azi1 = 0, azi2 = 0;
    exact.Inverse(kPamir[i].lat, kPamir[i].lon, kPamir[i + 1].lat, kPamir[i + 1].lon, s12, azi1, azi2);
    EXPECT_NEAR(leg.distance_m, s12, 1e-6);
    EXPECT_NEAR(leg.azimuth1_deg, azi1 < 0 ? azi1 + 360 : azi1, 1e-9);
    EXPECT_NEAR(leg.azimuth2_deg, azi2 < 0 ? azi2 + 360 : azi2, 1e-9);
    EXPECT_GE(leg.rhumb_m, leg.distance_m - 1e-6);  // a rhumb line is never shorter
    total += s12;
  }
  EXPECT_NEAR(m.total_m, total, 1e-5);
  EXPECT_NEAR(m.total_m, pathLength(kPamir), 1e-6);
  // A repeated point is a leg of 0 with no direction; too few points, no legs.
  const PathMeasure still = measurePath({{74.9, 37.4}, {74.9, 37.4}});
  EXPECT_EQ(still.legs[0].distance_m, 0.0);
  EXPECT_TRUE(std::isnan(still.legs[0].azimuth1_deg));
  EXPECT_TRUE(measurePath({{74.9, 37.4}}).legs.empty());
}

TEST(PathMeasure, AreaAgreesWithGeodPolygonAndTheExactSolution) {
  const std::vector<Path> rings{
      kPamir,
      {{74, 37}, {75, 37}, {75, 38}, {74, 38}},                    // a one-degree cell
      {{179.5, -17}, {-179.5, -17}, {-179.5, -16}, {179.5, -16}},  // across the antimeridian
      {{0, 89}, {90, 89}, {180, 89}, {270, 89}},                   // round the north pole
      {{10, -60}, {10, -60.001}, {10.001, -60.001}},               // a few square metres
  };
  for (const Path& ring : rings) {
    const PolygonMeasure m = measurePolygon(ring);
    const Reference proj = projPolygon(ring), exact = exactPolygon(ring);
    // Round-off: a few parts in 1e12 of the area, whichever way the ring is added up.
    const double roundOff = std::max(1e-2, proj.area_m2 * 1e-11);
    EXPECT_NEAR(m.area_m2, proj.area_m2, roundOff) << ring[0].lon;
    EXPECT_NEAR(m.perimeter_m, proj.perimeter_m, 1e-6);
    // Independent algorithms: a millimetre on the perimeter, 1e-9 of the area (10 m² for a 1-degree cell).
    EXPECT_NEAR(m.area_m2, exact.area_m2, std::max(1e-2, exact.area_m2 * 1e-9)) << ring[0].lon;
    EXPECT_NEAR(m.perimeter_m, exact.perimeter_m, 1e-3);
    // Either orientation, open or closed.
    Path reversed(ring.rbegin(), ring.rend());
    EXPECT_NEAR(measurePolygon(reversed).area_m2, m.area_m2, roundOff);
    Path closed = ring;
    closed.push_back(ring.front());
    EXPECT_NEAR(measurePolygon(closed).area_m2, m.area_m2, roundOff);
  }
}

TEST(PathMeasure, AreaMatchesGeographicLibsPublishedValues) {
  // geodtest.c Planimeter0 (lat, lon there; lon, lat here).
  PolygonMeasure m = measurePolygon({{0, 89}, {90, 89}, {180, 89}, {270, 89}});
  EXPECT_NEAR(m.perimeter_m, 631819.8745, 1e-4);
  EXPECT_NEAR(m.area_m2, 24952305678.0, 1);
  m = measurePolygon({{0, -89}, {90, -89}, {180, -89}, {270, -89}});
  EXPECT_NEAR(m.perimeter_m, 631819.8745, 1e-4);
  EXPECT_NEAR(m.area_m2, 24952305678.0, 1);
  m = measurePolygon({{-1, 0}, {0, -1}, {1, 0}, {0, 1}});
  EXPECT_NEAR(m.perimeter_m, 627598.2731, 1e-4);
  EXPECT_NEAR(m.area_m2, 24619419146.0, 1);
  m = measurePolygon({{0, 90}, {0, 0}, {90, 0}});  // an octant of the ellipsoid
  EXPECT_NEAR(m.perimeter_m, 30022685, 1);
  EXPECT_NEAR(m.area_m2, 63758202715511.0, 1);
}

TEST(PathMeasure, InvalidPolygonsHaveNoArea) {
  EXPECT_TRUE(std::isnan(measurePolygon({{0, 0}, {1, 1}}).area_m2));
  EXPECT_TRUE(std::isnan(measurePolygon({{0, 0}, {1, 1}, {0, 0}}).area_m2));
  EXPECT_TRUE(std::isnan(measurePolygon({{0, 0}, {1, 95}, {2, 0}}).area_m2));
  EXPECT_TRUE(std::isnan(measurePolygon({{0, 0}, {1, NAN}, {2, 0}}).area_m2));
}

TEST(PathMeasure, PlanarAreaInAnEqualAreaProjectionIsCloseToTheGeodesicOne) {
  const Path cell{{74, 37}, {75, 37}, {75, 38}, {74, 38}};
  const LonLat c = vertexCentre(cell);
  EXPECT_NEAR(c.lon, 74.5, 1e-9);
  EXPECT_NEAR(c.lat, 37.5, 0.01);
  auto laea = Projection::create(equalAreaCrsAt(c));
  ASSERT_TRUE(laea) << laea.error();
  std::vector<XY> xy;
  for (const LonLat& p : cell) xy.push_back(laea->forward(p));
  const double planar = planarRingArea(xy), geodesic = measurePolygon(cell).area_m2;
  // Straight edges in the plane against geodesics: a few parts in 1e5 for a 1-degree cell.
  EXPECT_NEAR(planar / geodesic, 1.0, 1e-4);
  // A 10 km x 10 km square in the plane.
  EXPECT_NEAR(planarRingArea({{0, 0}, {10000, 0}, {10000, 10000}, {0, 10000}}), 1e8, 1e-6);
  EXPECT_NEAR(planarRingArea({{0, 0}, {0, 10000}, {10000, 10000}, {10000, 0}, {0, 0}}), 1e8, 1e-6);
  // Across the antimeridian the centre stays there.
  EXPECT_NEAR(std::fabs(vertexCentre({{179.5, 0}, {-179.5, 0}}).lon), 180.0, 1e-9);
}
