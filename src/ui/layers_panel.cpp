#include "ui/layers_panel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>
#include <string>

#include "ui/overlay.hpp"

namespace pamir::ui {

namespace {

ImU32 swatchColour(const Color& c) { return IM_COL32(c.r, c.g, c.b, std::max<int>(c.a, 160)); }

std::string joined(const std::vector<std::string>& v, const char* sep) {
  std::string out;
  for (const auto& s : v) out += (out.empty() ? "" : sep) + s;
  return out;
}

// "year_start–year_end", "year" or "none".
std::string yearFieldsText(const std::vector<std::string>& f) {
  if (f.empty()) return "none";
  if (f.size() == 1 || f[0] == f[1]) return f[0];
  return f[0] + " to " + f[1];
}

// A combo over the layer's fields with "(none)" first; true when changed.
bool fieldCombo(const char* label, const std::vector<std::string>& fields, std::string& chosen) {
  bool changed = false;
  if (ImGui::BeginCombo(label, chosen.empty() ? "(none)" : chosen.c_str())) {
    if (ImGui::Selectable("(none)", chosen.empty())) chosen.clear(), changed = true;
    for (const auto& f : fields)
      if (ImGui::Selectable(f.c_str(), f == chosen)) chosen = f, changed = true;
    ImGui::EndCombo();
  }
  return changed;
}

// What the filters read on this layer, changeable: start and end year
// fields (one field: an event in that year) and the country fields.
void filterFieldsMenu(const LayerItem& l, size_t k, OverlayActions& a) {
  if (!ImGui::BeginMenu("Filter fields")) return;
  std::string start = l.yearFields.empty() ? "" : l.yearFields[0];
  std::string end = l.yearFields.size() > 1 && l.yearFields[1] != start ? l.yearFields[1] : "";
  ImGui::TextDisabled("Year filter reads");
  ImGui::SetNextItemWidth(180);
  bool changed = fieldCombo("from (or the year)", l.fields, start);
  ImGui::SetNextItemWidth(180);
  changed |= fieldCombo("until", l.fields, end);
  ImGui::Separator();
  ImGui::TextDisabled("Country filter reads");
  std::vector<std::string> countries = l.countryFields;
  for (const auto& f : l.fields) {
    bool on = std::find(countries.begin(), countries.end(), f) != countries.end();
    if (ImGui::Checkbox(f.c_str(), &on)) {
      changed = true;
      if (on)
        countries.push_back(f);
      else
        std::erase(countries, f);
    }
  }
  if (changed) {
    FilterFieldsChoice c;
    c.layer = k;
    if (!start.empty()) c.yearFields = end.empty() ? std::vector<std::string>{start, start} : std::vector{start, end};
    c.countryFields = countries;
    a.setFilterFields = c;
  }
  ImGui::EndMenu();
}

void layerMenu(const LayerItem& l, size_t k, OverlayActions& a) {
  // The file's name; the whole path or connection string in the row's tooltip.
  const size_t slash = l.source.find_last_of('/');
  const std::string shortSource = l.source.empty()             ? l.title
                                  : slash == std::string::npos ? l.source
                                                               : l.source.substr(slash + 1);
  ImGui::TextDisabled("%s", shortSource.c_str());
  ImGui::Separator();
  if (ImGui::MenuItem("Zoom to layer", nullptr, false, !l.raster)) a.zoomToLayer = k;
  if (l.derived) {
    ImGui::TextDisabled("Drawn from its layer's sites:\nreload or remove that layer");
    return;
  }
  if (ImGui::MenuItem(l.changedOnDisk ? "Reload (changed on disk)" : "Reload from source")) a.reloadLayer = k;
  if (ImGui::MenuItem("Remove")) a.removeLayer = k;
  if (l.raster && l.needsOverviews && !l.overviewProgress && ImGui::MenuItem("Build overviews…")) a.buildOverviews = k;
  if (!l.raster) {
    ImGui::Separator();
    filterFieldsMenu(l, k, a);
  }
}

void layerRow(LayerItem& l, size_t k, OverlayActions& a) {
  ImGui::PushID(static_cast<int>(k));
  ImVec2 p = ImGui::GetCursorScreenPos();
  float h = ImGui::GetTextLineHeight();
  ImGui::GetWindowDrawList()->AddRectFilled(ImVec2(p.x, p.y + 3), ImVec2(p.x + h, p.y + h + 3), swatchColour(l.swatch),
                                            2.0f);
  ImGui::Dummy(ImVec2(h + 4, h));
  ImGui::SameLine();
  char label[256];
  if (l.raster)
    std::snprintf(label, sizeof label, "%s", l.title.c_str());
  else
    std::snprintf(label, sizeof label, "%s (%zu)", l.title.c_str(), l.featureCount);
  if (ImGui::Checkbox(label, &l.visible)) a.layersChanged = true;
  const bool rowHovered = ImGui::IsItemHovered();
  bool menu = rowHovered && ImGui::IsMouseReleased(ImGuiMouseButton_Right);
  // Which filters reach this layer, at a glance; the fields in the tooltip.
  const char* tags = !l.yearFields.empty() && !l.countryFields.empty() ? "years, countries"
                     : !l.yearFields.empty()                           ? "years"
                     : !l.countryFields.empty()                        ? "countries"
                                                                       : "";
  if (*tags && !l.derived) {
    ImGui::SameLine();
    ImGui::TextDisabled("%s", tags);
  }
  if (l.changedOnDisk) {
    ImGui::SameLine();
    if (ImGui::SmallButton("reload")) a.reloadLayer = k;
    if (ImGui::IsItemHovered()) ImGui::SetTooltip("%s changed on disk since it was read", l.source.c_str());
  }
  if (l.overviewProgress) {
    ImGui::SameLine();
    char text[32];
    std::snprintf(text, sizeof text, "overviews %d %%", static_cast<int>(*l.overviewProgress * 100));
    ImGui::ProgressBar(static_cast<float>(*l.overviewProgress), ImVec2(ImGui::GetFontSize() * 7, 0), text);
    ImGui::SameLine();
    if (ImGui::SmallButton("cancel")) a.cancelOverviews = k;
  } else if (l.needsOverviews) {
    ImGui::SameLine();
    if (ImGui::SmallButton("build overviews")) a.buildOverviews = k;
    if (ImGui::IsItemHovered())
      ImGui::SetTooltip(
          "%s has no overviews: zoomed out, only a coarse preview of it shows.\n"
          "Builds them into Pamir's cache folder; the file itself is not changed.",
          l.source.c_str());
  }
  if (rowHovered && !l.raster)
    ImGui::SetTooltip("%s\nyear filter: %s\ncountry filter: %s\nright-click for more", l.source.c_str(),
                      yearFieldsText(l.yearFields).c_str(),
                      l.countryFields.empty() ? "none" : joined(l.countryFields, ", ").c_str());
  // Right-click anywhere on the row opens its menu.
  ImGui::SameLine();
  ImGui::Dummy(ImVec2(std::max(1.0f, ImGui::GetContentRegionAvail().x), h));
  menu |= ImGui::IsItemHovered() && ImGui::IsMouseReleased(ImGuiMouseButton_Right);
  if (menu) ImGui::OpenPopup("layer menu");
  if (ImGui::BeginPopup("layer menu")) {
    // Escape closes the menu, as in any desktop menu (ImGui does so only with keyboard navigation on).
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape))) ImGui::CloseCurrentPopup();
    layerMenu(l, k, a);
    ImGui::EndPopup();
  }
  ImGui::PopID();
}

}  // namespace

void drawLayersPanel(OverlayModel& m, OverlayActions& a) {
  ImGui::SetNextWindowPos(ImVec2(10, 10), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(360, 430), ImGuiCond_FirstUseEver);
  ImGui::Begin("Layers");
  if (ImGui::Button("Fit to data")) a.fitToData = true;
  ImGui::SameLine();
  if (ImGui::Button("Add layer...")) a.openAddDialog = true;
  if (ImGui::IsItemHovered()) ImGui::SetTooltip("Ctrl+O: browse, recent sources, the desktop's chooser");
  ImGui::SameLine();
  // The whole window as a file: in a menu, so the panel's rows stay where they are.
  if (ImGui::Button("Session")) ImGui::OpenPopup("##session");
  if (ImGui::BeginPopup("##session")) {
    if (ImGui::MenuItem("Save session...")) a.saveSession = true;
    if (ImGui::MenuItem("Open session...")) a.openSession = true;
    ImGui::Separator();
    if (ImGui::MenuItem("Export view...", "Ctrl+E")) a.exportView = true;
    ImGui::EndPopup();
  }
  ImGui::SameLine();
  ImGui::TextDisabled("F1: keys");
  // Any GDAL source: a file, a folder, PG:..., /vsizip/...; files can also be dropped on the window.
  char path[1024];
  std::snprintf(path, sizeof path, "%s", m.addLayerPath.c_str());
  ImGui::SetNextItemWidth(-60);
  const bool enter = ImGui::InputTextWithHint("##add", "file, folder or GDAL source; or drop files", path, sizeof path,
                                              ImGuiInputTextFlags_EnterReturnsTrue);
  m.addLayerPath = path;
  ImGui::SameLine();
  if ((ImGui::Button("Add") || enter) && !m.addLayerPath.empty()) {
    a.addSource = m.addLayerPath;
    m.addLayerPath.clear();
  }
  ImGui::TextUnformatted("Grid:");
  ImGui::SameLine();
  ImGui::Checkbox("lat/lon (G)", &m.showGraticule);
  ImGui::SameLine();
  ImGui::Checkbox("MGRS", &m.showMgrs);
  ImGui::SameLine();
  ImGui::Checkbox("Legend", &m.legend.open);
  ImGui::Separator();
  // Groups in the order their topmost layer is drawn; inside a group, top layer first.
  std::vector<std::string> groups;
  for (size_t k = m.layers.size(); k-- > 0;)
    if (std::find(groups.begin(), groups.end(), m.layers[k].group) == groups.end()) groups.push_back(m.layers[k].group);
  for (const auto& g : groups) {
    ImGui::SetNextItemOpen(true, ImGuiCond_FirstUseEver);
    if (!ImGui::CollapsingHeader(g.empty() ? "Other" : g.c_str())) continue;
    for (size_t k = m.layers.size(); k-- > 0;)
      if (m.layers[k].group == g) layerRow(m.layers[k], k, a);
  }
  ImGui::End();
}

}  // namespace pamir::ui
