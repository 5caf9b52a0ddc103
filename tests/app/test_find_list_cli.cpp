// pamir find and pamir list, and the analyst's own layers beside the built-in
// dataset: sources on top, filters on every layer with year or country fields.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "support/run_command.hpp"

namespace {

using nlohmann::json;
using pamir::test::CommandResult;

CommandResult run(const std::vector<std::string>& args) { return pamir::test::runCommand(args); }

const std::string kOut = std::string(PAMIR_TEST_OUT_DIR) + "/find_list/";

// An analyst's own file: depots with their own field names for years and countries.
std::string ownDepots() {
  std::filesystem::create_directories(kOut);
  const std::string path = kOut + "depots.geojson";
  std::ofstream(path) << R"({"type":"FeatureCollection","features":[
{"type":"Feature","properties":{"name":"Depot North","category":"depot","from":2005,"to":2012,"iso2":"TJ"},
 "geometry":{"type":"Point","coordinates":[71.5,39.0]}},
{"type":"Feature","properties":{"name":"Depot South","category":"depot","from":2015,"to":null,"iso2":"AF"},
 "geometry":{"type":"Point","coordinates":[70.0,36.5]}},
{"type":"Feature","properties":{"name":"Murghob","category":"store","from":2018,"to":null,"iso2":"TJ"},
 "geometry":{"type":"Point","coordinates":[73.9,38.2]}}]})";
  return path;
}

json parse(const CommandResult& r) {
  json j = json::parse(r.out, nullptr, false);
  EXPECT_FALSE(j.is_discarded()) << r.all();
  return j;
}

std::vector<std::string> namesOf(const json& a) {
  std::vector<std::string> out;
  for (const auto& x : a) out.push_back(x.value("name", ""));
  return out;
}

bool has(const std::vector<std::string>& v, const std::string& s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

}  // namespace

TEST(FindCli, FindsTheDatasetsSitesByFoldedNameBestFirst) {
  CommandResult r = run({"find", "murgob", "--json", "--limit", "5"});
  ASSERT_EQ(r.status, 0) << r.all();
  json a = parse(r);
  ASSERT_TRUE(a.is_array());
  ASSERT_FALSE(a.empty());
  for (const char* key : {"kind", "layer", "id", "name", "lat", "lon", "match"})
    EXPECT_TRUE(a[0].contains(key)) << key << " " << a[0].dump();
  EXPECT_EQ(a[0]["kind"], "feature");
  // Murghob is at about 38.17N 73.96E.
  EXPECT_NEAR(a[0]["lat"].get<double>(), 38.17, 0.2) << a[0].dump();
  EXPECT_NEAR(a[0]["lon"].get<double>(), 73.96, 0.2) << a[0].dump();
}

TEST(FindCli, ACoordinateIsFoundAsACoordinate) {
  CommandResult r = run({"find", "38.5N", "68.7E", "--json", "--limit", "1"});
  ASSERT_EQ(r.status, 0) << r.all();
  json a = parse(r);
  ASSERT_EQ(a.size(), 1u);
  EXPECT_EQ(a[0]["kind"], "coordinate");
  EXPECT_DOUBLE_EQ(a[0]["lat"].get<double>(), 38.5);
  EXPECT_DOUBLE_EQ(a[0]["lon"].get<double>(), 68.7);
}

TEST(FindCli, OwnDataIsSearchedWithTheDatasetAndNothingMatchingExitsOne) {
  const std::string depots = ownDepots();
  CommandResult r = run({"find", "depot", "--data", depots});
  ASSERT_EQ(r.status, 0) << r.all();
  EXPECT_NE(r.out.find("Depot North  [depots"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("depot, TJK]  39.000000, 71.500000"), std::string::npos) << r.out;
  CommandResult none = run({"find", "xyzzy-nowhere"});
  EXPECT_EQ(none.status, 1) << none.all();
  EXPECT_NE(none.err.find("nothing matches 'xyzzy-nowhere'"), std::string::npos) << none.all();
  EXPECT_EQ(run({"find"}).status, 2);
  EXPECT_EQ(run({"find", "x", "--limit", "0"}).status, 2);
}

TEST(ListCli, OwnLayersObeyTheYearAndCountryFiltersThroughTheirOwnFields) {
  const std::string depots = ownDepots();
  CommandResult r = run({"list", depots, "--no-builtin", "--year", "2010", "--json"});
  ASSERT_EQ(r.status, 0) << r.all();
  EXPECT_EQ(namesOf(parse(r)), (std::vector<std::string>{"Depot North"}));
  CommandResult later = run({"list", depots, "--no-builtin", "--year", "2020", "--json"});
  ASSERT_EQ(later.status, 0) << later.all();
  EXPECT_EQ(namesOf(parse(later)), (std::vector<std::string>{"Depot South", "Murghob"}));
  // The file says "TJ"; the filter is given a name.
  CommandResult tjk = run({"list", depots, "--no-builtin", "--country", "Tajikistan", "--json"});
  ASSERT_EQ(tjk.status, 0) << tjk.all();
  json a = parse(tjk);
  EXPECT_EQ(namesOf(a), (std::vector<std::string>{"Depot North", "Murghob"}));
  EXPECT_EQ(a[0]["countries"], json::array({"TJK"}));
  EXPECT_EQ(a[0]["year_start"], 2005);
  EXPECT_EQ(a[0]["year_end"], 2012);
  EXPECT_EQ(a[0]["feature_kind"], "depot");
}

TEST(ListCli, AYearRangeListsWhatExistedAtAnyTimeInIt) {
  const std::string depots = ownDepots();  // North 2005-2012, South from 2015, Murghob from 2018
  for (const char* range : {"2010..2016", "2010-2016", "2012..2015"}) {
    CommandResult r = run({"list", depots, "--no-builtin", "--year", range, "--json"});
    ASSERT_EQ(r.status, 0) << range << r.all();
    EXPECT_EQ(namesOf(parse(r)), (std::vector<std::string>{"Depot North", "Depot South"})) << range;
  }
  CommandResult gap = run({"list", depots, "--no-builtin", "--year", "2013..2014", "--json"});
  ASSERT_EQ(gap.status, 0) << gap.all();
  EXPECT_TRUE(parse(gap).empty()) << gap.out;
  CommandResult all = run({"list", depots, "--no-builtin", "--year", "2001-2026", "--json"});
  EXPECT_EQ(namesOf(parse(all)).size(), 3u) << all.all();
  // The dataset's own dated layers take the same range: Manas (2001-2014) is in 2001..2014, not in 2015..2020.
  CommandResult manas = run({"list", "--year", "2001..2014", "--layers", "airbases", "--json"});
  ASSERT_EQ(manas.status, 0) << manas.all();
  EXPECT_TRUE(has(namesOf(parse(manas)), "Transit Center at Manas")) << manas.out.substr(0, 400);
  CommandResult after = run({"list", "--year", "2015..2020", "--layers", "airbases", "--json"});
  ASSERT_EQ(after.status, 0) << after.all();
  EXPECT_FALSE(has(namesOf(parse(after)), "Transit Center at Manas"));
  for (const char* bad : {"2014..2001", "20132014", "2001..", "2001..soon", "2001..9999"}) {
    CommandResult r = run({"list", depots, "--no-builtin", "--year", bad});
    EXPECT_EQ(r.status, 2) << bad << r.all();
    EXPECT_NE(r.err.find("--year"), std::string::npos) << bad << r.all();
  }
  EXPECT_NE(run({"list", "--help"}).out.find("--year Y1..Y2"), std::string::npos);
  EXPECT_NE(run({"render", "--help"}).out.find("--year Y1..Y2"), std::string::npos);
  EXPECT_NE(run({"view", "--help"}).out.find("--year Y1..Y2"), std::string::npos);
}

TEST(ListCli, SourcesComeOnTopOfTheDatasetUnlessLeftOut) {
  const std::string depots = ownDepots();
  CommandResult both = run({"list", depots, "--json"});
  ASSERT_EQ(both.status, 0) << both.all();
  json a = parse(both);
  std::set<std::string> layers;
  for (const auto& x : a) layers.insert(x["layer"].get<std::string>());
  EXPECT_TRUE(layers.count("bases")) << both.out.substr(0, 400);
  EXPECT_GT(layers.size(), 2u);
  EXPECT_TRUE(has(namesOf(a), "Depot North"));
  // The dataset and the file filtered by the one year: the dataset's dated layers and the file's.
  CommandResult y = run({"list", depots, "--year", "2010", "--kind", "depot", "--json"});
  ASSERT_EQ(y.status, 0) << y.all();
  EXPECT_EQ(namesOf(parse(y)), (std::vector<std::string>{"Depot North"}));
}

TEST(ListCli, AnUnknownCountryIsAnErrorNamingTheCountriesThatExist) {
  const std::string depots = ownDepots();
  CommandResult r = run({"list", depots, "--no-builtin", "--country", "CHN"});
  EXPECT_EQ(r.status, 2) << r.all();
  EXPECT_NE(r.err.find("--country CHN: no feature of the loaded layers has it; they have AFG,TJK"), std::string::npos)
      << r.all();
  CommandResult bogus = run({"render", "-o", kOut + "x.png", "--country", "XXX"});
  EXPECT_EQ(bogus.status, 2) << bogus.all();
  EXPECT_NE(bogus.err.find("'XXX' is none"), std::string::npos) << bogus.all();
  EXPECT_FALSE(std::filesystem::exists(kOut + "x.png"));
}

TEST(ListCli, NoBuiltinWithoutASourceIsAUsageError) {
  CommandResult r = run({"list", "--no-builtin"});
  EXPECT_EQ(r.status, 2) << r.all();
  EXPECT_NE(r.err.find("--no-builtin leaves nothing to show"), std::string::npos) << r.all();
}
