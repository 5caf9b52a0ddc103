#include "app/measure_operands.hpp"

#include <ostream>
#include <stdexcept>

#include "core/feature_anchor.hpp"

namespace pamir::app {

void giveBackSurplusData(Operands& o, size_t operandCount) {
  while (o.operands.size() < operandCount && o.data.size() > 1) {
    o.operands.insert(o.operands.begin(), o.data.back());
    o.data.pop_back();
  }
}

void readOperand(ArgReader& r, Operands& o) {
  if (r.flag("--")) {
    while (!r.done()) o.operands.push_back(r.next());
    return;
  }
  if (auto data = r.optionList("--data")) {
    o.data.insert(o.data.end(), data->begin(), data->end());
    return;
  }
  if (ArgReader::looksLikeOption(r.peek())) r.fail("unknown option '" + r.peek() + "'");
  o.operands.push_back(r.next());
}

data::Place Resolver::operator()(const std::string& operand) {
  try {
    data::Place p = lookup_.resolve(operand);
    report();
    return p;
  } catch (const data::LookupError& e) {
    report();
    if (e.cause == data::LookupError::Cause::Operand) throw UsageError("pamir " + command_ + ": " + e.what());
    throw std::runtime_error(e.what());
  }
}

void Resolver::report() {
  // Errors about single features or layers: say so, but measure what loaded.
  for (; reported_ < diag_.all().size(); ++reported_)
    if (diag_.all()[reported_].severity == Severity::Error) err_ << diag_.all()[reported_].line() << "\n";
}

LonLat placePosition(const data::Place& p, std::string* how) {
  const FeatureAnchor a = featureAnchor(p.geometry);
  if (how) *how = anchorKindName(a.kind);
  return a.position;
}

}  // namespace pamir::app
