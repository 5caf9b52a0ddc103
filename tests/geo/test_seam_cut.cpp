// Geometry cut for a view CRS: the antimeridian, the poles and the view's
// seam mean what the distance module (nearest.hpp) says they mean.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include "geo/nearest.hpp"
#include "geo/projection.hpp"
#include "geo/seam_cut.hpp"
#include "support/geo_fixtures.hpp"

using namespace pamir;

namespace {

geo::Projection projection(const std::string& crs) { return test::projectionFor(crs); }
Path box(double lon0, double lat0, double lon1, double lat1) { return test::lonLatBox(lon0, lat0, lon1, lat1); }

// A ring along one parallel, all the way round, eastward.
Path parallel(double lat, double fromLon = -180, int steps = 36) {
  Path ring;
  for (int i = 0; i <= steps; ++i) ring.push_back({fromLon + 360.0 * i / steps, lat});
  ring.back() = ring.front();  // closed: the last vertex is the first, not first + 360
  return ring;
}

double lonLatArea(const Path& ring) {
  double a = 0;
  for (size_t i = 0; i + 1 < ring.size(); ++i) a += ring[i].lon * ring[i + 1].lat - ring[i + 1].lon * ring[i].lat;
  return std::abs(a / 2);
}

double piecesArea(const std::vector<Polygon>& pieces) {
  double a = 0;
  for (const Polygon& p : pieces) {
    a += lonLatArea(p.outer);
    for (const Path& h : p.holes) a -= lonLatArea(h);
  }
  return a;
}

}  // namespace

TEST(SeamCut, CentralMeridianComesFromTheCrs) {
  EXPECT_DOUBLE_EQ(projection("").centralMeridian(), 70.0);  // the default LCC
  EXPECT_DOUBLE_EQ(projection("EPSG:4326").centralMeridian(), 0.0);
  EXPECT_DOUBLE_EQ(projection("EPSG:3857").centralMeridian(), 0.0);
  EXPECT_NEAR(projection("EPSG:3413").centralMeridian(), -45.0, 1e-9);  // polar stereographic, "longitude of origin"
  EXPECT_NEAR(projection("EPSG:32643").centralMeridian(), 75.0, 1e-9);  // UTM 43N
  EXPECT_NEAR(projection("+proj=robin +lon_0=150").centralMeridian(), 150.0, 1e-9);
}

TEST(SeamCut, DrawableLatitudesEndWhereTheMapDoes) {
  // Web Mercator's world is square: 85.0511° is atan(sinh(pi)).
  geo::ViewDomain merc = geo::viewDomain(projection("EPSG:3857"));
  const double square = std::atan(std::sinh(M_PI)) * 180 / M_PI;
  EXPECT_NEAR(merc.maxLat, square, 1e-3);
  EXPECT_NEAR(merc.minLat, -square, 1e-3);
  geo::ViewDomain geographic = geo::viewDomain(projection("EPSG:4326"));
  EXPECT_EQ(geographic.maxLat, 90.0);
  EXPECT_EQ(geographic.minLat, -90.0);
  // A northern cone: its apex, the North Pole, is a point; the South Pole is infinitely far.
  geo::ViewDomain lcc = geo::viewDomain(projection(""));
  EXPECT_EQ(lcc.maxLat, 90.0);
  EXPECT_GT(lcc.minLat, -89.0);
  EXPECT_LT(lcc.minLat, -30.0);
  geo::ViewDomain polar = geo::viewDomain(projection("EPSG:3413"));
  EXPECT_EQ(polar.maxLat, 90.0);
  EXPECT_GT(polar.minLat, -89.0);
  // Transverse Mercator is finite all along its central meridian: nothing clipped.
  geo::ViewDomain utm = geo::viewDomain(projection("EPSG:32643"));
  EXPECT_EQ(utm.maxLat, 90.0);
  EXPECT_EQ(utm.minLat, -90.0);
}

TEST(SeamCut, PolygonAcrossTheAntimeridianIsTheShortWayRound) {
  geo::ViewDomain d = geo::viewDomain(projection("EPSG:4326"));
  Polygon p{box(170, -10, -170, 10), {}};
  EXPECT_FALSE(geo::insideDomain(p.outer, d, true));
  std::vector<Polygon> pieces = geo::cutPolygon(p, d);
  ASSERT_EQ(pieces.size(), 2u);
  for (const Polygon& piece : pieces) {
    Bounds b;
    for (const LonLat& q : piece.outer) b.add(q);
    EXPECT_NEAR(b.width(), 10.0, 1e-4);
    EXPECT_GE(b.minx, -180.0);
    EXPECT_LE(b.maxx, 180.0);
  }
  EXPECT_NEAR(piecesArea(pieces), 20.0 * 20.0, 1e-4);
  // The distance module agrees: inside is near the antimeridian, not at Greenwich.
  Geometry g;
  g.polygons.push_back(p);
  EXPECT_EQ(geo::locate({179.5, 0}, g), geo::Location::Inside);
  EXPECT_EQ(geo::locate({0, 0}, g), geo::Location::Outside);
}

TEST(SeamCut, RingRoundAPoleEnclosesIt) {
  geo::ViewDomain d = geo::viewDomain(projection("EPSG:4326"));
  std::vector<Polygon> north = geo::cutPolygon({parallel(80), {}}, d);
  EXPECT_NEAR(piecesArea(north), 360.0 * 10.0, 1e-4);
  Bounds b;
  for (const Polygon& p : north)
    for (const LonLat& q : p.outer) b.add(q);
  EXPECT_DOUBLE_EQ(b.maxy, 90.0);
  EXPECT_DOUBLE_EQ(b.miny, 80.0);
  // Any starting longitude, either direction, the South Pole too.
  Path west = parallel(-75, 33.3);
  std::reverse(west.begin(), west.end());
  EXPECT_NEAR(piecesArea(geo::cutPolygon({west, {}}, d)), 360.0 * 15.0, 1e-4);
  // In Web Mercator the cap stops where the map does.
  geo::ViewDomain merc = geo::viewDomain(projection("EPSG:3857"));
  EXPECT_NEAR(piecesArea(geo::cutPolygon({parallel(80), {}}, merc)), 360.0 * (merc.maxLat - 80.0), 1e-4);
  // The distance module agrees.
  Geometry g;
  g.polygons.push_back({parallel(80), {}});
  EXPECT_EQ(geo::locate({10, 85}, g), geo::Location::Inside);
  EXPECT_EQ(geo::locate({10, 70}, g), geo::Location::Outside);
}

TEST(SeamCut, AnnulusRoundThePoleKeepsItsHole) {
  geo::ViewDomain d = geo::viewDomain(projection("EPSG:4326"));
  std::vector<Polygon> pieces = geo::cutPolygon({parallel(60), {parallel(80, 10)}}, d);
  EXPECT_NEAR(piecesArea(pieces), 360.0 * 20.0, 1e-4);
}

TEST(SeamCut, PolygonAcrossTheViewsSeamIsCutThere) {
  // The default CRS is centred on 70°E: its seam is 110°W.
  geo::Projection lcc = projection("");
  geo::ViewDomain d = geo::viewDomain(lcc);
  Polygon p{box(-115, 30, -105, 40), {box(-112, 33, -108, 37)}};
  std::vector<Polygon> pieces = geo::cutPolygon(p, d);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_NEAR(piecesArea(pieces), 100.0 - 16.0, 1e-4);
  for (const Polygon& piece : pieces) {
    EXPECT_EQ(piece.holes.size(), 1u);
    std::vector<XY> xy(piece.outer.size());
    lcc.forward(piece.outer.data(), xy.data(), xy.size());
    Bounds b;
    for (const XY& q : xy) b.add(q.x, q.y);
    // Half of a 10° box near 35°N: some 500 km by 1100 km, not the width of the map.
    EXPECT_LT(b.width(), 1.5e6);
    EXPECT_LT(b.height(), 1.5e6);
  }
}

TEST(SeamCut, LinesAreCutAtTheSeamAndTheLatitudeLimit) {
  geo::ViewDomain d = geo::viewDomain(projection("EPSG:3857"));
  std::vector<Path> pieces = geo::cutLine({{170, 0}, {-170, 0}, {-160, 89}}, d);
  ASSERT_EQ(pieces.size(), 2u);
  EXPECT_NEAR(pieces[0].back().lon, 180.0, 1e-6);
  EXPECT_NEAR(pieces[1].front().lon, -180.0, 1e-6);
  EXPECT_NEAR(pieces[1].back().lat, d.maxLat, 1e-9);
  for (const Path& piece : pieces)
    for (const LonLat& q : piece) EXPECT_LE(std::abs(q.lon), 180.0);
}

TEST(SeamCut, GeometryInsideTheDomainIsLeftAsItIs) {
  geo::ViewDomain d = geo::viewDomain(projection(""));
  Path ring = box(60, 30, 80, 45);
  EXPECT_TRUE(geo::insideDomain(ring, d, true));
  Geometry g;
  g.polygons.push_back({ring, {}});
  g.lines.push_back({{60, 30}, {80, 45}});
  Geometry cut = geo::cutGeometry(g, d);
  ASSERT_EQ(cut.polygons.size(), 1u);
  EXPECT_EQ(cut.polygons[0].outer, ring);
  ASSERT_EQ(cut.lines.size(), 1u);
  EXPECT_EQ(cut.lines[0], g.lines[0]);
}

TEST(SeamCut, PointsBeyondTheDrawableLatitudesAreLeftOut) {
  // Web Mercator sends 89°N to y ≈ 3e7 m, four times the square world's edge:
  // such a point would stretch a fit over empty map.
  const geo::Projection merc = projection("EPSG:3857");
  const geo::ViewDomain d = geo::viewDomain(merc);
  EXPECT_TRUE(geo::insideDomain(LonLat{10, 85}, d));
  EXPECT_FALSE(geo::insideDomain(LonLat{10, 89}, d));
  EXPECT_FALSE(geo::insideDomain(LonLat{10, -86}, d));
  Geometry g;
  g.points = {{10, 40}, {10, 89}, {20, -89.5}};
  const Geometry cut = geo::cutGeometry(g, d);
  ASSERT_EQ(cut.points.size(), 1u);
  EXPECT_EQ(cut.points[0], (LonLat{10, 40}));
  const Bounds b = geo::projectedBounds(g, merc, d);
  EXPECT_NEAR(b.maxy, merc.forward(LonLat{10, 40}).y, 1e-6);
  // The default CRS shows the whole northern hemisphere: 89°N stays.
  EXPECT_EQ(geo::cutGeometry(g, geo::viewDomain(projection(""))).points.size(), 2u);
}
