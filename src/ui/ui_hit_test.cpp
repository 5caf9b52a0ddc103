#include "ui/ui_hit_test.hpp"

#include <imgui.h>
#include <imgui_internal.h>

namespace pamir::ui {

bool uiWindowAt(float x, float y) {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g) return false;
  const ImVec2 p(x, y);
  for (const ImGuiWindow* w : g->Windows) {
    // Not drawn last frame; the implicit "Debug" window is begun every frame
    // and deactivated at its end when nothing went into it.
    if (w->LastFrameActive != g->FrameCount || !w->Active || w->Hidden) continue;
    if (w->Flags & (ImGuiWindowFlags_NoMouseInputs | ImGuiWindowFlags_Tooltip)) continue;
    if (w->Flags & ImGuiWindowFlags_ChildWindow) continue;  // inside its parent
    ImRect r(w->Pos, ImVec2(w->Pos.x + w->Size.x, w->Pos.y + w->Size.y));
    const bool resizable =
        !(w->Flags & (ImGuiWindowFlags_NoResize | ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_Popup)) &&
        !w->Collapsed;
    if (resizable) r.Expand(g->WindowsHoverPadding);
    if (r.Contains(p)) return true;
  }
  return false;
}

bool uiPopupOpen() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  return g && g->OpenPopupStack.Size > 0;
}

bool uiKeyboardTaken() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g) return false;
  // ActiveId is the widget being edited or held right now; WantTextInput is
  // the frame before's view, kept for widgets that keep it between frames.
  return g->ActiveId != 0 || ImGui::GetIO().WantTextInput;
}

}  // namespace pamir::ui
