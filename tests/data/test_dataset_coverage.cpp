// Every place the seed document names that has a location is on the map,
// with the years the seed gives. The list below is the seed read paragraph
// by paragraph; each entry quotes the words it comes from.
#include <gtest/gtest.h>

#include <cmath>
#include <map>
#include <optional>

#include "test_dataset_common.hpp"

using namespace pamir::dataset_test;
using nlohmann::json;

namespace {

// Values of one field over a layer of the dataset (curated GeoJSON or base.gpkg).
std::vector<std::string> fieldValues(const std::string& layer, const std::string& field) {
  const bool curated = std::find(kCuratedLayers.begin(), kCuratedLayers.end(), layer) != kCuratedLayers.end();
  auto ds = openDataset(curated ? curatedPath(layer) : kGeodata + "/base.gpkg", GDAL_OF_VECTOR);
  if (!ds) return {};
  OGRLayer* l = curated ? ds->GetLayer(0) : ds->GetLayerByName(layer.c_str());
  if (!l) return {};
  std::vector<std::string> out;
  for (auto& f : *l) out.push_back(f->GetFieldAsString(field.c_str()));
  return out;
}

bool has(const std::string& layer, const std::string& field, const std::string& value) {
  auto v = fieldValues(layer, field);
  return std::find(v.begin(), v.end(), value) != v.end();
}

std::optional<json> curatedFeature(const std::string& id) {
  for (const auto& layer : kCuratedLayers) {
    const json fc = readJson(curatedPath(layer));
    for (const auto& f : fc.at("features"))
      if (f["properties"]["id"] == id) return f;
  }
  return std::nullopt;
}

struct Named {
  const char* seed;   // the seed's words
  const char* layer;  // where it is on the map
  const char* field;
  const char* value;
};

const Named kSeedPlaces[] = {
    // Introduction
    {"In 2017, China inaugurated a military base in Djibouti", "bases", "id", "pla_djibouti"},
    {"Chinese military in Equatorial Guinea", "bases", "id", "plan_bata_reported"},
    {"Shanghai Cooperation Organization (SCO) ... Established in 2001", "events", "id", "ev_2001_sco_founded"},
    // Analysis: threats
    {"the 2016 terroristic attack to the Chinese embassy in Bishkek", "events", "id", "ev_2016_bishkek_embassy_attack"},
    {"fan-out of radical ideology to Xinjiang through Tajikistan and Kyrgyzstan", "admin1", "name", "Xinjiang"},
    {"In Uzbekistan's Ferghana Valley", "events", "id", "ev_ferghana_valley"},
    {"China–Kazakhstan–Turkmenistan– Iran railway", "corridors", "id", "kti_railway"},
    {"the Turkmenbashi International Seaport", "events", "id", "ev_turkmenbashi_port"},
    // Arms
    {"in 2016 Kazakhstan received Wing Loong-1 drones", "events", "id", "ev_2016_wingloong_kaz"},
    {"and the Russian modelled Y-8 transport aircraft", "events", "id", "ev_2016_y8_kaz"},
    {"in 2019 Tajikistan received Hongqi-9 missile systems", "events", "id", "ev_2019_hq9_tjk"},
    {"Uzbekistan ... QW-18 in 2019", "events", "id", "ev_2019_qw18_uzb"},
    {"Uzbekistan was also the first country to receive Wing Loong-I drones from China in 2014", "events", "id",
     "ev_2014_wingloong_uzb"},
    // Exercises
    {"in 2002, when the first Sino-Kyrgyz counterterrorism exercise was conducted", "events", "id",
     "ev_2002_cn_kg_exercise"},
    {"In 2016, an exercise with Tajikistan involved 10,000 personnel in the Gorno-Badakshan region", "events", "id",
     "ev_2016_gbao_exercise"},
    {"the Gorno-Badakshan region", "admin1", "name", "Gorno-Badakhshan"},
    {"China founded the Quadrilateral Cooperation and Coordination Mechanism (QCCM)", "events", "id", "ev_2016_qccm"},
    {"the SCO and its Regional Anti-Terror Structure (RATS)", "events", "id", "ev_sco_rats_tashkent"},
    {"In 2019, a three-day military exercise in the GornoBadakshan region", "events", "id", "ev_2019_gbao_exercise"},
    {"'Cooperation-2019', in which Chinese PAP participated with Kyrgyz National Guards", "events", "id",
     "ev_2019_cooperation_kgz"},
    {"... and Uzbek police forces", "events", "id", "ev_2019_cooperation_uzb"},
    // Education
    {"National Institute for SCO International Exchange and Judicial Cooperation in Shanghai", "events", "id",
     "ev_2014_cnisco"},
    {"a Chinese Department at the Kazakh University of Defence", "events", "id", "ev_2016_kaz_ndu_chinese_dept"},
    {"Uzbekistan Internal Security Academy and China's People's Security University", "events", "id",
     "ev_2017_uzb_isa_ppsu"},
    {"The PLA NDU and the Armed Forces Academy of Uzbekistan", "events", "id", "ev_uzb_afa_pla_ndu"},
    {"the Military-Technical Institute of the National Guard of Uzbekistan", "events", "id", "ev_uzb_ng_mti_chinese"},
    // Tajikistan
    {"China and Tajikistan agreed to build 11 border outposts and a training centre", "events", "id",
     "ev_2016_border_posts_agreement"},
    {"a Chinese outpost was established in the Murghab district of Gorno-Badakhshan", "bases", "id",
     "cn_outpost_shaymak"},
    {"another base in Gorno-Badakhshan close to the Wakhan corridor for Tajikistan's special forces", "bases", "id",
     "tj_sof_base_vakhon"},
    {"the Wakhan corridor", "wakhan_corridor", "id", "wakhan_corridor"},
    {"In 2021, China opened an airport near the border with Tajikistan", "airbases", "id", "tashkurgan_airport"},
    {"the China–Kyrgyzstan–Uzbekistan Rail project", "corridors", "id", "cku_railway"},
    {"Chinese troops near Wakhan (which is about 200 km from Gilgit Baltistan)", "admin1", "name", "Gilgit-Baltistan"},
    {"Gilgit Baltistan (its city)", "places", "name", "Gilgit"},
    {"In 2011, Tajikistan handed over 1,000 square kilometres of territory to China in the Pamir region", "events",
     "id", "ev_2011_pamir_cession"},
    // India
    {"a highway through Indian territory in Aksai Chin", "corridors", "id", "aksai_chin_highway"},
    {"Indian territory in Aksai Chin (India's claim line)", "borders", "name", "Indian claim (Aksai Chin)"},
    {"the China–Pakistan Economic Corridor through Pakistan-occupied Kashmir", "corridors", "id", "cpec"},
    {"Recent violations of the LAC (Line of Actual Control)", "borders", "kind", "line_of_actual_control"},
    {"construction of a string of villages by China in Tibet", "admin1", "name", "Tibet"},
    {"an India–Tajik friendship hospital at Bokhtar (Kurgun Teppa)", "events", "id", "ev_itfh_bokhtar"},
    {"Bokhtar (the town)", "places", "name", "Bokhtar"},
    {"the renovation of the disused Ayni airbase in Tajikistan", "airbases", "id", "ayni_airbase"},
    {"India's membership of the SCO in 2017", "events", "id", "ev_2017_india_pakistan_sco"},
    // Conclusion
    {"opened bases in Uzbekistan ... until 2014", "airbases", "id", "k2_airbase"},
    {"... and Kyrgyzstan until 2014", "airbases", "id", "manas_transit_center"},
    {"The Northern Distribution Network ... launched in 2009, was shuttered in 2015", "events", "id",
     "ev_ndn_2009_2015"},
    {"Tajikistan's border with Afghanistan", "borders", "name", "Afghanistan–Tajikistan boundary"},
    // Named in the issue alongside the seed: Russia's footprint and the Karakoram Highway
    {"Russia's 201st base, Dushanbe", "bases", "id", "ru201_dushanbe"},
    {"Russia's 201st base, Bokhtar", "bases", "id", "ru201_bokhtar"},
    {"Kant air base", "airbases", "id", "kant_airbase"},
    {"Karakoram Highway", "corridors", "id", "karakoram_highway"},
    // The same places in the reference layers
    {"Afghanistan's Badakhshan (the Wakhan's province)", "admin1", "name", "Badakhshan"},
    {"Murghab", "places", "name", "Murghob"},
    {"Dushanbe", "places", "name", "Dushanbe"},
    {"Bishkek", "places", "name", "Bishkek"},
    {"Kant air base in OurAirports", "airports", "ident", "UAFW"},
    {"Manas in OurAirports", "airports", "ident", "UAFM"},
    {"Ayni (Gissar) in OurAirports", "airports", "ident", "TJ-UT45"},
};

}  // namespace

TEST(DatasetCoverage, EveryPlaceTheSeedNamesIsOnTheMap) {
  for (const auto& n : kSeedPlaces)
    EXPECT_TRUE(has(n.layer, n.field, n.value))
        << "seed: \"" << n.seed << "\" -> no " << n.layer << " feature with " << n.field << " = " << n.value;
}

TEST(DatasetCoverage, EveryCountryTheSeedNamesIsOnTheMap) {
  // Countries with a place in the argument (the US, Spain, France appear only as actors or markets).
  for (const char* iso : {"CHN", "KAZ", "KGZ", "RUS", "TJK", "UZB", "IND", "PAK", "AFG", "TKM", "IRN", "DJI", "GNQ",
                          "SYR", "IRQ", "TUR", "UKR"})
    EXPECT_TRUE(has("countries", "iso_a3", iso)) << iso;
}

TEST(DatasetCoverage, DatedFactsCarryTheYearsOfTheirSources) {
  struct Dated {
    const char* id;
    int start;
    std::optional<int> end;  // nullopt: ongoing
  };
  const Dated facts[] = {
      {"pla_djibouti", 2017, std::nullopt},
      {"ev_2001_sco_founded", 2001, 2001},
      {"ev_2016_bishkek_embassy_attack", 2016, 2016},
      {"ev_2014_wingloong_uzb", 2014, 2014},
      {"ev_2016_wingloong_kaz", 2016, 2016},
      {"ev_2016_y8_kaz", 2016, 2016},
      {"ev_2019_hq9_tjk", 2019, 2019},
      {"ev_2019_qw18_uzb", 2019, 2019},
      {"ev_2002_cn_kg_exercise", 2002, 2002},
      {"ev_2016_gbao_exercise", 2016, 2016},
      {"ev_2016_qccm", 2016, std::nullopt},
      {"ev_2019_gbao_exercise", 2019, 2019},
      {"ev_2019_cooperation_kgz", 2019, 2019},
      {"ev_2019_cooperation_uzb", 2019, 2019},
      {"ev_2014_cnisco", 2014, std::nullopt},
      {"ev_2016_kaz_ndu_chinese_dept", 2016, std::nullopt},
      {"ev_2017_uzb_isa_ppsu", 2017, std::nullopt},
      {"ev_2016_border_posts_agreement", 2016, std::nullopt},
      {"cn_outpost_shaymak", 2016, std::nullopt},
      {"tj_sof_base_vakhon", 2021, std::nullopt},
      {"ev_2011_pamir_cession", 2011, 2011},
      {"ayni_airbase", 2002, 2010},
      {"ev_2017_india_pakistan_sco", 2017, 2017},
      {"manas_transit_center", 2001, 2014},
      // The seed says both US bases closed in 2014; Karshi-Khanabad closed in 2005.
      {"k2_airbase", 2001, 2005},
      {"ev_ndn_2009_2015", 2009, 2015},
      // The seed says 2021; the airport opened on 23 Dec 2022 (the record notes the difference).
      {"tashkurgan_airport", 2022, std::nullopt},
  };
  for (const auto& d : facts) {
    auto f = curatedFeature(d.id);
    ASSERT_TRUE(f.has_value()) << d.id;
    const json& p = (*f)["properties"];
    EXPECT_EQ(p["year_start"], d.start) << d.id;
    if (d.end) {
      EXPECT_EQ(p["year_end"], *d.end) << d.id;
    } else {
      EXPECT_TRUE(p["year_end"].is_null()) << d.id << " is ongoing";
    }
  }
}

TEST(DatasetCoverage, TheShaymakOutpostLooksAsUncertainAsItIs) {
  auto f = curatedFeature("cn_outpost_shaymak");
  ASSERT_TRUE(f.has_value());
  const json& p = (*f)["properties"];
  EXPECT_EQ(p["confidence"], "low");
  EXPECT_EQ(p["uncertainty_km"], 20.0);
  EXPECT_EQ(p["host_country"], "TJK");
  EXPECT_EQ(p["operator_country"], "CHN");
  EXPECT_NE(p["uncertainty_note"].get<std::string>().find("Estimate"), std::string::npos);
}

TEST(DatasetCoverage, TheWakhanCorridorIsDerivedAndBordersItsThreeNeighbours) {
  auto ds = openDataset(kGeodata + "/base.gpkg", GDAL_OF_VECTOR);
  ASSERT_TRUE(ds);
  OGRLayer* wl = ds->GetLayerByName("wakhan_corridor");
  ASSERT_NE(wl, nullptr);
  ASSERT_EQ(wl->GetFeatureCount(), 1);
  OGRFeatureUniquePtr wakhan(wl->GetNextFeature());
  ASSERT_TRUE(wakhan && wakhan->GetGeometryRef());
  const OGRGeometry* w = wakhan->GetGeometryRef();
  EXPECT_TRUE(w->IsValid());
  EXPECT_NE(std::string(wakhan->GetFieldAsString("method")).find("Derived"), std::string::npos);
  // Wakhan district is about 11,000 km², the corridor about 300 km long.
  EXPECT_GT(wakhan->GetFieldAsDouble("area_km2"), 9000);
  EXPECT_LT(wakhan->GetFieldAsDouble("area_km2"), 13000);
  EXPECT_GT(wakhan->GetFieldAsDouble("length_km"), 250);
  EXPECT_LT(wakhan->GetFieldAsDouble("length_km"), 360);

  std::map<std::string, std::unique_ptr<OGRGeometry>> countries;
  for (auto& f : *ds->GetLayerByName("countries"))
    if (f->GetGeometryRef()) countries[f->GetFieldAsString("iso_a3")].reset(f->GetGeometryRef()->clone());
  ASSERT_TRUE(countries.count("AFG"));
  auto area = [](const OGRGeometry* g) { return OGR_G_Area(OGRGeometry::ToHandle(const_cast<OGRGeometry*>(g))); };
  // Inside Afghanistan...
  std::unique_ptr<OGRGeometry> inter(w->Intersection(countries["AFG"].get()));
  ASSERT_TRUE(inter);
  EXPECT_NEAR(area(inter.get()), area(w), area(w) * 1e-6);
  // ...and touching Tajikistan to the north, Pakistan to the south, China to the east.
  for (const char* iso : {"TJK", "PAK", "CHN"}) {
    ASSERT_TRUE(countries.count(iso)) << iso;
    EXPECT_LT(w->Distance(countries[iso].get()), 1e-6) << "the Wakhan corridor does not touch " << iso;
  }
}

TEST(DatasetCoverage, TheSeedsTwoHundredKilometresIsToGilgitCityNotToGilgitBaltistan) {
  // "Chinese troops near Wakhan (which is about 200 km from Gilgit Baltistan)":
  // the corridor itself touches Gilgit-Baltistan; the ~200 km is the distance
  // from the Murghab outpost to Gilgit city. The map must let both be seen.
  auto ds = openDataset(kGeodata + "/base.gpkg", GDAL_OF_VECTOR);
  ASSERT_TRUE(ds);
  std::unique_ptr<OGRGeometry> wakhan, gb;
  for (auto& f : *ds->GetLayerByName("wakhan_corridor")) wakhan.reset(f->GetGeometryRef()->clone());
  for (auto& f : *ds->GetLayerByName("admin1"))
    if (std::string(f->GetFieldAsString("name")) == "Gilgit-Baltistan") gb.reset(f->GetGeometryRef()->clone());
  ASSERT_TRUE(wakhan && gb);
  // Natural Earth's admin-1 units are generalised: allow 0.05 degree (about 5 km).
  EXPECT_LT(wakhan->Distance(gb.get()), 0.05);

  auto outpost = curatedFeature("cn_outpost_shaymak");
  ASSERT_TRUE(outpost.has_value());
  const double lon1 = (*outpost)["geometry"]["coordinates"][0], lat1 = (*outpost)["geometry"]["coordinates"][1];
  double lon2 = 0, lat2 = 0;
  bool found = false;
  for (auto& f : *ds->GetLayerByName("places"))
    if (std::string(f->GetFieldAsString("name")) == "Gilgit" && std::string(f->GetFieldAsString("iso_a3")) == "PAK") {
      lon2 = f->GetGeometryRef()->toPoint()->getX();
      lat2 = f->GetGeometryRef()->toPoint()->getY();
      found = true;
    }
  ASSERT_TRUE(found);
  // Great-circle distance on a 6371 km sphere is ample for a 150-250 km band.
  const double rad = M_PI / 180.0;
  const double h = std::pow(std::sin((lat2 - lat1) * rad / 2), 2) +
                   std::cos(lat1 * rad) * std::cos(lat2 * rad) * std::pow(std::sin((lon2 - lon1) * rad / 2), 2);
  const double km = 2 * 6371.0 * std::asin(std::sqrt(h));
  EXPECT_GT(km, 150.0);
  EXPECT_LT(km, 250.0);
}
