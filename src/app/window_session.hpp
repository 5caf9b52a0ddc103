#pragma once
// The window's state as a session (session_state.hpp) and back: what the
// window hands over to be kept, and what of a kept session it takes up again
// (the panels, ImGui's layout, the selected feature).
#include <optional>
#include <string>
#include <vector>

#include "app/map_session.hpp"
#include "app/picking.hpp"
#include "app/session_state.hpp"
#include "core/map_view.hpp"
#include "ui/overlay.hpp"

namespace pamir::app {

/// What the window shows, in the parts a session keeps.
struct WindowShown {
  const MapSession& session;
  const MapView& view;
  double pixelRatio = 1;
  const ui::OverlayModel& model;  ///< rows of the Layers panel, panels open
  const std::vector<Measurement>& measurements;
  const std::optional<Pick>& selection;
  bool searchOpen = false;
};

/// The session of a window showing `w`, ImGui's layout included (call between frames).
SessionState captureSession(const WindowShown& w);

/// The panels of `state` on `model`, and ImGui's layout (before the next frame).
void restorePanels(const PanelState& panels, ui::OverlayModel& model);

/// The feature `selected` names in `session`, if it is still there.
std::optional<Pick> findSelected(const MapSession& session, const std::optional<SelectedFeature>& selected);

}  // namespace pamir::app
