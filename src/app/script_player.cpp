#include "app/script_player.hpp"

#include <ostream>

namespace pamir::app {

ScriptPlayer::Frame ScriptPlayer::beforeFrame(size_t measurements, std::ostream& err) {
  Frame frame;
  if (!queued_.empty()) {
    deliver(queued_.front());
    queued_.pop_front();
  } else if (waitFrames_ == 0 && next_ < steps_.size()) {
    frame = play(steps_[next_++], measurements, err);
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

ScriptPlayer::Frame ScriptPlayer::play(const ScriptStep& s, size_t measurements, std::ostream& err) {
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
  auto button = [&](double x, double y, bool down) {
    SDL_Event e{};
    e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    e.button.windowID = windowId;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = static_cast<int>(x);
    e.button.y = static_cast<int>(y);
    push(e);
  };
  switch (s.kind) {
    case ScriptStep::Kind::Wait:
      waitFrames_ = static_cast<int>(s.a);
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
      motion(s.a, s.b, false);
      nextFrame();
      SDL_Event e{};
      e.type = SDL_MOUSEWHEEL;
      e.wheel.windowID = windowId;
      e.wheel.y = static_cast<int>(s.c);
      push(e);
      break;
    }
    case ScriptStep::Kind::Key: {
      const SDL_Keycode k = SDL_GetKeyFromName(s.text.c_str());
      if (k == SDLK_UNKNOWN) {
        err << "pamir view: script line " << s.line << ": unknown key '" << s.text << "'\n";
        frame.exitStatus = 2;
        break;
      }
      SDL_Event e{};
      e.type = SDL_KEYDOWN;
      e.key.windowID = windowId;
      e.key.keysym.sym = k;
      e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
      e.key.state = SDL_PRESSED;
      push(e);
      e.type = SDL_KEYUP;
      e.key.state = SDL_RELEASED;
      push(e);
      break;
    }
    case ScriptStep::Kind::Screenshot:
      frame.screenshot = s.text;
      break;
    case ScriptStep::Kind::ExpectMeasurements:
      if (measurements != static_cast<size_t>(s.a)) {
        err << "pamir view: script line " << s.line << ": expected " << static_cast<int>(s.a) << " measurements, have "
            << measurements << "\n";
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
