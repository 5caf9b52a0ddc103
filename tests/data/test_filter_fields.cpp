// Finding the year and country fields of the analyst's own layers.
#include <gtest/gtest.h>

#include "core/feature_filter.hpp"
#include "data/filter_fields.hpp"

using namespace pamir;

namespace {

Layer layerWith(std::vector<FieldDef> fields, std::vector<std::vector<FieldValue>> rows) {
  Layer l;
  l.name = "own";
  l.fields = std::move(fields);
  for (auto& r : rows) {
    Feature f;
    f.geometry.points = {{70, 38}};
    f.values = std::move(r);
    l.features.push_back(std::move(f));
  }
  return l;
}

const data::CountryCodes& codes() { return data::CountryCodes::standard(); }

}  // namespace

TEST(CountryCodes, ReadsIsoCodesAndKnowsCodesAndNames) {
  ASSERT_FALSE(codes().empty()) << "iso-codes' " << data::standardCountryCodesPath() << " was not read";
  for (const char* text : {"TJK", "tjk", "TJ", "Tajikistan", "TAJIKISTAN", "Republic of Tajikistan"}) {
    const data::Country* c = codes().find(text);
    ASSERT_NE(c, nullptr) << text;
    EXPECT_EQ(c->alpha3, "TJK") << text;
  }
  EXPECT_EQ(codes().find("XXX"), nullptr);
  EXPECT_EQ(codes().find("Atlantis"), nullptr);
  EXPECT_EQ(codes().byAlpha3("tjk"), nullptr);  // exact codes only
  EXPECT_NE(codes().byAlpha3("TJK"), nullptr);
}

TEST(CountryCodes, AnUnreadableTableIsEmpty) {
  EXPECT_TRUE(data::CountryCodes::fromFile("/nonexistent/iso_3166-1.json").empty());
}

TEST(FilterFields, StartAndEndYearPairsAreFoundWhateverTheirCase) {
  Layer l =
      layerWith({{"Name", FieldType::String}, {"Year_Start", FieldType::Integer}, {"YEAR_END", FieldType::Integer}},
                {{std::string("a"), int64_t{2001}, int64_t{2010}}, {std::string("b"), int64_t{2015}, {}}});
  EXPECT_EQ(data::detectYearFields(l), (std::vector<std::string>{"Year_Start", "YEAR_END"}));
}

TEST(FilterFields, FromToTextDatesAreYears) {
  Layer l = layerWith({{"from", FieldType::String}, {"to", FieldType::String}},
                      {{std::string("2001-05-01"), std::string("2003-01-01")}, {std::string("1999"), {}}});
  EXPECT_EQ(data::detectYearFields(l), (std::vector<std::string>{"from", "to"}));
}

TEST(FilterFields, AnEndFieldThatIsAllEmptyIsStillTheEnd) {
  Layer l = layerWith({{"start", FieldType::Integer}, {"end", FieldType::Integer}},
                      {{int64_t{2001}, {}}, {int64_t{2002}, {}}});
  EXPECT_EQ(data::detectYearFields(l), (std::vector<std::string>{"start", "end"}));
}

TEST(FilterFields, ASingleYearOrDateDatesAnEvent) {
  Layer y = layerWith({{"year", FieldType::Integer}}, {{int64_t{2019}}});
  EXPECT_EQ(data::detectYearFields(y), (std::vector<std::string>{"year", "year"}));
  Layer d = layerWith({{"reported", FieldType::Date}}, {{std::string("2019-04-02")}});
  EXPECT_EQ(data::detectYearFields(d), (std::vector<std::string>{"reported", "reported"}));
}

TEST(FilterFields, FieldsNamedLikeYearsButHoldingOtherThingsAreNot) {
  Layer l = layerWith({{"start", FieldType::String}, {"year", FieldType::String}},
                      {{std::string("north gate"), std::string("unknown")}, {std::string("road"), std::string("n/a")}});
  EXPECT_TRUE(data::detectYearFields(l).empty());
  Layer none = layerWith({{"name", FieldType::String}}, {{std::string("x")}});
  EXPECT_TRUE(data::detectYearFields(none).empty());
}

TEST(FilterFields, CountryFieldsAreFoundByNameAndConfirmedByValues) {
  Layer l = layerWith({{"host_country", FieldType::String},
                       {"ISO_A2", FieldType::String},
                       {"country", FieldType::String},
                       {"category", FieldType::String}},
                      {{std::string("TJK"), std::string("TJ"), std::string("Tajikistan"), std::string("AIR")},
                       {std::string("KGZ"), std::string("KG"), std::string("Kyrgyzstan"), std::string("GND")}});
  EXPECT_EQ(data::detectCountryFields(l, codes()), (std::vector<std::string>{"host_country", "ISO_A2", "country"}));
  Layer hosts = layerWith({{"host", FieldType::String}, {"operator", FieldType::String}},
                          {{std::string("TJ"), std::string("RUS")}, {std::string("AF"), std::string("USA")}});
  EXPECT_EQ(data::detectCountryFields(hosts, codes()), (std::vector<std::string>{"host", "operator"}));
  Layer notCountries = layerWith({{"country", FieldType::String}}, {{std::string("north")}, {std::string("south")}});
  Layer hostNames = layerWith({{"host", FieldType::String}}, {{std::string("web-01")}, {std::string("web-02")}});
  EXPECT_TRUE(data::detectCountryFields(hostNames, codes()).empty());
  EXPECT_TRUE(data::detectCountryFields(notCountries, codes()).empty());
}

TEST(FilterFields, TheCountryFilterMatchesCodesOfAnyFormAndNames) {
  Layer l = layerWith({{"iso2", FieldType::String}, {"country", FieldType::String}},
                      {{std::string("TJ"), {}}, {{}, std::string("Kyrgyzstan")}, {std::string("CN"), {}}, {{}, {}}});
  data::completeFilterFields(l, codes());
  ASSERT_EQ(l.countryFields, (std::vector<std::string>{"iso2", "country"}));
  FeatureFilter f;
  f.countries = {"TJK", "KGZ"};
  EXPECT_TRUE(passes(f, l, l.features[0]));
  EXPECT_TRUE(passes(f, l, l.features[1]));
  EXPECT_FALSE(passes(f, l, l.features[2]));
  EXPECT_FALSE(passes(f, l, l.features[3]));
  EXPECT_EQ(countryCodesIn({&l}), (std::set<std::string>{"CHN", "KGZ", "TJK"}));
}

TEST(FilterFields, AManifestsChoiceOfFieldsStands) {
  Layer l =
      layerWith({{"year_start", FieldType::Integer}, {"opened", FieldType::Integer}}, {{int64_t{2001}, int64_t{1990}}});
  l.yearFields = {"opened"};
  data::completeFilterFields(l, codes());
  EXPECT_EQ(l.yearFields, (std::vector<std::string>{"opened"}));
}
