// Preparation::Background: geometry is projected and levels are built on a
// worker, the GL thread only uploads; what is drawn in the end is what the
// synchronous paths draw. And the segment budget: a frame over it draws a
// coarser level and says so; a frame over the point budget thins the
// points evenly and says so; a frame over the frame budget is painted in
// parts behind the last whole one.
#include <gtest/gtest.h>

#include <cmath>

#include "geo/projection.hpp"
#include "render/map_renderer.hpp"
#include "render/render_test_support.hpp"

namespace pamir::render {
namespace {

geo::Projection projection(const std::string& crs = geo::kDefaultViewCrs) {
  auto p = geo::Projection::create(crs);
  EXPECT_TRUE(p) << p.error();
  return *p;
}

// Random-walk lines over the region, as big data looks: enough vertices for
// several levels of detail.
Layer walks(int lines, int vertices) {
  Layer layer;
  layer.style.stroke = {20, 40, 160, 255};
  layer.style.strokeWidth = 1.0f;
  uint32_t seed = 12345;
  auto next = [&] {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) / static_cast<double>(1 << 24) - 0.5;
  };
  for (int i = 0; i < lines; ++i) {
    Feature f;
    f.fid = i;
    Path path;
    LonLat p{60 + 20 * (next() + 0.5), 32 + 12 * (next() + 0.5)};
    for (int k = 0; k < vertices; ++k) {
      path.push_back(p);
      p.lon += 0.05 * next();
      p.lat += 0.05 * next();
    }
    f.geometry.lines.push_back(std::move(path));
    layer.features.push_back(std::move(f));
  }
  return layer;
}

// Random point sites over the same region, 4-px symbols.
Layer sites(int count, uint32_t seed) {
  Layer layer;
  layer.style.symbolSize = 4.0f;
  auto next = [&] {
    seed = seed * 1664525u + 1013904223u;
    return (seed >> 8) / static_cast<double>(1 << 24);
  };
  for (int i = 0; i < count; ++i) {
    Feature f;
    f.fid = i;
    f.geometry.points.push_back({60 + 20 * next(), 32 + 12 * next()});
    layer.features.push_back(std::move(f));
  }
  return layer;
}

class BackgroundTest : public test::GlTest {
 protected:
  void SetUp() override {
    test::GlTest::SetUp();
    options_.background = {255, 255, 255, 255};
    options_.labels = false;
  }
  RenderOptions options_;
};

TEST_F(BackgroundTest, ALayerPreparedOnTheWorkerDrawsAsOnePreparedAtOnce) {
  Layer layer = walks(300, 200);
  const geo::Projection proj = projection();
  MapRenderer now, later;
  later.setPreparation(Preparation::Background);
  for (MapRenderer* r : {&now, &later}) {
    r->setProjection(proj);
    r->setLayers({&layer}, {});
  }
  const MapView view = MapView::fitting(proj.forwardBounds(layer.bounds()), 320, 240);
  // Until the worker's delivery is taken in, the layer is not drawn at all
  // (never in the wrong place); a frame says so.
  later.finishPendingWork();
  EXPECT_EQ(later.layersPreparing(), 0u);
  EXPECT_EQ(later.pendingWork(), 0u);
  // The first frame may stand in a coarser level and ask for the one it wants.
  later.renderToImage(view, options_);
  later.finishPendingWork();
  const Image b = later.renderToImage(view, options_);
  EXPECT_FALSE(later.lastFrame().provisional());
  const Image a = now.renderToImage(view, options_);
  EXPECT_EQ(a.rgba, b.rgba);
}

TEST_F(BackgroundTest, AFrameBeforeTheWorkerIsDoneSaysItIsProvisional) {
  Layer layer = walks(2000, 400);  // 0.8M vertices: long enough to catch the worker at work
  const geo::Projection proj = projection();
  MapRenderer r;
  r.setPreparation(Preparation::Background);
  r.setProjection(proj);
  r.setLayers({&layer}, {});
  const MapView view = MapView::fitting(proj.forwardBounds(layer.bounds()), 320, 240);
  r.renderToImage(view, options_);
  if (r.layersPreparing() > 0) {
    EXPECT_TRUE(r.lastFrame().provisional());
    EXPECT_EQ(r.lastFrame().layersPending, 1u);
    EXPECT_EQ(r.lastFrame().segmentsDrawn, 0u);
  }
  r.finishPendingWork();
  r.renderToImage(view, options_);
  r.finishPendingWork();
  r.renderToImage(view, options_);
  EXPECT_FALSE(r.lastFrame().provisional());
  EXPECT_GT(r.lastFrame().segmentsDrawn, 0u);
}

TEST_F(BackgroundTest, ANewCrsDropsTheOldGeometryAndPreparesAgain) {
  Layer layer = walks(200, 100);
  MapRenderer r;
  r.setPreparation(Preparation::Background);
  r.setProjection(projection());
  r.setLayers({&layer}, {});
  r.finishPendingWork();
  const geo::Projection merc = projection("EPSG:3857");
  r.setProjection(merc);
  EXPECT_EQ(r.layersPreparing(), 1u) << "the lines in the old CRS must not be drawn in the new one";
  r.finishPendingWork();
  const MapView view = MapView::fitting(merc.forwardBounds(layer.bounds()), 320, 240);
  r.renderToImage(view, options_);
  r.finishPendingWork();
  const Image b = r.renderToImage(view, options_);
  MapRenderer now;
  now.setProjection(merc);
  now.setLayers({&layer}, {});
  EXPECT_EQ(now.renderToImage(view, options_).rgba, b.rgba);
}

TEST_F(BackgroundTest, OverTheSegmentBudgetACoarserLevelIsDrawn) {
  Layer layer = walks(400, 400);
  const geo::Projection proj = projection();
  MapRenderer r;
  r.setProjection(proj);
  r.setLayers({&layer}, {});  // every level on the GPU
  MapView view = MapView::fitting(proj.forwardBounds(layer.bounds()), 640, 480);
  view.zoomAbout(320, 240, 4);  // a fine level is wanted
  r.renderToImage(view, options_);
  const size_t full = r.lastFrame().segmentsDrawn;
  ASSERT_GT(full, 1000u);
  RenderOptions budgeted = options_;
  budgeted.segmentBudget = full / 4;
  r.renderToImage(view, budgeted);
  EXPECT_GT(r.lastFrame().budgetedLevels, 0u);
  EXPECT_TRUE(r.lastFrame().provisional());
  EXPECT_LT(r.lastFrame().segmentsDrawn, full);
  EXPECT_GT(r.lastFrame().segmentsDrawn, 0u) << "something is still drawn";
  // No budget: the full-detail frame again.
  r.renderToImage(view, options_);
  EXPECT_EQ(r.lastFrame().segmentsDrawn, full);
  EXPECT_FALSE(r.lastFrame().provisional());
}

TEST_F(BackgroundTest, OverThePointBudgetEveryTileDrawsTheSameShareOfItsPoints) {
  Layer layer = sites(20000, 777);
  const geo::Projection proj = projection();
  MapRenderer r;
  r.setProjection(proj);
  r.setLayers({&layer}, {});
  const MapView view = MapView::fitting(proj.forwardBounds(layer.bounds()), 640, 480);
  const Image full = r.renderToImage(view, options_);
  ASSERT_EQ(r.lastFrame().pointsDrawn, 20000u);
  EXPECT_FALSE(r.lastFrame().provisional());
  RenderOptions budgeted = options_;
  budgeted.pointBudget = 2000;
  const Image thinned = r.renderToImage(view, budgeted);
  EXPECT_EQ(r.lastFrame().thinnedPointLayers, 1u);
  EXPECT_TRUE(r.lastFrame().provisional());
  // Each tile rounds its share up: a little over the budget, far under the whole.
  EXPECT_GE(r.lastFrame().pointsDrawn, 2000u);
  EXPECT_LT(r.lastFrame().pointsDrawn, 2000u + 200u);
  // Thinned evenly: every quarter of the image still has symbols in it.
  for (int qy = 0; qy < 2; ++qy)
    for (int qx = 0; qx < 2; ++qx) {
      size_t inked = 0;
      for (int y = qy * 240; y < (qy + 1) * 240; ++y)
        for (int x = qx * 320; x < (qx + 1) * 320; ++x) inked += thinned.rgba[(size_t(y) * 640 + x) * 4] < 200;
      EXPECT_GT(inked, 100u) << "quarter " << qx << "," << qy;
    }
  EXPECT_NE(thinned.rgba, full.rgba);
  r.renderToImage(view, options_);
  EXPECT_EQ(r.lastFrame().pointsDrawn, 20000u);
  EXPECT_FALSE(r.lastFrame().provisional());
}

TEST_F(BackgroundTest, OverTheFrameBudgetTheFullDetailIsPaintedOverSeveralFramesBehindACoarserOne) {
  Layer layer = sites(20000, 99);
  Layer walk = walks(50, 200);  // segments too, drawn before the points
  const geo::Projection proj = projection();
  MapRenderer r;
  r.setProjection(proj);
  r.setLayers({&walk, &layer}, {});
  const MapView view = MapView::fitting(proj.forwardBounds(layer.bounds()), 640, 480);
  r.renderToImage(view, options_);
  const size_t primitives = r.lastFrame().pointsDrawn + r.lastFrame().segmentsDrawn;
  ASSERT_GT(primitives, 20000u);

  MapView moved = view;
  moved.zoomAbout(320, 240, 1.0001);  // another view: nothing of it is cached
  MapRenderer fresh;
  fresh.setProjection(proj);
  fresh.setLayers({&walk, &layer}, {});
  const Image expected = fresh.renderToImage(moved, options_);

  RenderOptions budgeted = options_;
  budgeted.frameBudget = 3000;
  const Image coarse = r.renderToImage(moved, budgeted);
  ASSERT_GT(r.lastFrame().refiningOf, 0u) << "the coarser frame first, and the full detail to come";
  EXPECT_TRUE(r.lastFrame().provisional());
  EXPECT_NE(coarse.rgba, expected.rgba);
  int frames = 0;
  for (; frames < 100 && r.lastFrame().provisional(); ++frames) {
    const Image shown = r.renderToImage(moved, budgeted);
    const FrameStats& f = r.lastFrame();
    // A part a frame: the budget and at most one tile more.
    EXPECT_LE(f.pointsDrawn + f.segmentsDrawn, 3000u + 2048u);
    if (f.provisional()) {
      EXPECT_EQ(shown.rgba, coarse.rgba) << "the coarser frame stays on screen while the detail builds up";
    } else {
      EXPECT_EQ(shown.rgba, expected.rgba) << "the whole frame, as one drawn at once";
    }
  }
  EXPECT_GT(frames, 5);
  EXPECT_FALSE(r.lastFrame().provisional());
  // Nothing left to paint: the cached frame is shown as it is.
  EXPECT_EQ(r.renderToImage(moved, budgeted).rgba, expected.rgba);
  EXPECT_EQ(r.lastFrame().pointsDrawn + r.lastFrame().segmentsDrawn, 0u);
}

}  // namespace
}  // namespace pamir::render
