#include "data/feature_search.hpp"

#include <algorithm>

#include "core/feature_anchor.hpp"
#include "core/name_fold.hpp"
#include "geo/coordinates.hpp"

namespace pamir::data {

namespace {

// Fields whose text names a feature; alternative names come as "Wakhan; Vakhan".
const char* const kNameFields[] = {"name", "name_en", "alt_names", "name_alt", "alt_name", "title", "label", "id"};
const char* const kKindFields[] = {"kind", "type", "category", "class", "featurecla"};

// Restricted Damerau-Levenshtein distance, given up above `limit`.
size_t editDistance(std::string_view a, std::string_view b, size_t limit) {
  if (a.size() > b.size() + limit || b.size() > a.size() + limit) return limit + 1;
  std::vector<size_t> prev2(b.size() + 1), prev(b.size() + 1), cur(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    size_t rowMin = cur[0];
    for (size_t j = 1; j <= b.size(); ++j) {
      const size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) cur[j] = std::min(cur[j], prev2[j - 2] + 1);
      rowMin = std::min(rowMin, cur[j]);
    }
    if (rowMin > limit) return limit + 1;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

// How many typing slips a query of this length may hold and still match.
size_t slipsAllowed(size_t length) { return length < 4 ? 0 : length < 8 ? 1 : 2; }

// How `key` (folded) matches `q` (folded), or nullopt.
std::optional<SearchResult::Match> matchOf(const std::string& key, const std::string& q) {
  if (key == q) return SearchResult::Match::Exact;
  if (key.compare(0, q.size(), q) == 0) return SearchResult::Match::Prefix;
  // The query as the start of a later word: "baltistan" in "gilgit baltistan".
  for (size_t p = key.find(' '); p != std::string::npos; p = key.find(' ', p + 1))
    if (key.compare(p + 1, q.size(), q) == 0) return SearchResult::Match::Word;
  const size_t slips = slipsAllowed(q.size());
  if (slips == 0) return std::nullopt;
  // A slip or two in the whole name, or in one of its words ("murghob" for "murgob").
  if (editDistance(key, q, slips) <= slips) return SearchResult::Match::Fuzzy;
  size_t start = 0;
  while (start < key.size()) {
    size_t end = key.find(' ', start);
    if (end == std::string::npos) end = key.size();
    if (editDistance(std::string_view(key).substr(start, end - start), q, slips) <= slips)
      return SearchResult::Match::Fuzzy;
    start = end + 1;
  }
  return std::nullopt;
}

// The basemap's reference layers rank after curated sites and the analyst's own layers.
uint8_t tierOf(const Layer& layer) {
  return layer.builtin && (layer.group == "base" || layer.group == "boundaries") ? 1 : 0;
}

}  // namespace

const char* matchName(SearchResult::Match m) {
  switch (m) {
    case SearchResult::Match::Coordinate:
      return "coordinate";
    case SearchResult::Match::Exact:
      return "exact";
    case SearchResult::Match::Prefix:
      return "prefix";
    case SearchResult::Match::Word:
      return "word";
    case SearchResult::Match::Fuzzy:
      return "fuzzy";
  }
  return "";
}

std::string featureKind(const Layer& layer, const Feature& f) {
  for (const char* field : kKindFields)
    if (std::string v = toString(layer.value(f, field)); !v.empty()) return v;
  if (!f.geometry.polygons.empty()) return "area";
  if (!f.geometry.lines.empty()) return "line";
  return "point";
}

std::vector<std::string> featureCountries(const Layer& layer, const Feature& f) {
  std::vector<std::string> out;
  for (const auto& field : layer.countryFields) {
    std::string v = toString(layer.value(f, field));
    if (v.empty()) continue;
    if (auto alias = layer.countryAliases.find(v); alias != layer.countryAliases.end()) v = alias->second;
    if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
  }
  return out;
}

std::string featureName(const Layer& layer, const Feature& f) {
  for (const char* field : {"name", "name_en", "title", "label", "id"})
    if (std::string v = toString(layer.value(f, field)); !v.empty()) return v;
  return "";
}

LonLat featurePosition(const Geometry& g) { return featureAnchor(g).position; }

FeatureSearch::FeatureSearch(const std::vector<const Layer*>& layers) : layers_(layers) {
  for (size_t li = 0; li < layers_.size(); ++li) {
    const Layer& layer = *layers_[li];
    std::vector<int> fields;
    for (const char* name : kNameFields)
      if (int i = layer.fieldIndex(name); i >= 0) fields.push_back(i);
    const uint8_t tier = tierOf(layer);
    for (size_t fi = 0; fi < layer.features.size(); ++fi) {
      const Feature& f = layer.features[fi];
      for (int i : fields) {
        if (static_cast<size_t>(i) >= f.values.size()) continue;
        const std::string text = toString(f.values[static_cast<size_t>(i)]);
        size_t start = 0;
        while (start < text.size()) {
          size_t end = text.find_first_of(";|", start);
          if (end == std::string::npos) end = text.size();
          std::string part = text.substr(start, end - start);
          part.erase(0, part.find_first_not_of(' '));
          part.erase(part.find_last_not_of(' ') + 1);
          if (std::string key = foldName(part); !key.empty())
            entries_.push_back({static_cast<uint32_t>(li), static_cast<uint32_t>(fi), tier, std::move(key), part});
          start = end + 1;
        }
      }
    }
  }
}

std::vector<SearchResult> FeatureSearch::find(std::string_view query, size_t limit) const {
  std::vector<SearchResult> out;
  if (limit == 0) return out;
  if (const geo::ParsedCoordinate c = geo::parseCoordinate(std::string(query)); c.ok()) {
    SearchResult r;
    r.kind = SearchResult::Kind::Coordinate;
    r.match = SearchResult::Match::Coordinate;
    r.name = geo::formatDecimalDegrees(c.position);
    r.matched = std::string(query);
    r.position = c.position;
    out.push_back(std::move(r));
  }
  const std::string q = foldName(query);
  if (q.empty()) return out;

  struct Candidate {
    SearchResult::Match match;
    uint8_t tier;
    size_t entry;
  };
  std::vector<Candidate> found;
  for (size_t i = 0; i < entries_.size(); ++i)
    if (auto m = matchOf(entries_[i].key, q)) found.push_back({*m, entries_[i].tier, i});
  // Names that hold the query before those a slip away; among them sites and
  // own layers before reference layers ("kant" is Kant air base before the
  // town), then the match class, the closest name (shortest), alphabetical.
  std::sort(found.begin(), found.end(), [&](const Candidate& a, const Candidate& b) {
    const bool fa = a.match == SearchResult::Match::Fuzzy, fb = b.match == SearchResult::Match::Fuzzy;
    if (fa != fb) return fb;
    if (a.tier != b.tier) return a.tier < b.tier;
    if (a.match != b.match) return a.match < b.match;
    const std::string &ka = entries_[a.entry].key, &kb = entries_[b.entry].key;
    if (ka.size() != kb.size()) return ka.size() < kb.size();
    if (ka != kb) return ka < kb;
    return a.entry < b.entry;
  });
  // One result a feature: its best-matching name.
  std::vector<std::pair<uint32_t, uint32_t>> seen;
  for (const Candidate& c : found) {
    if (out.size() >= limit) break;
    const Entry& e = entries_[c.entry];
    if (std::find(seen.begin(), seen.end(), std::make_pair(e.layer, e.feature)) != seen.end()) continue;
    seen.emplace_back(e.layer, e.feature);
    const Layer& layer = *layers_[e.layer];
    const Feature& f = layer.features[e.feature];
    SearchResult r;
    r.match = c.match;
    r.layer = &layer;
    r.featureIndex = e.feature;
    r.name = featureName(layer, f);
    r.matched = e.text;
    r.featureKind = featureKind(layer, f);
    const std::vector<std::string> countries = featureCountries(layer, f);
    r.country = countries.empty() ? "" : countries.front();
    r.position = featurePosition(f.geometry);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace pamir::data
