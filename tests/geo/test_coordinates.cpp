#include <gtest/gtest.h>

#include <GeographicLib/MGRS.hpp>
#include <GeographicLib/UTMUPS.hpp>

#include "geo/coordinates.hpp"
#include "geo/geodesic.hpp"

using namespace pamir;
using namespace pamir::geo;

namespace {

void expectAt(const std::string& text, double lat, double lon, double tol = 1e-9) {
  ParsedCoordinate c = parseCoordinate(text);
  ASSERT_TRUE(c.ok()) << text << ": " << c.error;
  EXPECT_NEAR(c.position.lat, lat, tol) << text;
  EXPECT_NEAR(c.position.lon, lon, tol) << text;
}

void expectInvalid(const std::string& text, const std::string& fragment) {
  ParsedCoordinate c = parseCoordinate(text);
  EXPECT_EQ(c.status, ParsedCoordinate::Status::Invalid) << text;
  EXPECT_NE(c.error.find(fragment), std::string::npos) << text << " -> " << c.error;
}

}  // namespace

TEST(Coordinates, DecimalDegreesAreLatLon) {
  expectAt("37.4,74.9", 37.4, 74.9);
  expectAt("37.4, 74.9", 37.4, 74.9);
  expectAt("37.4 74.9", 37.4, 74.9);
  expectAt("-12.5,-130.25", -12.5, -130.25);
  expectAt("+35.92083, +74.30833", 35.92083, 74.30833);
  expectAt("90,180", 90, 180);
  EXPECT_EQ(parseCoordinate("37.4,74.9").format, CoordinateFormat::DecimalDegrees);
}

TEST(Coordinates, DmsInCommonSpellings) {
  const double lat = 37.4, lon = 74.9;
  expectAt("37°24'N 74°54'E", lat, lon);
  expectAt("37 24 00N 074 54 00E", lat, lon);
  expectAt("37°24′00″N, 74°54′00″E", lat, lon);
  expectAt("N37 24.0 E74 54.0", lat, lon);
  expectAt("N37 24.5 E74 54.0", 37 + 24.5 / 60, lon);
  expectAt("37d24m00sN 74d54m00sE", lat, lon);
  expectAt("37º24’N 74º54’E", lat, lon);  // ordinal indicator and typographic apostrophe
  expectAt("37°24'00\"N 74°54'00\"E", lat, lon);
  expectAt("37.4N 74.9E", lat, lon);
  expectAt("74°54'E 37°24'N", lat, lon);  // longitude first, told by the letters
  expectAt("37 24, 74 54", lat, lon);
  expectAt("37°24' 74°54'", lat, lon);
  expectAt("35°55′15″N 74°18′30″E", 35 + 55 / 60.0 + 15 / 3600.0, 74 + 18 / 60.0 + 30 / 3600.0);
  expectAt("33°52'S 151°12'E", -(33 + 52 / 60.0), 151.2);
  expectAt("12 30 S, 130 15 W", -12.5, -130.25);
  expectAt("-12 30, -130 15", -12.5, -130.25);
  expectAt("north 37 24 east 74 54", lat, lon);
  EXPECT_EQ(parseCoordinate("37°24'N 74°54'E").format, CoordinateFormat::Dms);
}

TEST(Coordinates, MgrsAndUtmViaGeographicLib) {
  // Build the expected strings with GeographicLib itself for a known point.
  LonLat gilgit{74.30833, 35.92083};
  int zone;
  bool northp;
  double x, y;
  GeographicLib::UTMUPS::Forward(gilgit.lat, gilgit.lon, zone, northp, x, y);
  std::string mgrs;
  GeographicLib::MGRS::Forward(zone, northp, x, y, 5, mgrs);
  ParsedCoordinate c = parseCoordinate(mgrs);
  ASSERT_TRUE(c.ok()) << c.error;
  EXPECT_EQ(c.format, CoordinateFormat::Mgrs);
  EXPECT_LT(distance(c.position, gilgit), 1.0);  // 1 m square, centre returned
  // With spaces and lower case, as printed by formatMgrs.
  std::string spaced = formatMgrs(gilgit);
  EXPECT_EQ(spaced.substr(0, 3), "43S");
  c = parseCoordinate(spaced);
  ASSERT_TRUE(c.ok()) << spaced << ": " << c.error;
  EXPECT_LT(distance(c.position, gilgit), 1.0);
  std::string lower = spaced;
  for (auto& ch : lower) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  EXPECT_TRUE(parseCoordinate(lower).ok());
  // 100 m precision: the centre of the 100 m square.
  c = parseCoordinate(mgrs.substr(0, 5) + mgrs.substr(5, 3) + mgrs.substr(10, 3));
  ASSERT_TRUE(c.ok());
  EXPECT_LT(distance(c.position, gilgit), 100.0);

  std::string utm = formatUtm(gilgit);
  EXPECT_EQ(utm.substr(0, 4), "43S ");
  c = parseCoordinate(utm);
  ASSERT_TRUE(c.ok()) << utm << ": " << c.error;
  EXPECT_EQ(c.format, CoordinateFormat::Utm);
  EXPECT_LT(distance(c.position, gilgit), 1.0);
  c = parseCoordinate("43 north " + utm.substr(4));
  ASSERT_TRUE(c.ok()) << c.error;
  EXPECT_LT(distance(c.position, gilgit), 1.0);
  // Southern hemisphere: Sydney, band H.
  c = parseCoordinate("56H 334369 6250948");
  ASSERT_TRUE(c.ok()) << c.error;
  EXPECT_NEAR(c.position.lat, -33.87, 0.01);
  EXPECT_NEAR(c.position.lon, 151.21, 0.01);
}

TEST(Coordinates, OutOfRangeIsAnErrorNotAClamp) {
  expectInvalid("97.0,74.9", "beyond ±90");
  expectInvalid("-90.5, 10", "beyond ±90");
  expectInvalid("37.4,190", "beyond ±180");
  expectInvalid("91°00'N 74°54'E", "beyond ±90");
  expectInvalid("37°60'N 74°54'E", "minutes must be below 60");
  expectInvalid("37 24 61N 074 54 00E", "seconds must be below 60");
  expectInvalid("37.5 24N 74 54E", "only the last component");
  expectInvalid("37°24'N 74°54'N", "both values");
  expectInvalid("-37°24'S 74°54'E", "minus sign and a hemisphere");
  expectInvalid("37,4 74,9", "decimal comma");
  expectInvalid("37.4", "two values");
  expectInvalid("37 24 00N", "hemisphere");
  expectInvalid("43S 500000 9900000", "UTM");
  expectInvalid("43C 500000 4100000", "band C");
  expectInvalid("61S 500000 4100000", "zone");
  expectInvalid("43SDA123", "digits");
}

TEST(Coordinates, NamesAreNotCoordinates) {
  for (const char* name : {"Gilgit", "Gilgit-Baltistan", "K2", "Base 12", "cn_outpost_shaymak", "", "N", "Murghob"}) {
    ParsedCoordinate c = parseCoordinate(name);
    EXPECT_EQ(c.status, ParsedCoordinate::Status::NotCoordinate) << name;
    EXPECT_FALSE(c.error.empty());
  }
}

TEST(Coordinates, Formatting) {
  LonLat p{74.9, 37.4};
  EXPECT_EQ(formatDecimalDegrees(p), "37.400000, 74.900000");
  EXPECT_EQ(formatDecimalDegrees({-74.9, -37.4}, 2), "-37.40, -74.90");
  EXPECT_EQ(formatDms(p), "37°24′00.0″N 074°54′00.0″E");
  EXPECT_EQ(formatDms({-0.5, -33.999999}), "34°00′00.0″S 000°30′00.0″W");  // 59.9999″ carries
  EXPECT_EQ(formatDms({151.2, -33.8667}, 0), "33°52′00″S 151°12′00″E");
  // Round trips.
  for (LonLat q : {LonLat{74.30833, 35.92083}, LonLat{-70.123456, -12.654321}, LonLat{179.99, 0.01}}) {
    ParsedCoordinate back = parseCoordinate(formatDms(q, 3));
    ASSERT_TRUE(back.ok()) << formatDms(q, 3);
    EXPECT_LT(distance(back.position, q), 0.05);
    back = parseCoordinate(formatMgrs(q));
    ASSERT_TRUE(back.ok()) << formatMgrs(q);
    EXPECT_LT(distance(back.position, q), 1.0);
    back = parseCoordinate(formatUtm(q));
    ASSERT_TRUE(back.ok()) << formatUtm(q) << ": " << back.error;
    EXPECT_LT(distance(back.position, q), 1.0);
  }
  EXPECT_EQ(formatMgrs({0, NAN}), "");
  EXPECT_EQ(formatMgrs({0, 89.5}).substr(0, 1), "Z");  // UPS north
}
