#include "app/window_input.hpp"

namespace pamir::app {

InputOwner InputRouter::at(float x, float y) const {
  if (ui_.popupOpen && ui_.popupOpen()) return InputOwner::Ui;
  return ui_.windowAt && ui_.windowAt(x, y) ? InputOwner::Ui : InputOwner::Map;
}

InputOwner InputRouter::route(const SDL_Event& e) {
  switch (e.type) {
    case SDL_MOUSEMOTION:
      mouseX_ = e.motion.x;
      mouseY_ = e.motion.y;
      if (held_ != 0) return capture_;
      return at(static_cast<float>(mouseX_), static_cast<float>(mouseY_));
    case SDL_MOUSEBUTTONDOWN: {
      mouseX_ = e.button.x;
      mouseY_ = e.button.y;
      if (held_ == 0) capture_ = at(static_cast<float>(mouseX_), static_cast<float>(mouseY_));
      held_ |= SDL_BUTTON(e.button.button);
      return capture_;
    }
    case SDL_MOUSEBUTTONUP: {
      mouseX_ = e.button.x;
      mouseY_ = e.button.y;
      // A release with nothing held (the press happened outside the window) belongs where it happens.
      const InputOwner owner = held_ != 0 ? capture_ : at(static_cast<float>(mouseX_), static_cast<float>(mouseY_));
      held_ &= ~SDL_BUTTON(e.button.button);
      return owner;
    }
    case SDL_MOUSEWHEEL: {
      if (held_ != 0) return capture_;
#if SDL_VERSION_ATLEAST(2, 26, 0)
      // The wheel event says where the pointer was when it turned.
      mouseX_ = e.wheel.mouseX;
      mouseY_ = e.wheel.mouseY;
#endif
      return at(static_cast<float>(mouseX_), static_cast<float>(mouseY_));
    }
    case SDL_KEYDOWN:
    case SDL_KEYUP:
    case SDL_TEXTINPUT:
    case SDL_TEXTEDITING:
      return ui_.keyboardTaken && ui_.keyboardTaken() ? InputOwner::Ui : InputOwner::Map;
    case SDL_WINDOWEVENT:
      // The pointer left the window: nothing is under it any more.
      if (e.window.event == SDL_WINDOWEVENT_LEAVE) mouseX_ = mouseY_ = -1;
      return InputOwner::Map;
    default:
      return InputOwner::Map;
  }
}

}  // namespace pamir::app
