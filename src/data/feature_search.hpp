#pragma once
// Finding features by what people call them, across every loaded layer:
// names, alternative names and ids, matched regardless of case, accents and
// punctuation (core/name_fold.hpp). Names holding the query come before
// names a typing slip away; among them curated sites and the analyst's own
// layers before the basemap's reference layers (places, countries,
// boundaries), then exact > prefix > word. A query that is a coordinate
// (DD, DMS, MGRS, UTM, as `pamir measure` reads them) is answered first as
// that coordinate. What the search box, `pamir find` and the measure
// command's ambiguity lists share.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/feature.hpp"

namespace pamir::data {

struct SearchResult {
  enum class Kind { Feature, Coordinate };
  enum class Match { Coordinate, Exact, Prefix, Word, Fuzzy };
  Kind kind = Kind::Feature;
  Match match = Match::Exact;
  const Layer* layer = nullptr;  ///< features only
  size_t featureIndex = 0;       ///< in layer->features
  std::string name;              ///< the feature's name (or the coordinate in decimal degrees)
  std::string matched;           ///< the name, alternative name or id the query matched
  std::string featureKind;       ///< the feature's "kind" (or type, category...) field, else its geometry
  std::string country;           ///< the first country its layer's country fields give (alpha-3), else empty
  LonLat position;               ///< the point to go to: the point, else the vertex nearest the middle
};

const char* matchName(SearchResult::Match m);

/// The name a feature is shown by: its name (or name_en, title, label) field, else its id field.
std::string featureName(const Layer& layer, const Feature& f);
/// What the feature is: its kind (or type, category, class) field, else "point", "line" or "area".
std::string featureKind(const Layer& layer, const Feature& f);
/// The feature's countries from its layer's country fields, as alpha-3 codes where known, in field order.
std::vector<std::string> featureCountries(const Layer& layer, const Feature& f);
/// The point to go to for a feature: its first point, an area's centroid, a line's middle vertex
/// (core/feature_anchor.hpp).
LonLat featurePosition(const Geometry& g);

class FeatureSearch {
 public:
  /// Folds every name of every feature once; the layers must outlive the index.
  explicit FeatureSearch(const std::vector<const Layer*>& layers);

  /// The best `limit` results for `query`, best first; a coordinate query
  /// gives that coordinate first. Empty when nothing matches.
  std::vector<SearchResult> find(std::string_view query, size_t limit = 20) const;
  size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    uint32_t layer = 0;
    uint32_t feature = 0;
    uint8_t tier = 0;  // 0: sites and own layers, 1: reference layers
    std::string key;   // folded name
    std::string text;  // the name as the source holds it
  };
  std::vector<const Layer*> layers_;
  std::vector<Entry> entries_;
};

}  // namespace pamir::data
