// Sites drawn with their APP-6 / MIL-STD-2525 symbol: the frame the SIDC
// names, filled with the site's colour, its anchor on the site; a code the
// catalog lacks keeps the plain symbol; the switch returns to plain symbols.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <tuple>

#include "data/symbol_library.hpp"
#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "render/render_test_support.hpp"
#include "render/symbol_painter.hpp"

namespace pamir::render {
namespace {

class MilitarySymbolTest : public test::GlTest {
 protected:
  void SetUp() override {
    test::GlTest::SetUp();
    Diagnostics diag;
    library_ = data::loadSymbolLibrary(std::string(PAMIR_GEODATA_DIR) + "/symbols.json", diag);
    ASSERT_FALSE(library_->empty());
    layer_.name = "sites";
    layer_.fields = {{"name", FieldType::String}, {"sidc", FieldType::String}};
    layer_.style.fill = {40, 40, 40, 255};
    layer_.style.symbolSize = 6;
    StyleRule china;
    china.field = "name";
    china.value = "Kashgar";
    china.style = layer_.style;
    china.style.fill = {214, 39, 40, 255};
    layer_.styleRules.push_back(china);
  }
  void addSite(double lon, double lat, const std::string& name, const std::string& sidc) {
    Feature f;
    f.fid = static_cast<int64_t>(layer_.features.size());
    f.geometry.points.push_back({lon, lat});
    f.values = {name, sidc.empty() ? FieldValue{} : FieldValue{sidc}};
    layer_.features.push_back(std::move(f));
  }
  Image draw(bool symbols) {
    auto proj = geo::Projection::create("EPSG:4326");
    MapRenderer renderer;
    renderer.setPreparation(Preparation::OnDemand);
    renderer.setProjection(*proj);
    renderer.setLayers({&layer_}, {});
    renderer.setSymbols(library_);
    RenderOptions options;
    options.background = {255, 255, 255, 255};
    options.labels = false;
    options.antialias = false;
    options.militarySymbols = symbols;
    Bounds e;
    e.add(70, 36);
    e.add(80, 42);
    Image image = renderer.renderToImage(MapView::fromExtent(e, 500, 300), options);
    drawn_ = renderer.lastFrame().militarySymbolsDrawn;
    return image;
  }
  std::shared_ptr<const SymbolLibrary> library_;
  Layer layer_;
  size_t drawn_ = 0;
};

// Where a site at (lon, lat) lies in the 500 × 300 image of 70..80 E, 36..42 N.
std::pair<double, double> pixelOf(double lon, double lat) { return {(lon - 70) * 50, (42 - lat) * 50}; }

TEST_F(MilitarySymbolTest, TheSymbolIsTheCatalogsSvgFilledAndAnchoredOnTheSite) {
  addSite(75.0, 39.0, "Kashgar", "SNGPIBA---H----");  // an air base, its rule's red
  addSite(72.0, 37.0, "Ayni", "SHGPUCI---*****");     // hostile infantry, the layer's own style: hostile red fill
  const Image plain = draw(false);
  const Image drawn = draw(true);
  EXPECT_EQ(drawn_, 2u);
  for (const auto& [lon, lat, sidc, fill] : {std::tuple{75.0, 39.0, "SNGPIBA---H----", Color{214, 39, 40, 255}},
                                             std::tuple{72.0, 37.0, "SHGPUCI---*****", Color{255, 128, 128, 255}}}) {
    const MilitarySymbol* s = library_->find(sidc);
    ASSERT_NE(s, nullptr);
    const detail::SymbolBitmap bitmap =
        detail::rasteriseSymbol(*s, library_->placeholder(), fill, detail::kSymbolScale);
    ASSERT_GT(bitmap.width, 20);
    const auto [px, py] = pixelOf(lon, lat);
    const int x0 = static_cast<int>(std::round(px - s->anchorX * detail::kSymbolScale));
    const int y0 = static_cast<int>(std::round(py - s->anchorY * detail::kSymbolScale));
    // The expected picture: the bitmap over the plain render ("over", premultiplied).
    int worst = 0, changed = 0, filled = 0;
    for (int y = 0; y < bitmap.height; ++y)
      for (int x = 0; x < bitmap.width; ++x) {
        const uint8_t* b = &bitmap.rgba[(static_cast<size_t>(y) * bitmap.width + x) * 4];
        const uint8_t *under = plain.pixel(x0 + x, y0 + y), *got = drawn.pixel(x0 + x, y0 + y);
        for (int c = 0; c < 3; ++c) {
          const int want = b[c] + under[c] * (255 - b[3]) / 255;
          worst = std::max(worst, std::abs(want - got[c]));
        }
        changed += std::memcmp(under, got, 3) != 0;
        filled += std::abs(got[0] - fill.r) < 6 && std::abs(got[1] - fill.g) < 6 && std::abs(got[2] - fill.b) < 6;
      }
    EXPECT_LE(worst, 2) << sidc;
    EXPECT_GT(changed, bitmap.width * bitmap.height / 3) << sidc;
    EXPECT_GT(filled, bitmap.width * bitmap.height / 4) << sidc << ": the frame is filled with the site's colour";
  }
}

TEST_F(MilitarySymbolTest, ACodeTheCatalogLacksKeepsThePlainSymbol) {
  addSite(75.0, 39.0, "Kashgar", "SNGPZZZZZZH----");
  addSite(72.0, 37.0, "Ayni", "");
  const Image plain = draw(false);
  const Image drawn = draw(true);
  EXPECT_EQ(drawn_, 0u);
  EXPECT_EQ(plain.rgba, drawn.rgba);
}

TEST_F(MilitarySymbolTest, SwitchedOffTheSitesHaveTheirPlainSymbols) {
  addSite(75.0, 39.0, "Kashgar", "SNGPIBA---H----");
  const Image off = draw(false);
  EXPECT_EQ(drawn_, 0u);
  layer_.fields[1].name = "code";  // no SIDC field: plain, whatever the switch
  const Image noField = draw(true);
  EXPECT_EQ(drawn_, 0u);
  EXPECT_EQ(off.rgba, noField.rgba);
}

}  // namespace
}  // namespace pamir::render
