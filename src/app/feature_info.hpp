#pragma once
// What the inspector, the hover tooltip and "copy as GeoJSON" say about a
// feature, worked out from the data alone (no UI): its name, kind and years,
// where it is, how sure that position is, and its source.
#include <optional>
#include <string>

#include "core/feature.hpp"
#include "core/feature_anchor.hpp"

namespace pamir::app {

struct FeatureSummary {
  std::string name;         ///< the name field, else "LAYER #FID"
  std::string kind;         ///< the kind field, else the geometry type
  std::string years;        ///< "2016–", "2001–2014", "2019", "" when undated
  std::string confidence;   ///< the location's confidence, when the layer has it
  std::string uncertainty;  ///< "±20 km" from the layer's uncertainty field; "" when none
  std::string uncertaintyNote;
  std::string sourceUrl, sourceTitle;
};

FeatureSummary summarize(const Layer& layer, const Feature& f);

/// The feature as one GeoJSON Feature (RFC 7946: WGS84 lon/lat), with every
/// attribute as a property in its own type, and the layer and fid in
/// "pamir:layer" and "pamir:fid".
std::string featureGeoJson(const Layer& layer, const Feature& f);

/// True for an http:// or https:// address without spaces or control
/// characters: the only kind of link the window hands to a browser.
bool isWebUrl(const std::string& url);

}  // namespace pamir::app
