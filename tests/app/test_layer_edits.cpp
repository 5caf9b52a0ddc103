// The analyst's edits to what is open: removing a layer, reading it again
// from its changed file, choosing the fields its filters read, and the
// Layers panel's rows that stand for them.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "app/layer_list.hpp"
#include "app/map_session.hpp"

using namespace pamir;

namespace {

std::string outDir() {
  const std::string dir = std::string(PAMIR_TEST_OUT_DIR) + "/layer_edits/";
  std::filesystem::create_directories(dir);
  return dir;
}

// Depots with years and host countries; `extra` more features after the first two.
void writeDepots(const std::string& path, int extra = 0) {
  std::ofstream out(path, std::ios::trunc);
  out << R"({"type":"FeatureCollection","features":[)"
      << R"({"type":"Feature","properties":{"name":"North","year_start":2005,"year_end":2012,"host":"TJ"},)"
      << R"("geometry":{"type":"Point","coordinates":[71.5,39.0]}},)"
      << R"({"type":"Feature","properties":{"name":"South","year_start":2015,"host":"AF"},)"
      << R"("geometry":{"type":"Point","coordinates":[70.0,36.5]}})";
  for (int i = 0; i < extra; ++i)
    out << R"(,{"type":"Feature","properties":{"name":"More","year_start":2001,"host":"KG"},)"
        << R"("geometry":{"type":"Point","coordinates":[74.5,42.8]}})";
  out << "]}";
}

const Layer* layerNamed(const app::MapSession& s, const std::string& name) {
  for (const Layer* l : s.drawLayers())
    if (l->name == name) return l;
  return nullptr;
}

size_t shown(const app::MapSession& s, const Layer& l) {
  size_t n = 0;
  for (const auto& f : l.features) n += passes(s.filter, l, f) ? 1 : 0;
  return n;
}

}  // namespace

TEST(LayerEdits, ADroppedLayersYearsAndHostCountriesDriveTheFilters) {
  const std::string path = outDir() + "filters.geojson";
  writeDepots(path);
  Diagnostics diag;
  app::MapSession s = app::MapSession::open({path}, data::BuiltinData::LeaveOut, diag);
  const Layer* l = layerNamed(s, "filters");
  ASSERT_NE(l, nullptr);
  EXPECT_EQ(l->yearFields, (std::vector<std::string>{"year_start", "year_end"}));
  EXPECT_EQ(l->countryFields, (std::vector<std::string>{"host"}));
  s.filter.asOfYear = 2010;
  EXPECT_EQ(shown(s, *l), 1u);  // North (2005-2012); South opened in 2015
  s.filter.asOfYear.reset();
  s.filter.countries = {"AFG"};
  EXPECT_EQ(shown(s, *l), 1u);  // "AF" is Afghanistan's alpha-2 code
}

TEST(LayerEdits, ChosenFilterFieldsAreWhatTheFilterReads) {
  const std::string path = outDir() + "choose.geojson";
  writeDepots(path);
  Diagnostics diag;
  app::MapSession s = app::MapSession::open({path}, data::BuiltinData::LeaveOut, diag);
  const Layer* l = layerNamed(s, "choose");
  ASSERT_NE(l, nullptr);
  s.filter.asOfYear = 2010;
  // One field: each depot is an event in the year it opened, so none in 2010.
  ASSERT_TRUE(s.setFilterFields(l, {"year_start", "year_start"}, {}));
  l = layerNamed(s, "choose");
  EXPECT_EQ(shown(s, *l), 0u);
  // No year field: the year filter leaves the layer alone.
  ASSERT_TRUE(s.setFilterFields(l, {}, {}));
  l = layerNamed(s, "choose");
  EXPECT_EQ(shown(s, *l), 2u);
  s.filter.asOfYear.reset();
  s.filter.countries = {"TJK"};
  EXPECT_EQ(shown(s, *l), 2u);  // no country field: the country filter leaves it alone too
  ASSERT_TRUE(s.setFilterFields(l, {}, {"host"}));
  l = layerNamed(s, "choose");
  EXPECT_EQ(shown(s, *l), 1u);
  // A field the layer does not have is refused and changes nothing.
  EXPECT_FALSE(s.setFilterFields(l, {"opened"}, {"host"}));
  EXPECT_FALSE(s.setFilterFields(l, {"year_start", "year_end", "name"}, {}));
  EXPECT_EQ(layerNamed(s, "choose")->countryFields, (std::vector<std::string>{"host"}));
}

TEST(LayerEdits, ARemovedLayerLeavesTheOthers) {
  const std::string a = outDir() + "keep.geojson", b = outDir() + "drop.geojson";
  writeDepots(a);
  writeDepots(b, 1);
  Diagnostics diag;
  app::MapSession s = app::MapSession::open({a, b}, data::BuiltinData::LeaveOut, diag);
  ASSERT_EQ(s.drawLayers().size(), 2u);
  Layer stranger;
  EXPECT_FALSE(s.removeLayer(&stranger));
  ASSERT_TRUE(s.removeLayer(layerNamed(s, "drop")));
  ASSERT_EQ(s.drawLayers().size(), 1u);
  EXPECT_EQ(s.drawLayers().front()->name, "keep");
  EXPECT_EQ(s.drawLayers().front()->features.size(), 2u);
}

TEST(LayerEdits, ReloadReadsTheFileAsItIsNowAndKeepsTheLayersLookAndPlace) {
  const std::string a = outDir() + "below.geojson", b = outDir() + "edited.geojson";
  writeDepots(a);
  writeDepots(b);
  Diagnostics diag;
  app::MapSession s = app::MapSession::open({a, b}, data::BuiltinData::LeaveOut, diag);
  const Layer* l = layerNamed(s, "edited");
  ASSERT_NE(l, nullptr);
  const Color colour = l->style.stroke;
  ASSERT_TRUE(s.setFilterFields(l, {"year_start", "year_start"}, {"host"}));
  writeDepots(b, 3);
  ASSERT_TRUE(s.reloadLayer(layerNamed(s, "edited"), diag));
  ASSERT_EQ(s.drawLayers().size(), 2u);
  const Layer* again = s.drawLayers().back();  // still on top
  EXPECT_EQ(again->name, "edited");
  EXPECT_EQ(again->features.size(), 5u);
  EXPECT_EQ(again->style.stroke, colour);
  EXPECT_EQ(again->yearFields, (std::vector<std::string>{"year_start", "year_start"}));  // the analyst's choice stays
  EXPECT_EQ(again->countryFields, (std::vector<std::string>{"host"}));
}

TEST(LayerEdits, AReloadThatCannotReadTheFileKeepsTheLayerAsItWas) {
  const std::string path = outDir() + "broken_later.geojson";
  writeDepots(path);
  Diagnostics diag;
  app::MapSession s = app::MapSession::open({path}, data::BuiltinData::LeaveOut, diag);
  std::ofstream(path, std::ios::trunc) << "{ not json";
  Diagnostics reload;
  EXPECT_FALSE(s.reloadLayer(layerNamed(s, "broken_later"), reload));
  ASSERT_FALSE(reload.all().empty());
  EXPECT_NE(reload.all().front().line().find("broken_later.geojson"), std::string::npos) << reload.all().front().line();
  ASSERT_NE(layerNamed(s, "broken_later"), nullptr);
  EXPECT_EQ(layerNamed(s, "broken_later")->features.size(), 2u);
}

TEST(LayerEdits, TheLayersPanelMarksAFileWrittenSinceItWasRead) {
  const std::string path = outDir() + "watched.geojson";
  writeDepots(path);
  Diagnostics diag;
  app::MapSession s = app::MapSession::open({path}, data::BuiltinData::LeaveOut, diag);
  app::LayerList list;
  std::vector<ui::LayerItem> rows;
  list.rebuild(s, rows);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(list.at(0).layer, s.drawLayers().front());
  EXPECT_EQ(rows[0].yearFields, (std::vector<std::string>{"year_start", "year_end"}));
  EXPECT_TRUE(list.checkSources(rows).empty());
  EXPECT_FALSE(rows[0].changedOnDisk);
  rows[0].visible = false;
  // A later write time, whatever the file system's clock resolution.
  writeDepots(path, 1);
  std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(2));
  EXPECT_EQ(list.checkSources(rows), (std::vector<std::string>{path}));
  EXPECT_TRUE(rows[0].changedOnDisk);
  EXPECT_TRUE(list.checkSources(rows).empty());  // said once
  // Read again: no longer marked, and the row keeps the visibility chosen.
  ASSERT_TRUE(s.reloadLayer(s.drawLayers().front(), diag));
  list.forget(rows[0]);
  list.rebuild(s, rows);
  EXPECT_FALSE(rows[0].changedOnDisk);
  EXPECT_FALSE(rows[0].visible);
  EXPECT_EQ(rows[0].featureCount, 3u);
}

TEST(LayerEdits, AChangeFoundWhileTheRowsAreRebuiltIsStillSaid) {
  const std::string path = outDir() + "rebuilt.geojson";
  writeDepots(path);
  Diagnostics diag;
  app::MapSession s = app::MapSession::open({path}, data::BuiltinData::LeaveOut, diag);
  app::LayerList list;
  std::vector<ui::LayerItem> rows;
  list.rebuild(s, rows);
  writeDepots(path, 1);
  std::filesystem::last_write_time(path, std::filesystem::last_write_time(path) + std::chrono::seconds(2));
  list.rebuild(s, rows);  // another edit (a filter field chosen) rebuilds the rows first
  EXPECT_TRUE(rows[0].changedOnDisk);
  EXPECT_EQ(list.checkSources(rows), (std::vector<std::string>{path}));
}
