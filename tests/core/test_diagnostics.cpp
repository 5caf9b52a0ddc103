// One line per problem, whatever the names in it hold.
#include <gtest/gtest.h>

#include <algorithm>

#include "core/diagnostics.hpp"

TEST(Diagnostics, ALineQuotingHostileNamesStaysOneHarmlessLine) {
  pamir::Diagnostic d{pamir::Severity::Warning, "evil\x1b[2J.geojson", "layer\rforged", 3,
                      "bad name 'x\n pamir: error: forged\a'"};
  const std::string line = d.line();
  EXPECT_TRUE(std::none_of(line.begin(), line.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20; }))
      << line;
  EXPECT_EQ(
      line,
      "pamir: warning: evil\\x1B[2J.geojson: layer 'layer\\rforged': feature 3: bad name 'x  pamir: error: forged\\a'");
}
