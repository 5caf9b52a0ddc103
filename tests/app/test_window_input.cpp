// Who gets an input event (panels or map), which key means what, and when the window draws.
#include <gtest/gtest.h>

#include <set>

#include "app/frame_pacer.hpp"
#include "app/shortcuts.hpp"
#include "app/window_input.hpp"

using namespace pamir::app;

namespace {

// A panel covering x < 300, as the Layers panel does.
struct FakeUi {
  bool popup = false;
  bool keyboard = false;
  UiQuery query() {
    return {[](float x, float) { return x < 300; }, [this] { return popup; }, [this] { return keyboard; }};
  }
};

SDL_Event motion(int x, int y) {
  SDL_Event e{};
  e.type = SDL_MOUSEMOTION;
  e.motion.x = x;
  e.motion.y = y;
  return e;
}
SDL_Event button(int x, int y, bool down, Uint8 which = SDL_BUTTON_LEFT) {
  SDL_Event e{};
  e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
  e.button.button = which;
  e.button.x = x;
  e.button.y = y;
  return e;
}
SDL_Event wheel(int x, int y) {
  SDL_Event e{};
  e.type = SDL_MOUSEWHEEL;
  e.wheel.y = 1;
  e.wheel.mouseX = x;
  e.wheel.mouseY = y;
  return e;
}
SDL_Event key(SDL_Keycode k) {
  SDL_Event e{};
  e.type = SDL_KEYDOWN;
  e.key.keysym.sym = k;
  return e;
}

}  // namespace

// The case that went wrong: a click on the map, then the pointer flicks
// onto a panel and the wheel turns before a frame is drawn.
TEST(InputRouter, AWheelOverAPanelAfterAMapClickIsThePanels) {
  FakeUi ui;
  InputRouter r(ui.query());
  EXPECT_EQ(r.route(motion(700, 400)), InputOwner::Map);
  EXPECT_EQ(r.route(button(700, 400, true)), InputOwner::Map);
  EXPECT_EQ(r.route(button(700, 400, false)), InputOwner::Map);
  EXPECT_EQ(r.route(motion(150, 200)), InputOwner::Ui);
  EXPECT_EQ(r.route(wheel(150, 200)), InputOwner::Ui);
  // The wheel's own position counts, even when no motion came first.
  EXPECT_EQ(r.route(wheel(700, 200)), InputOwner::Map);
  EXPECT_EQ(r.route(wheel(100, 200)), InputOwner::Ui);
}

TEST(InputRouter, ADragKeepsItsOwnerUntilRelease) {
  FakeUi ui;
  InputRouter r(ui.query());
  // Started on the map, dragged over the panel: still the map's, wheel included.
  EXPECT_EQ(r.route(button(700, 400, true)), InputOwner::Map);
  EXPECT_TRUE(r.mapHoldsPointer());
  EXPECT_EQ(r.route(motion(100, 400)), InputOwner::Map);
  EXPECT_EQ(r.route(wheel(100, 400)), InputOwner::Map);
  EXPECT_EQ(r.route(button(100, 400, false)), InputOwner::Map);
  EXPECT_FALSE(r.mapHoldsPointer());
  EXPECT_EQ(r.route(motion(100, 400)), InputOwner::Ui);
  // Started on the panel (a slider), dragged over the map: the panel's.
  EXPECT_EQ(r.route(button(100, 400, true)), InputOwner::Ui);
  EXPECT_EQ(r.route(motion(800, 400)), InputOwner::Ui);
  EXPECT_EQ(r.route(button(800, 400, true, SDL_BUTTON_RIGHT)), InputOwner::Ui);
  EXPECT_EQ(r.route(button(800, 400, false)), InputOwner::Ui);
  EXPECT_EQ(r.route(button(800, 400, false, SDL_BUTTON_RIGHT)), InputOwner::Ui);
  EXPECT_EQ(r.route(button(800, 400, true)), InputOwner::Map);
}

TEST(InputRouter, AnOpenMenuTakesTheClickAndAFieldTheKeys) {
  FakeUi ui;
  InputRouter r(ui.query());
  ui.popup = true;
  EXPECT_EQ(r.route(button(700, 400, true)), InputOwner::Ui);
  EXPECT_EQ(r.route(button(700, 400, false)), InputOwner::Ui);
  ui.popup = false;
  EXPECT_EQ(r.route(key(SDLK_f)), InputOwner::Map);
  ui.keyboard = true;
  EXPECT_EQ(r.route(key(SDLK_f)), InputOwner::Ui);
}

TEST(Shortcuts, ModifiersMatter) {
  EXPECT_EQ(commandFor(SDLK_f, 0), Command::Fit);
  EXPECT_EQ(commandFor(SDLK_f, KMOD_LSHIFT), Command::Fit);
  EXPECT_FALSE(commandFor(SDLK_f, KMOD_LCTRL)) << "Ctrl+F is not Fit";
  EXPECT_FALSE(commandFor(SDLK_f, KMOD_RCTRL));
  EXPECT_FALSE(commandFor(SDLK_m, KMOD_LALT));
  EXPECT_EQ(commandFor(SDLK_EQUALS, KMOD_LSHIFT), Command::ZoomIn);  // '+' on a US keyboard
  EXPECT_EQ(commandFor(SDLK_F1, 0), Command::Help);
  EXPECT_EQ(commandFor(SDLK_SLASH, KMOD_RSHIFT), Command::Help);  // '?'
  EXPECT_EQ(commandFor(SDLK_SLASH, 0), Command::Search);          // a plain '/' searches
  EXPECT_EQ(commandFor(SDLK_k, KMOD_LCTRL), Command::Search);
  EXPECT_FALSE(commandFor(SDLK_k, 0));
  EXPECT_FALSE(commandFor(SDLK_q, 0));
}

// The help is made from the table the keys are looked up in: every command
// has a row, and every key a row names does what the row says.
TEST(Shortcuts, TheHelpListsEveryCommand) {
  const auto rows = keyboardHelp();
  std::set<Command> commands, described;
  for (const Shortcut& s : shortcuts()) {
    commands.insert(s.command);
    if (*s.keys) described.insert(s.command);
    EXPECT_EQ(commandFor(s.key, s.modifiers), s.command) << s.keys;
  }
  EXPECT_EQ(commands, described);
  EXPECT_EQ(rows.size(), described.size());
  EXPECT_FALSE(mouseHelp().empty());
}

TEST(FramePacer, DrawsOnlyWhenSomethingChanged) {
  using namespace std::chrono_literals;
  FramePacer p;
  auto t = FramePacer::Clock::now();
  Activity idle;
  // The first frames, then nothing.
  for (int i = 0; i < FramePacer::kSettleFrames; ++i) {
    EXPECT_TRUE(p.frameWanted(idle, t));
    p.frameDrawn(t);
  }
  EXPECT_FALSE(p.frameWanted(idle, t + 10s));
  EXPECT_EQ(p.sleepMs(idle), FramePacer::kIdleWakeMs);
  // An event: a few frames for ImGui to settle.
  p.eventArrived();
  EXPECT_TRUE(p.frameWanted(idle, t));
  // A moving view or a coarse frame draws; a busy worker every kWorkPollMs.
  for (int i = 0; i < FramePacer::kSettleFrames; ++i) p.frameDrawn(t);
  EXPECT_TRUE(p.frameWanted({.moving = true}, t));
  EXPECT_TRUE(p.frameWanted({.coarse = true}, t));
  Activity working{.working = true};
  EXPECT_FALSE(p.frameWanted(working, t + 5ms));
  EXPECT_TRUE(p.frameWanted(working, t + 40ms));
  EXPECT_EQ(p.sleepMs(working), FramePacer::kWorkPollMs);
  p.changed();
  EXPECT_TRUE(p.frameWanted(idle, t));
}

TEST(FramePacer, AnAnimationDrawsOneFrameAStepAndNothingWhenPaused) {
  using namespace std::chrono_literals;
  FramePacer p;
  auto t = FramePacer::Clock::now();
  for (int i = 0; i < FramePacer::kSettleFrames; ++i) p.frameDrawn(t);
  // Playing, the next year 400 ms away: no frame yet, and the window wakes in time for it.
  const Activity waiting{.animationMs = 400};
  EXPECT_FALSE(p.frameWanted(waiting, t + 600ms));
  EXPECT_EQ(p.sleepMs(waiting), 400);
  EXPECT_TRUE(p.frameWanted({.animationMs = 0}, t));
  // Never a busy loop, and a busy worker still polls at its own pace.
  EXPECT_EQ(p.sleepMs({.animationMs = 0}), 1);
  EXPECT_EQ(p.sleepMs({.working = true, .animationMs = 900}), FramePacer::kWorkPollMs);
  // Paused (or never played): the idle window draws nothing.
  const Activity paused{};
  EXPECT_FALSE(p.frameWanted(paused, t + 10s));
  EXPECT_EQ(p.sleepMs(paused), FramePacer::kIdleWakeMs);
}
