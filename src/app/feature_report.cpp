#include "app/feature_report.hpp"

#include <cmath>

#include "core/feature_filter.hpp"
#include "core/terminal_text.hpp"
#include "geo/coordinates.hpp"

namespace pamir::app {

using nlohmann::json;

namespace {

json finiteOrNull(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }
json yearOrNull(const std::optional<int>& y) { return y ? json(*y) : json(nullptr); }

std::string position(const LonLat& p) { return p.finite() ? geo::formatDecimalDegrees(p) : "no position"; }

std::string describe(const std::string& name, const std::string& where, const std::string& kind,
                     const std::vector<std::string>& countries, const LonLat& at) {
  std::string bracket = where + ", " + kind;
  for (const auto& c : countries) bracket += ", " + c;
  return terminalSafe(name.empty() ? "(unnamed)" : name) + "  [" + terminalSafe(bracket) + "]  " + position(at);
}

}  // namespace

std::string layerId(const Layer& layer) { return layer.id.empty() ? layer.name : layer.id; }

std::string featureId(const Layer& layer, const Feature& f) {
  std::string id = toString(layer.value(f, "id"));
  return id.empty() ? std::to_string(f.fid) : id;
}

json featureJson(const Layer& layer, const Feature& f) {
  const LonLat at = data::featurePosition(f.geometry);
  const auto [start, end] = featureYears(layer, f);
  return json{{"kind", "feature"},
              {"layer", layerId(layer)},
              {"id", featureId(layer, f)},
              {"fid", f.fid},
              {"name", data::featureName(layer, f)},
              {"feature_kind", data::featureKind(layer, f)},
              {"countries", data::featureCountries(layer, f)},
              {"year_start", yearOrNull(start)},
              {"year_end", yearOrNull(end)},
              {"lat", finiteOrNull(at.lat)},
              {"lon", finiteOrNull(at.lon)}};
}

json resultJson(const data::SearchResult& r) {
  json j;
  if (r.kind == data::SearchResult::Kind::Feature) {
    j = featureJson(*r.layer, r.layer->features[r.featureIndex]);
    j["matched"] = r.matched;
  } else {
    j = json{{"kind", "coordinate"}, {"layer", nullptr},      {"id", nullptr},
             {"name", r.name},       {"lat", r.position.lat}, {"lon", r.position.lon}};
  }
  j["match"] = data::matchName(r.match);
  return j;
}

std::string featureLine(const Layer& layer, const Feature& f) {
  // The layer as people call it (an operand of `pamir measure` as LAYER#FID).
  return describe(data::featureName(layer, f), layer.name + "#" + std::to_string(f.fid), data::featureKind(layer, f),
                  data::featureCountries(layer, f), data::featurePosition(f.geometry));
}

std::string resultLine(const data::SearchResult& r) {
  if (r.kind == data::SearchResult::Kind::Coordinate) {
    const std::string mgrs = geo::formatMgrs(r.position);
    return "coordinate  " + geo::formatDecimalDegrees(r.position) + "   " + geo::formatDms(r.position) +
           (mgrs.empty() ? "" : "   " + mgrs);
  }
  std::string line = featureLine(*r.layer, r.layer->features[r.featureIndex]);
  if (r.matched != r.name) line += "  (" + terminalSafe(r.matched) + ")";
  return line;
}

std::string dumpJson(const json& j) { return j.dump(2, ' ', false, json::error_handler_t::replace); }

}  // namespace pamir::app
