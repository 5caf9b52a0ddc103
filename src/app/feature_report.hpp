#pragma once
// How `pamir find` and `pamir list` describe a feature: one line for a
// person, one JSON object for a program, with the same keys in both commands.
#include <nlohmann/json.hpp>
#include <string>

#include "core/feature.hpp"
#include "data/feature_search.hpp"

namespace pamir::app {

/// The feature's id: its "id" field, else its source feature id.
std::string featureId(const Layer& layer, const Feature& f);
/// The layer's id as commands name it (LAYER#FID operands).
std::string layerId(const Layer& layer);

/// kind ("feature"), layer, id, fid, name, feature_kind, countries, year_start, year_end, lat, lon.
nlohmann::json featureJson(const Layer& layer, const Feature& f);
/// A search result: featureJson's keys (kind "coordinate" with null layer and id for a
/// coordinate), and match ("exact", "prefix", "word", "fuzzy", "coordinate").
nlohmann::json resultJson(const data::SearchResult& r);

/// "Murghab  [Bases#3, military base, TJK]  38.170000, 73.965000" (the layer's title), terminal-safe.
std::string featureLine(const Layer& layer, const Feature& f);
std::string resultLine(const data::SearchResult& r);

/// JSON text as commands print it (bytes that are not UTF-8 replaced, never thrown on).
std::string dumpJson(const nlohmann::json& j);

}  // namespace pamir::app
