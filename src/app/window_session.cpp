#include "app/window_session.hpp"

#include <imgui.h>

#include <algorithm>

#include "app/session_layers.hpp"

namespace pamir::app {

SessionState captureSession(const WindowShown& w) {
  SessionState s;
  s.view = viewSetting(w.view, w.session.projection().definition(), w.pixelRatio);
  s.builtin = std::any_of(w.session.catalog().layers.begin(), w.session.catalog().layers.end(),
                          [](const Layer& l) { return l.builtin; }) ||
              std::any_of(w.session.catalog().rasters.begin(), w.session.catalog().rasters.end(),
                          [](const RasterLayer& r) { return r.builtin; });
  s.sources = ownSources(w.session);
  std::vector<bool> shown;
  for (const auto& row : w.model.layers) shown.push_back(row.visible);
  s.layers = layerSettings(w.session, shown);
  s.years = w.session.filter.years();
  s.countries = {w.session.filter.countries.begin(), w.session.filter.countries.end()};
  s.measurements = w.measurements;
  if (w.selection && w.selection->layer && w.selection->featureIndex < w.selection->layer->features.size())
    s.selected = SelectedFeature{w.selection->layer->id, w.selection->layer->features[w.selection->featureIndex].fid};
  s.panels.help = w.model.help.open;
  s.panels.search = w.searchOpen;
  s.panels.graticule = w.model.showGraticule;
  s.panels.militarySymbols = w.model.militarySymbols;
  s.panels.mgrs = w.model.showMgrs;
  s.panels.legend = w.model.legend.open;
  if (ImGui::GetCurrentContext()) s.panels.layout = ImGui::SaveIniSettingsToMemory();
  return s;
}

void restorePanels(const PanelState& panels, ui::OverlayModel& model) {
  model.help.open = panels.help;
  model.showGraticule = panels.graticule;
  model.militarySymbols = panels.militarySymbols;
  model.showMgrs = panels.mgrs;
  model.legend.open = panels.legend;
  if (ImGui::GetCurrentContext() && !panels.layout.empty())
    ImGui::LoadIniSettingsFromMemory(panels.layout.data(), panels.layout.size());
}

std::optional<Pick> findSelected(const MapSession& session, const std::optional<SelectedFeature>& selected) {
  if (!selected) return std::nullopt;
  for (const Layer* l : session.drawLayers()) {
    if (l->id != selected->layer || session.isDerived(*l)) continue;
    for (size_t i = 0; i < l->features.size(); ++i)
      if (l->features[i].fid == selected->fid) return Pick{l, i};
  }
  return std::nullopt;
}

}  // namespace pamir::app
