#include "app/map_session.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

#include "data/filter_fields.hpp"
#include "geo/range_ring.hpp"
#include "geo/seam_cut.hpp"

namespace pamir::app {

MapSession MapSession::open(const std::vector<std::string>& sources, data::BuiltinData builtin, Diagnostics& diag,
                            const std::vector<std::string>& onlyLayers) {
  data::Catalog catalog = data::loadForView(sources, builtin, diag, onlyLayers);
  auto projection = geo::Projection::create(catalog.defaultCrs, &diag);
  if (!projection) {
    diag.error("", "", -1, "default view CRS: " + projection.error() + "; using Pamir's default");
    projection = geo::Projection::create("", &diag);
  }
  // Pamir's own CRS failing means PROJ itself is unusable (no proj.db): nothing can be shown.
  if (!projection) throw std::runtime_error("cannot build the view CRS: " + projection.error());
  MapSession s(std::move(*projection));
  s.catalog_ = std::move(catalog);
  s.rebuildDerived();
  return s;
}

std::vector<const RasterLayer*> MapSession::drawRasters() const {
  std::vector<const RasterLayer*> out;
  for (const auto& r : catalog_.rasters) out.push_back(&r);
  return out;
}

bool MapSession::isDerived(const Layer& layer) const {
  return !derived_.empty() && &layer >= derived_.data() && &layer < derived_.data() + derived_.size();
}

bool MapSession::setCrs(const std::string& definition, std::string* error) {
  auto p = geo::Projection::create(definition);
  if (!p) {
    if (error) *error = p.error();
    return false;
  }
  projection_ = std::move(*p);
  return true;
}

size_t MapSession::ownLayerCount() const {
  return static_cast<size_t>(
      std::count_if(catalog_.layers.begin(), catalog_.layers.end(), [](const Layer& l) { return !l.builtin; }));
}

MapSession::Added MapSession::addSources(const std::vector<std::string>& sources, Diagnostics& diag) {
  return addCatalog(data::loadSources(sources, diag, ownLayerCount()));
}

MapSession::Added MapSession::addCatalog(data::Catalog more) {
  Added added;
  added.layers = more.layers.size() + more.rasters.size();
  for (auto& l : more.layers) {
    added.lonlat.add(l.bounds());
    catalog_.layers.push_back(std::move(l));
  }
  for (auto& r : more.rasters) catalog_.rasters.push_back(std::move(r));
  if (added.layers > 0) rebuildDerived();
  return added;
}

Layer* MapSession::own(const Layer* layer) {
  for (auto& l : catalog_.layers)
    if (&l == layer) return &l;
  return nullptr;
}

RasterLayer* MapSession::own(const RasterLayer* raster) {
  for (auto& r : catalog_.rasters)
    if (&r == raster) return &r;
  return nullptr;
}

bool MapSession::removeLayer(const Layer* layer) {
  Layer* l = own(layer);
  if (!l) return false;
  catalog_.layers.erase(catalog_.layers.begin() + (l - catalog_.layers.data()));
  rebuildDerived();
  return true;
}

bool MapSession::removeRaster(const RasterLayer* raster) {
  RasterLayer* r = own(raster);
  if (!r) return false;
  catalog_.rasters.erase(catalog_.rasters.begin() + (r - catalog_.rasters.data()));
  return true;
}

bool MapSession::reloadLayer(const Layer* layer, Diagnostics& diag) {
  Layer* l = own(layer);
  if (!l) return false;
  std::optional<Layer> fresh = data::reloadLayer(*l, diag);
  if (!fresh) return false;
  *l = std::move(*fresh);
  rebuildDerived();
  return true;
}

bool MapSession::reloadRaster(const RasterLayer* raster, Diagnostics& diag) {
  RasterLayer* r = own(raster);
  if (!r) return false;
  std::optional<RasterLayer> fresh = data::reloadRaster(*r, diag);
  if (!fresh) return false;
  *r = std::move(*fresh);
  return true;
}

bool MapSession::setFilterFields(const Layer* layer, const std::vector<std::string>& yearFields,
                                 const std::vector<std::string>& countryFields) {
  Layer* l = own(layer);
  if (!l || yearFields.size() > 2) return false;
  for (const auto* names : {&yearFields, &countryFields})
    for (const auto& n : *names)
      if (l->fieldIndex(n) < 0) return false;
  l->yearFields = yearFields;
  l->countryFields = countryFields;
  l->countryAliases = data::countryAliases(*l, data::CountryCodes::standard());
  rebuildDerived();  // the circles carry the site's description, filter fields included
  return true;
}

bool MapSession::hasOwnData() const {
  return std::any_of(catalog_.layers.begin(), catalog_.layers.end(), [](const Layer& l) { return !l.builtin; }) ||
         std::any_of(catalog_.rasters.begin(), catalog_.rasters.end(), [](const RasterLayer& r) { return !r.builtin; });
}

Bounds MapSession::initialLonLat() const {
  if (catalog_.defaultBbox) return *catalog_.defaultBbox;
  const bool own = hasOwnData();
  Bounds b;
  for (const auto& l : catalog_.layers)
    if (!own || !l.builtin) b.add(l.bounds());
  for (const auto& r : catalog_.rasters) {
    if (own && r.builtin) continue;
    if (!r.crsWkt.empty() && r.crsWkt.find("GEOGCRS") != 0 && r.crsWkt.find("GEOGCS") != 0) continue;
    b.add(r.geoTransform[0], r.geoTransform[3]);
    b.add(r.geoTransform[0] + r.geoTransform[1] * r.width, r.geoTransform[3] + r.geoTransform[5] * r.height);
  }
  return b;
}

Bounds MapSession::dataExtent() const {
  const geo::ViewDomain domain = geo::viewDomain(projection_);
  Bounds lonlat;  // of the layers that lie inside the domain, and the geographic rasters
  Bounds cut;     // of the others, cut as drawn
  const bool own = hasOwnData();
  for (const Layer& layer : catalog_.layers) {
    if (own && layer.builtin) continue;
    const Bounds ll = layer.bounds();
    if (ll.empty()) continue;
    // Most layers lie well inside the domain: their lon/lat box projects as it is.
    const Path box{{ll.minx, ll.miny}, {ll.maxx, ll.miny}, {ll.maxx, ll.maxy}, {ll.minx, ll.maxy}};
    if (ll.width() < 180.0 && geo::insideDomain(box, domain, true)) {
      lonlat.add(ll);
      continue;
    }
    for (const Feature& f : layer.features) cut.add(geo::projectedBounds(f.geometry, projection_, domain));
  }
  for (const auto& r : catalog_.rasters) {
    if (own && r.builtin) continue;
    if (!r.crsWkt.empty() && r.crsWkt.find("GEOGCRS") != 0 && r.crsWkt.find("GEOGCS") != 0) continue;
    lonlat.add(r.geoTransform[0], r.geoTransform[3]);
    lonlat.add(r.geoTransform[0] + r.geoTransform[1] * r.width, r.geoTransform[3] + r.geoTransform[5] * r.height);
  }
  Bounds out = projection_.forwardBounds(lonlat);
  out.add(cut);
  return out;
}

bool MapSession::keepOnlyLayers(const std::vector<std::string>& names, std::string* error) {
  auto matches = [](const std::string& want, const std::string& id, const std::string& title, const std::string& src) {
    return want == id || want == title || want == src;
  };
  for (const auto& n : names) {
    bool found = std::any_of(catalog_.layers.begin(), catalog_.layers.end(),
                             [&](const Layer& l) { return matches(n, l.id, l.name, l.sourceLayer); }) ||
                 std::any_of(catalog_.rasters.begin(), catalog_.rasters.end(),
                             [&](const RasterLayer& r) { return matches(n, r.id, r.name, r.name); });
    if (!found) {
      if (error) *error = "no layer named '" + n + "'";
      return false;
    }
  }
  auto wanted = [&](const std::string& id, const std::string& title, const std::string& src) {
    return std::any_of(names.begin(), names.end(), [&](const std::string& n) { return matches(n, id, title, src); });
  };
  std::erase_if(catalog_.layers, [&](const Layer& l) { return !wanted(l.id, l.name, l.sourceLayer); });
  std::erase_if(catalog_.rasters, [&](const RasterLayer& r) { return !wanted(r.id, r.name, r.name); });
  for (auto& l : catalog_.layers) l.visible = true;
  for (auto& r : catalog_.rasters) r.visible = true;
  rebuildDerived();
  return true;
}

void MapSession::rebuildDerived() {
  derived_.clear();
  derived_.reserve(catalog_.layers.size());
  drawLayers_.clear();
  // Circles for locations known only to within some kilometres: drawn
  // beneath their layer so the symbol stays on top.
  std::vector<int> derivedOf(catalog_.layers.size(), -1);
  for (size_t i = 0; i < catalog_.layers.size(); ++i) {
    const Layer& l = catalog_.layers[i];
    if (l.uncertaintyField.empty()) continue;
    Layer u = layerDescribedLike(l);
    u.id = l.id + ":uncertainty";
    u.name = l.name + ": location uncertainty";
    u.geometryType = "MultiPolygon";
    u.visible = l.visible && l.uncertaintyShown;
    // A faint disc with a dashed rim in the colour of the site's own symbol.
    auto circleStyle = [](const Style& site) {
      Style c;
      c.filled = true;
      c.fill = site.fill;
      c.fill.a = 22;
      c.stroke = site.fill;
      c.stroke.a = 170;
      c.strokeWidth = 1.0f;
      c.dashed = true;
      return c;
    };
    u.style = circleStyle(l.style);
    for (const auto& rule : l.styleRules) u.styleRules.push_back({rule.field, rule.value, circleStyle(rule.style)});
    for (const auto& f : l.features) {
      const FieldValue& v = l.value(f, l.uncertaintyField);
      double km = 0;
      if (const auto* d = std::get_if<double>(&v))
        km = *d;
      else if (const auto* n = std::get_if<int64_t>(&v))
        km = static_cast<double>(*n);
      if (!(km > 0) || !std::isfinite(km) || f.geometry.points.empty()) continue;
      Feature circle;
      circle.fid = f.fid;
      circle.values = f.values;
      for (const LonLat& p : f.geometry.points) {
        geo::RangeRing ring = geo::rangeRing(p, km * 1000.0);
        if (!ring.ok) continue;
        for (auto& poly : ring.geometry.polygons) circle.geometry.polygons.push_back(std::move(poly));
      }
      if (circle.geometry.polygons.empty()) continue;
      u.features.push_back(std::move(circle));
    }
    if (u.features.empty()) continue;
    derivedOf[i] = static_cast<int>(derived_.size());
    derived_.push_back(std::move(u));
  }
  for (size_t i = 0; i < catalog_.layers.size(); ++i) {
    if (derivedOf[i] >= 0) drawLayers_.push_back(&derived_[static_cast<size_t>(derivedOf[i])]);
    drawLayers_.push_back(&catalog_.layers[i]);
  }
}

}  // namespace pamir::app
