// What the inspector says about a feature: where it is, its summary, its GeoJSON.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "app/feature_info.hpp"

using namespace pamir;
using namespace pamir::app;

namespace {
Layer datedSites() {
  Layer l;
  l.name = "Bases";
  l.id = "bases";
  l.fields = {{"name", FieldType::String},      {"kind", FieldType::String},       {"year_start", FieldType::Integer},
              {"year_end", FieldType::Integer}, {"confidence", FieldType::String}, {"uncertainty_km", FieldType::Real},
              {"source_url", FieldType::String}};
  l.yearFields = {"year_start", "year_end"};
  l.uncertaintyField = "uncertainty_km";
  Feature f;
  f.fid = 3;
  f.geometry.points = {{74.9, 37.4}};
  f.values = {std::string("Outpost"),
              std::string("outpost"),
              int64_t{2016},
              std::monostate{},
              std::string("low"),
              20.5,
              std::string("https://example.org/a")};
  l.features.push_back(f);
  return l;
}
}  // namespace

TEST(FeatureInfo, AnchorOfPointsLinesAndPolygons) {
  Geometry pt;
  pt.points = {{10, 20}, {11, 21}};
  EXPECT_EQ(featureAnchor(pt).kind, FeatureAnchor::Kind::Point);
  EXPECT_DOUBLE_EQ(featureAnchor(pt, LonLat{11.1, 21.1}).position.lon, 11);

  Geometry line;
  line.lines = {{{0, 0}, {1, 0}, {2, 0}, {3, 0}, {4, 0}}};
  FeatureAnchor a = featureAnchor(line, LonLat{3.2, 0.1});
  EXPECT_EQ(a.kind, FeatureAnchor::Kind::NearestVertex);
  EXPECT_DOUBLE_EQ(a.position.lon, 3);
  EXPECT_DOUBLE_EQ(featureAnchor(line).position.lon, 2) << "the middle vertex without a click";

  Geometry square;
  square.polygons.push_back({{{70, 36}, {72, 36}, {72, 38}, {70, 38}, {70, 36}}, {}});
  a = featureAnchor(square);
  EXPECT_EQ(a.kind, FeatureAnchor::Kind::Centroid);
  EXPECT_NEAR(a.position.lon, 71, 1e-9);
  EXPECT_NEAR(a.position.lat, 37, 1e-9);
  // Across the antimeridian: the centroid is at 180°, not at 0°.
  Geometry across;
  across.polygons.push_back({{{179, -1}, {-179, -1}, {-179, 1}, {179, 1}, {179, -1}}, {}});
  a = featureAnchor(across);
  EXPECT_NEAR(std::abs(a.position.lon), 180, 1e-9);
  EXPECT_NEAR(a.position.lat, 0, 1e-9);
  EXPECT_EQ(featureAnchor(Geometry{}).kind, FeatureAnchor::Kind::None);
}

TEST(FeatureInfo, SummaryNamesKindYearsAndUncertainty) {
  const Layer l = datedSites();
  FeatureSummary s = summarize(l, l.features[0]);
  EXPECT_EQ(s.name, "Outpost");
  EXPECT_EQ(s.kind, "outpost");
  EXPECT_EQ(s.years, "2016–");
  EXPECT_EQ(s.confidence, "low");
  EXPECT_EQ(s.uncertainty, "±20.5 km");
  EXPECT_EQ(s.sourceUrl, "https://example.org/a");
  Layer bare;
  bare.name = "Things";
  Feature f;
  f.fid = 9;
  f.geometry.lines = {{{0, 0}, {1, 1}}};
  bare.features.push_back(f);
  s = summarize(bare, bare.features[0]);
  EXPECT_EQ(s.name, "Things #9");
  EXPECT_EQ(s.kind, "line");
  EXPECT_EQ(s.years, "");
  EXPECT_EQ(s.uncertainty, "");
}

TEST(FeatureInfo, GeoJsonKeepsTypesAndGeometry) {
  const Layer l = datedSites();
  const auto j = nlohmann::json::parse(featureGeoJson(l, l.features[0]));
  EXPECT_EQ(j["type"], "Feature");
  EXPECT_EQ(j["geometry"]["type"], "Point");
  EXPECT_DOUBLE_EQ(j["geometry"]["coordinates"][0].get<double>(), 74.9);
  EXPECT_DOUBLE_EQ(j["geometry"]["coordinates"][1].get<double>(), 37.4);
  EXPECT_EQ(j["properties"]["year_start"], 2016);
  EXPECT_TRUE(j["properties"]["year_end"].is_null());
  EXPECT_DOUBLE_EQ(j["properties"]["uncertainty_km"].get<double>(), 20.5);
  EXPECT_EQ(j["properties"]["pamir:layer"], "bases");
  EXPECT_EQ(j["properties"]["pamir:fid"], 3);

  Layer areas;
  Feature f;
  f.geometry.polygons.push_back({{{0, 0}, {1, 0}, {1, 1}, {0, 0}}, {{{0.2, 0.1}, {0.8, 0.1}, {0.8, 0.5}, {0.2, 0.1}}}});
  f.geometry.polygons.push_back({{{5, 5}, {6, 5}, {6, 6}, {5, 5}}, {}});
  areas.features.push_back(f);
  const auto m = nlohmann::json::parse(featureGeoJson(areas, areas.features[0]));
  EXPECT_EQ(m["geometry"]["type"], "MultiPolygon");
  EXPECT_EQ(m["geometry"]["coordinates"].size(), 2u);
  EXPECT_EQ(m["geometry"]["coordinates"][0].size(), 2u) << "the hole is kept";
}

TEST(FeatureInfo, OnlyWebAddressesAreLinks) {
  EXPECT_TRUE(isWebUrl("https://www.rferl.org/a/x.html"));
  EXPECT_TRUE(isWebUrl("http://example.org"));
  EXPECT_FALSE(isWebUrl("file:///etc/passwd"));
  EXPECT_FALSE(isWebUrl("javascript:alert(1)"));
  EXPECT_FALSE(isWebUrl("https://"));
  EXPECT_FALSE(isWebUrl("https://a.org/ b"));
  EXPECT_FALSE(isWebUrl("https://a.org/\n--x"));
  EXPECT_FALSE(isWebUrl("-https://a.org"));
}
