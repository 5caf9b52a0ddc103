#include "data/feature_lookup.hpp"

#include <cmath>
#include <filesystem>
#include <utility>

#include "core/name_fold.hpp"
#include "core/number.hpp"
#include "core/terminal_text.hpp"
#include "data/catalog.hpp"
#include "data/feature_search.hpp"
#include "data/source_loader.hpp"
#include "geo/coordinates.hpp"

namespace fs = std::filesystem;

namespace pamir::data {
namespace {

using Hit = std::pair<const Layer*, const Feature*>;

[[noreturn]] void operandError(const std::string& message) { throw LookupError(LookupError::Cause::Operand, message); }
[[noreturn]] void dataError(const std::string& message) { throw LookupError(LookupError::Cause::Data, message); }

// The first error among the diagnostics, to end a one-line message with.
std::string firstError(const Diagnostics& diag) {
  for (const auto& d : diag.all())
    if (d.severity == Severity::Error) return ": " + d.message;
  return "";
}

// Fields a name is looked for in; alternative names come as "Wakhan; Vakhan".
const char* const kNameFields[] = {"name", "name_en", "name_alt", "alt_name", "title", "label", "id"};

std::string layerId(const Layer& layer) { return layer.id.empty() ? layer.name : layer.id; }

Place fromFeature(const std::string& input, const Layer& layer, const Feature& f) {
  Place p;
  p.input = input;
  p.kind = Place::Kind::Feature;
  p.layer = layerId(layer);
  p.fid = f.fid;
  p.geometry = f.geometry;
  p.fields = layer.fields;
  p.values = f.values;
  const std::string name = featureName(layer, f);
  p.label = (name.empty() ? std::string("feature") : name) + " (" + p.layer + "#" + std::to_string(f.fid) + ")";
  if (!layer.uncertaintyField.empty()) {
    const FieldValue& v = layer.value(f, layer.uncertaintyField);
    if (const auto* d = std::get_if<double>(&v)) p.uncertainty_km = *d;
    if (const auto* i = std::get_if<int64_t>(&v)) p.uncertainty_km = static_cast<double>(*i);
  }
  if (p.geometry.empty())
    dataError("feature " + p.layer + "#" + std::to_string(f.fid) + " (" + name + ") has no geometry");
  return p;
}

std::string layerList(const std::vector<Layer>& layers) {
  std::string s;
  for (const auto& l : layers) s += (s.empty() ? "" : ", ") + terminalSafe(layerId(l));
  return s;
}

// KEY as the source's feature id (a whole number) or the value of the "id" field.
bool keyMatches(const Layer& layer, const Feature& f, const std::string& key) {
  if (std::optional<double> n = parseNumber(key, NumberSyntax::Decimal);
      n && *n == std::floor(*n) && key.find('.') == std::string::npos && static_cast<int64_t>(*n) == f.fid)
    return true;
  const std::string id = toString(layer.value(f, "id"));
  return !id.empty() && id == key;
}

[[noreturn]] void ambiguous(const std::string& what, const std::string& where, const std::vector<Hit>& hits) {
  std::string msg = "'" + what + "' is ambiguous in " + where + ": " + std::to_string(hits.size()) +
                    " features match; name one as LAYER#FID:";
  size_t shown = 0;
  for (const auto& [layer, f] : hits) {
    if (++shown > 25) {
      msg += "\n  ...";
      break;
    }
    // Names from the file, one candidate a line: a newline in a name must not start another.
    // With what tells two of the same name apart: kind, country, position.
    std::string detail = featureKind(*layer, *f);
    for (const auto& c : featureCountries(*layer, *f)) detail += ", " + c;
    const LonLat at = featurePosition(f->geometry);
    msg += "\n  " + terminalSafe(layerId(*layer)) + "#" + std::to_string(f->fid) + "  " +
           terminalSafe(featureName(*layer, *f)) + "  [" + terminalSafe(detail) + "]  " +
           (at.finite() ? geo::formatDecimalDegrees(at, 4) : "no position");
  }
  operandError(msg);
}

Place byKey(const std::string& input, const std::vector<Layer>& layers, const std::string& key,
            const std::string& where) {
  std::vector<Hit> hits;
  for (const auto& layer : layers)
    for (const auto& f : layer.features)
      if (keyMatches(layer, f, key)) hits.emplace_back(&layer, &f);
  if (hits.empty()) {
    // LAYER#NAME: a name looked up within one layer.
    const std::string want = foldName(key);
    for (const auto& layer : layers)
      for (const auto& f : layer.features)
        if (!want.empty() && foldName(featureName(layer, f)) == want) hits.emplace_back(&layer, &f);
  }
  if (hits.empty()) operandError("no feature with id or name '" + key + "' in " + where);
  if (hits.size() > 1) ambiguous(input, where, hits);
  return fromFeature(input, *hits[0].first, *hits[0].second);
}

std::vector<Layer> loadFile(const std::string& path) {
  Diagnostics diag;
  LoadedSource loaded = loadSource(path, diag);
  if (loaded.layers.empty()) dataError("cannot read features from " + path + firstError(diag));
  return std::move(loaded.layers);
}

// How well a feature's names match a folded name: the whole of one, or whole words of one.
enum class NameMatch { None, Partial, Exact };

NameMatch nameMatch(const Feature& f, const std::vector<int>& fields, const std::string& want) {
  NameMatch best = NameMatch::None;
  for (int i : fields) {
    if (i >= static_cast<int>(f.values.size())) continue;
    const auto* text = std::get_if<std::string>(&f.values[static_cast<size_t>(i)]);
    if (!text || text->empty()) continue;
    size_t start = 0;
    while (start <= text->size()) {
      size_t end = text->find_first_of(";|", start);
      if (end == std::string::npos) end = text->size();
      const std::string folded = foldName(std::string_view(*text).substr(start, end - start));
      if (folded == want) return NameMatch::Exact;
      if (!folded.empty() && (" " + folded + " ").find(" " + want + " ") != std::string::npos)
        best = NameMatch::Partial;
      start = end + 1;
    }
  }
  return best;
}

}  // namespace

FeatureLookup::FeatureLookup(std::vector<std::string> sources, Diagnostics& diag)
    : sources_(std::move(sources)), diag_(&diag) {
  if (sources_.empty()) description_ = "the built-in dataset";
  for (const auto& src : sources_) description_ += (description_.empty() ? "" : ", ") + src;
}

FeatureLookup::FeatureLookup(std::vector<Layer> layers, std::string description)
    : loaded_(true), layers_(std::move(layers)), description_(std::move(description)) {}

const std::vector<Layer>& FeatureLookup::layers() {
  if (!loaded_) load();
  return layers_;
}

void FeatureLookup::load() {
  Diagnostics diag;
  layers_.clear();
  if (sources_.empty()) {
    layers_ = loadBuiltinCatalog(diag, {}, CatalogContent::VectorsOnly).layers;
  } else {
    for (const auto& source : sources_) {
      Diagnostics own;
      Catalog c = loadSources({source}, own);
      if (c.layers.empty() && own.errorCount() > 0) dataError("cannot load " + source + firstError(own));
      diag.append(own);
      for (auto& layer : c.layers) layers_.push_back(std::move(layer));
    }
  }
  if (layers_.empty()) dataError("no vector layers could be loaded from " + description_ + firstError(diag));
  if (diag_) diag_->append(diag);
  loaded_ = true;  // only now: a failed load fails again the next time it is needed
}

Place FeatureLookup::resolve(const std::string& input) {
  if (input.empty()) operandError("an empty operand");

  // SOURCE#KEY, SOURCE:LAYER#KEY, LAYER#KEY
  if (size_t hash = input.rfind('#'); hash != std::string::npos && hash > 0) {
    const std::string left = input.substr(0, hash), key = input.substr(hash + 1);
    if (key.empty()) operandError("'" + input + "': no feature id after '#'");
    std::error_code ec;
    if (fs::exists(left, ec)) return byKey(input, loadFile(left), key, left);
    if (size_t colon = left.rfind(':'); colon != std::string::npos && fs::exists(left.substr(0, colon), ec)) {
      const std::string source = left.substr(0, colon), layerName = left.substr(colon + 1);
      std::vector<Layer> all = loadFile(source);
      std::vector<Layer> chosen;
      for (auto& l : all)
        if (l.sourceLayer == layerName || l.name == layerName) chosen.push_back(std::move(l));
      if (chosen.empty()) operandError(source + " has no layer '" + layerName + "' (layers: " + layerList(all) + ")");
      return byKey(input, chosen, key, source + ":" + layerName);
    }
    std::vector<Layer> chosen;
    const std::string want = foldName(left);
    for (const auto& l : layers())
      if (foldName(l.id) == want || foldName(l.name) == want || foldName(l.sourceLayer) == want) chosen.push_back(l);
    if (chosen.empty())
      operandError("no file or layer '" + left + "' (layers of " + description_ + ": " + layerList(layers()) + ")");
    return byKey(input, chosen, key, "layer " + left);
  }

  // A file holding one feature.
  std::error_code ec;
  if (fs::is_regular_file(input, ec)) {
    const std::vector<Layer> all = loadFile(input);
    std::vector<Hit> features;
    for (const auto& l : all)
      for (const auto& f : l.features) features.emplace_back(&l, &f);
    if (features.empty()) dataError(input + " has no features");
    if (features.size() > 1)
      operandError(input + " holds " + std::to_string(features.size()) + " features; name one as " + input +
                   "#FID or " + input + ":LAYER#FID");
    Place p = fromFeature(input, *features[0].first, *features[0].second);
    p.label = fs::path(input).filename().string() + ": " + p.label;
    return p;
  }

  // A coordinate.
  const geo::ParsedCoordinate c = geo::parseCoordinate(input);
  if (c.ok()) {
    Place p;
    p.input = input;
    p.kind = Place::Kind::Coordinate;
    p.label = geo::formatDecimalDegrees(c.position);
    p.geometry.points.push_back(c.position);
    return p;
  }
  if (c.status == geo::ParsedCoordinate::Status::Invalid) operandError(c.error);

  // A feature name: whole names first, else names holding it as whole words.
  const std::string want = foldName(input);
  if (want.empty()) operandError("'" + input + "' is neither a coordinate nor a name");
  std::vector<Hit> exact, partial;
  for (const auto& layer : layers()) {
    std::vector<int> fields;
    for (const char* name : kNameFields)
      if (int i = layer.fieldIndex(name); i >= 0) fields.push_back(i);
    if (fields.empty()) continue;
    for (const auto& f : layer.features) {
      const NameMatch m = nameMatch(f, fields, want);
      if (m == NameMatch::Exact)
        exact.emplace_back(&layer, &f);
      else if (m == NameMatch::Partial)
        partial.emplace_back(&layer, &f);
    }
  }
  const auto& hits = exact.empty() ? partial : exact;
  if (hits.empty())
    operandError("'" + input + "' is not a coordinate, a file, or the name of a feature in " + description_);
  if (hits.size() > 1) ambiguous(input, description_, hits);
  return fromFeature(input, *hits[0].first, *hits[0].second);
}

}  // namespace pamir::data
