// Decorations drawn over a map image: where each one lands, how big, and
// that the map under the middle is left as it was.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "figure/figure.hpp"

namespace {

using pamir::Color;
using pamir::LegendEntry;
using pamir::figure::decorate;
using pamir::figure::Decorations;
using pamir::figure::MapFacts;
using pamir::render::Image;

Image grey(int w, int h) {
  Image im;
  im.width = w;
  im.height = h;
  im.rgba.assign(static_cast<size_t>(w) * h * 4, 0);
  for (size_t i = 0; i < im.rgba.size(); i += 4)
    im.rgba[i] = im.rgba[i + 1] = im.rgba[i + 2] = 150, im.rgba[i + 3] = 255;
  return im;
}

bool dark(const uint8_t* p) { return p[0] < 60 && p[1] < 60 && p[2] < 60; }

// Pixels within 40 of `c` in the box [x0, x1) × [y0, y1).
int countNear(const Image& im, Color c, int x0, int y0, int x1, int y1) {
  int n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = x0; x < x1; ++x) {
      const uint8_t* p = im.pixel(x, y);
      if (std::abs(p[0] - c.r) < 40 && std::abs(p[1] - c.g) < 40 && std::abs(p[2] - c.b) < 40) ++n;
    }
  return n;
}

// The length of the scale bar. Its four parts alternate dark and white: in
// a row through it the first two dark runs (three pixels or more) start half
// the bar apart. Of the bottom-left rows with two such runs, the one with the
// most dark pixels is taken (text rows have short runs, outline rows one).
double scaleBarPixels(const Image& im) {
  double best = 0;
  int bestCount = 0;
  for (int y = im.height / 2; y < im.height; ++y) {
    std::vector<int> starts;
    int n = 0;
    for (int x = 0, run = 0; x < im.width / 2; ++x) {
      const bool d = dark(im.pixel(x, y));
      n += d;
      run = d ? run + 1 : 0;
      if (run == 3) starts.push_back(x - 2);
    }
    if (starts.size() >= 2 && n > bestCount) bestCount = n, best = 2.0 * (starts[1] - starts[0]);
  }
  return best;
}

TEST(Decorations, ScaleBarIsARoundLengthAtTheMapsScale) {
  MapFacts facts;
  Decorations d;
  d.scaleBar = true;
  // 1 km a pixel: the longest round length within 200 px (a quarter of 800) is 200 km.
  facts.metresPerPixel = 1000;
  EXPECT_NEAR(scaleBarPixels(decorate(grey(800, 600), d, facts, 1.0)), 200, 3);
  // 37 m a pixel: 7.4 km at most, so 5 km, 135 px.
  facts.metresPerPixel = 37;
  EXPECT_NEAR(scaleBarPixels(decorate(grey(800, 600), d, facts, 1.0)), 5000 / 37.0, 3);
  // Twice the furniture scale on twice the image: up to 400 px, so 200 km at 500 m a pixel.
  facts.metresPerPixel = 500;
  EXPECT_NEAR(scaleBarPixels(decorate(grey(1600, 1200), d, facts, 2.0)), 400, 4);
  // No scale known: no bar.
  facts.metresPerPixel = 0;
  EXPECT_EQ(scaleBarPixels(decorate(grey(800, 600), d, facts, 1.0)), 0);
}

TEST(Decorations, LegendDrawsEveryStyleInUseAtTheTopRight) {
  MapFacts facts;
  LegendEntry point, line, area;
  point.shape = LegendEntry::Shape::Point, point.group = "Bases", point.meaning = "outpost", point.count = 3;
  point.style.fill = {230, 0, 0, 255}, point.style.stroke = {230, 0, 0, 255}, point.style.symbolSize = 12;
  line.shape = LegendEntry::Shape::Line, line.group = "Corridors", line.meaning = "railway", line.count = 2;
  line.style.stroke = {0, 200, 0, 255}, line.style.strokeWidth = 4;
  area.shape = LegendEntry::Shape::Area, area.group = "Countries", area.count = 44;
  area.style.fill = {0, 0, 230, 255}, area.style.stroke = {0, 0, 230, 255};
  facts.legend = {point, line, area};
  Decorations d;
  const Image none = decorate(grey(800, 600), d, facts, 1.0);
  d.legend = true;
  const Image shown = decorate(grey(800, 600), d, facts, 1.0);
  for (Color c : {Color{230, 0, 0, 255}, Color{0, 200, 0, 255}, Color{0, 0, 230, 255}}) {
    EXPECT_EQ(countNear(none, c, 0, 0, 800, 600), 0);
    EXPECT_GT(countNear(shown, c, 500, 0, 800, 200), 15) << int(c.r) << "," << int(c.g) << "," << int(c.b);
    EXPECT_EQ(countNear(shown, c, 0, 0, 500, 600), 0) << "the legend is at the right";
    EXPECT_EQ(countNear(shown, c, 500, 200, 800, 600), 0) << "three lines are short";
  }
}

TEST(Decorations, LegendTooLongForTheImageStopsAboveTheBottom) {
  MapFacts facts;
  for (int i = 0; i < 200; ++i) {
    LegendEntry e;
    e.group = "Layer " + std::to_string(i / 5);
    e.meaning = "style " + std::to_string(i);
    e.style.fill = e.style.stroke = {230, 0, 0, 255};
    facts.legend.push_back(e);
  }
  Decorations d;
  d.legend = true;
  const Image im = decorate(grey(800, 400), d, facts, 1.0);
  EXPECT_GT(countNear(im, {230, 0, 0, 255}, 500, 0, 800, 400), 100);
  // The legend's paper ends above the bottom margin: the last 10 rows are the map's grey.
  EXPECT_EQ(countNear(im, {150, 150, 150, 255}, 0, 390, 800, 400), 8000);
}

TEST(Decorations, TitleAndAttributionLeaveTheMiddleOfTheMapAlone) {
  MapFacts facts;
  facts.attributions = {"Made with Natural Earth", "Contains data from GeoNames (geonames.org), CC BY 4.0"};
  Decorations d;
  d.title = "Chinese posts on the Tajik–Afghan border";
  d.attribution = true;
  const Image map = grey(1200, 700);
  const Image im = decorate(map, d, facts, 1.0);
  int titleInk = 0, creditInk = 0;
  for (int y = 0; y < 60; ++y)
    for (int x = 0; x < 600; ++x) titleInk += dark(im.pixel(x, y));
  for (int y = 680; y < 700; ++y)
    for (int x = 600; x < 1200; ++x) creditInk += dark(im.pixel(x, y));
  EXPECT_GT(titleInk, 500);
  EXPECT_GT(creditInk, 200);
  for (int y = 100; y < 600; ++y)
    for (int x = 0; x < 1200; ++x) ASSERT_EQ(0, std::memcmp(im.pixel(x, y), map.pixel(x, y), 4)) << x << "," << y;
}

TEST(Decorations, NorthArrowPointsToNorth) {
  // The arrow's right half is filled dark, its left half white: with north
  // up the dark pixels lie right of its centre, with north to the right
  // (90° clockwise) below it.
  struct Halves {
    int right = 0, left = 0, below = 0, above = 0;
  };
  auto halves = [](double degrees) {
    MapFacts facts;
    facts.northDegrees = degrees;
    Decorations d;
    d.northArrow = true;
    const Image im = decorate(grey(400, 300), d, facts, 1.0);
    // The arrow's box is 46 px wide at (12, 12); the arrow turns about (35, 40).
    Halves h;
    for (int y = 24; y < 58; ++y)
      for (int x = 18; x < 52; ++x) {
        if (std::hypot(x + 0.5 - 35, y + 0.5 - 40) > 14 || !dark(im.pixel(x, y))) continue;
        (x + 0.5 > 35 ? h.right : h.left)++;
        (y + 0.5 > 40 ? h.below : h.above)++;
      }
    return h;
  };
  const Halves up = halves(0), right = halves(90);
  EXPECT_GT(up.right, 3 * up.left) << up.right << " " << up.left;
  EXPECT_GT(right.below, 3 * right.above) << right.below << " " << right.above;
}

TEST(Decorations, NothingAskedIsTheMapUnchanged) {
  const Image map = grey(300, 200);
  MapFacts facts;
  facts.metresPerPixel = 1000;
  facts.attributions = {"x"};
  const Image im = decorate(map, Decorations{}, facts, 1.0);
  EXPECT_EQ(im.rgba, map.rgba);
}

}  // namespace
