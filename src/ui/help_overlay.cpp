#include "ui/help_overlay.hpp"

#include <imgui.h>

namespace pamir::ui {

namespace {

void table(const char* id, const std::vector<HelpRow>& rows) {
  if (!ImGui::BeginTable(id, 2, ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV)) return;
  ImGui::TableSetupColumn("keys", ImGuiTableColumnFlags_WidthFixed, 110.0f);
  ImGui::TableSetupColumn("what", ImGuiTableColumnFlags_WidthStretch);
  for (const HelpRow& r : rows) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(r.keys.c_str());
    ImGui::TableNextColumn();
    ImGui::TextWrapped("%s", r.description.c_str());
  }
  ImGui::EndTable();
}

}  // namespace

void drawHelp(HelpModel& m, float w, float h) {
  if (!m.open) return;
  ImGui::SetNextWindowPos(ImVec2(w * 0.5f, h * 0.45f), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(520, 0), ImGuiCond_Appearing);
  ImGui::Begin("Keys and mouse###help", &m.open, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings);
  ImGui::TextDisabled("Keys work when no text field is being edited.");
  table("keys", m.keyboard);
  ImGui::Spacing();
  table("mouse", m.mouse);
  ImGui::End();
}

}  // namespace pamir::ui
