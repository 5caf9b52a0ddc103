#include "ui/export_dialog.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <utility>

#include "ui/modal_dialog.hpp"

namespace pamir::ui {

namespace {

void textField(const char* id, const char* hint, std::string& value, bool* enter = nullptr) {
  char buf[4096];
  std::snprintf(buf, sizeof buf, "%s", value.c_str());
  // Focused, the whole text is selected: typing replaces it, End keeps it.
  const bool pressed = ImGui::InputTextWithHint(
      id, hint, buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_AutoSelectAll);
  value = buf;
  if (enter) *enter = pressed;
}

}  // namespace

ExportDialogActions drawExportDialog(ExportDialogModel& m) {
  ExportDialogActions a;
  bool keepOpen = true;
  if (!beginModalDialog("Export view##export", m.open, ImVec2(520, 0), 0.2f, ImGuiWindowFlags_AlwaysAutoResize,
                        &keepOpen))
    return a;
  ImGui::TextUnformatted("The map as it is now: a .png image, or a .pdf report with tables.");
  // The path first, focused: type it and press Enter.
  if (ImGui::IsWindowAppearing() || std::exchange(m.focusPath, false)) ImGui::SetKeyboardFocusHere();
  ImGui::SetNextItemWidth(400);
  bool enter = false;
  textField("##path", "file to write: .png or .pdf", m.path, &enter);
  ImGui::SameLine();
  if (ImGui::Button("Browse...")) a.browse = true;
  ImGui::SetNextItemWidth(400);
  textField("##title", "title (optional)", m.title);
  ImGui::Separator();
  ImGui::TextUnformatted("Size (PNG):");
  ImGui::SameLine();
  char windowLabel[64];
  std::snprintf(windowLabel, sizeof windowLabel, "the window's (%d x %d)", m.windowWidth, m.windowHeight);
  if (ImGui::RadioButton(windowLabel, m.windowSize)) m.windowSize = true;
  ImGui::SameLine();
  if (ImGui::RadioButton("chosen", !m.windowSize)) m.windowSize = false;
  if (!m.windowSize) {
    ImGui::SetNextItemWidth(110);
    ImGui::InputInt("##w", &m.width, 0);
    ImGui::SameLine();
    ImGui::TextUnformatted("x");
    ImGui::SameLine();
    ImGui::SetNextItemWidth(110);
    ImGui::InputInt("##h", &m.height, 0);
    m.width = std::clamp(m.width, 16, kMaxExportSide);
    m.height = std::clamp(m.height, 16, kMaxExportSide);
    ImGui::SameLine();
    ImGui::TextDisabled("px, same area");
  }
  ImGui::TextUnformatted("On the map:");
  ImGui::Checkbox("legend", &m.legend);
  ImGui::SameLine();
  ImGui::Checkbox("scale bar", &m.scaleBar);
  ImGui::SameLine();
  ImGui::Checkbox("north arrow", &m.northArrow);
  ImGui::SameLine();
  ImGui::Checkbox("attribution", &m.attribution);
  ImGui::Checkbox("lat/lon grid", &m.graticule);
  ImGui::SameLine();
  ImGui::Checkbox("MGRS grid", &m.mgrs);
  ImGui::SameLine();
  ImGui::Checkbox("measurement table", &m.measurementTable);
  if (!m.problem.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", m.problem.c_str());
  ImGui::Separator();
  ImGui::BeginDisabled(m.path.empty());
  if (ImGui::Button("Export") || (enter && !m.path.empty())) a.exportNow = true;
  ImGui::EndDisabled();
  ImGui::SameLine();
  if (ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) a.cancelled = true;
  if (!keepOpen) a.cancelled = true;
  if (a.cancelled || a.browse) {
    ImGui::CloseCurrentPopup();
    m.open = false;
  }
  ImGui::EndPopup();
  return a;
}

}  // namespace pamir::ui
