#pragma once
// What measure, area and ring share on the command line: reading operands
// and --data sources in any order, and turning each operand into a place
// (data::FeatureLookup), with load problems reported once.
#include <iosfwd>
#include <string>
#include <vector>

#include "app/cli.hpp"
#include "core/diagnostics.hpp"
#include "data/feature_lookup.hpp"
#include "geo/units.hpp"

namespace pamir::app {

/// Operands and --data sources, read in any order. --data takes every
/// following argument up to the next option.
struct Operands {
  std::vector<std::string> operands, data;
};

/// As the number of operands is fixed or has a minimum, surplus --data values
/// at the end are given back to the operands until there are `operandCount`
/// ("pamir measure --data x.gpkg A B").
void giveBackSurplusData(Operands& o, size_t operandCount);

/// Reads the next argument as an operand, "--" (every argument after it is
/// an operand) or --data. An operand may start with '-' ("-17,179.5");
/// anything else there is an option the command does not know (UsageError).
void readOperand(ArgReader& r, Operands& o);

/// Looks operands up, reporting load problems (once) before any answer or failure.
class Resolver {
 public:
  Resolver(const std::string& command, std::vector<std::string> sources, std::ostream& err)
      : command_(command), lookup_(std::move(sources), diag_), err_(err) {}

  /// The place the operand names; UsageError for a bad operand, std::runtime_error for data that cannot be read.
  data::Place operator()(const std::string& operand);

 private:
  void report();

  std::string command_;
  Diagnostics diag_;
  data::FeatureLookup lookup_;
  std::ostream& err_;
  size_t reported_ = 0;
};

/// One position for a place, for paths, polygons and ring centres: the point
/// of a point feature or coordinate; the centroid of an area; the middle
/// vertex of a line. `how` says which ("point", "centroid", ...).
LonLat placePosition(const data::Place& p, std::string* how = nullptr);

/// `pamir measure A B C ...`: the path through every operand, leg by leg (cmd_area.cpp).
int printPathMeasure(const std::vector<std::string>& operands, const std::vector<std::string>& sources, bool asJson,
                     geo::DistanceUnit unit, std::ostream& out, std::ostream& err);

}  // namespace pamir::app
