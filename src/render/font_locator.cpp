#include "render/font_locator.hpp"

#include <fontconfig/fontconfig.h>

#include <filesystem>
#include <map>
#include <memory>
#include <mutex>

namespace pamir::render {

namespace {

bool isFile(const std::string& path) {
  std::error_code ec;
  return !path.empty() && std::filesystem::is_regular_file(path, ec);
}

struct FontMatch {
  std::string path;
  bool sameFamily = false;  // fontconfig answers every query; this says whether it found the family asked for
};

// Asks a configuration of our own (destroyed afterwards) rather than
// fontconfig's process-wide default, which a library should not initialise
// for its host.
FontMatch askFontconfig(const std::string& family) {
  FontMatch out;
  std::unique_ptr<FcConfig, decltype(&FcConfigDestroy)> config(FcInitLoadConfigAndFonts(), &FcConfigDestroy);
  if (!config) return out;
  std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> pattern(
      FcNameParse(reinterpret_cast<const FcChar8*>(family.c_str())), &FcPatternDestroy);
  if (!pattern) return out;
  FcPatternAddBool(pattern.get(), FC_SCALABLE, FcTrue);
  FcConfigSubstitute(config.get(), pattern.get(), FcMatchPattern);
  FcDefaultSubstitute(pattern.get());
  FcResult result = FcResultNoMatch;
  std::unique_ptr<FcPattern, decltype(&FcPatternDestroy)> match(FcFontMatch(config.get(), pattern.get(), &result),
                                                                &FcPatternDestroy);
  if (!match || result != FcResultMatch) return out;
  FcChar8* file = nullptr;
  if (FcPatternGetString(match.get(), FC_FILE, 0, &file) != FcResultMatch || !file) return out;
  out.path = reinterpret_cast<const char*>(file);
  FcChar8* matched = nullptr;
  out.sameFamily = FcPatternGetString(match.get(), FC_FAMILY, 0, &matched) == FcResultMatch && matched &&
                   FcStrCmpIgnoreCase(matched, reinterpret_cast<const FcChar8*>(family.c_str())) == 0;
  return out;
}

std::string locate(const std::string& family) {
  FontMatch asked = askFontconfig(family);
  if (asked.sameFamily && isFile(asked.path)) return asked.path;
  // A machine whose fontconfig is missing or misconfigured may still have
  // the package's files where Debian and Fedora put them.
  if (family == kDefaultFontFamily) {
    for (const char* p : {"/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "/usr/share/fonts/dejavu/DejaVuSans.ttf",
                          "/usr/share/fonts/dejavu-sans-fonts/DejaVuSans.ttf"}) {
      if (isFile(p)) return p;
    }
  }
  return isFile(asked.path) ? asked.path : std::string();
}

}  // namespace

std::string findFont(const std::string& family) {
  static std::mutex mutex;
  static std::map<std::string, std::string> found;
  std::lock_guard<std::mutex> lock(mutex);
  auto it = found.find(family);
  if (it == found.end()) it = found.emplace(family, locate(family)).first;
  return it->second;
}

}  // namespace pamir::render
