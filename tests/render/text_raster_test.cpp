// Label text without GL: shaping puts combining marks on their base letters
// (transliterated Central Asian names carry macrons, acutes and dots below),
// Cyrillic renders, a missing glyph is survivable, and the sprite keeps its
// halo and descenders whole.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>

#include "render/font_locator.hpp"
#include "render/text_raster.hpp"

namespace pamir::render::detail {
namespace {

constexpr float kLinePx = 13.0f;  // the labels' size at pixel ratio 1

struct Ink {
  bool any = false;
  int top = 0, bottom = 0;  // rows, inclusive
  double centreX = 0;       // coverage-weighted, px
};

// Where `mask` (or, with `minus`, what `image` adds to `minus`) has ink.
Ink inkOf(const Bitmap& image, const Bitmap* minus = nullptr) {
  Ink ink;
  double weight = 0, sum = 0;
  for (int y = 0; y < image.height; ++y) {
    for (int x = 0; x < image.width; ++x) {
      int a = image.at(x, y) - (minus ? minus->at(x, y) : 0);
      if (a <= 64) continue;
      ink.top = ink.any ? std::min(ink.top, y) : y;
      ink.bottom = ink.any ? std::max(ink.bottom, y) : y;
      ink.any = true;
      weight += a;
      sum += a * (x + 0.5);
    }
  }
  if (ink.any) ink.centreX = sum / weight;
  return ink;
}

class TextRasterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = findFont();
    ASSERT_FALSE(path_.empty()) << "no font installed (tools/setup-debian.sh installs fonts-dejavu-core)";
    raster_ = std::make_unique<TextRaster>(path_, kLinePx);
    ASSERT_TRUE(raster_->ok()) << raster_->error();
  }
  std::string path_;
  std::unique_ptr<TextRaster> raster_;
};

TEST(FontLocator, FindsAnInstalledFontFile) {
  std::string path = findFont();
  ASSERT_FALSE(path.empty());
  EXPECT_TRUE(std::filesystem::is_regular_file(path)) << path;
  EXPECT_EQ(findFont(kDefaultFontFamily), path) << "one answer for the labels and the window";
}

TEST(TextRasterLoad, MissingFileIsAnErrorNotACrash) {
  TextRaster raster("/nonexistent/font.ttf", kLinePx);
  EXPECT_FALSE(raster.ok());
  EXPECT_NE(raster.error().find("/nonexistent/font.ttf"), std::string::npos) << raster.error();
  EXPECT_EQ(raster.measure("Kant").width, 0.0f);
  EXPECT_TRUE(raster.label("Kant", 1, 2, {}, {}).pixels.empty());
}

TEST_F(TextRasterTest, LineHasTheRequestedHeight) {
  EXPECT_EQ(raster_->lineHeight(), 13);
  EXPECT_GT(raster_->ascent(), 6);
  EXPECT_LT(raster_->ascent(), 13);
  TextBox box = raster_->measure("Kant");
  EXPECT_EQ(box.height, 13.0f);
  EXPECT_EQ(box.baseline, raster_->ascent());
}

TEST_F(TextRasterTest, DecomposedMarksMeasureAsThePrecomposedLetters) {
  // NFD (letter + combining mark) and NFC spellings of the same names.
  const std::pair<const char*, const char*> names[] = {
      {"Khu\u0304jand", "Kh\u016bjand"},
      {"Dushanbe\u0301", "Dushanb\u00e9"},
      {"S\u0323ughd", "\u1e62ughd"},
      {"H\u0323is\u0323a\u0304r", "\u1e24i\u1e63\u0101r"},
  };
  for (const auto& [decomposed, precomposed] : names) {
    TextBox d = raster_->measure(decomposed), p = raster_->measure(precomposed);
    EXPECT_NEAR(d.advance, p.advance, 1.0) << decomposed;
    EXPECT_NEAR(d.width, p.width, 1.0) << decomposed;
    EXPECT_EQ(d.missingGlyphs, 0u) << decomposed;
  }
}

TEST_F(TextRasterTest, MarksLandOnTheirBaseLetter) {
  // Letters with no precomposed form, so the font's mark positioning (GPOS)
  // has to place the mark: above or below the letter and centred on it,
  // where a mark simply drawn at the pen would sit off to one side.
  struct Case {
    const char* base;
    const char* marked;
    bool above;
  } cases[] = {{"m", "m\u0304", true}, {"w", "w\u0304", true}, {"x", "x\u0323", false}, {"c", "c\u0323", false}};
  for (const Case& c : cases) {
    Bitmap base = raster_->coverage(c.base, 2), marked = raster_->coverage(c.marked, 2);
    ASSERT_EQ(base.width, marked.width) << c.marked << ": the mark takes no room of its own";
    ASSERT_EQ(base.height, marked.height) << c.marked;
    Ink letter = inkOf(base), mark = inkOf(marked, &base);
    ASSERT_TRUE(letter.any && mark.any) << c.marked;
    if (c.above) {
      EXPECT_LT(mark.bottom, letter.top) << c.marked << ": the mark is above the letter";
    } else {
      EXPECT_GT(mark.top, letter.bottom) << c.marked << ": the mark is below the letter";
    }
    EXPECT_NEAR(mark.centreX, letter.centreX, 1.0) << c.marked << ": the mark is centred on its letter";
  }
}

TEST_F(TextRasterTest, LongerTextIsWider) {
  TextBox shortBox = raster_->measure("Kant"), longBox = raster_->measure("Kant Air Base (Russia)");
  EXPECT_GT(shortBox.width, 15.0f);
  EXPECT_GT(longBox.width, shortBox.width + 50.0f);
  EXPECT_GT(longBox.advance, shortBox.advance);
}

TEST_F(TextRasterTest, CyrillicRendersWithTheFontsOwnGlyphs) {
  const char* name = "\u0414\u0443\u0448\u0430\u043d\u0431\u0435";  // Душанбе
  TextBox box = raster_->measure(name);
  EXPECT_EQ(box.missingGlyphs, 0u);
  EXPECT_GT(box.width, 7 * 4.0f);
  Ink ink = inkOf(raster_->coverage(name));
  ASSERT_TRUE(ink.any);
  EXPECT_LT(ink.top, box.baseline);
}

TEST_F(TextRasterTest, MissingGlyphIsCountedAndDrawnAsABox) {
  const char* text = "A\ue000B\u4e2d";  // a private-use character and a Chinese one: DejaVu has neither
  TextBox box = raster_->measure(text);
  EXPECT_EQ(box.missingGlyphs, 2u);
  EXPECT_GT(box.width, raster_->measure("AB").width);
  EXPECT_TRUE(inkOf(raster_->coverage(text)).any);
  // Broken UTF-8 is shaped as replacement characters, not read past.
  EXPECT_GT(raster_->measure("Ka\xff\xfe").width, 0.0f);
  EXPECT_EQ(raster_->measure("").width, 0.0f);
}

TEST_F(TextRasterTest, LabelHasDarkTextOnALightHaloWithDescendersWhole) {
  const int halo = 1, pad = 2;
  const char* text = "Gypsy jelly";
  TextBox box = raster_->measure(text);
  Bitmap sprite = raster_->label(text, halo, pad, {20, 20, 20, 255}, {255, 255, 255, 220});
  ASSERT_EQ(sprite.channels, 4);
  EXPECT_EQ(sprite.width, static_cast<int>(std::ceil(box.width)) + 2 * pad);
  EXPECT_EQ(sprite.height, static_cast<int>(std::ceil(box.height)) + 2 * pad);

  int dark = 0, light = 0, lowestInk = -1, lowestHalo = -1;
  for (int y = 0; y < sprite.height; ++y) {
    for (int x = 0; x < sprite.width; ++x) {
      int r = sprite.at(x, y, 0), a = sprite.at(x, y, 3);
      for (int c = 0; c < 3; ++c) ASSERT_LE(sprite.at(x, y, c), a) << "premultiplied at " << x << "," << y;
      if (a > 200 && r < 80) {
        ++dark;
        lowestInk = y;
      }
      if (a > 100 && r > 180) ++light;
      if (a > 0) lowestHalo = y;
    }
  }
  EXPECT_GT(dark, 20);
  EXPECT_GT(light, dark) << "the halo surrounds every stroke";
  // The descenders of g, y and j reach two rows below the baseline (the row
  // under it is index `baseline`), and the halo below them, inside the sprite.
  EXPECT_GE(lowestInk, pad + box.baseline + 1);
  EXPECT_EQ(lowestHalo, lowestInk + halo);
  EXPECT_LT(lowestHalo, sprite.height - 1) << "an empty row is left at the bottom";
  for (int x = 0; x < sprite.width; ++x) EXPECT_EQ(sprite.at(x, 0, 3), 0) << "an empty row is left at the top";
}

TEST_F(TextRasterTest, HigherPixelRatioScalesTheText) {
  TextRaster twice(path_, 2 * kLinePx);
  ASSERT_TRUE(twice.ok());
  TextBox one = raster_->measure("Karshi-Khanabad"), two = twice.measure("Karshi-Khanabad");
  EXPECT_NEAR(two.advance, 2 * one.advance, 0.05 * one.advance);
  EXPECT_EQ(two.height, 26.0f);
}

}  // namespace
}  // namespace pamir::render::detail
