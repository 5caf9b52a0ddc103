#pragma once
// A modal dialog whose open state the window owns (a model's `open` flag):
// opened when the flag is set, closed on ImGui's side too when the window
// clears it (the file was chosen, the export written). Shared by the file
// and Export view dialogs.
#include <imgui.h>

namespace pamir::ui {

/// Begins the modal `popup` of `size` (0 height: fits its contents), centred
/// across, its top `topShare` of the way down the room below it (0.5:
/// centred), when `open`; true when
/// its contents are to be drawn (then end it with ImGui::EndPopup). Sets
/// *keepOpen false when the analyst closed it with its title bar button.
bool beginModalDialog(const char* popup, bool open, ImVec2 size, float topShare, ImGuiWindowFlags flags,
                      bool* keepOpen);

}  // namespace pamir::ui
