#include "ui/search_box.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace pamir::ui {

namespace {

bool pressed(ImGuiKey key) { return ImGui::IsKeyPressed(ImGui::GetKeyIndex(key)); }

}  // namespace

SearchBoxActions drawSearchBox(SearchBoxModel& m, float width) {
  SearchBoxActions a;
  if (!m.open) return a;
  const float boxWidth = std::min(560.0f, width - 20.0f);
  ImGui::SetNextWindowPos(ImVec2((width - boxWidth) / 2, 10), ImGuiCond_Always);
  ImGui::SetNextWindowSize(ImVec2(boxWidth, 0), ImGuiCond_Always);
  bool open = true;
  ImGui::Begin("Search", &open,
               ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoCollapse |
                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize);
  if (m.focusField) {
    // The key that opened the box ("/") must not become its first character.
    ImGui::GetIO().InputQueueCharacters.resize(0);
    ImGui::SetKeyboardFocusHere();
    m.focusField = false;
  }
  char buffer[256];
  std::snprintf(buffer, sizeof buffer, "%s", m.query.c_str());
  ImGui::SetNextItemWidth(-1);
  const bool enter = ImGui::InputTextWithHint("##query", "name, id or coordinate (38.17N 73.96E, 43S DA 12345 67890)",
                                              buffer, sizeof buffer, ImGuiInputTextFlags_EnterReturnsTrue);
  const bool fieldActive = ImGui::IsItemActive();
  if (m.query != buffer) {
    m.query = buffer;
    m.highlighted = 0;
    a.queryChanged = true;
  }
  if (fieldActive || enter) {
    if (pressed(ImGuiKey_DownArrow))
      m.highlighted = std::min<int>(m.highlighted + 1, static_cast<int>(m.rows.size()) - 1);
    if (pressed(ImGuiKey_UpArrow)) m.highlighted = std::max(m.highlighted - 1, 0);
  }
  if (enter && !m.rows.empty())
    a.chosen = static_cast<size_t>(std::clamp<int>(m.highlighted, 0, static_cast<int>(m.rows.size()) - 1));
  if (enter && m.rows.empty()) ImGui::SetKeyboardFocusHere(-1);  // keep typing
  for (size_t i = 0; i < m.rows.size(); ++i) {
    ImGui::PushID(static_cast<int>(i));
    const bool selected = static_cast<int>(i) == m.highlighted;
    if (ImGui::Selectable(m.rows[i].title.c_str(), selected)) a.chosen = i;
    ImGui::SameLine();
    ImGui::TextDisabled("%s", m.rows[i].detail.c_str());
    ImGui::PopID();
  }
  if (!m.note.empty()) ImGui::TextDisabled("%s", m.note.c_str());
  if (pressed(ImGuiKey_Escape)) open = false;
  ImGui::End();
  if (!open || a.chosen) {
    m.open = false;
    a.closed = true;
  }
  return a;
}

}  // namespace pamir::ui
