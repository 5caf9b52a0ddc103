#pragma once
// What an operand of `pamir measure` or `pamir ring` names: a coordinate
// (decimal LAT,LON, DMS, MGRS, UTM), the name of a feature in the loaded data
// (case-, diacritic- and punctuation-insensitive: its name, alternative names
// or id field), a file holding one feature, or SOURCE#FID, SOURCE:LAYER#FID
// or LAYER#FID (FID the source's feature id, the value of the feature's "id"
// field, or its name).
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/diagnostics.hpp"
#include "core/feature.hpp"

namespace pamir::data {

/// A place to measure from or to.
struct Place {
  enum class Kind { Coordinate, Feature };
  std::string input;  ///< the operand as given
  Kind kind = Kind::Coordinate;
  std::string label;                     ///< for people: "Khorugh (sites#2)", "37.400000, 74.900000"
  std::string layer;                     ///< the feature's layer id (features only)
  int64_t fid = -1;                      ///< the feature's id in its source (features only)
  Geometry geometry;                     ///< WGS84 lon/lat; never empty
  std::optional<double> uncertainty_km;  ///< the feature's location uncertainty, when its layer records one
  /// The feature's attributes (features only): its layer's fields and their values, in the layer's order.
  std::vector<FieldDef> fields;
  std::vector<FieldValue> values;
};

/// Why an operand names no place: it is wrong (a bad coordinate, an unknown
/// or ambiguous name, listing the candidates), or the data cannot be read.
struct LookupError : std::runtime_error {
  enum class Cause { Operand, Data };
  LookupError(Cause cause, const std::string& message) : std::runtime_error(message), cause(cause) {}
  Cause cause;
};

class FeatureLookup {
 public:
  /// Names are looked up in `sources` (every layer of each), or in the
  /// built-in dataset's vector layers when empty; nothing is read until an
  /// operand needs it. Errors about single features or layers go to `diag`
  /// (the features that loaded are still searched).
  FeatureLookup(std::vector<std::string> sources, Diagnostics& diag);
  /// Names are looked up in `layers`; `description` names them in messages.
  FeatureLookup(std::vector<Layer> layers, std::string description);

  /// The place `operand` names; throws LookupError.
  Place resolve(const std::string& operand);

  /// The layers names are looked up in (loaded on first call; throws LookupError).
  const std::vector<Layer>& layers();
  /// "the built-in dataset", or the sources' names.
  const std::string& description() const { return description_; }

 private:
  void load();

  std::vector<std::string> sources_;
  Diagnostics* diag_ = nullptr;
  bool loaded_ = false;
  std::vector<Layer> layers_;
  std::string description_;
};

}  // namespace pamir::data
