#include "app/measurements.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string_view>

#include "core/atomic_file.hpp"
#include "geo/geodesic.hpp"

namespace pamir::app {

Measurement measure(const LonLat& from, const LonLat& to, const geo::Projection& view, std::string label) {
  Measurement m;
  m.from = from;
  m.to = to;
  m.label = std::move(label);
  auto inv = geo::inverse(from, to);
  m.geodesic_m = inv.distance_m;
  // Bearings as analysts read them: clockwise from north, 0-360.
  auto bearing = [](double az) { return az < 0 ? az + 360.0 : az; };
  m.azimuth1_deg = bearing(inv.azimuth1_deg);
  m.azimuth2_deg = bearing(inv.azimuth2_deg);
  if (!(m.geodesic_m > 0)) m.azimuth1_deg = m.azimuth2_deg = NAN;  // no direction between coincident points
  m.rhumb_m = geo::rhumbInverse(from, to).distance_m;
  XY a = view.forward(from), b = view.forward(to);
  m.planar_m = std::hypot(b.x - a.x, b.y - a.y);
  if (view.isGeographic()) m.planar_m = NAN;  // degrees are not a length
  m.planarCrs = view.name();
  return m;
}

std::vector<LonLat> geodesicPath(const LonLat& from, const LonLat& to, double step) {
  // One inverse solution, then a direct step per vertex: solving the
  // inverse problem again for every vertex cost most of a session's save.
  const geo::GeodesicInverse line = geo::inverse(from, to);
  const double d = line.distance_m;
  if (!(d > 0)) return {from, to};
  const double steps = std::ceil(d / std::max(step, 1.0));
  const int n = static_cast<int>(std::clamp(steps, 1.0, 2048.0));
  std::vector<LonLat> out;
  out.reserve(static_cast<size_t>(n) + 1);
  out.push_back(from);
  for (int i = 1; i < n; ++i) out.push_back(geo::direct(from, line.azimuth1_deg, d * i / n).point);
  out.push_back(to);
  return out;
}

std::vector<XY> measurementTrack(const LonLat& from, const LonLat& to, const geo::Projection& view) {
  std::vector<XY> out;
  const double d = geo::distance(from, to);
  for (const auto& p : geodesicPath(from, to, std::isfinite(d) ? std::max(5000.0, d / 512) : 5000.0)) {
    const XY q = view.forward(p);
    if (std::isfinite(q.x) && std::isfinite(q.y)) out.push_back(q);
  }
  return out;
}

namespace {

// Shortest text that reads back as the same double (end points), or fixed
// decimals (vertices between, where a centimetre is plenty).
void appendNumber(std::string& out, double v, int decimals = -1) {
  char buf[64];
  const auto r = decimals < 0 ? std::to_chars(buf, buf + sizeof buf, v)
                              : std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, decimals);
  out.append(buf, r.ptr);
}

}  // namespace

// Coordinates are written as text here rather than as nlohmann values: 500
// long measurements hold a million vertices, and building and dumping them
// as a JSON tree took seconds. Properties still go through nlohmann, which
// escapes labels as JSON must.
std::string measurementsGeoJson(const std::vector<Measurement>& list) {
  using nlohmann::json;
  std::string text = "{\n \"type\": \"FeatureCollection\",\n \"features\": [";
  for (size_t k = 0; k < list.size(); ++k) {
    const Measurement& m = list[k];
    json props{{"label", m.label},
               {"distance_m", m.geodesic_m},
               {"azimuth1_deg", std::isfinite(m.azimuth1_deg) ? json(m.azimuth1_deg) : json(nullptr)},
               {"azimuth2_deg", std::isfinite(m.azimuth2_deg) ? json(m.azimuth2_deg) : json(nullptr)},
               {"rhumb_m", m.rhumb_m},
               {"planar_m", std::isfinite(m.planar_m) ? json(m.planar_m) : json(nullptr)},
               {"planar_crs", m.planarCrs},
               {"method", kMeasureMethod},
               {"ellipsoid", "WGS84"}};
    // A label from a file in a legacy encoding is not UTF-8: replaced, not a failed save.
    std::string properties = props.dump(1, ' ', false, json::error_handler_t::replace);
    // Indented to sit inside the feature; dumped strings hold no raw newline.
    for (size_t i = properties.find('\n'); i != std::string::npos; i = properties.find('\n', i + 1))
      properties.insert(i + 1, "   ");
    text += k ? ",\n  {\n" : "\n  {\n";
    text += "   \"type\": \"Feature\",\n   \"properties\": " + properties + ",\n";
    text += "   \"geometry\": {\"type\": \"LineString\", \"coordinates\": [";
    const std::vector<LonLat> path = geodesicPath(m.from, m.to, 2000.0);
    for (size_t i = 0; i < path.size(); ++i) {
      const bool end = i == 0 || i + 1 == path.size();
      text += i ? ",[" : "[";
      appendNumber(text, path[i].lon, end ? -1 : 7);
      text += ',';
      appendNumber(text, path[i].lat, end ? -1 : 7);
      text += ']';
    }
    text += "]}\n  }";
  }
  text += list.empty() ? "]\n}\n" : "\n ]\n}\n";
  return text;
}

bool exportMeasurementsGeoJson(const std::vector<Measurement>& list, const std::string& path, std::string* error) {
  return writeFileAtomically(path, measurementsGeoJson(list), error);
}

namespace {

std::string fileKind(mode_t mode) {
  if (S_ISFIFO(mode)) return "a FIFO";
  if (S_ISCHR(mode)) return "a character device";
  if (S_ISBLK(mode)) return "a block device";
  if (S_ISDIR(mode)) return "a directory";
  if (S_ISSOCK(mode)) return "a socket";
  return "not a plain file";
}

enum class Read { Ok, Missing, Failed };

// A regular file, read whole. Anything else is refused before it is opened:
// opening a FIFO waits for a writer that may never come, and opening some
// devices acts on them (a tape rewinds). POSIX rather than ifstream, which
// can do neither check.
Read readRegularFile(const std::string& path, std::string* bytes, std::string* why) {
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) {
    if (errno == ENOENT) return Read::Missing;
    *why = std::strerror(errno);
    return Read::Failed;
  }
  if (!S_ISREG(st.st_mode)) {
    *why = fileKind(st.st_mode) + ", not a regular file";
    return Read::Failed;
  }
  // O_NONBLOCK in case a FIFO took the file's place since the stat.
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
  if (fd < 0) {
    *why = std::strerror(errno);
    return Read::Failed;
  }
  auto done = [&](Read r, const std::string& reason = {}) {
    if (!reason.empty()) *why = reason;
    ::close(fd);
    return r;
  };
  if (::fstat(fd, &st) != 0) return done(Read::Failed, std::strerror(errno));
  if (!S_ISREG(st.st_mode)) return done(Read::Failed, fileKind(st.st_mode) + ", not a regular file");
  bytes->clear();
  bytes->reserve(static_cast<size_t>(st.st_size));
  char buf[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return done(Read::Failed, std::strerror(errno));
    if (n == 0) break;
    bytes->append(buf, static_cast<size_t>(n));
  }
  return done(Read::Ok);
}

}  // namespace

namespace {

// Reads what the window needs from a measurements file as the parser goes:
// the label and the first and last position of each line. Building the
// whole JSON tree first, a million vertices of it for 500 long
// measurements, took most of a second; this keeps no vertex.
class MeasurementLines : public nlohmann::json_sax<nlohmann::json> {
 public:
  struct Line {
    std::string label;
    LonLat first{NAN, NAN}, last{NAN, NAN};
    size_t points = 0;
    bool hasCoordinates = false;
  };
  std::vector<Line> lines;
  std::string error;
  bool sawFeatures = false;

  bool null() override { return scalar(); }
  bool boolean(bool) override { return scalar(); }
  bool number_integer(number_integer_t v) override { return number(static_cast<double>(v)); }
  bool number_unsigned(number_unsigned_t v) override { return number(static_cast<double>(v)); }
  bool number_float(number_float_t v, const string_t&) override { return number(v); }
  bool string(string_t& v) override {
    if (in(kProperties) && frames_.back().key == "label") lines.back().label = std::move(v);
    return scalar();
  }
  bool binary(binary_t&) override { return scalar(); }
  bool key(string_t& k) override {
    frames_.back().key = std::move(k);
    return true;
  }
  bool start_object(std::size_t) override {
    if (inPosition()) return fail("a position that is not [lon, lat]");
    frames_.push_back({true, slot(), {}});
    if (in(kFeature)) lines.emplace_back();
    return true;
  }
  bool end_object() override {
    frames_.pop_back();
    return true;
  }
  bool start_array(std::size_t) override {
    if (inPosition()) return fail("a position that is not [lon, lat]");
    frames_.push_back({false, slot(), {}});
    if (in(kFeatures)) sawFeatures = true;
    if (in(kCoordinates)) lines.back().hasCoordinates = true;
    if (inPosition()) position_.clear();
    return true;
  }
  bool end_array() override {
    if (inPosition()) {
      if (position_.size() < 2) return fail("a position that is not [lon, lat]");
      Line& l = lines.back();
      l.last = {position_[0], position_[1]};
      if (l.points++ == 0) l.first = l.last;
    }
    frames_.pop_back();
    return true;
  }
  bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
    return fail(e.what());
  }

 private:
  struct Frame {
    bool object;
    std::string slot;  ///< the key this container sits under in its parent; "[]" in an array
    std::string key;   ///< objects: the key whose value comes next
  };
  // Where a container sits, by the slots of the containers above it and its own.
  template <size_t N>
  using Slots = std::array<std::string_view, N>;
  static constexpr Slots<2> kFeatures{"", "features"};
  static constexpr Slots<3> kFeature{"", "features", "[]"};
  static constexpr Slots<4> kProperties{"", "features", "[]", "properties"};
  static constexpr Slots<5> kCoordinates{"", "features", "[]", "geometry", "coordinates"};

  std::string slot() const {
    if (frames_.empty()) return "";
    return frames_.back().object ? frames_.back().key : "[]";
  }
  template <size_t N>
  bool startsWith(const Slots<N>& slots) const {
    if (frames_.size() < N) return false;
    for (size_t i = 0; i < N; ++i)
      if (frames_[i].slot != slots[i]) return false;
    return true;
  }
  template <size_t N>
  bool in(const Slots<N>& slots) const {
    return frames_.size() == N && startsWith(slots);
  }
  bool inPosition() const {
    return frames_.size() == kCoordinates.size() + 1 && frames_.back().slot == "[]" && startsWith(kCoordinates);
  }
  bool number(double v) {
    if (inPosition()) {
      position_.push_back(v);
      return true;
    }
    return scalar();
  }
  bool scalar() {
    if (in(kFeatures)) return fail("a feature that is not an object");
    if (in(kCoordinates)) return fail("a measurement line that is not a list of positions");
    if (inPosition()) return fail("a position that is not [lon, lat]");
    return true;
  }
  bool fail(std::string why) {
    error = std::move(why);
    return false;
  }

  std::vector<Frame> frames_;
  std::vector<double> position_;
};

}  // namespace

std::optional<std::vector<Measurement>> importMeasurementsGeoJson(const std::string& path, const geo::Projection& view,
                                                                  std::string* error) {
  std::vector<Measurement> out;
  std::string text, why;
  switch (readRegularFile(path, &text, &why)) {
    case Read::Missing:
      return out;
    case Read::Failed:
      if (error) *error = path + ": " + why;
      return std::nullopt;
    case Read::Ok:
      break;
  }
  // Left empty by a crash or by `: > file`: nothing saved yet, not a broken file.
  if (text.find_first_not_of(" \t\r\n") == std::string::npos) return out;
  auto refuse = [&](const std::string& reason) -> std::optional<std::vector<Measurement>> {
    if (error) *error = path + ": not a measurements file Pamir can read (" + reason + ")";
    return std::nullopt;
  };
  MeasurementLines reader;
  if (!nlohmann::json::sax_parse(text, &reader)) return refuse(reader.error);
  if (!reader.sawFeatures) return refuse("no \"features\" list");
  out.reserve(reader.lines.size());
  for (const auto& line : reader.lines) {
    if (!line.hasCoordinates) return refuse("a measurement without geometry coordinates");
    if (line.points < 2) return refuse("a measurement line with fewer than 2 points");
    const LonLat a = line.first, b = line.last;
    if (!a.finite() || !b.finite() || std::abs(a.lat) > 90 || std::abs(b.lat) > 90)
      return refuse("a measurement with invalid coordinates");
    out.push_back(measure(a, b, view, line.label));
  }
  return out;
}

std::string defaultSessionPath() {
  auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v && *v ? v : "";
  };
  if (auto p = env("PAMIR_SESSION"); !p.empty()) return p;
  std::filesystem::path base = env("XDG_STATE_HOME");
  if (base.empty()) base = std::filesystem::path(env("HOME").empty() ? "." : env("HOME")) / ".local" / "state";
  return (base / "pamir" / "measurements.geojson").string();
}

}  // namespace pamir::app

namespace pamir::app {

std::vector<Measurement> MeasurementSession::load(const geo::Projection& view, std::string* problem) {
  if (path_.empty()) return {};
  std::string err;
  auto saved = importMeasurementsGeoJson(path_, view, &err);
  if (!saved) {
    // Never overwrite what could not be read: the analyst's file stays as it is.
    if (problem) *problem = err + "; measurements will not be saved this time";
    path_.clear();
    return {};
  }
  // Said now, not after the first measurement is made and lost.
  const std::filesystem::path folder = std::filesystem::path(path_).parent_path();
  std::error_code ec;
  const std::filesystem::path existing = folder.empty() ? "." : folder;
  if (std::filesystem::is_directory(existing, ec) && ::access(existing.c_str(), W_OK) != 0 && problem)
    *problem = existing.string() + ": " + std::strerror(errno) + "; measurements made now cannot be saved to " + path_;
  return std::move(*saved);
}

bool MeasurementSession::save(const std::vector<Measurement>& list, std::string* problem) {
  if (path_.empty()) return true;
  const std::filesystem::path folder = std::filesystem::path(path_).parent_path();
  std::error_code ec;
  if (!folder.empty() && !std::filesystem::exists(folder, ec) && !std::filesystem::create_directories(folder, ec)) {
    if (problem) *problem = "measurements not saved: cannot create " + folder.string() + ": " + ec.message();
    return false;
  }
  std::string err;
  if (!exportMeasurementsGeoJson(list, path_, &err)) {
    if (problem) *problem = "measurements not saved: " + err;
    return false;
  }
  return true;
}

}  // namespace pamir::app
