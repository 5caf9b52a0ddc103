// The map made into figures off-screen: a map larger than one frame is drawn
// in tiles that join seamlessly, and the window's Export view writes the
// chosen size and format.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "app/map_figure.hpp"
#include "app/window_export.hpp"
#include "render/image.hpp"
#include "render/offscreen_context.hpp"

namespace {

using namespace pamir;

const std::string kOut = std::string(PAMIR_TEST_OUT_DIR) + "/map_figure/";

struct Drawn {
  std::unique_ptr<render::OffscreenContext> context;
  std::unique_ptr<render::MapRenderer> renderer;
  std::optional<app::MapSession> session;
};

// The built-in dataset in a renderer of its own, in an off-screen context.
Drawn openDataset() {
  Drawn d;
  std::string why;
  d.context = render::OffscreenContext::create(&why);
  EXPECT_TRUE(d.context) << why;
  if (!d.context) return d;
  d.renderer = std::make_unique<render::MapRenderer>();
  Diagnostics diag;
  d.session.emplace(app::MapSession::open({}, data::BuiltinData::Include, diag));
  d.renderer->setPreparation(render::Preparation::OnDemand);
  d.renderer->setProjection(d.session->projection());
  d.renderer->setLayers(d.session->drawLayers(), d.session->drawRasters());
  return d;
}

TEST(MapFigure, TilesOfALargeMapJoinWithoutSeams) {
  Drawn d = openDataset();
  ASSERT_TRUE(d.renderer && d.renderer->ok());
  // 5000 px across: beyond one frame, so drawn in 2048 px tiles.
  const MapView big = MapView::fitting(d.session->dataExtent(), 5000, 900, 0.0);
  render::RenderOptions options;
  options.labels = false;  // placed per tile, so they may differ at the seams
  const render::Image tiled = app::renderMapImage(*d.renderer, big, options);
  ASSERT_EQ(tiled.width, 5000);
  ASSERT_EQ(tiled.height, 900);
  // Its left 4000 px drawn as one frame, seams at 2048 included.
  Bounds left;
  const XY a = big.pixelToMap(0, 0), b = big.pixelToMap(4000, 900);
  left.add(a.x, a.y);
  left.add(b.x, b.y);
  const render::Image whole = d.renderer->renderToImage(MapView::fromExtent(left, 4000, 900), options);
  ASSERT_EQ(whole.width, 4000);
  size_t differing = 0, nearSeam = 0;
  for (int y = 0; y < 900; ++y)
    for (int x = 0; x < 4000; ++x) {
      const uint8_t *p = tiled.pixel(x, y), *q = whole.pixel(x, y);
      const bool differs = std::abs(p[0] - q[0]) > 25 || std::abs(p[1] - q[1]) > 25 || std::abs(p[2] - q[2]) > 25;
      differing += differs;
      nearSeam += differs && std::abs(x - 2048) <= 2;
    }
  RecordProperty("differing", static_cast<int>(differing));
  EXPECT_LT(differing, 4000u * 900 / 500) << "more than 0.2 % of the pixels differ";
  EXPECT_LT(nearSeam, 90u) << "the seam at x = 2048 shows";
}

TEST(MapFigure, ExportViewWritesTheChosenSizeAndAReport) {
  Drawn d = openDataset();
  ASSERT_TRUE(d.renderer && d.renderer->ok());
  std::filesystem::create_directories(kOut);
  const MapView view = MapView::fitting(d.session->dataExtent(), 600, 350, 0.02);
  const std::vector<ui::LayerItem> rows = app::sessionRows(*d.session);
  const std::vector<app::Measurement> none;
  const app::WindowMap shown{*d.renderer, *d.session, rows, view, 1.0, none};
  ui::ExportDialogModel choice;
  choice.path = kOut + "bigger.png";
  choice.windowSize = false;
  choice.width = 1200;
  choice.height = 700;
  std::string message;
  ASSERT_TRUE(app::exportWindowMap(shown, choice, &message)) << message;
  EXPECT_EQ(message, "view exported to " + choice.path + " (1200x700)");
  std::string why;
  auto png = render::readPng(choice.path, &why);
  ASSERT_TRUE(png) << why;
  EXPECT_EQ(png->width, 1200);
  EXPECT_EQ(png->height, 700);

  choice.path = kOut + "report.pdf";
  ASSERT_TRUE(app::exportWindowMap(shown, choice, &message)) << message;
  EXPECT_EQ(message, "report written to " + choice.path);
  std::ifstream in(choice.path, std::ios::binary);
  std::string head(5, '\0');
  in.read(head.data(), 5);
  EXPECT_EQ(head, "%PDF-");

  choice.path = kOut + "missing/folder/x.png";
  EXPECT_FALSE(app::exportWindowMap(shown, choice, &message));
  EXPECT_NE(message.find("missing/folder/x.png"), std::string::npos) << message;
}

}  // namespace
