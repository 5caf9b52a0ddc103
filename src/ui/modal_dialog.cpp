#include "ui/modal_dialog.hpp"

namespace pamir::ui {

bool beginModalDialog(const char* popup, bool open, ImVec2 size, float topShare, ImGuiWindowFlags flags,
                      bool* keepOpen) {
  if (!open) {
    if (ImGui::IsPopupOpen(popup) && ImGui::BeginPopupModal(popup)) {
      ImGui::CloseCurrentPopup();
      ImGui::EndPopup();
    }
    return false;
  }
  if (!ImGui::IsPopupOpen(popup)) ImGui::OpenPopup(popup);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + (vp->Size.x - size.x) / 2, vp->Pos.y + (vp->Size.y - size.y) * topShare),
                          ImGuiCond_Appearing);
  ImGui::SetNextWindowSize(size, ImGuiCond_Appearing);
  *keepOpen = true;
  return ImGui::BeginPopupModal(popup, keepOpen, flags | ImGuiWindowFlags_NoSavedSettings);
}

}  // namespace pamir::ui
