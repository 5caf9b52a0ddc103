#pragma once
// When the window draws: only when something changed. An event (ImGui then
// needs a couple of frames to settle hover and focus), a view still moving
// or just come to rest (the full-detail frame), the layer worker busy (its
// results are taken in by a frame), a blinking text caret, an animation's
// next step (one frame a step, sleeping between). Otherwise the
// window sleeps in SDL_WaitEventTimeout and draws nothing when it wakes.
#include <chrono>

namespace pamir::app {

struct Activity {
  bool moving = false;     ///< the view changed lately or is being dragged
  bool coarse = false;     ///< the last frame drew less than the full detail
  bool working = false;    ///< the layer worker has jobs not taken in
  bool textCaret = false;  ///< a text field is being edited (its caret blinks)
  /// An animation runs (the Time bar playing): milliseconds until its next
  /// frame is due, 0 = now; -1 = none. A paused animation asks for nothing.
  int animationMs = -1;
};

class FramePacer {
 public:
  using Clock = std::chrono::steady_clock;

  /// An input or window event arrived.
  void eventArrived() { owed_ = kSettleFrames; }
  /// The window's state changed outside an event (an action taken in a frame).
  void changed() {
    if (owed_ < 1) owed_ = 1;
  }
  /// Whether a frame is due now.
  bool frameWanted(const Activity& a, Clock::time_point now) const;
  /// How long to wait for an event before looking again (milliseconds).
  int sleepMs(const Activity& a) const;
  void frameDrawn(Clock::time_point now);

  static constexpr int kSettleFrames = 3;
  static constexpr int kWorkPollMs = 30;    ///< the worker is busy: take its results in this often
  static constexpr int kCaretMs = 500;      ///< a text caret blinks at this pace
  static constexpr int kIdleWakeMs = 1000;  ///< idle: wake this often, draw nothing

 private:
  int owed_ = kSettleFrames;
  Clock::time_point lastFrame_{};
};

}  // namespace pamir::app
