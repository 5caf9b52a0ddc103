// Nearest distance between features, checked against an independent
// brute-force reference written here: both boundaries sampled ever more
// finely (down to 0.5 m pieces), minimum over all sample pairs, with only PROJ's
// geod_inverse/geod_direct as building blocks, and a plain lon/lat
// point-in-polygon for containment.
#include <gtest/gtest.h>

#include <geodesic.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "geo/geodesic.hpp"
#include "geo/nearest.hpp"
#include "geo/wkt_fixture.hpp"

using namespace pamir;
using namespace pamir::geo;

namespace {

// ---------- the reference ---------------------------------------------------------

const geod_geodesic& ellipsoid() {
  static geod_geodesic g = [] {
    geod_geodesic x;
    geod_init(&x, 6378137.0, 1 / 298.257223563);
    return x;
  }();
  return g;
}

double refDist(const LonLat& a, const LonLat& b) {
  double s = 0;
  geod_inverse(&ellipsoid(), a.lat, a.lon, b.lat, b.lon, &s, nullptr, nullptr);
  return s;
}

struct Piece {
  LonLat a, b;
  double len = 0;
};

std::vector<Piece> pieces(const Geometry& g) {
  std::vector<Piece> out;
  auto addPath = [&](const Path& p, bool ring) {
    for (size_t i = 0; i + 1 < p.size(); ++i) out.push_back({p[i], p[i + 1], refDist(p[i], p[i + 1])});
    if (ring && p.size() > 1 && !(p.front() == p.back()))
      out.push_back({p.back(), p.front(), refDist(p.back(), p.front())});
  };
  for (const auto& p : g.points) out.push_back({p, p, 0});
  for (const auto& l : g.lines) addPath(l, false);
  for (const auto& poly : g.polygons) {
    addPath(poly.outer, true);
    for (const auto& h : poly.holes) addPath(h, true);
  }
  return out;
}

std::vector<LonLat> sample(const Piece& p, double spacing) {
  int n = std::max(1, static_cast<int>(std::ceil(p.len / spacing)));
  std::vector<LonLat> out;
  if (p.len == 0) return {p.a};
  geod_geodesicline line;
  geod_inverseline(&line, &ellipsoid(), p.a.lat, p.a.lon, p.b.lat, p.b.lon,
                   GEOD_LATITUDE | GEOD_LONGITUDE | GEOD_DISTANCE_IN);
  for (int k = 0; k <= n; ++k) {
    LonLat q;
    geod_position(&line, p.len * k / n, &q.lat, &q.lon, nullptr);
    out.push_back(q);
  }
  return out;
}

double haversine(const LonLat& a, const LonLat& b) {
  const double r = 6371008.8, d = M_PI / 180;
  double s1 = std::sin((b.lat - a.lat) * d / 2), s2 = std::sin((b.lon - a.lon) * d / 2);
  double h = s1 * s1 + std::cos(a.lat * d) * std::cos(b.lat * d) * s2 * s2;
  return 2 * r * std::asin(std::min(1.0, std::sqrt(h)));
}

// Minimum geodesic distance between the boundaries/lines/points of a and b.
double bruteForce(const Geometry& a, const Geometry& b) {
  std::vector<Piece> pa = pieces(a), pb = pieces(b);
  // Coarse screen with a spherical bound (the sphere is within 0.6 % of the ellipsoid).
  std::vector<LonLat> ma, mb;
  for (auto& p : pa) ma.push_back(sample(p, p.len / 2 + 1)[p.len == 0 ? 0 : 1]);
  for (auto& p : pb) mb.push_back(sample(p, p.len / 2 + 1)[p.len == 0 ? 0 : 1]);
  double upper = std::numeric_limits<double>::infinity();
  std::vector<double> lb(pa.size() * pb.size());
  for (size_t i = 0; i < pa.size(); ++i)
    for (size_t j = 0; j < pb.size(); ++j) {
      double h = haversine(ma[i], mb[j]);
      lb[i * pb.size() + j] = 0.99 * h - 1.01 * (pa[i].len + pb[j].len) / 2;
      if (h < upper * 0.99) upper = std::min(upper, refDist(pa[i].a, pb[j].a));
    }
  std::vector<std::pair<Piece, Piece>> live;
  for (size_t i = 0; i < pa.size(); ++i)
    for (size_t j = 0; j < pb.size(); ++j)
      if (lb[i * pb.size() + j] <= upper) live.push_back({pa[i], pb[j]});
  if (upper == 0) return 0;
  // Refine: cut each live pair into 8 x 8 sub-piece pairs, sampling their
  // ends; a sub-pair can only beat the best if its nearest ends come within
  // the two half-lengths of it. Continue until pieces are under 0.5 m.
  // Only the most promising pairs are carried on (a cap that can make this
  // reference too large, never too small: it is always a distance achieved).
  constexpr size_t kCarry = 256;
  while (!live.empty()) {
    double longest = 0;
    for (auto& [x, y] : live) longest = std::max({longest, x.len, y.len});
    if (longest < 0.5) break;
    std::vector<std::pair<double, std::pair<Piece, Piece>>> next;
    for (auto& [x, y] : live) {
      auto sx = sample(x, std::max(x.len / 8, 1e-3)), sy = sample(y, std::max(y.len / 8, 1e-3));
      std::vector<double> d(sx.size() * sy.size());
      for (size_t i = 0; i < sx.size(); ++i)
        for (size_t j = 0; j < sy.size(); ++j) {
          d[i * sy.size() + j] = refDist(sx[i], sy[j]);
          upper = std::min(upper, d[i * sy.size() + j]);
        }
      double hx = sx.size() > 1 ? x.len / (sx.size() - 1) : 0, hy = sy.size() > 1 ? y.len / (sy.size() - 1) : 0;
      for (size_t i = 0; i < std::max<size_t>(1, sx.size() - 1); ++i)
        for (size_t j = 0; j < std::max<size_t>(1, sy.size() - 1); ++j) {
          size_t i1 = std::min(i + 1, sx.size() - 1), j1 = std::min(j + 1, sy.size() - 1);
          double corner =
              std::min({d[i * sy.size() + j], d[i * sy.size() + j1], d[i1 * sy.size() + j], d[i1 * sy.size() + j1]});
          next.push_back({corner - (hx + hy) / 2, {{sx[i], sx[i1], hx}, {sy[j], sy[j1], hy}}});
        }
    }
    std::sort(next.begin(), next.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    live.clear();
    for (auto& [bound, pair] : next) {
      if (bound > upper || live.size() >= kCarry) break;
      live.push_back(pair);
    }
    if (upper == 0) break;
  }
  return upper;
}

// Plain crossing-number test in lon/lat, longitudes unwrapped round p (fine
// away from poles for points well inside or outside).
bool refInsideRing(const Path& ring, const LonLat& p) {
  bool in = false;
  for (size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
    double xi = p.lon + lonDelta(p.lon, ring[i].lon), xj = p.lon + lonDelta(p.lon, ring[j].lon);
    double yi = ring[i].lat, yj = ring[j].lat;
    if ((yi > p.lat) != (yj > p.lat) && p.lon < (xj - xi) * (p.lat - yi) / (yj - yi) + xi) in = !in;
  }
  return in;
}

// ---------- helpers ---------------------------------------------------------------

Geometry point(double lon, double lat) {
  Geometry g;
  g.points.push_back({lon, lat});
  return g;
}

Path box(double lon0, double lat0, double lon1, double lat1) {
  return {{lon0, lat0}, {lon1, lat0}, {lon1, lat1}, {lon0, lat1}, {lon0, lat0}};
}

Geometry polygon(Path outer, std::vector<Path> holes = {}) {
  Geometry g;
  g.polygons.push_back({std::move(outer), std::move(holes)});
  return g;
}

Geometry line(Path p) {
  Geometry g;
  g.lines.push_back(std::move(p));
  return g;
}

// Distance agrees with the reference to 1 m and never exceeds it (the
// reference is a distance actually achieved, so a larger value means a
// closer pair was missed); the closest points are consistent.
void expectMatchesReference(const Geometry& a, const Geometry& b, const std::string& what) {
  NearestResult r = nearest(a, b);
  ASSERT_TRUE(r.ok) << what << ": " << r.error;
  double ref = bruteForce(a, b);
  EXPECT_LE(r.distance_m, ref + 1e-6) << what;
  EXPECT_NEAR(r.distance_m, ref, 1.0) << what;
  EXPECT_NEAR(distance(r.from, r.to), r.distance_m, 1e-6) << what;
  if (r.distance_m > 0) {
    EXPECT_EQ(r.relation, Relation::Disjoint) << what;
    EXPECT_NEAR(inverse(r.from, r.to).azimuth1_deg, r.azimuth1_deg, 1e-9) << what;
    EXPECT_EQ(locate(r.from, a), Location::Boundary) << what;  // on A's linework
    EXPECT_EQ(locate(r.to, b), Location::Boundary) << what;
  }
}

const std::string kData = PAMIR_TEST_DATA_DIR "/geo/";

}  // namespace

TEST(Nearest, PointToSegmentMatchesDenseSamplingToTheMillimetre) {
  struct Case {
    LonLat p, s0, s1;
  };
  const Case cases[] = {
      {{74.9, 37.4}, {74.0, 36.0}, {75.5, 36.2}},         // foot inside the segment
      {{70.0, 40.0}, {74.0, 36.0}, {75.5, 36.2}},         // foot beyond s0: an endpoint
      {{179.9, -16.0}, {179.5, -17.0}, {-179.5, -16.5}},  // across the antimeridian
      {{10.0, 89.9}, {-170.0, 89.5}, {100.0, 89.7}},      // near the north pole
      {{0.0, 0.0}, {-1.0, 1.0}, {1.0, 1.0}},
  };
  for (const Case& c : cases) {
    SegmentProjection pr = projectOntoSegment(c.p, c.s0, c.s1);
    Piece piece{c.s0, c.s1, refDist(c.s0, c.s1)};
    double best = std::numeric_limits<double>::infinity();
    for (const LonLat& q : sample(piece, 0.5)) best = std::min(best, refDist(c.p, q));
    EXPECT_LE(pr.distance_m, best + 1e-6);
    EXPECT_NEAR(pr.distance_m, best, 1e-3);
    EXPECT_NEAR(distance(c.p, pr.point), pr.distance_m, 1e-6);
    // The foot lies on the segment: it splits the segment's length exactly.
    EXPECT_NEAR(distance(c.s0, pr.point) + distance(pr.point, c.s1), piece.len, 1e-6);
  }
}

TEST(Nearest, PointInsidePolygonIsZeroWithin) {
  Geometry poly = polygon(box(70, 36, 72, 38));
  NearestResult r = nearest(point(71, 37), poly);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.distance_m, 0.0);
  EXPECT_EQ(r.relation, Relation::Within);
  EXPECT_TRUE(std::isnan(r.azimuth1_deg));
  EXPECT_TRUE(std::isnan(r.azimuth2_deg));
  EXPECT_EQ(nearest(poly, point(71, 37)).relation, Relation::Contains);
  EXPECT_TRUE(refInsideRing(poly.polygons[0].outer, {71, 37}));
}

TEST(Nearest, PointOutsidePolygonMatchesReference) {
  Geometry poly = polygon(box(70, 36, 72, 38));
  expectMatchesReference(point(73, 37.5), poly, "east of box");
  expectMatchesReference(point(71, 38.3), poly, "north of box: the geodesic edge bulges north");
  expectMatchesReference(point(69.2, 35.1), poly, "off a corner");
}

TEST(Nearest, PointOnBoundaryIsTouching) {
  Geometry poly = polygon(box(70, 36, 72, 38));
  NearestResult r = nearest(point(72, 36), poly);  // a vertex
  EXPECT_EQ(r.distance_m, 0.0);
  EXPECT_EQ(r.relation, Relation::Touching);
  r = nearest(point(70, 37.2), poly);  // on a meridian edge (meridians are geodesics)
  EXPECT_LT(r.distance_m, 1e-6);
  EXPECT_EQ(r.relation, Relation::Touching);
}

TEST(Nearest, TouchingPolygonsAreZeroTouching) {
  Geometry a = polygon(box(70, 36, 71, 37));
  Geometry b = polygon(box(71, 36.5, 72, 37.5));  // shares part of the meridian 71E
  NearestResult r = nearest(a, b);
  ASSERT_TRUE(r.ok);
  EXPECT_LT(r.distance_m, 1e-6);
  EXPECT_EQ(r.relation, Relation::Touching);
  EXPECT_NEAR(r.from.lon, 71.0, 1e-9);
  // Only a corner in common.
  EXPECT_EQ(nearest(a, polygon(box(71, 37, 72, 38))).relation, Relation::Touching);
  // The same border cut into different vertices on each side.
  Geometry c = polygon({{71, 36}, {72, 36}, {72, 37}, {71, 37}, {71, 36.6}, {71, 36.3}, {71, 36}});
  EXPECT_EQ(nearest(a, c).relation, Relation::Touching);
}

TEST(Nearest, OverlappingAndContainedPolygons) {
  Geometry a = polygon(box(70, 36, 72, 38));
  NearestResult r = nearest(a, polygon(box(71, 37, 73, 39)));
  EXPECT_EQ(r.distance_m, 0.0);
  EXPECT_EQ(r.relation, Relation::Overlapping);
  // Each box's corner sits at the other's centre, whose nearest edge is a
  // meridian; the deeper one is further south, where a degree of longitude is longer.
  double depthOfA = projectOntoSegment({72, 38}, {71, 37}, {71, 39}).distance_m;
  double depthOfB = projectOntoSegment({71, 37}, {72, 36}, {72, 38}).distance_m;
  EXPECT_GT(depthOfB, depthOfA);
  EXPECT_NEAR(r.overlapDepth_m, depthOfB, 1e-3);
  EXPECT_GT(r.overlapDepth_m, 80e3);
  // A cross: no vertex of either lies inside the other, only edges cross.
  Geometry wide = polygon(box(69, 36.8, 73, 37.2));
  Geometry tall = polygon(box(70.8, 35, 71.2, 39));
  r = nearest(wide, tall);
  EXPECT_EQ(r.relation, Relation::Overlapping);
  EXPECT_EQ(r.distance_m, 0.0);
  // Strictly inside, no contact.
  Geometry inner = polygon(box(70.5, 36.5, 71.5, 37.5));
  EXPECT_EQ(nearest(a, inner).relation, Relation::Contains);
  EXPECT_EQ(nearest(inner, a).relation, Relation::Within);
  EXPECT_EQ(nearest(inner, a).distance_m, 0.0);
  // Inside, touching the boundary from within.
  Geometry hugging = polygon(box(70, 36.5, 71, 37.5));
  EXPECT_EQ(nearest(a, hugging).relation, Relation::Contains);
  EXPECT_EQ(nearest(hugging, a).relation, Relation::Within);
  // Identical polygons.
  EXPECT_EQ(nearest(a, a).relation, Relation::Contains);
}

TEST(Nearest, PolygonInsideAnothersHoleIsAPositiveDistance) {
  Geometry donut = polygon(box(70, 36, 74, 40), {box(71, 37, 73, 39)});
  Geometry island = polygon(box(71.5, 37.5, 72.5, 38.5));
  NearestResult r = nearest(island, donut);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.relation, Relation::Disjoint);
  EXPECT_GT(r.distance_m, 40000.0);  // about half a degree of latitude/longitude
  expectMatchesReference(island, donut, "island in hole");
  // A point in the hole is outside; a point in the ring is within.
  EXPECT_EQ(nearest(point(72, 38), donut).relation, Relation::Disjoint);
  EXPECT_EQ(nearest(point(70.5, 38), donut).relation, Relation::Within);
  // A polygon covering the hole overlaps the donut (it is not within it).
  EXPECT_EQ(nearest(polygon(box(70.5, 36.5, 73.5, 39.5)), donut).relation, Relation::Overlapping);
}

TEST(Nearest, FeaturesAcrossTheAntimeridian) {
  // Fiji-like polygon spanning 179E..179W.
  Geometry across = polygon({{179.0, -17.0}, {-179.0, -17.0}, {-179.0, -16.0}, {179.0, -16.0}, {179.0, -17.0}});
  NearestResult r = nearest(point(180.0, -16.5), across);
  EXPECT_EQ(r.relation, Relation::Within);
  r = nearest(point(-179.9, -16.5), across);
  EXPECT_EQ(r.relation, Relation::Within);
  EXPECT_EQ(nearest(point(178.5, -16.5), across).relation, Relation::Disjoint);
  expectMatchesReference(point(178.5, -16.5), across, "west of the polygon");
  expectMatchesReference(point(-178.2, -16.2), across, "east of the polygon");
  // Two polygons either side of the line, 0.3 degrees apart across it.
  Geometry west = polygon(box(179.0, 10.0, 179.9, 11.0));
  Geometry east = polygon(box(-179.8, 10.2, -179.0, 10.8));
  r = nearest(west, east);
  EXPECT_EQ(r.relation, Relation::Disjoint);
  EXPECT_NEAR(r.distance_m, 0.3 * 111e3 * std::cos(10.5 * M_PI / 180), 1000.0);  // not 359.7 degrees round
  expectMatchesReference(west, east, "either side of the antimeridian");
  // A line crossing the antimeridian through the polygon.
  EXPECT_EQ(nearest(line({{178.5, -16.5}, {-178.5, -16.5}}), across).relation, Relation::Overlapping);
}

TEST(Nearest, PointsNearAPole) {
  // Either side of the north pole: the geodesic goes over the pole.
  NearestResult r = nearest(point(0, 89.9), point(180, 89.9));
  EXPECT_NEAR(r.distance_m, 2 * distance({0, 89.9}, {0, 90}), 1e-6);
  EXPECT_NEAR(std::fabs(r.azimuth1_deg), 0.0, 1e-6);
  // A segment over the pole.
  expectMatchesReference(point(0, 89.8), line({{-90, 89.5}, {90, 89.5}}), "segment over the pole");
  expectMatchesReference(point(45, 88.0), line({{-170, 89.0}, {100, 89.3}}), "segment near the pole");
  // A ring round the pole (latitude 85): contains points nearer the pole.
  Path cap;
  for (int k = 0; k <= 36; ++k) cap.push_back({-180.0 + 10.0 * (k % 36), 85.0});
  Geometry arctic = polygon(cap);
  EXPECT_EQ(nearest(point(45, 88), arctic).relation, Relation::Within);
  EXPECT_EQ(nearest(point(45, 90), arctic).relation, Relation::Within);
  EXPECT_EQ(nearest(point(45, 80), arctic).relation, Relation::Disjoint);
  expectMatchesReference(point(45, 80), arctic, "south of a polar cap");
  // And the south pole.
  Path antarctic;
  for (int k = 0; k <= 24; ++k) antarctic.push_back({-180.0 + 15.0 * (k % 24), -80.0});
  EXPECT_EQ(nearest(point(-60, -85), polygon(antarctic)).relation, Relation::Within);
  EXPECT_EQ(nearest(point(-60, -75), polygon(antarctic)).relation, Relation::Disjoint);
}

TEST(Nearest, LinesAndMultiPartGeometries) {
  Geometry a = line({{70, 36}, {71, 37}, {72, 36.5}});
  Geometry b = line({{70.5, 37.5}, {72.5, 37.8}});
  expectMatchesReference(a, b, "two polylines");
  Geometry crossing = line({{70, 37}, {72, 36}});
  NearestResult r = nearest(a, crossing);
  EXPECT_EQ(r.distance_m, 0.0);
  EXPECT_EQ(r.relation, Relation::Overlapping);
  EXPECT_EQ(locate(r.from, a), Location::Boundary);
  EXPECT_EQ(locate(r.from, crossing), Location::Boundary);
  // Multi-part: the nearest part decides.
  Geometry multi;
  multi.polygons.push_back({box(60, 30, 61, 31), {}});
  multi.polygons.push_back({box(71.2, 37.6, 71.8, 38.0), {}});
  multi.points.push_back({80, 40});
  expectMatchesReference(a, multi, "multi-part");
  // A line lying inside a polygon.
  EXPECT_EQ(nearest(line({{70.5, 36.5}, {71.5, 37.5}}), polygon(box(70, 36, 72, 38))).relation, Relation::Within);
}

TEST(Nearest, RealCountries) {
  Geometry tjk = testing_support::readWktFile(kData + "tajikistan.wkt");
  Geometry pak = testing_support::readWktFile(kData + "pakistan.wkt");
  Geometry afg = testing_support::readWktFile(kData + "afghanistan.wkt");
  ASSERT_GT(tjk.vertexCount(), 1000u);
  ASSERT_GT(pak.vertexCount(), 2000u);

  // Tajikistan and Pakistan are kept apart by the Wakhan corridor.
  NearestResult r = nearest(tjk, pak);
  ASSERT_TRUE(r.ok);
  EXPECT_EQ(r.relation, Relation::Disjoint);
  EXPECT_GT(r.distance_m, 5000.0);
  EXPECT_LT(r.distance_m, 30000.0);
  EXPECT_LT(r.exactPairs, 50u);  // the index prunes all but a handful of pairs
  expectMatchesReference(tjk, pak, "Tajikistan-Pakistan");
  EXPECT_NEAR(nearest(pak, tjk).distance_m, r.distance_m, 1e-6);

  // Afghanistan shares a border with both.
  r = nearest(afg, pak);
  EXPECT_EQ(r.distance_m, 0.0);
  EXPECT_EQ(r.relation, Relation::Touching);
  r = nearest(tjk, afg);
  EXPECT_EQ(r.distance_m, 0.0);
  EXPECT_EQ(r.relation, Relation::Touching);

  // Capitals.
  LonLat dushanbe{68.7791, 38.5598}, islamabad{73.0479, 33.6844}, kabul{69.2075, 34.5553};
  EXPECT_EQ(nearest(point(dushanbe.lon, dushanbe.lat), tjk).relation, Relation::Within);
  EXPECT_EQ(nearest(pak, point(islamabad.lon, islamabad.lat)).relation, Relation::Contains);
  EXPECT_EQ(nearest(point(kabul.lon, kabul.lat), tjk).relation, Relation::Disjoint);
  expectMatchesReference(point(kabul.lon, kabul.lat), tjk, "Kabul-Tajikistan");
}

TEST(Nearest, BadInputIsAnErrorNotAZero) {
  Geometry empty;
  NearestResult r = nearest(empty, point(0, 0));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("empty"), std::string::npos);
  r = nearest(point(0, 0), point(NAN, 0));
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.error.find("invalid coordinate"), std::string::npos);
  r = nearest(point(0, 91), point(0, 0));
  EXPECT_FALSE(r.ok);
  EXPECT_TRUE(std::isnan(r.distance_m));
  Geometry noRing;
  noRing.polygons.push_back({});
  EXPECT_FALSE(nearest(noRing, point(0, 0)).ok);
}

TEST(Nearest, RelationNames) {
  EXPECT_STREQ(relationName(Relation::Disjoint), "disjoint");
  EXPECT_STREQ(relationName(Relation::Touching), "touching");
  EXPECT_STREQ(relationName(Relation::Overlapping), "overlapping");
  EXPECT_STREQ(relationName(Relation::Contains), "contains");
  EXPECT_STREQ(relationName(Relation::Within), "within");
}
