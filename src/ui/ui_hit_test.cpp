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

namespace {
ImGuiID keyWidget = 0;  // the widget that takes keys while focused, drawn in frame keyWidgetFrame
int keyWidgetFrame = -1;
}  // namespace

void holdKeyboardWhileFocused(unsigned int imguiId) {
  keyWidget = imguiId;
  keyWidgetFrame = ImGui::GetFrameCount();
}

bool uiKeyboardTaken() {
  const ImGuiContext* g = ImGui::GetCurrentContext();
  if (!g) return false;
  // Focus stays on the slider until a click elsewhere (the map clears it).
  if (keyWidget != 0 && g->NavId == keyWidget && g->NavWindow && keyWidgetFrame >= g->FrameCount - 1) return true;
  // ActiveId is the widget being edited or held right now; WantTextInput is
  // the frame before's view, kept for widgets that keep it between frames.
  return g->ActiveId != 0 || ImGui::GetIO().WantTextInput;
}

}  // namespace pamir::ui
