#include "app/frame_pacer.hpp"

namespace pamir::app {

bool FramePacer::frameWanted(const Activity& a, Clock::time_point now) const {
  if (owed_ > 0 || a.moving || a.coarse) return true;
  const auto since = now - lastFrame_;
  if (a.working && since >= std::chrono::milliseconds(kWorkPollMs)) return true;
  return a.textCaret && since >= std::chrono::milliseconds(kCaretMs);
}

int FramePacer::sleepMs(const Activity& a) const {
  if (a.working) return kWorkPollMs;
  if (a.textCaret) return kCaretMs;
  return kIdleWakeMs;
}

void FramePacer::frameDrawn(Clock::time_point now) {
  if (owed_ > 0) --owed_;
  lastFrame_ = now;
}

}  // namespace pamir::app
