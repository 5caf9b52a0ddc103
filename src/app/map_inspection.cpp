#include "app/map_inspection.hpp"

#include "app/feature_highlight.hpp"
#include "app/feature_info.hpp"
#include "app/url_opener.hpp"
#include "geo/coordinates.hpp"

namespace pamir::app {

bool MapInspection::updateIndex(size_t vertexBudget) {
  // Uncertainty circles are drawn, not picked: a click means the site itself.
  std::vector<const Layer*> layers;
  for (const Layer* l : session_.drawLayers())
    if (!session_.isDerived(*l)) layers.push_back(l);
  return index_.update(layers, session_.projection(), vertexBudget);
}

void MapInspection::advanceIndex() { updateIndex(kIndexSliceVertices); }

PickVisible MapInspection::visible() const {
  return [this](const Layer& l, size_t fi) { return passes(session_.filter, l, l.features[fi]); };
}

std::optional<Pick> MapInspection::pickAt(const MapView& view, double px, double py, double tol) {
  updateIndex();
  return index_.pick(view, px, py, tol, visible());
}

bool MapInspection::hoverAt(const MapView& view, double px, double py, double tol) {
  // Hovering never waits for a big index: it is built a slice a frame, and
  // the tooltip comes once it is whole.
  if (!updateIndex(kIndexSliceVertices)) return false;
  std::optional<Pick> p = index_.pick(view, px, py, tol, visible());
  if (p == hovered_) return false;
  hovered_ = p;
  return true;
}

bool MapInspection::clearHover() {
  if (!hovered_) return false;
  hovered_.reset();
  return true;
}

void MapInspection::selectAt(const MapView& view, double px, double py, double tol) {
  if (auto p = pickAt(view, px, py, tol))
    select(*p, session_.projection().inverse(view.pixelToMap(px, py)));
  else
    clearSelection();
}

void MapInspection::select(const Pick& p, std::optional<LonLat> near) {
  selected_ = p;
  selectedNear_ = near && near->finite() ? near : std::nullopt;
  if (!openerChecked_) canOpenLinks_ = browserOpenerInstalled(), openerChecked_ = true;
}

void MapInspection::clearSelection() { selected_.reset(); }

void MapInspection::forgetLayers() {
  hovered_.reset();
  selected_.reset();
  menuFeature_.reset();
  here_.clear();
  shown_.clear();
  hereModel_ = ui::WhatIsHereModel{};
  index_ = PickIndex{};
}

std::optional<Bounds> MapInspection::selectAndFrame(const Pick& p) {
  updateIndex();  // the feature's shape as drawn, in the view CRS
  select(p, std::nullopt);
  return zoomBounds(p);
}

void MapInspection::openMenuAt(const MapView& view, double px, double py, double tol) {
  const LonLat ll = session_.projection().inverse(view.pixelToMap(px, py));
  if (!ll.finite() || std::abs(ll.lat) > 90) return;
  menuAt_ = ll;
  menuFeature_ = pickAt(view, px, py, tol);
  menu_.dd = geo::formatDecimalDegrees(ll, 6);
  menu_.dms = geo::formatDms(ll);
  menu_.mgrs = geo::formatMgrs(ll);
  menu_.feature = menuFeature_ ? nameOf(*menuFeature_) : "";
  menuRequested_ = true;
  // "What is here" is worked out now, for where the menu was opened.
  here_ = index_.pickAll(view, px, py, tol, visible());
}

void MapInspection::closeAll() {
  hereModel_.open = false;
  menuRequested_ = false;
}

std::string MapInspection::nameOf(const Pick& p) const {
  return summarize(*p.layer, p.layer->features[p.featureIndex]).name;
}

void MapInspection::fill(ui::OverlayModel& m) const {
  m.hover = {};
  if (hovered_) {
    const FeatureSummary s = summarize(*hovered_->layer, hovered_->layer->features[hovered_->featureIndex]);
    m.hover = {true, s.name, s.kind, s.years, hovered_->layer->name};
  }
  if (menuRequested_) {
    const bool wasOpen = m.menu.open;
    m.menu = menu_;
    m.menu.open = wasOpen;
    m.menu.openRequested = true;
  }
  m.here.open = hereModel_.open;
  m.here.at = hereModel_.at;
  m.here.rows = hereModel_.rows;
  m.inspected.reset();
  if (!selected_) return;
  const Layer& l = *selected_->layer;
  const Feature& f = l.features[selected_->featureIndex];
  const FeatureSummary s = summarize(l, f);
  ui::InspectorModel in;
  in.name = s.name;
  in.layer = l.name;
  in.fid = f.fid;
  in.kind = s.kind;
  in.years = s.years;
  const FeatureAnchor a = featureAnchor(f.geometry, selectedNear_);
  if (a.kind != FeatureAnchor::Kind::None) {
    in.anchorKind = anchorKindName(a.kind);
    in.dd = geo::formatDecimalDegrees(a.position, 6);
    in.dms = geo::formatDms(a.position);
    in.mgrs = geo::formatMgrs(a.position);
  }
  in.confidence = s.confidence;
  in.uncertainty = s.uncertainty;
  in.uncertaintyNote = s.uncertaintyNote;
  in.sourceUrl = s.sourceUrl;
  in.sourceTitle = s.sourceTitle;
  in.canOpenLinks = canOpenLinks_ && isWebUrl(s.sourceUrl);
  for (size_t i = 0; i < l.fields.size() && i < f.values.size(); ++i) {
    std::string v = toString(f.values[i]);
    if (!v.empty()) in.attributes.push_back({l.fields[i].name, std::move(v)});
  }
  m.inspected = std::move(in);
}

void MapInspection::drawHighlights(ImDrawList* dl, const MapView& view, double ratio) const {
  if (hovered_ && hovered_ != selected_)
    if (const auto s = index_.shape(*hovered_)) drawFeatureHighlight(dl, *s, view, ratio, kHoverHighlight);
  if (selected_)
    if (const auto s = index_.shape(*selected_)) drawFeatureHighlight(dl, *s, view, ratio, kSelectedHighlight);
}

std::optional<Bounds> MapInspection::zoomBounds(const Pick& p) const {
  const auto s = index_.shape(p);
  if (!s || s->bounds.empty()) return std::nullopt;
  Bounds b = s->bounds;
  // A site is shown with some country round it: 25 km (or a quarter degree) at least.
  const double least = session_.projection().isGeographic() ? 0.25 : 25000.0;
  const double cx = (b.minx + b.maxx) / 2, cy = (b.miny + b.maxy) / 2;
  if (b.width() < least) b.minx = cx - least / 2, b.maxx = cx + least / 2;
  if (b.height() < least) b.miny = cy - least / 2, b.maxy = cy + least / 2;
  return b;
}

MapInspection::Outcome MapInspection::apply(const ui::OverlayActions& a, const ui::OverlayModel& model) {
  Outcome out;
  hereModel_.open = model.here.open;  // its close button
  menuRequested_ = false;             // the overlay has opened it
  const ui::MapPopupActions& p = a.popups;
  if (p.copy) out.clipboard = *p.copy;
  if (p.whatIsHere) {
    hereModel_.open = true;
    hereModel_.at = geo::formatDecimalDegrees(menuAt_, 5);
    hereModel_.rows.clear();
    shown_ = here_;  // the rows' picks, whatever later right clicks find
    for (const Pick& h : shown_) {
      const FeatureSummary s = summarize(*h.layer, h.layer->features[h.featureIndex]);
      hereModel_.rows.push_back({s.name, h.layer->name, s.kind});
    }
  }
  if (p.selectFeature && menuFeature_) select(*menuFeature_, menuAt_);
  if (p.zoomToFeature && menuFeature_) out.zoomTo = zoomBounds(*menuFeature_);
  if (p.selectHere && *p.selectHere < shown_.size()) select(shown_[*p.selectHere], std::nullopt);
  if (p.zoomToHere && *p.zoomToHere < shown_.size()) out.zoomTo = zoomBounds(shown_[*p.zoomToHere]);

  const ui::InspectorActions& in = a.inspector;
  if (in.close) clearSelection();
  if (selected_) {
    const Layer& l = *selected_->layer;
    const Feature& f = l.features[selected_->featureIndex];
    if (in.copy) out.clipboard = *in.copy;
    if (in.copyGeoJson) out.clipboard = featureGeoJson(l, f);
    if (in.zoomTo) out.zoomTo = zoomBounds(*selected_);
    if (in.openSource) {
      std::string error;
      const std::string url = toString(l.value(f, "source_url"));
      out.status = openInBrowser(url, &error) ? "opening " + url : error;
    }
  }
  if (out.clipboard) out.status = "copied to the clipboard";
  return out;
}

std::string MapInspection::state(const std::string& key) const {
  if (key == "hovered") return hovered_ ? nameOf(*hovered_) : "";
  if (key == "selected") return selected_ ? nameOf(*selected_) : "";
  if (key == "here") return std::to_string(hereModel_.open ? hereModel_.rows.size() : 0);
  return "";
}

}  // namespace pamir::app
