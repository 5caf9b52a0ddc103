// Ranking and matching of the search behind the search box and `pamir find`.
#include <gtest/gtest.h>

#include "data/feature_search.hpp"

using namespace pamir;
using data::FeatureSearch;
using data::SearchResult;

namespace {

struct Site {
  std::string name, alt, kind, country;
  double lon, lat;
};

Layer layerOf(const std::string& id, const std::string& group, bool builtin, const std::vector<Site>& sites) {
  Layer l;
  l.id = id;
  l.name = id;
  l.group = group;
  l.builtin = builtin;
  l.fields = {{"name", FieldType::String},
              {"alt_names", FieldType::String},
              {"kind", FieldType::String},
              {"iso_a3", FieldType::String}};
  l.countryFields = {"iso_a3"};
  int64_t fid = 1;
  for (const auto& s : sites) {
    Feature f;
    f.fid = fid++;
    f.geometry.points = {{s.lon, s.lat}};
    f.values = {s.name, s.alt.empty() ? FieldValue{} : FieldValue{s.alt}, s.kind, s.country};
    l.features.push_back(std::move(f));
  }
  return l;
}

std::vector<std::string> names(const std::vector<SearchResult>& results) {
  std::vector<std::string> out;
  for (const auto& r : results) out.push_back(r.name + "/" + (r.layer ? r.layer->id : "-"));
  return out;
}

}  // namespace

class FeatureSearchTest : public ::testing::Test {
 protected:
  Layer bases = layerOf("bases", "military", true,
                        {{"Murghob outpost", "Murğob; Murgab", "outpost", "TJK", 73.97, 38.17},
                         {"Manas", "", "air base", "KGZ", 74.48, 43.06},
                         {"Ayni", "Gissar", "air base", "TJK", 68.67, 38.54},
                         {"Kant air base", "", "air base", "KGZ", 74.85, 42.85}});
  Layer places = layerOf("places", "base", true,
                         {{"Murghob", "Murğob", "town", "TJK", 73.96, 38.17},
                          {"Manas", "", "village", "KAZ", 69.9, 42.3},
                          {"Gilgit-Baltistan", "", "region", "PAK", 74.5, 35.8},
                          {"Manasbal", "", "lake", "IND", 74.7, 34.2},
                          {"Kant", "", "town", "KGZ", 74.85, 42.89}});
  Layer own = layerOf("own", "own.gpkg", false, {{"Manas", "", "depot", "KGZ", 74.5, 43.0}});
  FeatureSearch search{std::vector<const Layer*>{&bases, &places, &own}};
};

TEST_F(FeatureSearchTest, CaseAccentsAndPunctuationDoNotMatter) {
  for (const char* q : {"murgob", "MURGOB", "Murğob", "murğob"}) {
    auto r = search.find(q, 5);
    ASSERT_GE(r.size(), 2u) << q;
    // Both hold the alternative name exactly: the curated outpost before the basemap's town.
    EXPECT_EQ(names(r)[0], "Murghob outpost/bases") << q;
    EXPECT_EQ(names(r)[1], "Murghob/places") << q;
    EXPECT_EQ(r[0].match, SearchResult::Match::Exact) << q;
    EXPECT_EQ(r[0].matched, "Murğob") << q;
  }
  auto gb = search.find("gilgit baltistan", 5);
  ASSERT_FALSE(gb.empty());
  EXPECT_EQ(gb[0].name, "Gilgit-Baltistan");
}

TEST_F(FeatureSearchTest, SitesBeforeReferenceLayersThenExactPrefixWordThenFuzzy) {
  auto kant = search.find("kant", 5);
  ASSERT_GE(kant.size(), 2u);
  EXPECT_EQ(names(kant)[0], "Kant air base/bases");  // a prefix, but a curated site
  EXPECT_EQ(names(kant)[1], "Kant/places");
  auto r = search.find("manas", 10);
  ASSERT_GE(r.size(), 4u);
  // Three exact "Manas": curated and own layers before the basemap's village.
  EXPECT_EQ(names(r)[0], "Manas/bases");
  EXPECT_EQ(names(r)[1], "Manas/own");
  EXPECT_EQ(names(r)[2], "Manas/places");
  EXPECT_EQ(r[3].name, "Manasbal");
  EXPECT_EQ(r[3].match, SearchResult::Match::Prefix);
  auto word = search.find("baltistan", 5);
  ASSERT_FALSE(word.empty());
  EXPECT_EQ(word[0].match, SearchResult::Match::Word);
  auto murghob = search.find("murghob", 5);  // the curated outpost (a prefix) before the town (exact)
  ASSERT_GE(murghob.size(), 2u);
  EXPECT_EQ(names(murghob)[0], "Murghob outpost/bases");
  EXPECT_EQ(murghob[0].match, SearchResult::Match::Prefix);
  EXPECT_EQ(names(murghob)[1], "Murghob/places");
  EXPECT_EQ(murghob[1].match, SearchResult::Match::Exact);
  auto slip = search.find("murgohb", 5);  // a transposition
  ASSERT_FALSE(slip.empty());
  EXPECT_EQ(slip[0].match, SearchResult::Match::Fuzzy);
}

TEST_F(FeatureSearchTest, ResultsTellTwoOfTheSameNameApart) {
  auto r = search.find("manas", 3);
  ASSERT_EQ(r.size(), 3u);
  EXPECT_EQ(r[0].featureKind, "air base");
  EXPECT_EQ(r[0].country, "KGZ");
  EXPECT_DOUBLE_EQ(r[0].position.lat, 43.06);
  EXPECT_EQ(r[2].featureKind, "village");
  EXPECT_EQ(r[2].country, "KAZ");
}

TEST_F(FeatureSearchTest, OneResultAFeatureAndTheLimitHolds) {
  auto r = search.find("murg", 10);  // the outpost matches by two alternative names
  size_t outposts = 0;
  for (const auto& x : r) outposts += x.name == "Murghob outpost";
  EXPECT_EQ(outposts, 1u);
  EXPECT_EQ(search.find("m", 2).size(), 2u);
}

TEST_F(FeatureSearchTest, CoordinatesComeFirstAsCoordinates) {
  auto r = search.find("38.17, 73.96", 5);
  ASSERT_FALSE(r.empty());
  EXPECT_EQ(r[0].kind, SearchResult::Kind::Coordinate);
  EXPECT_DOUBLE_EQ(r[0].position.lat, 38.17);
  EXPECT_DOUBLE_EQ(r[0].position.lon, 73.96);
  auto mgrs = search.find("43S DA 12345 67890", 5);
  ASSERT_FALSE(mgrs.empty());
  EXPECT_EQ(mgrs[0].kind, SearchResult::Kind::Coordinate);
}

TEST_F(FeatureSearchTest, NothingMatchesNothing) {
  EXPECT_TRUE(search.find("atlantis", 5).empty());
  EXPECT_TRUE(search.find("--", 5).empty());
  EXPECT_TRUE(search.find("", 5).empty());
}

TEST(FeatureSearch, LinesAndAreasGoToAVertexNearTheirMiddle) {
  Geometry g;
  g.lines.push_back({{70, 38}, {71, 38.2}, {72, 39}});
  const LonLat p = data::featurePosition(g);
  EXPECT_DOUBLE_EQ(p.lon, 71);
  EXPECT_DOUBLE_EQ(p.lat, 38.2);
}
