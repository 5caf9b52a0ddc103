// The built-in dataset holds together: the manifest parses and points at
// layers that exist, every curated feature carries the same typed fields
// (so one filter works on all of them), codes are real ISO codes, years are
// ordered, every feature has a source, uncertain places say how uncertain,
// and every geometry is valid and where it claims to be.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include "data/catalog.hpp"
#include "data/manifest.hpp"
#include "test_dataset_common.hpp"

using namespace pamir;
using namespace pamir::dataset_test;
using nlohmann::json;

namespace {

std::vector<std::string> splitList(const std::string& s) {
  std::vector<std::string> out;
  std::stringstream in(s);
  std::string item;
  while (std::getline(in, item, ';'))
    if (!item.empty()) out.push_back(item);
  return out;
}

// Each curated feature, with the file it came from, for messages.
struct Curated {
  std::string layer;
  json feature;
  std::string where() const {
    return layer + ".geojson feature '" + feature["properties"].value("id", std::string("?")) + "'";
  }
};

std::vector<Curated> allCurated() {
  std::vector<Curated> out;
  for (const auto& layer : kCuratedLayers) {
    json fc = readJson(curatedPath(layer));
    for (const auto& f : fc.at("features")) out.push_back({layer, f});
  }
  return out;
}

bool isYear(const json& v) { return v.is_number_integer() && v.get<int>() >= 1900 && v.get<int>() <= 2035; }

}  // namespace

TEST(DatasetManifest, ParsesWithoutProblemsAndEveryLayerExists) {
  Diagnostics diag;
  auto m = data::readManifest(kGeodata + "/manifest.json", diag);
  ASSERT_TRUE(m.has_value());
  for (const auto& d : diag.all()) ADD_FAILURE() << d.line();

  std::set<std::string> groups;
  for (const auto& g : m->groups) groups.insert(g.id);
  std::set<std::string> ids;
  for (const auto& e : m->layers) {
    SCOPED_TRACE("manifest layer '" + e.id + "'");
    EXPECT_TRUE(ids.insert(e.id).second) << "duplicate layer id";
    EXPECT_TRUE(groups.count(e.group)) << "group '" << e.group << "' is not declared";
    const std::string path = kGeodata + "/" + e.source;
    if (e.type == "raster") {
      auto ds = openDataset(path, GDAL_OF_RASTER);
      ASSERT_TRUE(ds) << path << " does not open as a raster";
      EXPECT_GT(ds->GetRasterCount(), 0);
      continue;
    }
    EXPECT_EQ(e.type, "vector");
    auto ds = openDataset(path, GDAL_OF_VECTOR);
    ASSERT_TRUE(ds) << path << " does not open as a vector source";
    OGRLayer* layer = e.layer.empty() ? ds->GetLayer(0) : ds->GetLayerByName(e.layer.c_str());
    ASSERT_NE(layer, nullptr) << path << " has no layer '" << e.layer << "'";
    EXPECT_GT(layer->GetFeatureCount(), 0) << path << ":" << e.layer << " is empty";
    // Fields the styles and filters name must exist, or they silently do nothing.
    OGRFeatureDefn* defn = layer->GetLayerDefn();
    auto hasField = [&](const std::string& f) { return defn->GetFieldIndex(f.c_str()) >= 0; };
    if (!e.style.labelField.empty()) {
      EXPECT_TRUE(hasField(e.style.labelField)) << "label " << e.style.labelField;
    }
    for (const auto& r : e.rules) {
      EXPECT_TRUE(hasField(r.field)) << "style_by field " << r.field;
    }
    if (!e.uncertaintyField.empty()) {
      EXPECT_TRUE(hasField(e.uncertaintyField));
    }
    for (const auto& f : e.yearFields) {
      EXPECT_TRUE(hasField(f)) << "year field " << f;
    }
    for (const auto& f : e.countryFields) {
      EXPECT_TRUE(hasField(f)) << "country field " << f;
    }
  }
}

TEST(DatasetManifest, DrawingOrderAndDefaultViewAreTheRegion) {
  Diagnostics diag;
  auto m = data::readManifest(kGeodata + "/manifest.json", diag);
  ASSERT_TRUE(m.has_value());
  std::vector<std::string> order;
  for (const auto& e : m->layers) order.push_back(e.id);
  // Relief at the bottom, then areas, lines, points, and the curated sites on top.
  const std::vector<std::string> expected = {"hillshade", "countries", "admin1",   "wakhan_corridor",
                                             "borders",   "corridors", "airports", "places",
                                             "bases",     "airbases",  "events"};
  EXPECT_EQ(order, expected);
  ASSERT_TRUE(m->defaultBbox.has_value());
  // The Pamir and the Wakhan sit in the middle of the first view.
  EXPECT_TRUE(m->defaultBbox->contains(73.0, 37.0));
  EXPECT_TRUE(m->defaultBbox->contains(61.0, 34.0));
  EXPECT_TRUE(m->defaultBbox->contains(79.0, 43.0));
  EXPECT_LE(m->defaultBbox->width(), 30.0);
}

TEST(DatasetManifest, CuratedLayersAreFilterableAndShowUncertainty) {
  Diagnostics diag;
  auto m = data::readManifest(kGeodata + "/manifest.json", diag);
  ASSERT_TRUE(m.has_value());
  for (const auto& layer : kCuratedLayers) {
    auto it = std::find_if(m->layers.begin(), m->layers.end(), [&](const auto& e) { return e.id == layer; });
    ASSERT_NE(it, m->layers.end()) << layer << " is not in the manifest";
    SCOPED_TRACE(layer);
    EXPECT_EQ(it->source, "curated/" + layer + ".geojson");
    EXPECT_EQ(it->uncertaintyField, "uncertainty_km");
    EXPECT_EQ(it->yearFields, (std::vector<std::string>{"year_start", "year_end"}));
    EXPECT_EQ(it->countryFields, (std::vector<std::string>{"host_country", "operator_country"}));
    EXPECT_EQ(it->style.labelField, "short_name") << "the map shows the short name, the tooltip the full one";
    // The four powers the seed is about are told apart by colour.
    std::set<std::string> coloured;
    for (const auto& r : it->rules)
      if (r.field == "operator_country") coloured.insert(r.value);
    if (layer != "corridors") {
      EXPECT_EQ(coloured, (std::set<std::string>{"CHN", "IND", "RUS", "USA"}));
    }
  }
  auto corridors = std::find_if(m->layers.begin(), m->layers.end(), [](const auto& e) { return e.id == "corridors"; });
  EXPECT_TRUE(corridors->style.dashed) << "schematic lines must look schematic";
}

TEST(DatasetManifest, TheProgramLoadsEveryLayerWithoutErrors) {
  Diagnostics diag;
  auto m = data::readManifest(kGeodata + "/manifest.json", diag);
  ASSERT_TRUE(m.has_value());
  data::Catalog c = data::loadCatalog(*m, diag);
  for (const auto& d : diag.all())
    if (d.severity == Severity::Error) ADD_FAILURE() << d.line();
  EXPECT_EQ(c.rasters.size(), 1u);
  EXPECT_EQ(c.layers.size(), m->layers.size() - 1);
  for (const auto& l : c.layers) {
    EXPECT_FALSE(l.features.empty()) << l.id;
  }
}

TEST(DatasetCurated, EveryFeatureHasTheSameTypedFields) {
  for (const auto& c : allCurated()) {
    SCOPED_TRACE(c.where());
    const json& p = c.feature.at("properties");
    std::vector<std::string> keys;
    for (auto it = p.begin(); it != p.end(); ++it) keys.push_back(it.key());
    std::vector<std::string> sortedKeys = keys, sortedExpected = kCuratedFields;
    std::sort(sortedKeys.begin(), sortedKeys.end());
    std::sort(sortedExpected.begin(), sortedExpected.end());
    EXPECT_EQ(sortedKeys, sortedExpected);
    if (sortedKeys != sortedExpected) continue;

    EXPECT_TRUE(std::regex_match(p["id"].get<std::string>(), std::regex("[a-z0-9_]+"))) << "id";
    // A site's military symbol: a 15-character MIL-STD-2525C letter SIDC with
    // the neutral frame (the map makes no friend or hostile call); points only.
    if (!p["sidc"].is_null()) {
      ASSERT_TRUE(p["sidc"].is_string());
      EXPECT_TRUE(std::regex_match(p["sidc"].get<std::string>(), std::regex("SNG[PA][A-Z-]{6}[A-Z-]{5}"))) << p["sidc"];
      EXPECT_EQ(c.feature["geometry"]["type"], "Point");
    }
    EXPECT_LE(p["short_name"].get<std::string>().size(), 40u) << "a label, not a sentence";
    for (const char* text : {"name", "short_name", "kind", "uncertainty_note", "source_title", "description"}) {
      ASSERT_TRUE(p[text].is_string()) << text;
      EXPECT_FALSE(p[text].get<std::string>().empty()) << text << " is empty";
    }
    EXPECT_TRUE(p["alt_names"].is_string());
    EXPECT_TRUE(p["parties"].is_string());
    EXPECT_TRUE(p["year_start"].is_null() || isYear(p["year_start"])) << p["year_start"];
    EXPECT_TRUE(p["year_end"].is_null() || isYear(p["year_end"])) << p["year_end"];
    EXPECT_TRUE(p["seed_footnote"].is_null() ||
                (p["seed_footnote"].is_number_integer() && p["seed_footnote"] >= 1 && p["seed_footnote"] <= 23))
        << "the seed has footnotes 1 to 23";
    EXPECT_TRUE(p["out_of_area"].is_boolean());
    EXPECT_TRUE(p["schematic"].is_boolean());
    EXPECT_TRUE(p["uncertainty_km"].is_null() || p["uncertainty_km"].is_number());
    static const std::set<std::string> statuses = {"reported", "confirmed", "planned", "closed"};
    static const std::set<std::string> confidences = {"high", "medium", "low"};
    EXPECT_TRUE(p["status"].is_string() && statuses.count(p["status"].get<std::string>())) << p["status"];
    EXPECT_TRUE(p["confidence"].is_string() && confidences.count(p["confidence"].get<std::string>()))
        << p["confidence"];
  }
}

TEST(DatasetCurated, CountryCodesAreIsoAlpha3) {
  for (const auto& c : allCurated()) {
    SCOPED_TRACE(c.where());
    const json& p = c.feature.at("properties");
    ASSERT_TRUE(p["host_country"].is_string());
    EXPECT_TRUE(isoAlpha3().count(p["host_country"].get<std::string>())) << p["host_country"];
    // Multilateral bodies (the SCO) have no single operator.
    if (!p["operator_country"].is_null()) {
      ASSERT_TRUE(p["operator_country"].is_string());
      EXPECT_TRUE(isoAlpha3().count(p["operator_country"].get<std::string>())) << p["operator_country"];
    }
    auto parties = splitList(p["parties"].get<std::string>());
    EXPECT_FALSE(parties.empty()) << "parties lists the countries involved";
    for (const auto& code : parties) {
      EXPECT_TRUE(isoAlpha3().count(code)) << "party " << code;
    }
    EXPECT_TRUE(std::is_sorted(parties.begin(), parties.end())) << "parties are sorted: " << p["parties"];
    if (p["operator_country"].is_string()) {
      EXPECT_TRUE(std::count(parties.begin(), parties.end(), p["operator_country"].get<std::string>()))
          << "the operator is one of the parties";
    }
  }
}

TEST(DatasetCurated, YearsAreOrderedAndClosedThingsHaveAnEnd) {
  for (const auto& c : allCurated()) {
    SCOPED_TRACE(c.where());
    const json& p = c.feature.at("properties");
    if (p["year_start"].is_number_integer() && p["year_end"].is_number_integer()) {
      EXPECT_LE(p["year_start"].get<int>(), p["year_end"].get<int>());
    }
    if (p["status"] == "closed") {
      EXPECT_TRUE(p["year_end"].is_number_integer()) << "closed, but no year_end";
    }
    if (p["status"] == "planned") {
      EXPECT_TRUE(p["year_end"].is_null()) << "planned, but already ended";
    }
  }
}

TEST(DatasetCurated, IdsAreUniqueAcrossEveryFile) {
  std::map<std::string, std::string> seen;
  for (const auto& c : allCurated()) {
    const std::string id = c.feature["properties"].value("id", std::string());
    auto [it, inserted] = seen.emplace(id, c.layer);
    EXPECT_TRUE(inserted) << "id '" << id << "' is in " << it->second << " and " << c.layer;
  }
}

TEST(DatasetCurated, EveryFeatureHasASource) {
  for (const auto& c : allCurated()) {
    SCOPED_TRACE(c.where());
    const json& p = c.feature.at("properties");
    ASSERT_TRUE(p["source_url"].is_string());
    EXPECT_TRUE(std::regex_match(p["source_url"].get<std::string>(), std::regex("https?://[^ ]+\\.[^ ]+")))
        << p["source_url"];
  }
}

TEST(DatasetCurated, UncertainLocationsSayHowUncertain) {
  for (const auto& c : allCurated()) {
    SCOPED_TRACE(c.where());
    const json& p = c.feature.at("properties");
    if (p["confidence"] == "low") {
      ASSERT_TRUE(p["uncertainty_km"].is_number()) << "low confidence needs an uncertainty radius";
      EXPECT_GT(p["uncertainty_km"].get<double>(), 0.0);
      EXPECT_LE(p["uncertainty_km"].get<double>(), 500.0);
    } else {
      EXPECT_TRUE(p["uncertainty_km"].is_null()) << "only low-confidence locations carry a radius";
    }
  }
}

TEST(DatasetCurated, LowConfidenceCoordinatesClaimNoFalsePrecision) {
  // An estimate or an anchor is rounded to 0.01 degree (about 1 km) or coarser.
  for (const auto& c : allCurated()) {
    SCOPED_TRACE(c.where());
    if (c.feature["properties"]["confidence"] != "low") continue;
    const json& g = c.feature.at("geometry");
    std::vector<json> positions;
    if (g["type"] == "Point") {
      positions.push_back(g["coordinates"]);
    } else {
      for (const auto& pos : g["coordinates"]) positions.push_back(pos);
    }
    for (const auto& pos : positions)
      for (int k = 0; k < 2; ++k) {
        const double v = pos[k].get<double>() * 100.0;
        EXPECT_NEAR(v, std::round(v), 1e-6) << "coordinate " << pos[k] << " has more than two decimals";
      }
  }
}

TEST(DatasetCurated, SchematicLinesAreMarkedSchematic) {
  for (const auto& c : allCurated()) {
    SCOPED_TRACE(c.where());
    const bool isLine = c.feature["geometry"]["type"] != "Point";
    EXPECT_EQ(c.feature["properties"]["schematic"].get<bool>(), isLine)
        << "corridor lines are schematic, points are not";
  }
}

TEST(DatasetCurated, GeometriesAreValidAndInsideTheRegionUnlessFlagged) {
  for (const auto& layerName : kCuratedLayers) {
    auto ds = openDataset(curatedPath(layerName), GDAL_OF_VECTOR);
    ASSERT_TRUE(ds) << curatedPath(layerName);
    OGRLayer* layer = ds->GetLayer(0);
    const OGRwkbGeometryType expected = layerName == "corridors" ? wkbLineString : wkbPoint;
    for (auto& f : *layer) {
      const std::string id = f->GetFieldAsString("id");
      SCOPED_TRACE(layerName + ".geojson feature '" + id + "'");
      const OGRGeometry* g = f->GetGeometryRef();
      ASSERT_NE(g, nullptr) << "no geometry";
      EXPECT_EQ(wkbFlatten(g->getGeometryType()), expected);
      EXPECT_TRUE(g->IsValid());
      OGREnvelope env;
      g->getEnvelope(&env);
      const bool inside = env.MinX >= kRegion.minLon && env.MaxX <= kRegion.maxLon && env.MinY >= kRegion.minLat &&
                          env.MaxY <= kRegion.maxLat;
      const bool flagged = f->GetFieldAsInteger("out_of_area") != 0;
      if (!flagged) {
        EXPECT_TRUE(inside) << "outside 40-100 E, 0-56 N but not flagged out_of_area";
      }
    }
  }
}

TEST(DatasetCurated, PointsLieInTheirHostCountry) {
  // A site is in (or, for an uncertain one, within its radius of) the country
  // hosting it. Catches swapped lon/lat and typos in coordinates.
  auto base = openDataset(kGeodata + "/base.gpkg", GDAL_OF_VECTOR);
  ASSERT_TRUE(base);
  OGRLayer* countries = base->GetLayerByName("countries");
  ASSERT_NE(countries, nullptr);
  std::map<std::string, std::unique_ptr<OGRGeometry>> byIso;
  std::map<std::string, bool> clipped;
  for (auto& f : *countries) {
    const std::string iso = f->GetFieldAsString("iso_a3");
    if (iso.empty() || !f->GetGeometryRef()) continue;
    clipped[iso] = clipped[iso] || f->GetFieldAsInteger("clipped") != 0;
    auto& g = byIso[iso];
    if (!g)
      g.reset(f->GetGeometryRef()->clone());
    else
      g.reset(g->Union(f->GetGeometryRef()));
  }
  for (const auto& c : allCurated()) {
    if (c.feature["geometry"]["type"] != "Point") continue;
    SCOPED_TRACE(c.where());
    const json& p = c.feature["properties"];
    const std::string host = p["host_country"];
    const double lon = c.feature["geometry"]["coordinates"][0], lat = c.feature["geometry"]["coordinates"][1];
    OGRPoint pt(lon, lat);
    if (!byIso.count(host)) {
      EXPECT_TRUE(p["out_of_area"].get<bool>()) << host << " is not in the countries layer";
      continue;
    }
    if (p["out_of_area"].get<bool>() && clipped[host] && !byIso[host]->Contains(&pt)) continue;
    // Degrees to km along a meridian; overstates east-west distances, so the check errs strict.
    const double km = byIso[host]->Distance(&pt) * 111.32;
    const double allowed = p["uncertainty_km"].is_number() ? p["uncertainty_km"].get<double>() : 2.0;
    EXPECT_LE(km, allowed) << lon << " " << lat << " is " << km << " km outside " << host;
  }
}
