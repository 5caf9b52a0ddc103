#include "app/frame_pacer.hpp"

#include <algorithm>

namespace pamir::app {

bool FramePacer::frameWanted(const Activity& a, Clock::time_point now) const {
  if (owed_ > 0 || a.moving || a.coarse || a.animationMs == 0) return true;
  const auto since = now - lastFrame_;
  if (a.working && since >= std::chrono::milliseconds(kWorkPollMs)) return true;
  return a.textCaret && since >= std::chrono::milliseconds(kCaretMs);
}

int FramePacer::sleepMs(const Activity& a) const {
  int ms = kIdleWakeMs;
  if (a.working)
    ms = kWorkPollMs;
  else if (a.textCaret)
    ms = kCaretMs;
  // Woken in time for the animation's next step, not before.
  if (a.animationMs >= 0) ms = std::min(ms, std::max(a.animationMs, 1));
  return ms;
}

void FramePacer::frameDrawn(Clock::time_point now) {
  if (owed_ > 0) --owed_;
  lastFrame_ = now;
}

}  // namespace pamir::app
