#include "app/window_search.hpp"

#include "app/map_session.hpp"
#include "geo/coordinates.hpp"

namespace pamir::app {

namespace {
constexpr size_t kShown = 12;
}

void WindowSearch::open() {
  // A fresh query each time, as a search field that is opened to type into.
  box_ = ui::SearchBoxModel{};
  results_.clear();
  box_.open = true;
  box_.focusField = true;
}

void WindowSearch::runQuery() {
  if (!index_) {
    std::vector<const Layer*> layers;
    for (const auto& l : session_.catalog().layers) layers.push_back(&l);
    index_ = std::make_unique<data::FeatureSearch>(layers);
  }
  results_ = index_->find(box_.query, kShown);
  box_.rows.clear();
  for (const auto& r : results_) {
    ui::SearchRow row;
    if (r.kind == data::SearchResult::Kind::Coordinate) {
      row.title = "Go to " + r.name;
      row.detail = "coordinate · " + geo::formatDms(r.position);
    } else {
      row.title = r.name.empty() ? r.matched : r.name;
      row.detail = r.layer->name + " · " + r.featureKind;
      if (!r.country.empty()) row.detail += " · " + r.country;
      if (r.position.finite()) row.detail += " · " + geo::formatDecimalDegrees(r.position, 4);
      if (r.matched != r.name) row.detail += " · \"" + r.matched + "\"";
    }
    box_.rows.push_back(std::move(row));
  }
  box_.note = box_.query.empty() || !results_.empty() ? "" : "nothing matches";
}

std::optional<SearchTarget> WindowSearch::draw(float viewportWidth) {
  const ui::SearchBoxActions a = ui::drawSearchBox(box_, viewportWidth);
  if (a.queryChanged) runQuery();
  if (!a.chosen || *a.chosen >= results_.size()) return std::nullopt;
  const data::SearchResult& r = results_[*a.chosen];
  SearchTarget t;
  t.position = r.position;
  if (r.kind == data::SearchResult::Kind::Feature) {
    t.layer = r.layer;
    t.featureIndex = r.featureIndex;
    t.lonlat = r.layer->features[r.featureIndex].geometry.bounds();
    t.label = (r.name.empty() ? r.matched : r.name) + " (" + r.layer->name + ")";
  } else {
    t.label = r.name;
  }
  return t;
}

}  // namespace pamir::app
