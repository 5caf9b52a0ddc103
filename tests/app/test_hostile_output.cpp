// Names from files reach the terminal as text, never as control characters:
// a feature called "\x1b[31m..." must not recolour the terminal, one with a
// CR/LF must not forge an output line. JSON output carries them exactly.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <string>

#include "support/run_command.hpp"

namespace {

using pamir::test::CommandResult;
using pamir::test::runCommand;

const std::string kHostile = std::string(PAMIR_TEST_DATA_DIR) + "/hostile/control_names.geojson";

// Any control character but the line breaks the program itself writes.
bool hasRawControl(const std::string& s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && c != '\n') || c == 0x7F;
  });
}

size_t lines(const std::string& s) { return static_cast<size_t>(std::count(s.begin(), s.end(), '\n')); }

}  // namespace

TEST(HostileOutput, MeasurePrintsNamesEscaped) {
  const CommandResult plain = runCommand({"measure", "37.4,74.9", "35.9,74.3"});
  ASSERT_EQ(plain.status, 0) << plain.all();
  for (const char* b : {"#1", "#2"}) {
    const CommandResult r = runCommand({"measure", kHostile + "#0", kHostile + b});
    ASSERT_EQ(r.status, 0) << r.all();
    EXPECT_FALSE(hasRawControl(r.all())) << r.all();
    EXPECT_EQ(lines(r.out), lines(plain.out)) << "a name forged a line:\n" << r.out;
    EXPECT_EQ(r.out.rfind("A           \\x1B[31mRed Post\\x1B[0m (", 0), 0u) << r.out;
  }
  const CommandResult r = runCommand({"measure", kHostile + "#0", kHostile + "#1"});
  EXPECT_NE(r.out.find("\nB           Line Post\\r\\ndistance    0.000 km ("), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("\ndistance    0.000 km"), std::string::npos) << r.out;
}

TEST(HostileOutput, MeasureJsonCarriesTheNamesExactly) {
  const CommandResult r = runCommand({"measure", kHostile + "#0", kHostile + "#2", "--json"});
  ASSERT_EQ(r.status, 0) << r.all();
  const auto j = nlohmann::json::parse(r.out);  // raw controls in a JSON string would not parse
  EXPECT_EQ(j["a"]["label"].get<std::string>().rfind("\x1b[31mRed Post\x1b[0m (", 0), 0u) << j["a"]["label"];
  EXPECT_EQ(j["b"]["label"].get<std::string>().rfind("Bell Post\a (", 0), 0u) << j["b"]["label"];
  EXPECT_NE(r.out.find("\\u001b[31mRed Post"), std::string::npos) << r.out;
}

TEST(HostileOutput, CandidatesInAnAmbiguityErrorAreOneLineEach) {
  const CommandResult r = runCommand({"measure", "twin", "37,74", "--data", kHostile});
  ASSERT_EQ(r.status, 2) << r.all();
  EXPECT_FALSE(hasRawControl(r.err)) << r.err;
  EXPECT_NE(r.err.find("#3  Twin\\x1B]0;owned\\a  [point]  36.0000, 72.0000\n"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("#4  Twin\\x1B]0;owned\\a"), std::string::npos) << r.err;
}

TEST(HostileOutput, InfoPrintsLayerAndFieldNamesEscaped) {
  const CommandResult r = runCommand({"info", kHostile});
  ASSERT_EQ(r.status, 0) << r.all();
  EXPECT_FALSE(hasRawControl(r.all())) << r.all();
  EXPECT_NE(r.out.find("layer names\\x1B[2Jwith\\rcontrols\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("    note\\a: "), std::string::npos) << r.out;

  const CommandResult check = runCommand({"info", "--check", kHostile});
  ASSERT_EQ(check.status, 0) << check.all();
  EXPECT_FALSE(hasRawControl(check.all())) << check.all();
  EXPECT_NE(check.out.find(": layer names\\x1B[2Jwith\\rcontrols: 5 features"), std::string::npos) << check.out;
}

TEST(HostileOutput, RingNamesItsCentreEscaped) {
  const CommandResult r = runCommand({"ring", kHostile + "#1", "--radius", "10km"});
  ASSERT_EQ(r.status, 0) << r.all();
  const auto j = nlohmann::json::parse(r.out);
  EXPECT_NE(j["features"][0]["properties"]["name"].get<std::string>().find("Line Post\r\n"), std::string::npos);
  const CommandResult bad = runCommand({"ring", "\x1b[31m", "--radius", "10km"});
  EXPECT_NE(bad.status, 0);
  EXPECT_FALSE(hasRawControl(bad.err)) << bad.err;
}
