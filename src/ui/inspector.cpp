#include "ui/inspector.hpp"

#include <imgui.h>

namespace pamir::ui {

namespace {

// One position row: the label, the text, a copy button.
void coordinateRow(const char* label, const std::string& text, InspectorActions& a) {
  if (text.empty()) return;
  ImGui::PushID(label);
  ImGui::TextDisabled("%s", label);
  ImGui::SameLine(72);
  ImGui::TextUnformatted(text.c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton("copy")) a.copy = text;
  ImGui::PopID();
}

}  // namespace

InspectorActions drawInspector(const InspectorModel& m, float w) {
  InspectorActions a;
  ImGui::SetNextWindowPos(ImVec2(w - 430, 280), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(420, 420), ImGuiCond_FirstUseEver);
  bool open = true;
  ImGui::Begin("Feature", &open);
  ImGui::TextWrapped("%s", m.name.c_str());
  ImGui::TextDisabled("%s  #%lld   %s%s%s", m.layer.c_str(), static_cast<long long>(m.fid), m.kind.c_str(),
                      m.years.empty() ? "" : "   ", m.years.c_str());
  if (ImGui::SmallButton("Zoom to")) a.zoomTo = true;
  ImGui::SameLine();
  if (ImGui::SmallButton("Copy as GeoJSON")) a.copyGeoJson = true;
  ImGui::Separator();
  if (!m.anchorKind.empty()) ImGui::TextDisabled("position (%s)", m.anchorKind.c_str());
  coordinateRow("DD", m.dd, a);
  coordinateRow("DMS", m.dms, a);
  coordinateRow("MGRS", m.mgrs, a);
  if (!m.confidence.empty() || !m.uncertainty.empty()) {
    ImGui::TextDisabled("location");
    ImGui::SameLine(72);
    ImGui::Text("confidence %s%s%s", m.confidence.empty() ? "not given" : m.confidence.c_str(),
                m.uncertainty.empty() ? "" : ", ", m.uncertainty.c_str());
    if (!m.uncertaintyNote.empty()) ImGui::TextWrapped("%s", m.uncertaintyNote.c_str());
  }
  if (!m.sourceUrl.empty()) {
    ImGui::Separator();
    ImGui::TextDisabled("source");
    if (!m.sourceTitle.empty()) ImGui::TextWrapped("%s", m.sourceTitle.c_str());
    // The address as a link: blue, underlined, a hand on hover; opens in the browser.
    const ImVec4 blue(0.1f, 0.3f, 0.8f, 1.0f);
    ImGui::PushStyleColor(ImGuiCol_Text, blue);
    ImGui::TextWrapped("%s", m.sourceUrl.c_str());
    ImGui::PopStyleColor();
    if (m.canOpenLinks) {
      const ImVec2 lo = ImGui::GetItemRectMin(), hi = ImGui::GetItemRectMax();
      ImGui::GetWindowDrawList()->AddLine(ImVec2(lo.x, hi.y), hi, ImGui::GetColorU32(blue));
      if (ImGui::IsItemHovered()) {
        ImGui::SetMouseCursor(ImGuiMouseCursor_Hand);
        ImGui::SetTooltip("open in the browser");
      }
      if (ImGui::IsItemClicked()) a.openSource = true;
      if (ImGui::SmallButton("Open")) a.openSource = true;
      ImGui::SameLine();
    }
    if (ImGui::SmallButton("Copy link")) a.copy = m.sourceUrl;
  }
  ImGui::Separator();
  if (ImGui::BeginTable("attrs", 2,
                        ImGuiTableFlags_RowBg | ImGuiTableFlags_BordersInnerV | ImGuiTableFlags_Resizable)) {
    for (const auto& row : m.attributes) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(row.name.c_str());
      ImGui::TableNextColumn();
      ImGui::TextWrapped("%s", row.value.c_str());
    }
    ImGui::EndTable();
  }
  ImGui::End();
  if (!open) a.close = true;
  return a;
}

}  // namespace pamir::ui
