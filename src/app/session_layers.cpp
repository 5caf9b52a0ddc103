#include "app/session_layers.hpp"

#include <algorithm>
#include <map>
#include <optional>
#include <ostream>
#include <utility>

namespace pamir::app {

namespace {

constexpr const char* kCircles = ":uncertainty";

bool isCircles(const std::string& id) { return id.ends_with(kCircles); }

// Takes the first not yet taken element of `from` that `setting` names.
template <class T>
std::optional<T> take(std::vector<std::optional<T>>& from, const LayerSetting& setting) {
  for (auto& slot : from)
    if (slot && slot->id == setting.id && (slot->builtin ? "" : slot->source) == setting.source)
      return std::exchange(slot, std::nullopt);
  return std::nullopt;
}

std::string named(const LayerSetting& s) {
  return "layer " + s.id + (s.source.empty() ? " of the built-in dataset" : " of " + s.source);
}

}  // namespace

std::vector<LayerSetting> layerSettings(const MapSession& session, const std::vector<bool>& rowShown) {
  std::vector<LayerSetting> out;
  size_t row = 0;
  auto shown = [&](bool own) { return row < rowShown.size() ? rowShown[row] : own; };
  for (const RasterLayer* r : session.drawRasters()) {
    LayerSetting s;
    s.id = r->id;
    s.source = r->builtin ? "" : r->source;
    s.raster = true;
    s.visible = shown(r->visible);
    s.opacity = r->opacity;
    out.push_back(std::move(s));
    ++row;
  }
  for (const Layer* l : session.drawLayers()) {
    LayerSetting s;
    s.id = l->id;
    s.source = l->builtin ? "" : l->source;
    s.visible = shown(l->visible);
    s.opacity = l->style.opacity;
    if (!session.isDerived(*l)) {  // the circles' style is made from their layer's
      s.fill = l->style.fill;
      s.stroke = l->style.stroke;
      s.strokeWidth = l->style.strokeWidth;
    }
    out.push_back(std::move(s));
    ++row;
  }
  return out;
}

std::vector<std::string> ownSources(const MapSession& session) {
  std::vector<std::string> out;
  auto add = [&](bool builtin, const std::string& source) {
    if (!builtin && !source.empty() && std::find(out.begin(), out.end(), source) == out.end()) out.push_back(source);
  };
  for (const Layer& l : session.catalog().layers) add(l.builtin, l.source);
  for (const RasterLayer& r : session.catalog().rasters) add(r.builtin, r.source);
  return out;
}

std::vector<std::string> arrangeLayers(MapSession& session, const std::vector<LayerSetting>& settings) {
  std::vector<std::string> problems;
  data::Catalog& catalog = session.catalog();
  // Built-in layers are matched with an empty source (take): the dataset's folder may move.
  std::vector<std::optional<Layer>> layers;
  for (auto& l : catalog.layers) layers.emplace_back(std::move(l));
  std::vector<std::optional<RasterLayer>> rasters;
  for (auto& r : catalog.rasters) rasters.emplace_back(std::move(r));
  catalog.layers.clear();
  catalog.rasters.clear();
  std::map<std::string, bool> circlesShown;  // by the id of the layer they are made from
  for (const LayerSetting& s : settings) {
    if (s.raster) {
      std::optional<RasterLayer> r = take(rasters, s);
      if (!r) {
        problems.push_back(named(s) + " is no longer there");
        continue;
      }
      r->visible = s.visible;
      r->opacity = s.opacity;
      catalog.rasters.push_back(std::move(*r));
      continue;
    }
    if (isCircles(s.id)) {
      circlesShown[s.source + "\n" + s.id.substr(0, s.id.size() - std::string(kCircles).size())] = s.visible;
      continue;
    }
    std::optional<Layer> l = take(layers, s);
    if (!l) {
      problems.push_back(named(s) + " is no longer there");
      continue;
    }
    l->visible = s.visible;
    l->style.opacity = s.opacity;
    if (s.fill) l->style.fill = *s.fill;
    if (s.stroke) l->style.stroke = *s.stroke;
    if (s.strokeWidth) l->style.strokeWidth = *s.strokeWidth;
    catalog.layers.push_back(std::move(*l));
  }
  for (Layer& l : catalog.layers)
    if (auto it = circlesShown.find((l.builtin ? "" : l.source) + "\n" + l.id); it != circlesShown.end())
      l.uncertaintyShown = it->second;
  session.layersRearranged();
  return problems;
}

MapSession openSavedSession(const SessionState& state, Diagnostics& diag) {
  MapSession session =
      MapSession::open(state.sources, state.builtin ? data::BuiltinData::Include : data::BuiltinData::LeaveOut, diag);
  if (state.version >= 2)
    for (const auto& line : arrangeLayers(session, state.layers)) diag.warn("", "", -1, line);
  if (state.view) {
    std::string why;
    if (!session.setCrs(state.view->crs, &why)) diag.error("", "", -1, "view CRS " + state.view->crs + ": " + why);
  }
  session.filter.setYears(state.years);
  session.filter.countries = {state.countries.begin(), state.countries.end()};
  return session;
}

MapView savedView(const SessionView& v) {
  const double halfW = v.resX * v.width / 2, halfH = v.resY * v.height / 2;
  Bounds b;
  b.add(v.centre.x - halfW, v.centre.y - halfH);
  b.add(v.centre.x + halfW, v.centre.y + halfH);
  return MapView::fromExtent(b, v.width, v.height);
}

SessionView viewSetting(const MapView& view, const std::string& crs, double pixelRatio) {
  SessionView v;
  v.crs = crs;
  v.centre = view.center();
  v.resX = view.resolutionX();
  v.resY = view.resolutionY();
  v.width = view.width();
  v.height = view.height();
  v.pixelRatio = pixelRatio;
  return v;
}

std::optional<SavedMap> openSavedMap(const std::string& path, const std::string& command, std::ostream& err) {
  SessionRead read = readSessionFile(path);
  if (read.status == SessionRead::Status::Missing) {
    err << "pamir " << command << ": " << path << ": no session there\n";
    return std::nullopt;
  }
  if (!read.ok()) {
    err << "pamir " << command << ": " << read.problem << "\n";
    return std::nullopt;
  }
  Diagnostics diag;
  MapSession session = openSavedSession(read.state, diag);
  diag.print(err);
  if (session.empty()) {
    err << "pamir " << command << ": " << path << ": nothing of the session could be loaded\n";
    return std::nullopt;
  }
  MapView view =
      read.state.view ? savedView(*read.state.view) : MapView::fitting(session.dataExtent(), 1920, 1080, 0.02);
  const double ratio = read.state.view ? read.state.view->pixelRatio : 1.0;
  return SavedMap{std::move(session), view, ratio, std::move(read.state)};
}

}  // namespace pamir::app
