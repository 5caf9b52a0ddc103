#include <gtest/gtest.h>

#include "core/year_histogram.hpp"

using namespace pamir;

namespace {
Layer dated(std::vector<std::pair<FieldValue, FieldValue>> years, const char* country = "KGZ") {
  Layer l;
  l.fields = {{"year_start", FieldType::Integer}, {"year_end", FieldType::Integer}, {"host", FieldType::String}};
  l.yearFields = {"year_start", "year_end"};
  l.countryFields = {"host"};
  for (auto& [s, e] : years) {
    Feature f;
    f.values = {s, e, std::string(country)};
    l.features.push_back(f);
  }
  return l;
}
const FieldValue none = std::monostate{};
}  // namespace

TEST(YearHistogram, CountsEachFeatureInEveryYearItExisted) {
  // Manas 2001-2014, K2 2001-2005, Djibouti from 2017 (open), one undated, one known only to have ended in 2003.
  Layer l = dated({{int64_t{2001}, int64_t{2014}},
                   {int64_t{2001}, int64_t{2005}},
                   {int64_t{2017}, none},
                   {none, none},
                   {none, int64_t{2003}}});
  const std::vector<const Layer*> layers{&l};
  const YearHistogram h = yearHistogram(layers, {1999, 2020}, {}, {});
  ASSERT_EQ(h.total.size(), 22u);
  EXPECT_EQ(h.totalIn(1999), 1);  // only the one with no known start
  EXPECT_EQ(h.totalIn(2001), 3);
  EXPECT_EQ(h.totalIn(2003), 3);
  EXPECT_EQ(h.totalIn(2004), 2);
  EXPECT_EQ(h.totalIn(2005), 2) << "the closing year counts";
  EXPECT_EQ(h.totalIn(2006), 1);
  EXPECT_EQ(h.totalIn(2014), 1);
  EXPECT_EQ(h.totalIn(2015), 0);
  EXPECT_EQ(h.totalIn(2017), 1);
  EXPECT_EQ(h.totalIn(2020), 1) << "an open end runs to the end of the span";
  EXPECT_EQ(h.totalIn(1990), 0) << "outside the span";
  EXPECT_EQ(h.peak, 3);
  EXPECT_EQ(h.selected, h.total) << "no filter: everything is the share";
}

TEST(YearHistogram, AgreesWithTheFilterYearByYear) {
  // The count of a year is what the "as of" filter shows of the dated features that year.
  Layer a = dated({{int64_t{1957}, int64_t{1991}}, {int64_t{1990}, none}, {int64_t{2010}, int64_t{2010}}}, "TJK");
  Layer b = dated({{int64_t{2001}, int64_t{2014}}, {std::string("2005-03-01"), std::string("2012")}}, "KGZ");
  Layer undatedLayer = dated({{int64_t{2000}, int64_t{2001}}});
  undatedLayer.yearFields.clear();
  const std::vector<const Layer*> layers{&a, &b, &undatedLayer};
  FeatureFilter kgz;
  kgz.countries = {"KGZ"};
  const YearHistogram h =
      yearHistogram(layers, {1950, 2026}, {}, [&](const Layer& l, const Feature& f) { return passes(kgz, l, f); });
  for (int y = 1950; y <= 2026; ++y) {
    FeatureFilter asOf;
    asOf.asOfYear = y;
    FeatureFilter both = kgz;
    both.asOfYear = y;
    int shown = 0, shownKgz = 0;
    for (const Layer* l : {&a, &b})
      for (const auto& f : l->features) {
        shown += passes(asOf, *l, f);
        shownKgz += passes(both, *l, f);
      }
    EXPECT_EQ(h.totalIn(y), shown) << y;
    EXPECT_EQ(h.selectedIn(y), shownKgz) << y;
  }
  EXPECT_EQ(h.totalIn(2010), 4);
  EXPECT_EQ(h.selectedIn(2010), 2);
}

TEST(YearHistogram, LeavesOutLayersNotCountedAndSpansOnlyItsYears) {
  Layer a = dated({{int64_t{2001}, int64_t{2014}}});
  Layer derived = dated({{int64_t{2001}, int64_t{2014}}});
  const std::vector<const Layer*> layers{&a, &derived};
  const YearHistogram h = yearHistogram(layers, {2010, 2012}, [&](const Layer& l) { return &l != &derived; }, {});
  EXPECT_EQ(h.total, (std::vector<int>{1, 1, 1}));
  EXPECT_EQ(datedYears(layers), (YearSpan{2001, 2014}));
  Layer none1 = dated({{none, none}});
  EXPECT_FALSE(datedYears({&none1}).has_value());
  // An end before the start is a data error: it counts nowhere rather than everywhere.
  Layer backwards = dated({{int64_t{2014}, int64_t{2001}}});
  EXPECT_EQ(yearHistogram({&backwards}, {2000, 2015}, {}, {}).peak, 0);
}
