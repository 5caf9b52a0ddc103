#include "app/script_player.hpp"

#include <ostream>

namespace pamir::app {

namespace {

// How long wait-until waits before it fails: long enough for a slow loaded
// machine, short enough that a broken test ends.
constexpr int kWaitUntilSeconds = 60;

// "Ctrl+F", "Shift+/", "+", "Ctrl++": modifiers before the last '+' that is not the key itself.
bool parseKey(const std::string& spec, SDL_Keycode* key, Uint16* mod) {
  *mod = 0;
  std::string rest = spec;
  for (;;) {
    const size_t plus = rest.find('+');
    if (plus == std::string::npos || plus + 1 >= rest.size()) break;
    const std::string m = rest.substr(0, plus);
    if (m == "Ctrl")
      *mod |= KMOD_LCTRL;
    else if (m == "Shift")
      *mod |= KMOD_LSHIFT;
    else if (m == "Alt")
      *mod |= KMOD_LALT;
    else if (m == "Super")
      *mod |= KMOD_LGUI;
    else
      return false;
    rest = rest.substr(plus + 1);
  }
  *key = SDL_GetKeyFromName(rest.c_str());
  return *key != SDLK_UNKNOWN;
}

}  // namespace

ScriptPlayer::Frame ScriptPlayer::beforeFrame(const StateQuery& state, std::ostream& err) {
  Frame frame;
  if (waitingFor_) {
    if (state(waitingFor_->text).find(waitingFor_->value) != std::string::npos) {
      waitingFor_.reset();
    } else if (std::chrono::steady_clock::now() > waitDeadline_) {
      err << "pamir view: script line " << waitingFor_->line << ": waited " << kWaitUntilSeconds << " s for "
          << waitingFor_->text << " to contain '" << waitingFor_->value << "', have '" << state(waitingFor_->text)
          << "'\n";
      frame.exitStatus = 1;
    }
    return frame;
  }
  if (!queued_.empty()) {
    deliver(queued_.front());
    queued_.pop_front();
  } else if (waitFrames_ == 0 && next_ < steps_.size()) {
    frame = play(steps_[next_++], state, err);
    if (!frame.exitStatus && !queued_.empty()) {
      deliver(queued_.front());
      queued_.pop_front();
    }
  } else if (waitFrames_ > 0) {
    --waitFrames_;
  } else {
    frame.quit = true;  // every step played
  }
  return frame;
}

// Pointer moves warp the real pointer (ImGui reads the pointer's position from
// the OS, not from events); buttons, wheel and keys are pushed as SDL events.
void ScriptPlayer::deliver(std::vector<SDL_Event>& batch) {
  for (SDL_Event& e : batch) {
    if (e.type == SDL_MOUSEMOTION)
      SDL_WarpMouseInWindow(window_, e.motion.x, e.motion.y);
    else
      SDL_PushEvent(&e);
  }
}

ScriptPlayer::Frame ScriptPlayer::play(const ScriptStep& s, const StateQuery& state, std::ostream& err) {
  Frame frame;
  // Events go into per-frame batches: ImGui decides who owns the mouse from
  // where the pointer was last frame, so a click must not arrive in the
  // same frame as the move that brought the pointer there.
  auto push = [&](SDL_Event e) {
    if (queued_.empty()) queued_.emplace_back();
    queued_.back().push_back(e);
  };
  auto nextFrame = [&] { queued_.emplace_back(); };
  const Uint32 windowId = SDL_GetWindowID(window_);
  auto motion = [&](double x, double y, bool held) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.windowID = windowId;
    e.motion.x = static_cast<int>(x);
    e.motion.y = static_cast<int>(y);
    e.motion.xrel = static_cast<int>(x) - lastX_;
    e.motion.yrel = static_cast<int>(y) - lastY_;
    e.motion.state = held ? SDL_BUTTON_LMASK : 0;
    lastX_ = static_cast<int>(x);
    lastY_ = static_cast<int>(y);
    push(e);
  };
  auto button = [&](double x, double y, bool down, Uint8 which = SDL_BUTTON_LEFT, Uint8 clicks = 1) {
    SDL_Event e{};
    e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    e.button.windowID = windowId;
    e.button.button = which;
    e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = clicks;
    e.button.x = static_cast<int>(x);
    e.button.y = static_cast<int>(y);
    push(e);
  };
  switch (s.kind) {
    case ScriptStep::Kind::Wait:
      waitFrames_ = static_cast<int>(s.a);
      break;
    case ScriptStep::Kind::WaitUntil:
      waitingFor_ = s;
      waitDeadline_ = std::chrono::steady_clock::now() + std::chrono::seconds(kWaitUntilSeconds);
      break;
    case ScriptStep::Kind::Move:
      motion(s.a, s.b, false);
      break;
    case ScriptStep::Kind::Click:
      motion(s.a, s.b, false);
      nextFrame();
      button(s.a, s.b, true);
      nextFrame();
      button(s.a, s.b, false);
      break;
    case ScriptStep::Kind::DoubleClick:
      // As SDL reports one: a click, then a second whose events count 2.
      motion(s.a, s.b, false);
      for (Uint8 clicks : {1, 2}) {
        nextFrame();
        button(s.a, s.b, true, SDL_BUTTON_LEFT, clicks);
        nextFrame();
        button(s.a, s.b, false, SDL_BUTTON_LEFT, clicks);
      }
      break;
    case ScriptStep::Kind::RightClick:
      motion(s.a, s.b, false);
      nextFrame();
      button(s.a, s.b, true, SDL_BUTTON_RIGHT);
      nextFrame();
      button(s.a, s.b, false, SDL_BUTTON_RIGHT);
      break;
    case ScriptStep::Kind::Drag: {
      motion(s.a, s.b, false);
      nextFrame();
      button(s.a, s.b, true);
      for (int i = 1; i <= 10; ++i) {
        nextFrame();
        motion(s.a + (s.c - s.a) * i / 10, s.b + (s.d - s.b) * i / 10, true);
      }
      nextFrame();
      button(s.c, s.d, false);
      break;
    }
    case ScriptStep::Kind::Wheel: {
      // In the same frame as the move: the window must tell where the wheel
      // turned from the event itself, not from where the pointer was last frame.
      motion(s.a, s.b, false);
      SDL_Event e{};
      e.type = SDL_MOUSEWHEEL;
      e.wheel.windowID = windowId;
      e.wheel.y = static_cast<int>(s.c);
      e.wheel.preciseY = static_cast<float>(s.c);
#if SDL_VERSION_ATLEAST(2, 26, 0)
      e.wheel.mouseX = static_cast<int>(s.a);
      e.wheel.mouseY = static_cast<int>(s.b);
#endif
      push(e);
      break;
    }
    case ScriptStep::Kind::Key: {
      SDL_Keycode k = SDLK_UNKNOWN;
      Uint16 mod = 0;
      if (!parseKey(s.text, &k, &mod)) {
        err << "pamir view: script line " << s.line << ": unknown key '" << s.text << "'\n";
        frame.exitStatus = 2;
        break;
      }
      SDL_Event e{};
      e.type = SDL_KEYDOWN;
      e.key.windowID = windowId;
      e.key.keysym.sym = k;
      e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
      e.key.keysym.mod = mod;
      e.key.state = SDL_PRESSED;
      push(e);
      // Released a frame later, as a hand does: ImGui 1.86 reads keys as held
      // once a frame, so a press and release in one frame would never be seen.
      nextFrame();
      e.type = SDL_KEYUP;
      e.key.state = SDL_RELEASED;
      push(e);
      break;
    }
    case ScriptStep::Kind::Drop: {
      // What SDL sends for a drop: each file (its text the receiver frees), then the end.
      SDL_Event e{};
      e.type = SDL_DROPBEGIN;
      e.drop.windowID = windowId;
      push(e);
      e.type = SDL_DROPFILE;
      e.drop.file = SDL_strdup(s.text.c_str());
      push(e);
      e.type = SDL_DROPCOMPLETE;
      e.drop.file = nullptr;
      push(e);
      break;
    }
    case ScriptStep::Kind::Type:
      // Each character as a hand types it: key down, its text, key up.
      for (char c : s.text) {
        SDL_Event e{};
        e.type = SDL_KEYDOWN;
        e.key.windowID = windowId;
        e.key.keysym.sym =
            static_cast<SDL_Keycode>(static_cast<unsigned char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
        e.key.keysym.scancode = SDL_GetScancodeFromKey(e.key.keysym.sym);
        e.key.state = SDL_PRESSED;
        push(e);
        SDL_Event t{};
        t.type = SDL_TEXTINPUT;
        t.text.windowID = windowId;
        t.text.text[0] = c;
        push(t);
        e.type = SDL_KEYUP;
        e.key.state = SDL_RELEASED;
        push(e);
        nextFrame();
      }
      break;
    case ScriptStep::Kind::Expect:
    case ScriptStep::Kind::ExpectContains: {
      const std::string have = state(s.text);
      const bool ok = s.kind == ScriptStep::Kind::Expect ? have == s.value : have.find(s.value) != std::string::npos;
      if (!ok) {
        err << "pamir view: script line " << s.line << ": expected " << s.text
            << (s.kind == ScriptStep::Kind::Expect ? " to be '" : " to contain '") << s.value << "', have '" << have
            << "'\n";
        frame.exitStatus = 1;
      }
      break;
    }
    case ScriptStep::Kind::Print:
      err << "pamir view: state " << s.text << " = " << state(s.text) << "\n";
      break;
    case ScriptStep::Kind::Remember:
      remembered_[s.text] = state(s.text);
      break;
    case ScriptStep::Kind::ExpectSame:
    case ScriptStep::Kind::ExpectChanged: {
      const auto was = remembered_.find(s.text);
      if (was == remembered_.end()) {
        err << "pamir view: script line " << s.line << ": " << s.text << " was not remembered\n";
        frame.exitStatus = 2;
        break;
      }
      const std::string have = state(s.text);
      const bool same = have == was->second;
      if (same != (s.kind == ScriptStep::Kind::ExpectSame)) {
        err << "pamir view: script line " << s.line << ": expected " << s.text
            << (same ? " to change, still '" : " unchanged, was '" + was->second + "', now '") << have << "'\n";
        frame.exitStatus = 1;
      }
      break;
    }
    case ScriptStep::Kind::Screenshot:
      frame.screenshot = s.text;
      break;
    case ScriptStep::Kind::MapScreenshot:
      frame.mapScreenshot = s.text;
      break;
    case ScriptStep::Kind::HoldTileReads:
      frame.holdTileReads = s.text == "yes";
      break;
    case ScriptStep::Kind::ExpectMeasurements:
      if (const std::string have = state("measurements"); have != std::to_string(static_cast<int>(s.a))) {
        err << "pamir view: script line " << s.line << ": expected " << static_cast<int>(s.a) << " measurements, have "
            << have << "\n";
        frame.exitStatus = 1;
      }
      break;
    case ScriptStep::Kind::Quit:
      frame.quit = true;
      break;
  }
  return frame;
}

}  // namespace pamir::app
