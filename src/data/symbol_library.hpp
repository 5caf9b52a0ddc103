#pragma once
// Reading the military symbol catalog (geodata/symbols.json, see
// core/military_symbols.hpp and tools/dataset/symbols.py).
#include <memory>
#include <string>

#include "core/diagnostics.hpp"
#include "core/military_symbols.hpp"

namespace pamir::data {

/// The catalog beside the built-in dataset's manifest (symbols.json in the
/// manifest's folder).
std::string defaultSymbolLibraryPath();

/// Reads a catalog. A file that is missing, unreadable or not a catalog of
/// this version is one warning naming it and an empty library (sites are
/// then drawn with the plain symbols); an entry without its SVG or sizes is
/// skipped with a warning naming its key.
std::shared_ptr<const SymbolLibrary> loadSymbolLibrary(const std::string& path, Diagnostics& diag);

/// The built-in catalog (defaultSymbolLibraryPath()), read once per
/// process; its problems go to `diag` the first time only.
std::shared_ptr<const SymbolLibrary> builtinSymbols(Diagnostics& diag);

}  // namespace pamir::data
