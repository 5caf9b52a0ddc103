#include "data/overview_cache.hpp"

#include <cpl_conv.h>
#include <gdal_priv.h>
#include <gdal_utils.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

#include "data/gdal_support.hpp"

namespace pamir::data {

namespace fs = std::filesystem;

namespace {

// FNV-1a, 64 bits: a file name from the raster's identity that is the same
// in every build of the program (std::hash promises no such thing).
std::string fingerprint(const std::string& text) {
  uint64_t h = 1469598103934665603ull;
  for (unsigned char c : text) {
    h ^= c;
    h *= 1099511628211ull;
  }
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(h));
  return buf;
}

// KEY of the file as it is now; nullopt when it is not a file on disk (a
// GDAL connection string or /vsi path: GDAL's own overviews only).
std::optional<std::string> keyOf(const std::string& path) {
  std::error_code ec;
  const fs::path abs = fs::absolute(path, ec);
  if (ec || !fs::is_regular_file(abs, ec)) return std::nullopt;
  const auto size = fs::file_size(abs, ec);
  if (ec) return std::nullopt;
  const auto mtime = fs::last_write_time(abs, ec).time_since_epoch().count();
  if (ec) return std::nullopt;
  return abs.filename().string() + "-" +
         fingerprint(abs.string() + "\n" + std::to_string(size) + "\n" + std::to_string(mtime));
}

struct ProgressRelay {
  const std::function<bool(double)>* progress;
  bool cancelled = false;
};

int CPL_STDCALL relay(double done, const char*, void* data) {
  auto* r = static_cast<ProgressRelay*>(data);
  if (!*r->progress || (*r->progress)(done)) return TRUE;
  r->cancelled = true;
  return FALSE;
}

}  // namespace

std::string overviewCacheDir() {
  if (const char* dir = std::getenv("PAMIR_OVERVIEW_CACHE"); dir && *dir) return dir;
  if (const char* cache = std::getenv("XDG_CACHE_HOME"); cache && *cache)
    return (fs::path(cache) / "pamir" / "overviews").string();
  const char* home = std::getenv("HOME");
  return (fs::path(home && *home ? home : ".") / ".cache" / "pamir" / "overviews").string();
}

std::optional<std::string> cachedOverviews(const std::string& path) {
  const auto key = keyOf(path);
  if (!key) return std::nullopt;
  const fs::path vrt = fs::path(overviewCacheDir()) / (*key + ".vrt");
  std::error_code ec;
  if (!fs::is_regular_file(vrt, ec) || !fs::is_regular_file(vrt.string() + ".ovr", ec)) return std::nullopt;
  return vrt.string();
}

Result<std::string> buildOverviews(const std::string& path, const std::function<bool(double)>& progress) {
  ensureGdalRegistered();
  const auto key = keyOf(path);
  if (!key) return Error{path + ": overviews are built only for raster files on disk"};
  const fs::path dir = overviewCacheDir();
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec) return Error{"cannot make the overview folder " + dir.string() + ": " + ec.message()};
  const fs::path finalVrt = dir / (*key + ".vrt");
  const fs::path tmpVrt = dir / (*key + ".tmp-" + std::to_string(::getpid()) + ".vrt");
  const std::string tmpOvr = tmpVrt.string() + ".ovr";
  auto cleanUp = [&] {
    std::error_code ignored;
    fs::remove(tmpVrt, ignored);
    fs::remove(tmpOvr, ignored);
  };
  GdalErrorCapture capture;
  auto why = [&] { return capture.first().empty() ? lastGdalError() : capture.first(); };

  GDALDatasetUniquePtr source(GDALDataset::Open(fs::absolute(path).c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!source) return Error{path + ": cannot open it to build overviews: " + why()};
  const int w = source->GetRasterXSize(), h = source->GetRasterYSize();
  const bool palette = source->GetRasterCount() > 0 && source->GetRasterBand(1)->GetColorTable();
  {
    const char* argv[] = {"-of", "VRT", nullptr};
    GDALTranslateOptions* opts = GDALTranslateOptionsNew(const_cast<char**>(argv), nullptr);
    GDALDatasetH vrt = GDALTranslate(tmpVrt.c_str(), GDALDataset::ToHandle(source.get()), opts, nullptr);
    GDALTranslateOptionsFree(opts);
    if (!vrt) {
      cleanUp();
      return Error{path + ": cannot describe it for its overviews: " + why()};
    }
    GDALClose(vrt);
  }
  source.reset();

  std::vector<int> factors;
  for (int f = 2; std::max(w, h) / f >= 128; f *= 2) factors.push_back(f);
  if (factors.empty()) factors.push_back(2);
  // Read-only: GDAL writes the overviews to KEY.tmp-PID.vrt.ovr, beside the VRT.
  GDALDatasetUniquePtr vrt(GDALDataset::Open(tmpVrt.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
  if (!vrt) {
    cleanUp();
    return Error{path + ": cannot open its description again: " + why()};
  }
  CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", "DEFLATE");
  CPLSetThreadLocalConfigOption("BIGTIFF_OVERVIEW", "IF_SAFER");
  ProgressRelay r{&progress};
  const CPLErr built = vrt->BuildOverviews(palette ? "NEAREST" : "AVERAGE", static_cast<int>(factors.size()),
                                           factors.data(), 0, nullptr, relay, &r);
  CPLSetThreadLocalConfigOption("COMPRESS_OVERVIEW", nullptr);
  CPLSetThreadLocalConfigOption("BIGTIFF_OVERVIEW", nullptr);
  vrt.reset();
  if (built != CE_None) {
    const std::string reason = why();
    cleanUp();
    if (r.cancelled) return Error{path + ": overview build cancelled; nothing was kept"};
    return Error{path + ": overviews could not be built: " + reason};
  }
  // The overviews first, then the VRT that leads to them: a reader finds
  // either no entry or a whole one.
  fs::rename(tmpOvr, finalVrt.string() + ".ovr", ec);
  if (!ec) fs::rename(tmpVrt, finalVrt, ec);
  if (ec) {
    cleanUp();
    return Error{"cannot keep the overviews in " + dir.string() + ": " + ec.message()};
  }
  return finalVrt.string();
}

}  // namespace pamir::data
