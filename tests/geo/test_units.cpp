#include <gtest/gtest.h>

#include "geo/units.hpp"

using namespace pamir::geo;

TEST(Units, ParsesTheIssueExamples) {
  std::string err;
  EXPECT_DOUBLE_EQ(*parseDistance("200km", &err), 200000.0);
  EXPECT_DOUBLE_EQ(*parseDistance("150 nm", &err), 150 * 1852.0);
  EXPECT_DOUBLE_EQ(*parseDistance("10mi", &err), 16093.44);
  EXPECT_DOUBLE_EQ(*parseDistance("500m", &err), 500.0);
  EXPECT_DOUBLE_EQ(*parseDistance("1.5 KM", &err), 1500.0);
  EXPECT_DOUBLE_EQ(*parseDistance(" 2 nautical miles ", &err), 3704.0);
  EXPECT_DOUBLE_EQ(*parseDistance("0.25km", &err), 250.0);
}

TEST(Units, DecimalPointWhateverTheLocale) {
  // The test runner sets a decimal-comma locale when one is installed.
  EXPECT_DOUBLE_EQ(*parseDecimal("37.25"), 37.25);
  EXPECT_DOUBLE_EQ(*parseDecimal("-0.5"), -0.5);
  EXPECT_DOUBLE_EQ(*parseDecimal("+3"), 3.0);
  EXPECT_FALSE(parseDecimal("37,25"));
  EXPECT_FALSE(parseDecimal("1e3"));
  EXPECT_FALSE(parseDecimal("nan"));
  EXPECT_FALSE(parseDecimal("inf"));
  EXPECT_FALSE(parseDecimal(""));
  EXPECT_FALSE(parseDecimal("-"));
  EXPECT_EQ(formatFixed(1234.5, 2), "1234.50");
  EXPECT_EQ(formatDistance(212345.6, DistanceUnit::Kilometre), "212.346 km");
  EXPECT_EQ(formatDistance(1852, DistanceUnit::NauticalMile, 1), "1.0 nm");
}

TEST(Units, RejectsBadInputWithAReason) {
  std::string err;
  EXPECT_FALSE(parseDistance("200", &err));
  EXPECT_NE(err.find("no unit"), std::string::npos);
  EXPECT_FALSE(parseDistance("200 furlongs", &err));
  EXPECT_NE(err.find("unknown distance unit"), std::string::npos);
  EXPECT_FALSE(parseDistance("-5km", &err));
  EXPECT_NE(err.find("negative"), std::string::npos);
  EXPECT_FALSE(parseDistance("km", &err));
  EXPECT_FALSE(parseDistance("1,5km", &err));
  EXPECT_FALSE(parseDistance("nan km", &err));
  EXPECT_DOUBLE_EQ(*parseDistance("200", &err, DistanceUnit::Kilometre), 200000.0);
}

TEST(Units, Conversions) {
  EXPECT_DOUBLE_EQ(metresPerUnit(DistanceUnit::NauticalMile), 1852.0);
  EXPECT_DOUBLE_EQ(metresPerUnit(DistanceUnit::StatuteMile), 1609.344);
  EXPECT_EQ(*parseUnit("NM"), DistanceUnit::NauticalMile);
  EXPECT_EQ(*parseUnit("miles"), DistanceUnit::StatuteMile);
  EXPECT_EQ(*parseUnit("meters"), DistanceUnit::Metre);
  EXPECT_FALSE(parseUnit("ft"));
  EXPECT_STREQ(unitSymbol(DistanceUnit::Kilometre), "km");
}

TEST(Units, DistanceListsTakeTheUnitWrittenAfterThem) {
  std::string why;
  auto km = parseDistanceList("100, 200, 300 km", &why);
  ASSERT_TRUE(km) << why;
  EXPECT_EQ(*km, (std::vector<double>{100000, 200000, 300000}));
  auto mixed = parseDistanceList("150 nm,200km", &why);
  ASSERT_TRUE(mixed) << why;
  EXPECT_EQ(*mixed, (std::vector<double>{150 * 1852.0, 200000}));
  auto one = parseDistanceList("200km", &why);
  ASSERT_TRUE(one);
  EXPECT_EQ(*one, std::vector<double>{200000});
  EXPECT_EQ(*parseDistanceList("5, 10", &why, DistanceUnit::StatuteMile),
            (std::vector<double>{5 * 1609.344, 10 * 1609.344}));
  EXPECT_FALSE(parseDistanceList("100, 200", &why));
  EXPECT_NE(why.find("no unit"), std::string::npos) << why;
  EXPECT_FALSE(parseDistanceList("100km,,200km", &why));
  EXPECT_NE(why.find("empty"), std::string::npos) << why;
  EXPECT_FALSE(parseDistanceList("0 km", &why));
  EXPECT_FALSE(parseDistanceList("100 furlongs", &why));
}

TEST(Units, AFieldNamesItsUnitBySuffix) {
  EXPECT_EQ(unitFromFieldName("range_km"), DistanceUnit::Kilometre);
  EXPECT_EQ(unitFromFieldName("RADIUS_NM"), DistanceUnit::NauticalMile);
  EXPECT_EQ(unitFromFieldName("reach-mi"), DistanceUnit::StatuteMile);
  EXPECT_EQ(unitFromFieldName("radius_m"), DistanceUnit::Metre);
  EXPECT_EQ(unitFromFieldName("uncertainty_km"), DistanceUnit::Kilometre);
  EXPECT_FALSE(unitFromFieldName("range"));
  EXPECT_FALSE(unitFromFieldName("bottom"));  // ends in "m", but not as a word
}
