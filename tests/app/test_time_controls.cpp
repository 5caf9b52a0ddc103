#include <gtest/gtest.h>

#include "app/time_controls.hpp"
#include "ui/year_control.hpp"

using namespace pamir;
using namespace pamir::app;
using namespace std::chrono_literals;

namespace {
TimeControls controls() {
  TimeControls t;
  t.setBounds({1957, 2026});
  return t;
}
}  // namespace

TEST(TimeControls, PlayStepsAYearASecondAndPauseKeepsTheYear) {
  TimeControls t = controls();
  t.show(YearSpan::single(2012));
  EXPECT_FALSE(t.enabled());
  const auto t0 = TimeControls::Clock::time_point{} + 100s;
  t.play(t0);
  EXPECT_TRUE(t.enabled()) << "playing turns the time filter on";
  EXPECT_EQ(t.msUntilNextStep(t0), 1000);
  EXPECT_FALSE(t.advance(t0 + 999ms));
  EXPECT_EQ(t.span(), YearSpan::single(2012));
  EXPECT_TRUE(t.advance(t0 + 1000ms));
  EXPECT_EQ(t.span(), YearSpan::single(2013));
  EXPECT_TRUE(t.advance(t0 + 2001ms));
  EXPECT_EQ(t.span(), YearSpan::single(2014));
  t.pause();
  EXPECT_FALSE(t.msUntilNextStep(t0 + 5s)) << "paused: no frames wanted";
  EXPECT_FALSE(t.advance(t0 + 10s));
  EXPECT_EQ(t.filterYears(), YearSpan::single(2014));
  // After a stall, one step, not a burst of years.
  t.play(t0 + 10s);
  EXPECT_TRUE(t.advance(t0 + 30s));
  EXPECT_FALSE(t.advance(t0 + 30s));
  EXPECT_EQ(t.span(), YearSpan::single(2015));
  EXPECT_EQ(t.msUntilNextStep(t0 + 30s), 1000);
}

TEST(TimeControls, ChosenSpeedAndTheEndOfTheYears) {
  TimeControls t = controls();
  t.setYearsPerSecond(5);
  t.show(YearSpan::single(2025));
  const auto t0 = TimeControls::Clock::time_point{} + 100s;
  t.play(t0);
  EXPECT_EQ(t.msUntilNextStep(t0), 200);
  EXPECT_TRUE(t.advance(t0 + 200ms));
  EXPECT_EQ(t.span(), YearSpan::single(2026));
  EXPECT_FALSE(t.advance(t0 + 400ms)) << "without looping, the player stops at the last year";
  EXPECT_FALSE(t.playing());
  EXPECT_EQ(t.span(), YearSpan::single(2026));
  // Play again from the end: from the first year.
  t.play(t0 + 1s);
  EXPECT_EQ(t.span(), YearSpan::single(1957));
  t.show(YearSpan::single(2026));
  t.setLoop(true);
  EXPECT_TRUE(t.advance(t0 + 2s));
  EXPECT_EQ(t.span(), YearSpan::single(1957)) << "looping starts again";
  EXPECT_TRUE(t.playing());
}

TEST(TimeControls, ARangePlaysAsAMovingWindow) {
  TimeControls t = controls();
  t.show({2001, 2005});
  EXPECT_TRUE(t.rangeMode());
  const auto t0 = TimeControls::Clock::time_point{} + 100s;
  t.play(t0);
  EXPECT_TRUE(t.advance(t0 + 1s));
  EXPECT_EQ(t.span(), (YearSpan{2002, 2006}));
  t.toEnd();
  EXPECT_EQ(t.span(), (YearSpan{2022, 2026}));
  t.step(-100);
  EXPECT_EQ(t.span(), (YearSpan{1957, 1961}));
  // Leaving range mode keeps its first year; entering it again keeps the range holding the year.
  t.setRangeMode(false);
  EXPECT_EQ(t.span(), YearSpan::single(1957));
  t.setRangeMode(true);
  EXPECT_EQ(t.span(), (YearSpan{1957, 1961}));
}

TEST(TimeControls, TypedYearsAreClampedWithAMessage) {
  TimeControls t = controls();
  t.show(YearSpan::single(2016));
  auto m = t.type("20132014");
  ASSERT_TRUE(m);
  EXPECT_EQ(*m, "year 20132014 is after the years of the data (1957..2026): showing 2026");
  EXPECT_EQ(t.filterYears(), YearSpan::single(2026));
  m = t.type("1900");
  ASSERT_TRUE(m);
  EXPECT_NE(m->find("before"), std::string::npos) << *m;
  EXPECT_EQ(t.span(), YearSpan::single(1957));
  EXPECT_FALSE(t.type("2014"));
  EXPECT_EQ(t.span(), YearSpan::single(2014));
  // A range typed into the field switches to range mode; one reaching past the data is clamped.
  EXPECT_FALSE(t.type("2001..2014"));
  EXPECT_EQ(t.filterYears(), (YearSpan{2001, 2014}));
  m = t.type("2001-2040");
  ASSERT_TRUE(m);
  EXPECT_NE(m->find("ends after"), std::string::npos) << *m;
  EXPECT_EQ(t.span(), (YearSpan{2001, 2026}));
  // Nonsense changes nothing and says why.
  m = t.type("soon");
  ASSERT_TRUE(m);
  EXPECT_NE(m->find("2001..2014"), std::string::npos) << *m;
  EXPECT_EQ(t.span(), (YearSpan{2001, 2026}));
  EXPECT_TRUE(t.type("2014..2001"));
}

TEST(TimeControls, StepsStopAtTheBounds) {
  TimeControls t = controls();
  t.show(YearSpan::single(2025));
  t.step(1);
  t.step(1);
  EXPECT_EQ(t.span(), YearSpan::single(2026));
  t.setBounds({2000, 2010});
  EXPECT_EQ(t.span(), YearSpan::single(2010)) << "new bounds clamp the year";
  t.step(-3);
  EXPECT_EQ(t.span(), YearSpan::single(2007));
  t.show(YearSpan::single(1800));
  EXPECT_EQ(t.span(), YearSpan::single(2000));
}

TEST(YearSlider, EveryYearGetsAtLeastEightPixels) {
  // 1957-2026 in the 140 px the slider used to have: 8 px a year, and the slider scrolls.
  EXPECT_EQ(ui::yearSlotWidth(140, 70), 8.0f);
  // The Time bar at 1280 px: whole pixels, as wide as the bar allows.
  EXPECT_EQ(ui::yearSlotWidth(874, 70), 12.0f);
  EXPECT_GE(ui::yearSlotWidth(0, 1), ui::kMinYearSlot);
  EXPECT_GE(ui::yearSlotWidth(100, 0), ui::kMinYearSlot);
}
