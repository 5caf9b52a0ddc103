#include "data/catalog.hpp"

#include <algorithm>
#include <filesystem>

#include "data/filter_fields.hpp"
#include "data/source_loader.hpp"

namespace pamir::data {

namespace {

// Distinct, colour-blind-friendly hues (Okabe-Ito) for ad-hoc sources.
const Color kPalette[] = {{0, 114, 178, 255}, {213, 94, 0, 255},   {0, 158, 115, 255},  {204, 121, 167, 255},
                          {230, 159, 0, 255}, {86, 180, 233, 255}, {240, 228, 66, 255}, {0, 0, 0, 255}};

Style defaultStyle(size_t index) {
  Style s;
  Color c = kPalette[index % std::size(kPalette)];
  s.stroke = c;
  s.fill = c;
  s.fill.a = 110;
  s.strokeWidth = 1.5f;
  s.symbolSize = 9.0f;
  s.labelPriority = 1;  // the analyst's own: right after the curated sites
  return s;
}

// What the manifest says about a layer, whatever the source called it.
template <class AnyLayer>
void describeFromEntry(AnyLayer& l, const LayerEntry& e) {
  l.id = e.id;
  l.name = e.title;
  l.group = e.group;
  l.visible = e.visible;
  l.attribution = e.attribution;
}

void describeFromEntry(Layer& l, const LayerEntry& e) {
  describeFromEntry<Layer>(l, e);
  l.style = e.style;
  l.styleRules = e.rules;
  l.uncertaintyField = e.uncertaintyField;
  l.uncertaintyShown = e.uncertaintyShown;
  l.yearFields = e.yearFields;
  l.countryFields = e.countryFields;
}

}  // namespace

Bounds Catalog::bounds() const {
  Bounds b;
  for (const auto& l : layers) b.add(l.bounds());
  return b;
}

Catalog loadCatalog(const Manifest& m, Diagnostics& diag, const std::vector<std::string>& only,
                    CatalogContent content) {
  Catalog c;
  c.title = m.title;
  c.groups = m.groups;
  c.defaultCrs = m.defaultCrs;
  c.defaultBbox = m.defaultBbox;
  const std::filesystem::path base = std::filesystem::path(m.path).parent_path();
  for (const auto& e : m.layers) {
    if (!only.empty() && std::find(only.begin(), only.end(), e.id) == only.end() &&
        std::find(only.begin(), only.end(), e.title) == only.end() &&
        std::find(only.begin(), only.end(), e.layer) == only.end())
      continue;
    if (content == CatalogContent::VectorsOnly && e.type == "raster") continue;
    const std::string src = (base / e.source).string();
    LoadOptions opts;
    if (!e.layer.empty()) opts.layers = {e.layer};
    LoadedSource loaded = loadSource(src, diag, opts);
    if (e.type == "raster") {
      for (auto& r : loaded.rasters) {
        describeFromEntry(r, e);
        r.opacity = e.style.opacity;
        c.rasters.push_back(std::move(r));
      }
      continue;
    }
    for (auto& l : loaded.layers) {
      describeFromEntry(l, e);
      completeFilterFields(l);
      c.layers.push_back(std::move(l));
    }
  }
  return c;
}

Catalog loadSources(const std::vector<std::string>& sources, Diagnostics& diag, size_t firstColour,
                    const LoadOptions& options) {
  Catalog c;
  for (const auto& s : sources) {
    if (options.cancel && options.cancel->load(std::memory_order_relaxed)) break;
    LoadedSource loaded = loadSource(s, diag, options);
    for (auto& l : loaded.layers) {
      l.style = defaultStyle(firstColour + c.layers.size());
      // Points are labelled by their name when the source has one.
      for (const char* field : {"name", "Name", "NAME"})
        if (l.style.labelField.empty() && l.fieldIndex(field) >= 0) l.style.labelField = field;
      l.group = std::filesystem::path(s).filename().string();
      completeFilterFields(l);
      c.layers.push_back(std::move(l));
    }
    for (auto& r : loaded.rasters) c.rasters.push_back(std::move(r));
  }
  c.title = sources.size() == 1 ? sources.front() : std::to_string(sources.size()) + " sources";
  return c;
}

std::optional<Layer> reloadLayer(const Layer& old, Diagnostics& diag) {
  LoadOptions opts;
  opts.layers = {old.sourceLayer};
  LoadedSource loaded = loadSource(old.source, diag, opts);
  auto it = std::find_if(loaded.layers.begin(), loaded.layers.end(),
                         [&](const Layer& l) { return l.sourceLayer == old.sourceLayer; });
  if (it == loaded.layers.end()) {
    diag.error(old.source, old.sourceLayer, -1, "cannot reload: the layer is no longer in its source; kept as it was");
    return std::nullopt;
  }
  Layer l = std::move(*it);
  l.name = old.name;
  l.id = old.id;
  l.group = old.group;
  l.style = old.style;
  l.styleRules = old.styleRules;
  l.visible = old.visible;
  l.builtin = old.builtin;
  if (l.fieldIndex(old.uncertaintyField) >= 0) l.uncertaintyField = old.uncertaintyField;
  l.uncertaintyShown = old.uncertaintyShown;
  auto allExist = [&](const std::vector<std::string>& names) {
    return std::all_of(names.begin(), names.end(), [&](const std::string& n) { return l.fieldIndex(n) >= 0; });
  };
  if (allExist(old.yearFields)) l.yearFields = old.yearFields;
  if (allExist(old.countryFields)) l.countryFields = old.countryFields;
  completeFilterFields(l);
  return l;
}

std::optional<RasterLayer> reloadRaster(const RasterLayer& old, Diagnostics& diag) {
  LoadedSource loaded = loadSource(old.source, diag);
  if (loaded.rasters.empty()) {
    diag.error(old.source, "", -1, "cannot reload: no raster could be read from it; kept as it was");
    return std::nullopt;
  }
  RasterLayer r = std::move(loaded.rasters.front());
  r.name = old.name;
  r.id = old.id;
  r.group = old.group;
  r.visible = old.visible;
  r.opacity = old.opacity;
  r.builtin = old.builtin;
  return r;
}

Catalog loadBuiltinCatalog(Diagnostics& diag, const std::vector<std::string>& only, CatalogContent content) {
  auto m = readManifest(defaultManifestPath(), diag);
  if (!m) return {};
  Catalog c = loadCatalog(*m, diag, only, content);
  for (auto& l : c.layers) l.builtin = true;
  for (auto& r : c.rasters) r.builtin = true;
  return c;
}

Catalog loadForView(const std::vector<std::string>& sources, BuiltinData builtin, Diagnostics& diag,
                    const std::vector<std::string>& only) {
  Catalog c = builtin == BuiltinData::Include ? loadBuiltinCatalog(diag, only) : Catalog{};
  if (sources.empty()) return c;
  Catalog own = loadSources(sources, diag);
  // The analyst's layers draw above the dataset's, in the order given; the
  // first view is theirs to fit, not the dataset's default area.
  for (auto& l : own.layers) c.layers.push_back(std::move(l));
  for (auto& r : own.rasters) c.rasters.push_back(std::move(r));
  c.title = own.title;
  c.defaultBbox.reset();
  return c;
}

}  // namespace pamir::data
