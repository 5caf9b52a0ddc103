// One number parser for everything people type, whatever the locale
// (this suite runs under a decimal-comma locale when one is installed).
#include <gtest/gtest.h>

#include "core/number.hpp"

using pamir::NumberSyntax;
using pamir::parseNumber;

TEST(Number, DecimalNumbers) {
  for (NumberSyntax s : {NumberSyntax::Decimal, NumberSyntax::Scientific}) {
    EXPECT_DOUBLE_EQ(*parseNumber("37.25", s), 37.25);
    EXPECT_DOUBLE_EQ(*parseNumber("-0.5", s), -0.5);
    EXPECT_DOUBLE_EQ(*parseNumber("+3", s), 3.0);
    EXPECT_DOUBLE_EQ(*parseNumber(".5", s), 0.5);
    EXPECT_DOUBLE_EQ(*parseNumber("12.", s), 12.0);
    EXPECT_DOUBLE_EQ(*parseNumber("1920", s), 1920.0);
  }
}

TEST(Number, RejectsWhatIsNotExactlyANumber) {
  for (NumberSyntax s : {NumberSyntax::Decimal, NumberSyntax::Scientific})
    for (const char* bad : {"", "-", "+", ".", "37,25", "1 000", " 5", "5 ", "nan", "inf", "-inf", "0x1A", "+-1", "--1",
                            "1.2.3", "5km", "1e", "1e+", "e5"})
      EXPECT_FALSE(parseNumber(bad, s)) << bad;
}

TEST(Number, ExponentsOnlyWhereAsked) {
  EXPECT_FALSE(parseNumber("1e3", NumberSyntax::Decimal));
  EXPECT_DOUBLE_EQ(*parseNumber("1e3", NumberSyntax::Scientific), 1000.0);
  EXPECT_DOUBLE_EQ(*parseNumber("-1.5E6", NumberSyntax::Scientific), -1.5e6);
  EXPECT_DOUBLE_EQ(*parseNumber("2e-3"), 0.002);  // Scientific is the default
  EXPECT_FALSE(parseNumber("1e400"));             // out of range is not a number
}
