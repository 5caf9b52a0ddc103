#pragma once
// Geometry in lon/lat made drawable in one view CRS: what a geometry means on
// the sphere (an edge is the short way round, so one spanning 180° or more of
// longitude crosses the antimeridian, as RFC 7946 advises and as nearest.hpp
// measures; a ring that winds round the axis encloses a pole) turned into
// pieces that each lie on one side of the view's seam (the meridian opposite
// its central meridian) and inside the latitudes where it is finite.
// A projected polygon that crosses the seam would otherwise join its two
// sides by a band across the whole map.
#include <vector>

#include "core/geometry.hpp"
#include "geo/projection.hpp"

namespace pamir::geo {

/// Where a view CRS can draw lon/lat geometry.
struct ViewDomain {
  double centralMeridian = 0.0;  ///< pieces lie in [centralMeridian - 180, centralMeridian + 180]
  double minLat = -90.0;         ///< latitudes outside [minLat, maxLat] are clipped off
  double maxLat = 90.0;
};

/// The domain of a view CRS: its central meridian, and the latitudes, along
/// it, where the projection is finite and its scale no more than that of Web
/// Mercator at its own limit (85.05°, where its world is square): Mercator's
/// poles and a conic's far pole are infinitely far away.
ViewDomain viewDomain(const Projection& projection);

/// A polygon's pieces in the domain (outer ring first, rings closed). Holes
/// stay with the piece they fall in. The input's rings need not be closed.
std::vector<Polygon> cutPolygon(const Polygon& polygon, const ViewDomain& domain);
/// A line's pieces in the domain, each of two or more vertices.
std::vector<Path> cutLine(const Path& line, const ViewDomain& domain);
/// True when the polygon or line lies inside the domain as it is (no edge
/// across the seam, no pole, no latitude beyond the limits): the cut would
/// return it unchanged, and callers can skip the copy.
bool insideDomain(const Path& path, const ViewDomain& domain, bool ring);

/// True when the CRS can show the point: its latitude lies within the
/// domain's limits (a point at 89°N has no place in Web Mercator).
inline bool insideDomain(const LonLat& point, const ViewDomain& domain) {
  return point.lat >= domain.minLat && point.lat <= domain.maxLat;
}

/// A geometry cut for the view: its polygons and lines cut as above (those
/// inside the domain copied as they are), its points those inside the domain.
Geometry cutGeometry(const Geometry& geometry, const ViewDomain& domain);
/// The view CRS extent of the cut geometry (what a fit should frame):
/// a polygon across the antimeridian is as wide as it is, not the world.
Bounds projectedBounds(const Geometry& geometry, const Projection& projection, const ViewDomain& domain);

}  // namespace pamir::geo
