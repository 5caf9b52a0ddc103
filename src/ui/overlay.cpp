#include "ui/overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <utility>

#include "geo/units.hpp"
#include "ui/layers_panel.hpp"

namespace pamir::ui {

namespace {

void filterPanel(OverlayModel& m, OverlayActions& a) {
  ImGui::SetNextWindowPos(ImVec2(10, 450), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(360, 250), ImGuiCond_FirstUseEver);
  ImGui::Begin("Filter");
  ImGui::BeginTabBar("##filter");
  if (ImGui::BeginTabItem("Countries")) {
    ImGui::TextUnformatted("Countries (host or operator):");
    int col = 0;
    for (auto& c : m.countries) {
      if (col++ % 4 != 0) ImGui::SameLine();
      if (ImGui::Checkbox(c.code.c_str(), &c.selected)) a.filterChanged = true;
    }
    if (ImGui::SmallButton("All countries")) {
      for (auto& c : m.countries) c.selected = false;
      a.filterChanged = true;
    }
    ImGui::EndTabItem();
  }
  // What appeared and closed between two years (switched on from the Time bar).
  char changes[64];
  std::snprintf(changes, sizeof changes, "Changes (%zu)###changes", m.changes.on ? m.changes.rows.size() : size_t{0});
  if (ImGui::BeginTabItem(changes, nullptr,
                          std::exchange(m.changes.reveal, false) ? ImGuiTabItemFlags_SetSelected : 0)) {
    drawChangesList(m.changes, a.changes);
    ImGui::EndTabItem();
  }
  ImGui::EndTabBar();
  ImGui::End();
}

void statusBar(OverlayModel& m, OverlayActions& a, float w, float h) {
  const float barH = ImGui::GetFrameHeightWithSpacing() + 8;
  ImGui::SetNextWindowPos(ImVec2(0, h - barH));
  ImGui::SetNextWindowSize(ImVec2(w, barH));
  ImGui::Begin("##status", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoFocusOnAppearing | ImGuiWindowFlags_NoBringToFrontOnFocus);
  if (m.cursor)
    ImGui::Text("%.5f, %.5f   %s   %s", m.cursor->lat, m.cursor->lon, m.cursorDms.c_str(), m.cursorMgrs.c_str());
  else
    ImGui::TextDisabled("cursor outside the map");
  ImGui::SameLine(w * 0.62f);
  static char crs[256] = "";
  if (crs[0] == 0) std::snprintf(crs, sizeof crs, "%s", m.crsDefinition.c_str());
  ImGui::SetNextItemWidth(w * 0.2f);
  if (ImGui::InputText("CRS", crs, sizeof crs, ImGuiInputTextFlags_EnterReturnsTrue)) a.setCrs = std::string(crs);
  if (ImGui::IsItemHovered())
    ImGui::SetTooltip("%s\nEPSG:3857, ESRI:102025, a PROJ string... then Enter", m.crsName.c_str());
  ImGui::SameLine();
  ImGui::TextDisabled("%.1f ms", m.frameMs);
  ImGui::End();
  // Work under way (sources read, layers prepared), right-aligned just above the bar.
  if (!m.progress.empty()) {
    ImDrawList* dl = ImGui::GetForegroundDrawList();
    const ImVec2 size = ImGui::CalcTextSize(m.progress.c_str());
    const ImVec2 at(w - size.x - 14, h - barH - size.y - 10);
    dl->AddRectFilled(ImVec2(at.x - 6, at.y - 3), ImVec2(at.x + size.x + 6, at.y + size.y + 3),
                      IM_COL32(255, 255, 255, 225), 3);
    dl->AddText(at, IM_COL32(25, 75, 180, 255), m.progress.c_str());
  }

  // Scale bar above the status bar, bottom left, drawn straight on the background.
  if (m.metresPerPixel > 0) {
    double len = geo::niceScaleLength(m.metresPerPixel * 160.0);
    float px = static_cast<float>(len / m.metresPerPixel);
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    // Over the map, above the Time bar and right of the left panels.
    const float mapBottom = m.time.top > 0 ? m.time.top : h - barH;
    ImVec2 o(390, mapBottom - 18);
    dl->AddRectFilled(ImVec2(o.x - 6, o.y - 20), ImVec2(o.x + px + 6, o.y + 8), IM_COL32(255, 255, 255, 200), 3);
    dl->AddLine(o, ImVec2(o.x + px, o.y), IM_COL32(20, 20, 20, 255), 2.0f);
    dl->AddLine(ImVec2(o.x, o.y - 6), ImVec2(o.x, o.y + 4), IM_COL32(20, 20, 20, 255), 2.0f);
    dl->AddLine(ImVec2(o.x + px, o.y - 6), ImVec2(o.x + px, o.y + 4), IM_COL32(20, 20, 20, 255), 2.0f);
    dl->AddText(ImVec2(o.x, o.y - 19), IM_COL32(20, 20, 20, 255), geo::formatDistance(len).c_str());
  }
  if (!m.status.empty()) {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    dl->AddText(ImVec2(390, (m.time.top > 0 ? m.time.top : h - barH) - 60), IM_COL32(120, 0, 0, 255), m.status.c_str());
  }
}

void messagesPanel(OverlayModel& m) {
  if (m.messages.empty()) return;
  ImGui::SetNextWindowPos(ImVec2(10, 620), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(520, 110), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowCollapsed(true, ImGuiCond_FirstUseEver);
  char title[64];
  std::snprintf(title, sizeof title, "Load messages (%zu)###messages", m.messages.size());
  ImGui::Begin(title);
  for (const auto& line : m.messages) ImGui::TextWrapped("%s", line.c_str());
  ImGui::End();
}

}  // namespace

OverlayActions drawOverlay(OverlayModel& model, float w, float h) {
  OverlayActions a;
  drawLayersPanel(model, a);
  filterPanel(model, a);
  a.measure = drawMeasurePanel(model.measure, w);
  if (model.inspected) a.inspector = drawInspector(*model.inspected, w);
  a.popups = drawMapPopups(model.hover, model.menu, model.here);
  const float statusTop = h - (ImGui::GetFrameHeightWithSpacing() + 8);
  drawYearBar(model.time, model.changes, a.time, a.changes, w, statusTop);
  // Bottom right, clear of the Measure panel and above the Time bar.
  if (model.legend.open &&
      drawLegendPanel(model.legend, model.militarySymbols, w, std::min(h - 330, statusTop - 4 - yearBarHeight() - 268)))
    a.layersChanged = true;
  drawHelp(model.help, w, h);
  messagesPanel(model);
  statusBar(model, a, w, h);
  return a;
}

}  // namespace pamir::ui
