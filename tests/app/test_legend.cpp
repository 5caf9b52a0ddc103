// The legend lists what the map draws now: visible layers, their styles by
// meaning, counted over what the filters let through.
#include <gtest/gtest.h>

#include <algorithm>

#include "app/layer_list.hpp"
#include "app/legend.hpp"

using namespace pamir;

namespace {

const ui::LegendEntry* entry(const std::vector<ui::LegendEntry>& entries, const std::string& group,
                             const std::string& meaning) {
  for (const auto& e : entries)
    if (e.group == group && e.meaning == meaning) return &e;
  return nullptr;
}

}  // namespace

TEST(Legend, ListsEachStyleByMeaningAndFollowsFiltersAndVisibility) {
  Diagnostics diag;
  app::MapSession s = app::MapSession::open({}, data::BuiltinData::Include, diag);
  app::LayerList list;
  std::vector<ui::LayerItem> rows;
  list.rebuild(s, rows);
  auto all = app::legendEntries(s, rows);
  const ui::LegendEntry* outposts = entry(all, "Outposts and bases", "outpost");
  ASSERT_NE(outposts, nullptr);
  EXPECT_EQ(outposts->shape, ui::LegendEntry::Shape::Point);
  EXPECT_EQ(outposts->style.symbol, Symbol::Diamond);
  EXPECT_GT(outposts->count, 0u);
  const ui::LegendEntry* loc = entry(all, "Borders and lines of control", "line of control");
  ASSERT_NE(loc, nullptr);
  EXPECT_EQ(loc->shape, ui::LegendEntry::Shape::Line);
  EXPECT_TRUE(loc->style.dashed);
  EXPECT_TRUE(entry(all, "Airbases and airports of note", "operator: China"));
  EXPECT_TRUE(
      std::any_of(all.begin(), all.end(), [](const auto& e) { return e.shape == ui::LegendEntry::Shape::Image; }));

  // Only what the United States operates: China's styles leave the legend.
  s.filter.countries = {"USA"};
  auto usa = app::legendEntries(s, rows);
  EXPECT_FALSE(entry(usa, "Airbases and airports of note", "operator: China"));
  EXPECT_TRUE(entry(usa, "Airbases and airports of note", "operator: United States"));
  s.filter.countries.clear();

  // A layer switched off leaves it too.
  for (auto& r : rows)
    if (r.title == "Outposts and bases") r.visible = false;
  auto hidden = app::legendEntries(s, rows);
  EXPECT_FALSE(entry(hidden, "Outposts and bases", "outpost"));
  EXPECT_LT(hidden.size(), all.size());
}
