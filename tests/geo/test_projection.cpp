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
  auto p = geo::Projection::create("EPSG:3857");
  ASSERT_TRUE(p) << p.error();
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
  auto p = geo::Projection::create("EPSG:32643");
  ASSERT_TRUE(p) << p.error();
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
  auto p = geo::Projection::create("EPSG:4326");
  ASSERT_TRUE(p) << p.error();
  EXPECT_TRUE(p->isGeographic());
  XY xy = p->forward({74.9, 37.4});  // EPSG:4326 is lat-first by authority; the view is always x = lon
  EXPECT_DOUBLE_EQ(xy.x, 74.9);
  EXPECT_DOUBLE_EQ(xy.y, 37.4);
}

TEST(Projection, DefaultCrsIsCentredAndNearlyTrueToScaleOverTheRegion) {
  auto p = geo::Projection::create("");
  ASSERT_TRUE(p) << p.error();
  EXPECT_EQ(p->definition(), geo::kDefaultViewCrs);
  XY origin = p->forward({70, 38});
  EXPECT_NEAR(origin.x, 0, 1e-6);
  EXPECT_NEAR(origin.y, 0, 1e-6);
  // Exactly true to scale on the standard parallels; within 0.6 % over 30-45 N
  // (the Pamir, the Wakhan and the Central Asian capitals), within 2 % over 25-50 N.
  EXPECT_NEAR(p->scaleFactor({70, 32}), 1.0, 1e-9);
  EXPECT_NEAR(p->scaleFactor({90, 44}), 1.0, 1e-9);
  for (double lon = 45; lon <= 95; lon += 10) {
    for (double lat = 30; lat <= 45; lat += 2.5)
      EXPECT_NEAR(p->scaleFactor({lon, lat}), 1.0, 0.006) << lon << "," << lat;
    for (double lat = 25; lat <= 50; lat += 5) EXPECT_NEAR(p->scaleFactor({lon, lat}), 1.0, 0.02) << lon << "," << lat;
  }
}

TEST(Projection, AcceptsAnyDefinitionPROJUnderstands) {
  for (const char* def : {"ESRI:102025",  // Asia North Albers Equal Area Conic
                          "+proj=aeqd +lat_0=37 +lon_0=74 +datum=WGS84 +type=crs", "EPSG:3857"}) {
    auto p = geo::Projection::create(def);
    EXPECT_TRUE(p) << def << ": " << p.error();
  }
}

// GDAL and QGIS read a PROJ string as the CRS it describes; PROJ needs "+type=crs" for that.
TEST(Projection, PlainProjStringsAreCrss) {
  auto laea = geo::Projection::create("+proj=laea +lat_0=40 +lon_0=67 +datum=WGS84");
  ASSERT_TRUE(laea) << laea.error();
  XY centre = laea->forward({67, 40});
  EXPECT_NEAR(centre.x, 0, 1e-6);
  EXPECT_NEAR(centre.y, 0, 1e-6);
  EXPECT_NEAR(laea->scaleFactor({67, 40}), 1.0, 1e-9);  // true to scale at the centre
  LonLat back = laea->inverse(laea->forward({74.9, 37.4}));
  EXPECT_NEAR(back.lon, 74.9, 1e-7);  // PROJ's ellipsoidal LAEA inverse is a series: ~1 mm
  EXPECT_NEAR(back.lat, 37.4, 1e-7);

  // The README's own statement of the default view CRS, without +type=crs, is the same CRS.
  auto lcc = geo::Projection::create("+proj=lcc +lat_0=38 +lon_0=70 +lat_1=32 +lat_2=44 +datum=WGS84");
  ASSERT_TRUE(lcc) << lcc.error();
  auto builtin = geo::Projection::create("");
  ASSERT_TRUE(builtin) << builtin.error();
  for (LonLat ll : {LonLat{74.9, 37.4}, LonLat{60, 45}, LonLat{80, 30}}) {
    XY a = lcc->forward(ll), b = builtin->forward(ll);
    EXPECT_NEAR(a.x, b.x, 1e-6);
    EXPECT_NEAR(a.y, b.y, 1e-6);
  }
  EXPECT_FALSE(lcc->isGeographic());
  auto longlat = geo::Projection::create("  +proj=longlat +datum=WGS84 ");
  ASSERT_TRUE(longlat) << longlat.error();
  EXPECT_TRUE(longlat->isGeographic());
}

TEST(Projection, AsCrsDefinitionMarksOnlyProjStrings) {
  EXPECT_EQ(geo::asCrsDefinition("+proj=laea +lat_0=40"), "+proj=laea +lat_0=40 +type=crs");
  EXPECT_EQ(geo::asCrsDefinition(" proj=merc "), "proj=merc +type=crs");
  EXPECT_EQ(geo::asCrsDefinition("+proj=merc +type=crs"), "+proj=merc +type=crs");
  EXPECT_EQ(geo::asCrsDefinition("EPSG:3857"), "EPSG:3857");
  EXPECT_EQ(geo::asCrsDefinition("GEOGCRS[\"WGS 84\"]"), "GEOGCRS[\"WGS 84\"]");
}

TEST(Projection, UnknownCrsIsRejectedWithItsName) {
  auto code = geo::Projection::create("EPSG:99999");
  ASSERT_FALSE(code);
  EXPECT_EQ(code.error(), "unknown CRS code EPSG:99999 (not in PROJ's database)");
  auto words = geo::Projection::create("not a crs");
  ASSERT_FALSE(words);
  EXPECT_NE(words.error().find("not a crs"), std::string::npos) << words.error();
  EXPECT_EQ(words.error().find("Unknown error"), std::string::npos) << words.error();
  // PROJ's own precise reason for a PROJ string it rejects, not its error number.
  auto zone = geo::Projection::create("+proj=utm +zone=99 +datum=WGS84");
  ASSERT_FALSE(zone);
  EXPECT_NE(zone.error().find("zone"), std::string::npos) << zone.error();
  EXPECT_NE(zone.error().find("+proj=utm +zone=99"), std::string::npos) << zone.error();
  EXPECT_EQ(zone.error().find("code 1027"), std::string::npos) << zone.error();
  // A coordinate operation is not a CRS.
  auto pipeline = geo::Projection::create("+proj=pipeline +step +proj=unitconvert +xy_in=deg +xy_out=rad");
  EXPECT_FALSE(pipeline);
}

TEST(Projection, TransformsRejectBadDefinitionsEitherSide) {
  auto good = geo::Transform::create("EPSG:4326", "+proj=laea +lat_0=40 +lon_0=67 +datum=WGS84");
  ASSERT_TRUE(good) << good.error();
  auto bad = geo::Transform::create("EPSG:99999", "EPSG:3857");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().find("EPSG:99999"), std::string::npos) << bad.error();
}

// PROJ's log is the caller's to report: nothing raw on stderr, the reason in the error value.
TEST(Projection, ProjLogGoesToTheErrorNotStderr) {
  ::testing::internal::CaptureStderr();
  auto bad = geo::Projection::create("EPSG:99999");
  auto beyond = geo::Projection::create("EPSG:3857");
  ASSERT_TRUE(beyond);
  XY nan = beyond->forward({0, 91});  // PROJ logs "webmerc: Invalid latitude" for this point
  const std::string err = ::testing::internal::GetCapturedStderr();
  EXPECT_FALSE(bad);
  EXPECT_TRUE(std::isnan(nan.x));
  EXPECT_EQ(err, "");
}

TEST(Projection, UncheckedErrorIsALoudMistakeNotACrash) {
  auto bad = geo::Projection::create("EPSG:99999");
  EXPECT_THROW((void)bad->name(), BadResultAccess);
}

TEST(Projection, UndefinedPointsBecomeNaNNotGarbage) {
  auto p = geo::Projection::create("EPSG:3857");
  ASSERT_TRUE(p) << p.error();
  XY beyond = p->forward({0, 91});
  EXPECT_TRUE(std::isnan(beyond.x) && std::isnan(beyond.y));
  XY nan = p->forward({std::nan(""), 10});
  EXPECT_TRUE(std::isnan(nan.x));
}

TEST(Projection, BoundsAreSampledAlongEdges) {
  auto p = geo::Projection::create("");
  ASSERT_TRUE(p) << p.error();
  Bounds ll;
  ll.add(60, 33);
  ll.add(80, 44);
  Bounds b = p->forwardBounds(ll);
  // Parallels are arcs round the cone's apex: the bottom edge sags south of its corners.
  EXPECT_LT(b.miny, p->forward({80, 33}).y - 1000);
  EXPECT_LT(b.minx, 0);
  EXPECT_GT(b.maxx, 0);
}
