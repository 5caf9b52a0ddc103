// What measure and ring operands name: coordinates, names in any spelling,
// ids, files, and the errors that say what is wrong.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "data/feature_lookup.hpp"

using pamir::data::FeatureLookup;
using pamir::data::LookupError;
using pamir::data::Place;

namespace {

const std::string kSites = std::string(PAMIR_TEST_DATA_DIR) + "/measure/sites.geojson";
const std::string kOneSite = std::string(PAMIR_TEST_DATA_DIR) + "/measure/one_site.geojson";

// A layer built in memory: names in several scripts, one with alternatives.
pamir::Layer places() {
  pamir::Layer l;
  l.id = "places";
  l.name = "Places";
  l.sourceLayer = "populated_places";
  l.fields = {{"name", pamir::FieldType::String},
              {"name_alt", pamir::FieldType::String},
              {"id", pamir::FieldType::String},
              {"uncertainty_km", pamir::FieldType::Real}};
  l.uncertaintyField = "uncertainty_km";
  auto add = [&](int64_t fid, const char* name, const char* alt, const char* id, double lon, double lat) {
    pamir::Feature f;
    f.fid = fid;
    f.values = {std::string(name), std::string(alt), std::string(id), pamir::FieldValue{}};
    f.geometry.points.push_back({lon, lat});
    l.features.push_back(f);
  };
  add(10, "Хорог", "Khorugh; Xorugh", "khorog", 71.5531, 37.4897);
  add(11, "Iğdır", "", "igdir", 44.04, 39.92);
  add(12, "Hà Nội", "", "hanoi", 105.85, 21.03);
  add(13, "Murghob", "Murğob", "murghob", 73.9667, 38.1702);
  add(14, "Camp Alpha", "", "camp_a", 71.0, 37.0);
  add(15, "Camp Alpha", "", "camp_b", 72.5, 37.5);
  l.features[3].values[3] = 20.0;
  return l;
}

FeatureLookup inMemory() { return FeatureLookup({places()}, "the test places"); }

LookupError::Cause causeOf(FeatureLookup& lookup, const std::string& operand) {
  try {
    lookup.resolve(operand);
  } catch (const LookupError& e) {
    return e.cause;
  }
  ADD_FAILURE() << operand << " resolved";
  return LookupError::Cause::Data;
}

std::string messageOf(FeatureLookup& lookup, const std::string& operand) {
  try {
    lookup.resolve(operand);
  } catch (const LookupError& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST(FeatureLookup, CoordinatesNeedNoData) {
  pamir::Diagnostics diag;
  FeatureLookup lookup({"/nonexistent/file.gpkg"}, diag);  // never read
  Place p = lookup.resolve("37.4,74.9");
  EXPECT_EQ(p.kind, Place::Kind::Coordinate);
  ASSERT_EQ(p.geometry.points.size(), 1u);
  EXPECT_DOUBLE_EQ(p.geometry.points[0].lat, 37.4);
  EXPECT_DOUBLE_EQ(p.geometry.points[0].lon, 74.9);
  EXPECT_EQ(p.label, "37.400000, 74.900000");
  EXPECT_EQ(lookup.resolve("43SDB9114939251").kind, Place::Kind::Coordinate);
  EXPECT_TRUE(diag.all().empty());
  EXPECT_EQ(causeOf(lookup, "97.0,74.9"), LookupError::Cause::Operand);  // beyond ±90
  EXPECT_NE(messageOf(lookup, "97.0,74.9").find("beyond ±90"), std::string::npos);
}

TEST(FeatureLookup, NamesInAnySpellingAndScript) {
  FeatureLookup lookup = inMemory();
  EXPECT_EQ(lookup.resolve("хорог").fid, 10);
  EXPECT_EQ(lookup.resolve("KHORUGH").fid, 10);  // an alternative name
  EXPECT_EQ(lookup.resolve("xorugh").fid, 10);
  EXPECT_EQ(lookup.resolve("IGDIR").fid, 11);
  EXPECT_EQ(lookup.resolve("ha noi").fid, 12);
  EXPECT_EQ(lookup.resolve("Murğob").fid, 13);
  const Place p = lookup.resolve("murgob");
  EXPECT_EQ(p.kind, Place::Kind::Feature);
  EXPECT_EQ(p.layer, "places");
  EXPECT_EQ(p.label, "Murghob (places#13)");
  ASSERT_TRUE(p.uncertainty_km);
  EXPECT_EQ(*p.uncertainty_km, 20.0);
  EXPECT_FALSE(lookup.resolve("khorog").uncertainty_km);  // the id field matches too; no uncertainty recorded
}

TEST(FeatureLookup, IdsWithinALayer) {
  FeatureLookup lookup = inMemory();
  EXPECT_EQ(lookup.resolve("places#12").fid, 12);               // FID
  EXPECT_EQ(lookup.resolve("places#camp_b").fid, 15);           // id field
  EXPECT_EQ(lookup.resolve("populated_places#igdir").fid, 11);  // by source layer name
  EXPECT_EQ(lookup.resolve("PLACES#Хорог").fid, 10);            // a name within the layer
  EXPECT_NE(messageOf(lookup, "places#99").find("no feature with id or name '99' in layer places"), std::string::npos);
  EXPECT_NE(messageOf(lookup, "roads#1").find("no file or layer 'roads' (layers of the test places: places)"),
            std::string::npos);
  EXPECT_EQ(causeOf(lookup, "places#"), LookupError::Cause::Operand);
}

TEST(FeatureLookup, AmbiguousNamesListTheCandidates) {
  FeatureLookup lookup = inMemory();
  const std::string msg = messageOf(lookup, "camp alpha");
  EXPECT_NE(msg.find("'camp alpha' is ambiguous in the test places: 2 features match"), std::string::npos) << msg;
  // Each with what tells them apart: kind and position.
  EXPECT_NE(msg.find("places#14  Camp Alpha  [point]  37.0000, 71.0000"), std::string::npos) << msg;
  EXPECT_NE(msg.find("places#15  Camp Alpha  [point]  37.5000, 72.5000"), std::string::npos) << msg;
  EXPECT_EQ(causeOf(lookup, "camp alpha"), LookupError::Cause::Operand);
  // A whole-word part of one name is enough when nothing matches whole.
  EXPECT_EQ(lookup.resolve("Hà").fid, 12);
  EXPECT_NE(messageOf(lookup, "Atlantis").find("'Atlantis' is not a coordinate, a file, or the name of a feature in"),
            std::string::npos);
  EXPECT_NE(messageOf(lookup, "--").find("neither a coordinate nor a name"), std::string::npos);
}

TEST(FeatureLookup, FeaturesOfFiles) {
  FeatureLookup lookup({}, "nothing");
  EXPECT_EQ(lookup.resolve(kSites + "#2").label, "Khorugh (" + kSites + ":sites#2)");  // the layer's id
  EXPECT_EQ(lookup.resolve(kSites + ":sites#murghob").fid, 3);
  EXPECT_EQ(lookup.resolve(kSites + "#Inner Camp").fid, 6);
  const Place one = lookup.resolve(kOneSite);
  EXPECT_EQ(one.kind, Place::Kind::Feature);
  EXPECT_EQ(one.label.rfind("one_site.geojson: ", 0), 0u) << one.label;
  EXPECT_NE(messageOf(lookup, kSites).find("holds 8 features"), std::string::npos);
  EXPECT_NE(messageOf(lookup, kSites + ":roads#1").find("has no layer 'roads' (layers: "), std::string::npos);
  // A feature without geometry cannot be measured: a data error, naming it.
  EXPECT_EQ(causeOf(lookup, kSites + "#7"), LookupError::Cause::Data);
  EXPECT_NE(messageOf(lookup, kSites + "#7").find("#7 (Nowhere) has no geometry"), std::string::npos);
}

TEST(FeatureLookup, SourcesAreReadOnceAndOnlyWhenNeeded) {
  pamir::Diagnostics diag;
  FeatureLookup lookup({kSites}, diag);
  EXPECT_EQ(lookup.description(), kSites);
  EXPECT_EQ(lookup.resolve("sites#khorugh").fid, 2);
  EXPECT_EQ(lookup.resolve("north-box").fid, 4);
  EXPECT_EQ(lookup.layers().size(), 1u);

  pamir::Diagnostics none;
  FeatureLookup missing({"/nonexistent/file.gpkg"}, none);
  EXPECT_EQ(causeOf(missing, "Khorugh"), LookupError::Cause::Data);
  EXPECT_NE(messageOf(missing, "Khorugh").find("cannot load /nonexistent/file.gpkg"), std::string::npos);
}

TEST(FeatureLookup, TheBuiltInDatasetsVectorLayers) {
  pamir::Diagnostics diag;
  FeatureLookup lookup({}, diag);
  EXPECT_EQ(lookup.description(), "the built-in dataset");
  const Place outpost = lookup.resolve("bases#cn_outpost_shaymak");
  EXPECT_EQ(outpost.layer, "bases");
  EXPECT_TRUE(outpost.uncertainty_km);
  EXPECT_EQ(lookup.resolve("gilgit baltistan").kind, Place::Kind::Feature);
  for (const auto& l : lookup.layers()) EXPECT_NE(l.id, "hillshade");  // rasters are not read
  EXPECT_EQ(diag.errorCount(), 0u);
}
