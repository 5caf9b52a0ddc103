#include <gtest/gtest.h>

#include <cmath>

#include "geo/geodesic.hpp"
#include "geo/nearest.hpp"
#include "geo/range_ring.hpp"

using namespace pamir;
using namespace pamir::geo;

namespace {

// Every vertex of every output ring that is not a pole-closing corner lies on the circle.
void expectOnCircle(const RangeRing& ring, double tolerance_m) {
  for (const LonLat& v : ring.vertices) EXPECT_NEAR(distance(ring.centre, v), ring.radius_m, tolerance_m);
  for (const Polygon& poly : ring.geometry.polygons)
    for (const LonLat& v : poly.outer) {
      if (std::fabs(v.lat) == 90.0) continue;
      if (ring.enclosedPole != 0 && std::fabs(v.lon) == 180.0 && std::fabs(v.lat) > 89.999999) continue;
      EXPECT_NEAR(distance(ring.centre, v), ring.radius_m, tolerance_m) << v.lon << " " << v.lat;
    }
}

double signedLonLatArea(const Path& r) {
  double s = 0;
  for (size_t i = 0; i + 1 < r.size(); ++i) s += r[i].lon * r[i + 1].lat - r[i + 1].lon * r[i].lat;
  return s / 2;
}

void expectGeoJsonRings(const RangeRing& ring) {
  for (const Polygon& poly : ring.geometry.polygons) {
    ASSERT_GE(poly.outer.size(), 4u);
    EXPECT_EQ(poly.outer.front(), poly.outer.back());  // closed
    EXPECT_GT(signedLonLatArea(poly.outer), 0.0);      // counter-clockwise (RFC 7946)
    for (const LonLat& v : poly.outer) {
      EXPECT_GE(v.lon, -180.0);
      EXPECT_LE(v.lon, 180.0);
    }
  }
}

}  // namespace

TEST(RangeRing, VerticesLieOnTheCircleToTheMillimetre) {
  LonLat outpost{74.90, 37.40};
  RangeRing ring = rangeRing(outpost, 200e3);
  ASSERT_TRUE(ring.ok) << ring.error;
  EXPECT_GE(ring.vertices.size(), 360u);
  expectOnCircle(ring, 1e-3);
  expectGeoJsonRings(ring);
  ASSERT_EQ(ring.geometry.polygons.size(), 1u);
  EXPECT_FALSE(ring.crossesAntimeridian);
  EXPECT_EQ(ring.enclosedPole, 0);
  // Smoothness: neighbouring vertices are close and the chord midpoints stay within 10 m of the circle.
  for (size_t k = 0; k < ring.vertices.size(); ++k) {
    const LonLat& a = ring.vertices[k];
    const LonLat& b = ring.vertices[(k + 1) % ring.vertices.size()];
    EXPECT_LT(distance(a, b), 2 * M_PI * 200e3 / 360 * 1.01);
    EXPECT_NEAR(distance(outpost, interpolate(a, b, 0.5)), 200e3, 10.0);
  }
}

TEST(RangeRing, AreaMatchesTheGeodesicDisc) {
  // The disc's area on the ellipsoid is close to the sphere's 2 pi R^2 (1 - cos(r/R)).
  RangeRing ring = rangeRing({70, 38}, 500e3);
  ASSERT_TRUE(ring.ok);
  double area = polygonArea(ring.geometry.polygons[0]).area_m2;
  double R = 6371008.8;
  double sphere = 2 * M_PI * R * R * (1 - std::cos(500e3 / R));
  EXPECT_NEAR(area / sphere, 1.0, 0.005);
  // Points just inside and outside the radius are classified accordingly.
  EXPECT_EQ(nearest(Geometry{{direct({70, 38}, 33, 499e3).point}, {}, {}}, ring.geometry).relation, Relation::Within);
  EXPECT_EQ(nearest(Geometry{{direct({70, 38}, 33, 501e3).point}, {}, {}}, ring.geometry).relation, Relation::Disjoint);
}

TEST(RangeRing, LargeRadiusGetsMoreVertices) {
  RangeRing small = rangeRing({70, 38}, 10e3);
  RangeRing large = rangeRing({70, 38}, 5000e3);
  ASSERT_TRUE(small.ok && large.ok);
  EXPECT_EQ(small.vertices.size(), 360u);
  EXPECT_GT(large.vertices.size(), 1000u);
  expectOnCircle(large, 1e-3);
}

TEST(RangeRing, CrossingTheAntimeridianIsCutThere) {
  RangeRing ring = rangeRing({179.5, -17.0}, 300e3);
  ASSERT_TRUE(ring.ok) << ring.error;
  EXPECT_TRUE(ring.crossesAntimeridian);
  ASSERT_EQ(ring.geometry.polygons.size(), 2u);
  expectOnCircle(ring, 1e-3);  // including the cut vertices on ±180
  expectGeoJsonRings(ring);
  int onCut = 0;
  for (const Polygon& p : ring.geometry.polygons)
    for (const LonLat& v : p.outer) onCut += std::fabs(v.lon) == 180.0;
  EXPECT_GE(onCut, 4);
  // The two parts cover the disc: their area adds up to a disc that did not cross.
  double parts = polygonArea(ring.geometry.polygons[0]).area_m2 + polygonArea(ring.geometry.polygons[1]).area_m2;
  RangeRing reference = rangeRing({0.0, -17.0}, 300e3);
  EXPECT_NEAR(parts / polygonArea(reference.geometry.polygons[0]).area_m2, 1.0, 1e-4);
}

TEST(RangeRing, EnclosingAPoleClosesAlongThePole) {
  RangeRing ring = rangeRing({30, 88.5}, 400e3);
  ASSERT_TRUE(ring.ok) << ring.error;
  EXPECT_EQ(ring.enclosedPole, 1);
  ASSERT_EQ(ring.geometry.polygons.size(), 1u);
  expectOnCircle(ring, 1e-3);
  expectGeoJsonRings(ring);
  bool hasPole = false;
  for (const LonLat& v : ring.geometry.polygons[0].outer) hasPole = hasPole || v.lat == 90.0;
  EXPECT_TRUE(hasPole);
  RangeRing south = rangeRing({-120, -89}, 300e3);
  ASSERT_TRUE(south.ok);
  EXPECT_EQ(south.enclosedPole, -1);
  expectGeoJsonRings(south);
  // Centred on the pole itself.
  RangeRing atPole = rangeRing({0, 90}, 100e3);
  ASSERT_TRUE(atPole.ok);
  expectOnCircle(atPole, 1e-3);
}

TEST(RangeRing, BadInputIsReported) {
  EXPECT_FALSE(rangeRing({0, 0}, 0).ok);
  EXPECT_FALSE(rangeRing({0, 0}, -5).ok);
  EXPECT_FALSE(rangeRing({0, 0}, NAN).ok);
  EXPECT_FALSE(rangeRing({0, 95}, 1000).ok);
  RangeRing huge = rangeRing({0, 0}, 15000e3);
  EXPECT_FALSE(huge.ok);
  EXPECT_NE(huge.error.find("both poles"), std::string::npos);
}
