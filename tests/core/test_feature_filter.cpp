#include <gtest/gtest.h>

#include "core/feature_filter.hpp"
#include "core/map_view.hpp"
#include "core/style.hpp"

using namespace pamir;

namespace {
Layer datedLayer() {
  Layer l;
  l.fields = {{"name", FieldType::String},
              {"year_start", FieldType::Integer},
              {"year_end", FieldType::Integer},
              {"host_country", FieldType::String},
              {"operator_country", FieldType::String}};
  l.yearFields = {"year_start", "year_end"};
  l.countryFields = {"host_country", "operator_country"};
  auto add = [&](const char* name, FieldValue s, FieldValue e, const char* host, const char* op) {
    Feature f;
    f.values = {std::string(name), s, e, std::string(host), std::string(op)};
    l.features.push_back(f);
  };
  add("Manas Transit Center", int64_t{2001}, int64_t{2014}, "KGZ", "USA");
  add("Karshi-Khanabad", int64_t{2001}, int64_t{2005}, "UZB", "USA");
  add("Djibouti PLA base", int64_t{2017}, std::monostate{}, "DJI", "CHN");
  add("Kant", std::monostate{}, std::monostate{}, "KGZ", "RUS");
  return l;
}
}  // namespace

TEST(FeatureFilter, AsOfYearShowsWhatExistedThen) {
  Layer l = datedLayer();
  FeatureFilter f;
  f.asOfYear = 2010;
  EXPECT_TRUE(passes(f, l, l.features[0]));   // Manas open 2001-2014
  EXPECT_FALSE(passes(f, l, l.features[1]));  // K2 closed 2005
  EXPECT_FALSE(passes(f, l, l.features[2]));  // Djibouti opened 2017
  EXPECT_TRUE(passes(f, l, l.features[3]));   // undated: always shown
  f.asOfYear = 2014;
  EXPECT_TRUE(passes(f, l, l.features[0])) << "the closing year still counts";
  f.asOfYear = 2020;
  EXPECT_FALSE(passes(f, l, l.features[0]));
  EXPECT_TRUE(passes(f, l, l.features[2])) << "no end year: still open";
}

TEST(FeatureFilter, ARangeShowsWhatExistedAtAnyTimeInIt) {
  Layer l = datedLayer();
  FeatureFilter f;
  f.setYears(YearSpan{2006, 2016});
  ASSERT_EQ(f.years(), (YearSpan{2006, 2016}));
  EXPECT_TRUE(passes(f, l, l.features[0]));   // Manas 2001-2014: open through most of it
  EXPECT_FALSE(passes(f, l, l.features[1]));  // K2 closed in 2005, the year before
  EXPECT_FALSE(passes(f, l, l.features[2]));  // Djibouti opened in 2017, the year after
  EXPECT_TRUE(passes(f, l, l.features[3]));   // undated
  f.setYears(YearSpan{2005, 2017});
  EXPECT_TRUE(passes(f, l, l.features[1])) << "closing in the first year counts";
  EXPECT_TRUE(passes(f, l, l.features[2])) << "opening in the last year counts";
  f.setYears(YearSpan{2015, 2016});
  EXPECT_FALSE(passes(f, l, l.features[0])) << "closed before the range";
  // A one-year span is the "as of" filter, and setYears(nullopt) switches the time filter off.
  f.setYears(YearSpan::single(2014));
  EXPECT_FALSE(f.untilYear.has_value());
  EXPECT_EQ(f.asOfYear, 2014);
  f.setYears(std::nullopt);
  EXPECT_FALSE(f.active());
  for (const auto& feat : l.features) EXPECT_TRUE(passes(f, l, feat));
}

TEST(FeatureFilter, ARangeIsTheUnionOfItsYears) {
  // Whatever passes the range is what passes some single year of it, and nothing else.
  Layer l = datedLayer();
  for (int from = 1998; from <= 2020; ++from) {
    for (int to = from; to <= 2020; ++to) {
      FeatureFilter range;
      range.setYears(YearSpan{from, to});
      for (const auto& feat : l.features) {
        bool anyYear = false;
        for (int y = from; y <= to; ++y) {
          FeatureFilter one;
          one.asOfYear = y;
          anyYear = anyYear || passes(one, l, feat);
        }
        EXPECT_EQ(passes(range, l, feat), anyYear) << from << ".." << to;
      }
    }
  }
}

TEST(YearSpan, ParsesYearsAndRangesAsTyped) {
  EXPECT_EQ(parseYearSpan("2016"), YearSpan::single(2016));
  EXPECT_EQ(parseYearSpan("2001..2014"), (YearSpan{2001, 2014}));
  EXPECT_EQ(parseYearSpan("2001-2014"), (YearSpan{2001, 2014}));
  EXPECT_EQ(parseYearSpan(" 2001 .. 2014 "), (YearSpan{2001, 2014}));
  EXPECT_EQ(parseYearSpan("2001\xE2\x80\x93"
                          "2014"),
            (YearSpan{2001, 2014}));  // an en dash
  EXPECT_EQ(parseYearSpan("2014..2014"), YearSpan::single(2014));
  std::string why;
  EXPECT_FALSE(parseYearSpan("2014..2001", &why));
  EXPECT_NE(why.find("earlier year"), std::string::npos) << why;
  for (const char* bad : {"", "soon", "20132014", "-2014", "2001..", "..2014", "2001-2014-2020", "2001,2014", "1e3"}) {
    why.clear();
    EXPECT_FALSE(parseYearSpan(bad, &why)) << bad;
    EXPECT_FALSE(why.empty()) << bad;
  }
  EXPECT_EQ(formatYearSpan({2001, 2014}), "2001..2014");
  EXPECT_EQ(formatYearSpan(YearSpan::single(2016)), "2016");
}

TEST(FeatureFilter, CountryMatchesHostOrOperator) {
  Layer l = datedLayer();
  FeatureFilter f;
  f.countries = {"KGZ"};
  EXPECT_TRUE(passes(f, l, l.features[0]));
  EXPECT_FALSE(passes(f, l, l.features[1]));
  f.countries = {"CHN"};
  EXPECT_TRUE(passes(f, l, l.features[2]));
  EXPECT_FALSE(passes(f, l, l.features[3]));
}

TEST(FeatureFilter, UndatedLayersAreNotFiltered) {
  Layer l = datedLayer();
  l.yearFields.clear();
  l.countryFields.clear();
  FeatureFilter f;
  f.asOfYear = 1990;
  f.countries = {"FRA"};
  for (const auto& feat : l.features) EXPECT_TRUE(passes(f, l, feat));
}

TEST(Style, ParsesAndFormatsColours) {
  EXPECT_EQ(parseColor("#ff8000"), (Color{255, 128, 0, 255}));
  EXPECT_EQ(parseColor("#FF800080"), (Color{255, 128, 0, 128}));
  EXPECT_FALSE(parseColor("ff8000"));
  EXPECT_FALSE(parseColor("#ff80zz"));
  EXPECT_EQ(formatColor({1, 2, 3, 255}), "#010203");
}

TEST(Style, RulesPickPerFeatureStyle) {
  Layer l = datedLayer();
  StyleRule chn;
  chn.field = "operator_country";
  chn.value = "CHN";
  chn.style.fill = {214, 39, 40, 255};
  l.styleRules.push_back(chn);
  EXPECT_EQ(l.styleFor(l.features[2]).fill, (Color{214, 39, 40, 255}));
  EXPECT_EQ(l.styleFor(l.features[0]).fill, l.style.fill);
}

TEST(MapView, PixelGridMatchesGdalGeotransform) {
  Bounds e;
  e.add(60, 30);
  e.add(80, 40);
  MapView v = MapView::fromExtent(e, 200, 100);
  EXPECT_DOUBLE_EQ(v.resolutionX(), 0.1);
  XY tl = v.pixelToMap(0, 0);
  EXPECT_DOUBLE_EQ(tl.x, 60);
  EXPECT_DOUBLE_EQ(tl.y, 40);
  XY c = v.pixelToMap(0.5, 0.5);  // centre of the top-left pixel
  EXPECT_NEAR(c.x, 60.05, 1e-12);
  EXPECT_NEAR(c.y, 39.95, 1e-12);
  XY px = v.mapToPixel({70, 35});
  EXPECT_NEAR(px.x, 100, 1e-9);
  EXPECT_NEAR(px.y, 50, 1e-9);
}

TEST(MapView, ZoomKeepsThePointUnderTheCursor) {
  Bounds e;
  e.add(0, 0);
  e.add(1000, 500);
  MapView v = MapView::fromExtent(e, 1000, 500);
  XY before = v.pixelToMap(250, 100);
  v.zoomAbout(250, 100, 2.0);
  XY after = v.pixelToMap(250, 100);
  EXPECT_NEAR(before.x, after.x, 1e-9);
  EXPECT_NEAR(before.y, after.y, 1e-9);
  EXPECT_DOUBLE_EQ(v.resolutionX(), 0.5);
  v.panPixels(10, 0);  // drag right: the map moves right, the centre moves left
  EXPECT_NEAR(v.pixelToMap(260, 100).x, after.x, 1e-9);
}

TEST(FeatureFilter, ChangesBetweenTwoYears) {
  Layer l = datedLayer();
  const std::vector<const Layer*> layers{&l};
  auto changes = changesBetween(layers, 2004, 2018);
  // K2 closed in 2005, Manas in 2014, Djibouti opened in 2017; Kant (undated) is not a change.
  ASSERT_EQ(changes.size(), 3u);
  EXPECT_FALSE(changes[0].appeared);
  EXPECT_EQ(changes[0].year, 2005);
  EXPECT_EQ(changes[0].featureIndex, 1u);
  EXPECT_FALSE(changes[1].appeared);
  EXPECT_EQ(changes[1].year, 2014);
  EXPECT_TRUE(changes[2].appeared);
  EXPECT_EQ(changes[2].year, 2017);
  EXPECT_TRUE(changesBetween(layers, 2006, 2013).empty());
  EXPECT_TRUE(changesBetween(layers, 2018, 2004).empty());
}
