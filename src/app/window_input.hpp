#pragma once
// Who an input event belongs to: the panels or the map. Decided per event
// from where the event happens, not from what ImGui wanted last frame: a
// wheel notch over a panel scrolls the panel only, a click on a panel never
// reaches the map, and a drag that started on the map stays the map's until
// its button is released (and one that started on a panel the panel's).
#include <SDL.h>

#include <functional>

namespace pamir::app {

enum class InputOwner { Map, Ui };

/// What the router asks the UI about (ui/ui_hit_test.hpp in the window; fakes in tests).
struct UiQuery {
  /// A panel, menu or other window of the UI covers this point (window coordinates).
  std::function<bool(float x, float y)> windowAt;
  /// A popup or menu is open: a click anywhere goes to it (and closes it).
  std::function<bool()> popupOpen;
  /// A text field or other widget holds the keyboard.
  std::function<bool()> keyboardTaken;
};

class InputRouter {
 public:
  explicit InputRouter(UiQuery ui) : ui_(std::move(ui)) {}

  /// The owner of `e`. Call once per event, in order: it follows buttons
  /// and the pointer. Events that are neither mouse nor keyboard go to the map
  /// (it decides what they mean).
  InputOwner route(const SDL_Event& e);

  /// The pointer's last position in window coordinates.
  int mouseX() const { return mouseX_; }
  int mouseY() const { return mouseY_; }
  /// A button went down on the map and is still held.
  bool mapHoldsPointer() const { return held_ != 0 && capture_ == InputOwner::Map; }

 private:
  InputOwner at(float x, float y) const;

  UiQuery ui_;
  Uint32 held_ = 0;                       ///< buttons down (SDL_BUTTON masks)
  InputOwner capture_ = InputOwner::Map;  ///< who got the first of the held buttons
  int mouseX_ = -1, mouseY_ = -1;
};

}  // namespace pamir::app
