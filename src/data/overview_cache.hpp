#pragma once
// Overviews Pamir builds for a raster that has none, kept in the user's cache
// folder rather than beside the file: the analyst's folder is never written
// to (it may be read-only, shared, or under version control), and a build
// that dies half-way leaves nothing any reader would pick up.
//
// A cached entry is a VRT of the raster (KEY.vrt) with GDAL's external
// overviews of it (KEY.vrt.ovr); KEY comes from the raster's absolute path,
// size and modification time, so a file changed since is never drawn from
// stale overviews.
#include <functional>
#include <optional>
#include <string>

#include "core/result.hpp"

namespace pamir::data {

/// $PAMIR_OVERVIEW_CACHE, else $XDG_CACHE_HOME/pamir/overviews, else
/// ~/.cache/pamir/overviews.
std::string overviewCacheDir();

/// The cached VRT with overviews for the raster at `path`, when one was built
/// for the file as it is now.
std::optional<std::string> cachedOverviews(const std::string& path);

/// Builds overviews of the raster at `path` (halvings down to about 256
/// pixels, averaged; nearest for palettes; DEFLATE-compressed) into the
/// cache, and returns the cached VRT's path. `progress` is called with 0..1
/// and cancels the build by returning false. On failure or cancel nothing is
/// left in the cache and the error names the file.
Result<std::string> buildOverviews(const std::string& path, const std::function<bool(double)>& progress = {});

}  // namespace pamir::data
