// A session's layers put back on a freshly opened map: the order, what is
// switched off, the colours and opacity, the uncertainty circles; layers
// gone from their source are said, layers the session did not list leave.
#include "app/session_layers.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

using namespace pamir;
using namespace pamir::app;

namespace {

const std::string kSites = std::string(PAMIR_TEST_DATA_DIR) + "/measure/sites.geojson";

MapSession openMap() {
  Diagnostics diag;
  return MapSession::open({kSites}, data::BuiltinData::Include, diag);
}

std::vector<bool> allShown(const MapSession& s) {
  return std::vector<bool>(s.drawRasters().size() + s.drawLayers().size(), true);
}

}  // namespace

TEST(SessionLayers, AMapArrangedAsSavedShowsWhatWasSaved) {
  MapSession before = openMap();
  std::vector<LayerSetting> saved = layerSettings(before, allShown(before));
  ASSERT_GT(saved.size(), 4u);
  EXPECT_EQ(ownSources(before), std::vector<std::string>{kSites});
  // Vectors in reverse order (the rasters stay under them), one off, one restyled.
  auto firstVector = std::find_if(saved.begin(), saved.end(), [](const LayerSetting& s) { return !s.raster; });
  std::vector<LayerSetting> vectors(firstVector, saved.end());
  std::erase_if(vectors, [](const LayerSetting& s) { return s.id.ends_with(":uncertainty"); });
  std::reverse(vectors.begin(), vectors.end());
  vectors[1].visible = false;
  vectors[2].opacity = 0.25f;
  vectors[2].fill = Color{10, 20, 30, 40};
  vectors[2].stroke = Color{50, 60, 70, 255};
  vectors[2].strokeWidth = 3.5f;
  std::vector<LayerSetting> wanted(saved.begin(), firstVector);
  wanted.insert(wanted.end(), vectors.begin(), vectors.end());

  MapSession after = openMap();
  EXPECT_TRUE(arrangeLayers(after, wanted).empty());
  std::vector<std::string> order;
  for (const Layer& l : after.catalog().layers) order.push_back(l.id);
  std::vector<std::string> want;
  for (const auto& v : vectors) want.push_back(v.id);
  EXPECT_EQ(order, want);
  const Layer& off = after.catalog().layers[1];
  EXPECT_FALSE(off.visible);
  const Layer& styled = after.catalog().layers[2];
  EXPECT_EQ(styled.style.opacity, 0.25f);
  EXPECT_EQ(styled.style.fill, (Color{10, 20, 30, 40}));
  EXPECT_EQ(styled.style.stroke, (Color{50, 60, 70, 255}));
  EXPECT_EQ(styled.style.strokeWidth, 3.5f);
  // Read back from the arranged map: the same settings (circles aside, which follow their layers).
  std::vector<LayerSetting> back = layerSettings(after, {});
  std::erase_if(back, [](const LayerSetting& s) { return s.id.ends_with(":uncertainty"); });
  EXPECT_EQ(back, wanted);
}

TEST(SessionLayers, UncertaintyCirclesSwitchedOffStayOff) {
  MapSession before = openMap();
  std::vector<LayerSetting> saved = layerSettings(before, allShown(before));
  auto circles =
      std::find_if(saved.begin(), saved.end(), [](const LayerSetting& s) { return s.id.ends_with(":uncertainty"); });
  if (circles == saved.end()) GTEST_SKIP() << "the built-in dataset has no uncertainty circles";
  circles->visible = false;
  const std::string parent = circles->id.substr(0, circles->id.size() - 12);
  MapSession after = openMap();
  EXPECT_TRUE(arrangeLayers(after, saved).empty());
  for (const Layer* l : after.drawLayers()) {
    if (l->id == circles->id) {
      EXPECT_FALSE(l->visible);
    }
    if (l->id == parent) {
      EXPECT_TRUE(l->visible);
    }
  }
  const auto again = layerSettings(after, {});
  auto c = std::find_if(again.begin(), again.end(), [&](const LayerSetting& s) { return s.id == circles->id; });
  ASSERT_NE(c, again.end());
  EXPECT_FALSE(c->visible);
}

TEST(SessionLayers, ALayerGoneIsSaidAndOneNotListedLeaves) {
  MapSession map = openMap();
  std::vector<LayerSetting> saved = layerSettings(map, allShown(map));
  std::erase_if(saved, [](const LayerSetting& s) { return s.id == "borders"; });
  saved.push_back(
      LayerSetting{"roads", "/gone/roads.gpkg", false, true, 1.0f, std::nullopt, std::nullopt, std::nullopt});
  const auto problems = arrangeLayers(map, saved);
  EXPECT_EQ(problems, std::vector<std::string>{"layer roads of /gone/roads.gpkg is no longer there"});
  EXPECT_TRUE(std::none_of(map.catalog().layers.begin(), map.catalog().layers.end(),
                           [](const Layer& l) { return l.id == "borders"; }));
}

TEST(SessionLayers, ASavedSessionOpensInItsCrsWithItsFilters) {
  SessionState s;
  s.sources = {kSites};
  s.builtin = false;
  s.view = SessionView{"EPSG:3857", {7.9e6, 4.5e6}, 100, 100, 640, 480, 1};
  s.years = YearSpan{2001, 2014};
  s.countries = {"TJK"};
  Diagnostics diag;
  s.layers = layerSettings(MapSession::open({kSites}, data::BuiltinData::LeaveOut, diag), {});
  MapSession map = openSavedSession(s, diag);
  EXPECT_EQ(diag.errorCount(), 0u);
  EXPECT_FALSE(map.empty());
  EXPECT_TRUE(std::none_of(map.catalog().layers.begin(), map.catalog().layers.end(),
                           [](const Layer& l) { return l.builtin; }));  // the dataset was left out
  EXPECT_EQ(map.projection().definition(), "EPSG:3857");
  EXPECT_EQ(map.filter.years(), (YearSpan{2001, 2014}));
  EXPECT_EQ(map.filter.countries, (std::set<std::string>{"TJK"}));
  const MapView v = savedView(*s.view);
  EXPECT_EQ(v.width(), 640);
  EXPECT_EQ(v.height(), 480);
  EXPECT_NEAR(v.center().x, 7.9e6, 1e-6);
  EXPECT_NEAR(v.resolutionX(), 100, 1e-9);
  EXPECT_EQ(viewSetting(v, "EPSG:3857", 1).width, 640);
}
