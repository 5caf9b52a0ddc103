// libFuzzer harness over the load path: bytes -> a file in GDAL's /vsimem/ ->
// data::loadSource -> the renderer's CPU buffers (fuzz/load_pipeline.hpp).
// The first byte picks the format, as the file's extension does for a user
// (GDAL's own fuzzers/ use one harness per driver; one harness with a
// selector lets a single run, and a single seed folder, cover all of them).
// A shapefile is three files: the bytes after the selector are the .shp and
// .shx lengths (uint32, little-endian) and then .shp, .shx and .dbf.
// fuzz/make_seeds.py turns tests/corpus/files into seeds of this shape.
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_vsi.h>

#include <cstdint>
#include <cstring>
#include <string>

#include "core/diagnostics.hpp"
#include "load_pipeline.hpp"

namespace {

// Order matters: fuzz/make_seeds.py writes the same indices.
const char* const kExtensions[] = {"geojson", "kml", "fgb", "gpkg", "shp", "csv", "gml", "tif", "dat"};
constexpr size_t kFormats = sizeof(kExtensions) / sizeof(kExtensions[0]);

void put(const std::string& path, const uint8_t* data, size_t size) {
  // Not taking ownership: GDAL copies nothing and frees nothing here.
  VSILFILE* f = VSIFileFromMemBuffer(path.c_str(), const_cast<GByte*>(data), size, FALSE);
  if (f) VSIFCloseL(f);
}

uint32_t readLength(const uint8_t* p) {
  return static_cast<uint32_t>(p[0]) | static_cast<uint32_t>(p[1]) << 8 | static_cast<uint32_t>(p[2]) << 16 |
         static_cast<uint32_t>(p[3]) << 24;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Nothing outside /vsimem/ is read because of the input: no sidecar probing,
  // no network, and a small block cache so memory reflects the input.
  CPLSetConfigOption("GDAL_DISABLE_READDIR_ON_OPEN", "EMPTY_DIR");
  CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
  CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".none");
  CPLSetConfigOption("GDAL_CACHEMAX", "64");
  CPLSetErrorHandler(CPLQuietErrorHandler);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 1) return 0;
  const char* ext = kExtensions[data[0] % kFormats];
  ++data;
  --size;
  const std::string base = "/vsimem/fuzz/input";
  const std::string path = base + "." + ext;
  if (std::strcmp(ext, "shp") == 0) {
    if (size < 8) return 0;
    const size_t shp = readLength(data), shx = readLength(data + 4);
    data += 8;
    size -= 8;
    if (shp > size || shx > size - shp) return 0;
    put(base + ".shp", data, shp);
    put(base + ".shx", data + shp, shx);
    put(base + ".dbf", data + shp + shx, size - shp - shx);
  } else {
    put(path, data, size);
  }
  pamir::Diagnostics diag;
  pamir::fuzz::loadAndPrepare(path, diag);
  // Every message must be one line: a newline in one would let a file forge output.
  for (const pamir::Diagnostic& d : diag.all())
    if (d.line().find('\n') != std::string::npos) __builtin_trap();
  for (const char* part : {".shp", ".shx", ".dbf"}) VSIUnlink((base + part).c_str());
  VSIUnlink(path.c_str());
  VSIRmdirRecursive("/vsimem/fuzz");
  return 0;
}
