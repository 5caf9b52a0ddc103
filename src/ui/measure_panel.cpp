#include "ui/measure_panel.hpp"

#include <imgui.h>

#include <cstdio>

namespace pamir::ui {

namespace {

ImU32 toIm(uint32_t rgba) { return IM_COL32(rgba >> 24, (rgba >> 16) & 0xFF, (rgba >> 8) & 0xFF, rgba & 0xFF); }

// A text field over a std::string; true when the edit is done (Enter, or focus left after a change).
bool textField(const char* id, std::string& text, float width, const char* hint = "") {
  char buf[512];
  std::snprintf(buf, sizeof buf, "%s", text.c_str());
  ImGui::SetNextItemWidth(width);
  const bool enter = ImGui::InputTextWithHint(id, hint, buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
  text = buf;
  return enter || ImGui::IsItemDeactivatedAfterEdit();
}

void toolButtons(MeasurePanelModel& m, MeasurePanelActions& a) {
  struct Choice {
    MeasureToolChoice tool;
    const char* label;
    const char* tip;
  };
  static const Choice choices[] = {
      {MeasureToolChoice::Line, "Line (M)", "two points"},
      {MeasureToolChoice::Path, "Path (P)", "any number of points; Enter or double-click finishes"},
      {MeasureToolChoice::Area, "Area (A)", "a polygon; Enter or double-click closes it"},
      {MeasureToolChoice::Ring, "Rings (R)", "click a centre: rings of the radii below"},
      {MeasureToolChoice::Features, "Features (N)", "nearest distance between two features, edge to edge"},
  };
  for (size_t i = 0; i < std::size(choices); ++i) {
    if (i) ImGui::SameLine();
    const bool on = m.tool == choices[i].tool;
    if (on) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (ImGui::SmallButton(choices[i].label)) a.setTool = on ? MeasureToolChoice::None : choices[i].tool;
    if (on) ImGui::PopStyleColor();
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s", choices[i].tip);
  }
}

void ringControls(MeasurePanelModel& m, MeasurePanelActions& a) {
  ImGui::TextUnformatted("Ring radii");
  ImGui::SameLine();
  if (textField("##radii", m.radii, 160, "100, 200, 300 km")) a.setRadii = m.radii;
  if (!m.radiiError.empty()) ImGui::TextColored(ImVec4(0.7f, 0.1f, 0.1f, 1), "%s", m.radiiError.c_str());
  if (m.ringCentre.empty()) return;
  if (ImGui::SmallButton("Rings round the selected feature")) {
    a.setRadii = m.radii;
    a.ringAroundSelected = true;
  }
  ImGui::SameLine();
  ImGui::TextDisabled("%s", m.ringCentre.c_str());
  if (m.attributes.empty()) return;
  ImGui::TextDisabled("radius from its attribute:");
  for (size_t i = 0; i < m.attributes.size(); ++i) {
    ImGui::SameLine();
    ImGui::PushID(static_cast<int>(i));
    char label[256];
    std::snprintf(label, sizeof label, "%s = %s", m.attributes[i].field.c_str(), m.attributes[i].value.c_str());
    if (ImGui::SmallButton(label)) a.ringFromAttribute = i;
    ImGui::PopID();
  }
}

void draftBlock(MeasurePanelModel& m, MeasurePanelActions& a) {
  if (!m.hint.empty()) ImGui::TextDisabled("%s", m.hint.c_str());
  for (const auto& line : m.draft) ImGui::TextUnformatted(line.c_str());
  if (m.tool == MeasureToolChoice::Path || m.tool == MeasureToolChoice::Area) {
    if (ImGui::SmallButton("Finish (Enter)")) a.finish = true;
    ImGui::SameLine();
    if (ImGui::SmallButton("Remove last point (Backspace)")) a.removeLast = true;
    ImGui::SameLine();
    if (ImGui::SmallButton("Cancel (Esc)")) a.cancel = true;
  }
}

void row(MeasurePanelModel& m, size_t i, MeasurePanelActions& a) {
  MeasureRow& r = m.rows[i];
  ImGui::PushID(static_cast<int>(i));
  ImGui::Separator();
  bool chosen = m.chosen[i];
  if (ImGui::Checkbox("##chosen", &chosen)) m.chosen[i] = chosen;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("choose for Export selected");
  ImGui::SameLine();
  // The colour swatch opens the palette.
  const float h = ImGui::GetTextLineHeight();
  const ImVec2 p = ImGui::GetCursorScreenPos();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + h, p.y + h + 3), toIm(r.color), 2.0f);
  if (ImGui::InvisibleButton("##swatch", ImVec2(h, h + 4))) ImGui::OpenPopup("##palette");
  if (ImGui::BeginPopup("##palette")) {
    const auto& palette = measurePalette();
    for (size_t k = 0; k < palette.size(); ++k) {
      if (k) ImGui::SameLine();
      ImGui::PushID(static_cast<int>(k));
      const ImVec2 q = ImGui::GetCursorScreenPos();
      ImGui::GetWindowDrawList()->AddRectFilled(q, ImVec2(q.x + 20, q.y + 20), toIm(palette[k]), 3.0f);
      if (ImGui::InvisibleButton("##c", ImVec2(20, 20))) {
        a.recolor = {i, palette[k]};
        ImGui::CloseCurrentPopup();
      }
      ImGui::PopID();
    }
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  if (m.renaming == i) {
    ImGui::SetKeyboardFocusHere();
    char buf[256];
    std::snprintf(buf, sizeof buf, "%s", m.renameText.c_str());
    ImGui::SetNextItemWidth(-1);
    const bool enter = ImGui::InputText("##rename", buf, sizeof buf, ImGuiInputTextFlags_EnterReturnsTrue);
    m.renameText = buf;
    if (enter) {
      a.rename = {i, m.renameText};
      m.renaming.reset();
    } else if (ImGui::IsItemDeactivated()) {
      m.renaming.reset();  // Esc or a click elsewhere: the name stays
    }
  } else {
    ImGui::TextUnformatted(r.name.c_str());
  }
  ImGui::TextDisabled("%s", r.kind.c_str());
  for (const auto& line : r.lines) {
    ImGui::SameLine();
    ImGui::TextUnformatted(line.c_str());
    break;  // the headline value beside the kind; the rest below
  }
  for (size_t k = 1; k < r.lines.size(); ++k) ImGui::TextDisabled("%s", r.lines[k].c_str());
  bool shown = !r.hidden;
  if (ImGui::Checkbox("shown", &shown)) a.setHidden = {i, !shown};
  ImGui::SameLine();
  if (ImGui::SmallButton("zoom to")) a.zoomTo = i;
  ImGui::SameLine();
  if (ImGui::SmallButton("rename")) {
    m.renaming = i;
    m.renameText = r.name;
  }
  ImGui::SameLine();
  if (ImGui::SmallButton("delete")) a.remove = i;
  ImGui::PopID();
}

}  // namespace

bool MeasurePanelActions::any() const {
  return setTool || setRadii || ringAroundSelected || ringFromAttribute || finish || removeLast || cancel || remove ||
         zoomTo || setHidden || rename || recolor || clear || undo || redo || exportAll || exportSelected ||
         chooseExport;
}

const std::vector<uint32_t>& measurePalette() {
  static const std::vector<uint32_t> palette{0xC80078FFu, 0x0064C8FFu, 0xE05A00FFu, 0x008C3CFFu,
                                             0x7828B4FFu, 0xD21E1EFFu, 0x00A0A0FFu, 0x282828FFu};
  return palette;
}

MeasurePanelActions drawMeasurePanel(MeasurePanelModel& m, float w) {
  MeasurePanelActions a;
  ImGui::SetNextWindowPos(ImVec2(w - 430, 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(420, 440), ImGuiCond_FirstUseEver);
  ImGui::Begin("Measure");
  toolButtons(m, a);
  ringControls(m, a);
  draftBlock(m, a);
  ImGui::BeginDisabled(!m.canUndo);
  if (ImGui::SmallButton("Undo (Ctrl+Z)")) a.undo = true;
  ImGui::EndDisabled();
  ImGui::SameLine();
  ImGui::BeginDisabled(!m.canRedo);
  if (ImGui::SmallButton("Redo (Ctrl+Shift+Z)")) a.redo = true;
  ImGui::EndDisabled();
  m.chosen.resize(m.rows.size(), false);
  if (m.renaming && *m.renaming >= m.rows.size()) m.renaming.reset();
  for (size_t i = 0; i < m.rows.size(); ++i) row(m, i, a);
  if (!m.rows.empty()) {
    ImGui::Separator();
    textField("##export", m.exportPath, -1, "file.geojson, file.csv or file.kml");
    if (ImGui::Button("Export all")) a.exportAll = m.exportPath;
    ImGui::SameLine();
    bool anyChosen = false;
    for (bool c : m.chosen) anyChosen = anyChosen || c;
    ImGui::BeginDisabled(!anyChosen);
    if (ImGui::Button("Export selected")) a.exportSelected = m.exportPath;
    ImGui::EndDisabled();
    ImGui::SameLine();
    if (ImGui::Button("Export as…")) a.chooseExport = anyChosen;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(anyChosen ? "the ticked measurements, to a file you choose"
                                  : "every measurement, to a file you choose");
    ImGui::SameLine();
    if (ImGui::Button("Clear")) a.clear = true;
    ImGui::TextDisabled("format by extension: .geojson, .csv (WKT), .kml");
    ImGui::TextDisabled("%s", m.method.c_str());
  }
  ImGui::End();
  return a;
}

}  // namespace pamir::ui
