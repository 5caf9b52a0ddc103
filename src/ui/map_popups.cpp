#include "ui/map_popups.hpp"

#include <imgui.h>

namespace pamir::ui {

namespace {

void tooltip(const HoverTip& h) {
  if (!h.show) return;
  ImGui::BeginTooltip();
  ImGui::TextUnformatted(h.name.c_str());
  ImGui::TextDisabled("%s%s%s", h.kind.c_str(), h.years.empty() ? "" : "   ", h.years.c_str());
  ImGui::TextDisabled("%s", h.layer.c_str());
  ImGui::EndTooltip();
}

void contextMenu(ContextMenuModel& m, MapPopupActions& a) {
  if (m.openRequested) {
    ImGui::OpenPopup("##mapmenu");
    m.openRequested = false;
  }
  m.open = ImGui::BeginPopup("##mapmenu");
  if (!m.open) return;
  ImGui::TextDisabled("%s", m.dd.c_str());
  if (ImGui::MenuItem("Copy coordinate (decimal degrees)")) a.copy = m.dd;
  if (ImGui::MenuItem("Copy coordinate (DMS)")) a.copy = m.dms;
  if (!m.mgrs.empty() && ImGui::MenuItem("Copy coordinate (MGRS)")) a.copy = m.mgrs;
  ImGui::Separator();
  if (ImGui::MenuItem("What is here?")) a.whatIsHere = true;
  if (ImGui::MenuItem("Measure from here")) a.measureFromHere = true;
  if (ImGui::MenuItem("Range ring here")) a.ringHere = true;
  if (!m.feature.empty()) {
    ImGui::Separator();
    ImGui::TextDisabled("%s", m.feature.c_str());
    if (ImGui::MenuItem("Select")) a.selectFeature = true;
    if (ImGui::MenuItem("Zoom to feature")) a.zoomToFeature = true;
  }
  ImGui::EndPopup();
}

void whatIsHere(WhatIsHereModel& m, MapPopupActions& a) {
  if (!m.open) return;
  ImGui::SetNextWindowPos(ImVec2(380, 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(420, 240), ImGuiCond_FirstUseEver);
  ImGui::Begin("What is here", &m.open);
  ImGui::TextDisabled("%s: %zu feature(s), every visible layer", m.at.c_str(), m.rows.size());
  for (size_t i = 0; i < m.rows.size(); ++i) {
    const HereRow& r = m.rows[i];
    ImGui::PushID(static_cast<int>(i));
    if (ImGui::SmallButton("zoom")) a.zoomToHere = i;
    ImGui::SameLine();
    if (ImGui::Selectable(r.name.c_str(), false, ImGuiSelectableFlags_AllowItemOverlap)) a.selectHere = i;
    ImGui::SameLine();
    ImGui::TextDisabled("%s, %s", r.kind.c_str(), r.layer.c_str());
    ImGui::PopID();
  }
  ImGui::End();
}

}  // namespace

MapPopupActions drawMapPopups(HoverTip& hover, ContextMenuModel& menu, WhatIsHereModel& here) {
  MapPopupActions a;
  contextMenu(menu, a);
  // No tooltip while the menu is open: it would cover the menu.
  if (!menu.open) tooltip(hover);
  whatIsHere(here, a);
  return a;
}

}  // namespace pamir::ui
