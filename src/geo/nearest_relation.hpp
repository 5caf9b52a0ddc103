#pragma once
// How two prepared geometries relate, once the closest pair is known; fills
// relation, the closest points (for a distance of zero) and the overlap depth.
// Internal to nearest*.cpp.
#include "geo/nearest.hpp"
#include "geo/nearest_search.hpp"

namespace pamir::geo::detail {

// The boundaries do not come within kContactTol: each connected part lies
// wholly inside or outside the other geometry. `best` is the closest pair.
void relateApart(Prepared& A, Prepared& B, const PairResult& best, NearestResult& out);

// The boundaries meet: tells touching from overlapping and containment.
// `best` is the closest pair.
void relateInContact(Prepared& A, Prepared& B, const PairResult& best, NearestResult& out);

}  // namespace pamir::geo::detail
