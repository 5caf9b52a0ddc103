#pragma once
// Which of a layer's fields the year and country filters read, for layers
// that come without a manifest saying so: the analyst's own files. Fields
// are found by their names and confirmed by their values, the way a person
// reading the attribute table would recognise them.
#include <string>
#include <vector>

#include "core/feature.hpp"
#include "data/country_codes.hpp"

namespace pamir::data {

/// The year fields of `layer` ({start, end}; a single field is both, as a
/// dated event): year_start/year_end, start/end, from/to, begin/end and
/// their variants, a single year or date field, else the layer's date
/// fields. Empty when none holds years.
std::vector<std::string> detectYearFields(const Layer& layer);

/// The country fields of `layer`: fields named like iso_a3, iso2, country,
/// host_country, operator_country ... whose values are mostly ISO 3166
/// alpha-3 or alpha-2 codes or country names.
std::vector<std::string> detectCountryFields(const Layer& layer, const CountryCodes& codes);

/// The layer's values of its country fields that are not alpha-3 codes,
/// mapped to the alpha-3 code they denote ("TJ" and "Tajikistan" -> "TJK").
std::map<std::string, std::string> countryAliases(const Layer& layer, const CountryCodes& codes);

/// Fills in what the filters need: year and country fields when the layer
/// has none (a manifest's choice stands), and the country aliases.
void completeFilterFields(Layer& layer, const CountryCodes& codes = CountryCodes::standard());

}  // namespace pamir::data
