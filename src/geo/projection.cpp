#include "geo/projection.hpp"

#include <proj.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstddef>
#include <cstdlib>
#include <limits>
#include <utility>

namespace pamir::geo {

const char* const kDefaultViewCrs =
    "+proj=lcc +lat_0=38 +lon_0=70 +lat_1=32 +lat_2=44 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs";

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One PROJ context per thread: PJ objects are bound to the context they were
// made in. PROJ's log would otherwise go raw to stderr; it is collected here
// instead, and reported by whoever is building a CRS (create() below).
// Messages logged while transforming single points ("webmerc: Invalid
// latitude") are dropped: per-point maths reports failure as NaN, and one
// line per point would drown every other diagnostic.
class ThreadContext {
 public:
  ThreadContext() : ctx_(proj_context_create()) { proj_log_func(ctx_, this, &ThreadContext::log); }
  ~ThreadContext() { proj_context_destroy(ctx_); }
  ThreadContext(const ThreadContext&) = delete;
  ThreadContext& operator=(const ThreadContext&) = delete;

  PJ_CONTEXT* get() const { return ctx_; }

  /// Messages PROJ has logged while some ProjLogScope was open, oldest first.
  std::vector<std::string>& messages() { return messages_; }
  int& captureDepth() { return depth_; }

 private:
  static void log(void* self, int /*level*/, const char* msg) {
    auto* c = static_cast<ThreadContext*>(self);
    if (c->depth_ == 0 || !msg) return;
    std::string m = msg;
    // "proj_create: Error 1027 (Invalid value for an argument): utm: Invalid value for zone"
    // -> "utm: Invalid value for zone": the function name and errno are PROJ's plumbing.
    if (auto colon = m.find(": "); colon != std::string::npos && m.compare(0, 5, "proj_") == 0) m.erase(0, colon + 2);
    if (m.compare(0, 6, "Error ") == 0)
      if (auto close = m.find("): "); close != std::string::npos) m.erase(0, close + 3);
    while (!m.empty() && (m.back() == '\n' || m.back() == ' ')) m.pop_back();
    if (!m.empty()) c->messages_.push_back(std::move(m));
  }

  PJ_CONTEXT* ctx_;
  int depth_ = 0;
  std::vector<std::string> messages_;
};

ThreadContext& threadContext() {
  thread_local ThreadContext context;
  return context;
}

struct PjDeleter {
  void operator()(PJ* p) const {
    if (p) proj_destroy(p);
  }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

// While alive, PROJ's messages on this thread are kept for the CRS being
// built; scopes nest (a Projection builds a Transform).
class ProjLogScope {
 public:
  ProjLogScope() : start_(threadContext().messages().size()) { ++threadContext().captureDepth(); }
  ~ProjLogScope() {
    auto& m = threadContext().messages();
    m.resize(std::min(m.size(), start_));
    --threadContext().captureDepth();
  }
  ProjLogScope(const ProjLogScope&) = delete;
  ProjLogScope& operator=(const ProjLogScope&) = delete;
  /// What PROJ logged since this scope opened (or since the last take()).
  std::vector<std::string> take() {
    auto& m = threadContext().messages();
    std::vector<std::string> out(m.begin() + static_cast<std::ptrdiff_t>(std::min(m.size(), start_)), m.end());
    m.resize(std::min(m.size(), start_));
    return out;
  }

 private:
  size_t start_;
};

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "; ") + l;
  return out;
}

// PROJ's reason for the last failure: what it logged, else its errno text.
std::string lastError(ProjLogScope& log) {
  std::string logged = joined(log.take());
  if (!logged.empty()) return logged;
  PJ_CONTEXT* ctx = threadContext().get();
  int err = proj_context_errno(ctx);
  const char* msg = err ? proj_context_errno_string(ctx, err) : nullptr;
  return msg ? msg : "not a coordinate reference system PROJ understands";
}

std::string trimmed(const std::string& s) {
  const auto first = s.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return s.substr(first, s.find_last_not_of(" \t\r\n") - first + 1);
}

// "AUTH:CODE" as PROJ's database knows them: EPSG:4326, ESRI:102025, IGNF:LAMB93.
bool looksLikeAuthorityCode(const std::string& def) {
  const auto colon = def.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == def.size()) return false;
  for (size_t i = 0; i < def.size(); ++i)
    if (i != colon && !std::isalnum(static_cast<unsigned char>(def[i])) && def[i] != '_') return false;
  return true;
}

// WGS84 geographic, lon/lat order, degrees: how every layer is held.
constexpr const char* kLonLat = "+proj=longlat +datum=WGS84 +no_defs +type=crs";

bool isCrsType(PJ_TYPE t) {
  return t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS || t == PJ_TYPE_PROJECTED_CRS ||
         t == PJ_TYPE_GEOCENTRIC_CRS || t == PJ_TYPE_COMPOUND_CRS || t == PJ_TYPE_BOUND_CRS || t == PJ_TYPE_OTHER_CRS ||
         t == PJ_TYPE_ENGINEERING_CRS;
}

// Builds one CRS, or says why not, naming the definition as the user wrote it.
Result<PjPtr> createCrs(const std::string& definition, ProjLogScope& log) {
  const std::string def = asCrsDefinition(definition);
  PjPtr crs(proj_create(threadContext().get(), def.c_str()));
  if (!crs) {
    std::string why = lastError(log);
    if (looksLikeAuthorityCode(def) && why.find("crs not found") != std::string::npos)
      return Error{"unknown CRS code " + trimmed(definition) + " (not in PROJ's database)"};
    return Error{"unknown CRS '" + trimmed(definition) + "': " + why};
  }
  if (!isCrsType(proj_get_type(crs.get())))
    return Error{"'" + trimmed(definition) + "' is not a coordinate reference system"};
  return crs;
}

void reportLogged(ProjLogScope& log, const std::string& what, Diagnostics* diag) {
  if (!diag) return;
  for (const auto& m : log.take()) diag->warn("", "", -1, std::string("PROJ, ").append(what).append(": ").append(m));
}

// The central meridian of a CRS: the longitude parameter of its map
// projection (EPSG parameter codes: natural origin, projection centre, false
// origin, origin), else a "+lon_0=" in a PROJ string PROJ could not map to a
// named method; 0 when there is none (geographic CRSs).
double centralMeridianOf(PJ* crs, const std::string& definition) {
  PJ_CONTEXT* ctx = threadContext().get();
  PjPtr horizontal;
  PJ_TYPE type = proj_get_type(crs);
  if (type == PJ_TYPE_BOUND_CRS)
    horizontal.reset(proj_get_source_crs(ctx, crs));
  else if (type == PJ_TYPE_COMPOUND_CRS)
    horizontal.reset(proj_crs_get_sub_crs(ctx, crs, 0));
  PJ* base = horizontal ? horizontal.get() : crs;
  if (proj_get_type(base) == PJ_TYPE_PROJECTED_CRS) {
    PjPtr op(proj_crs_get_coordoperation(ctx, base));
    const int count = op ? proj_coordoperation_get_param_count(ctx, op.get()) : 0;
    for (int i = 0; i < count; ++i) {
      const char* name = nullptr;
      const char* code = nullptr;
      double value = 0, toRadians = 0;
      if (!proj_coordoperation_get_param(ctx, op.get(), i, &name, nullptr, &code, &value, nullptr, &toRadians, nullptr,
                                         nullptr, nullptr, nullptr))
        continue;
      const std::string c = code ? code : "";
      const std::string n = name ? name : "";
      if (c == "8802" || c == "8812" || c == "8822" || c == "8833" || n == "lon_0" ||
          n == "Longitude of natural origin") {
        double degrees = toRadians > 0 ? value * toRadians * 180.0 / M_PI : value;
        if (std::isfinite(degrees)) return degrees;
      }
    }
  }
  if (auto at = definition.find("+lon_0="); at != std::string::npos) {
    char* end = nullptr;
    double v = std::strtod(definition.c_str() + at + 7, &end);
    if (end != definition.c_str() + at + 7 && std::isfinite(v)) return v;
  }
  return 0.0;
}

// What the CRS is called. A CRS made from a PROJ string has no name ("unknown"
// to PROJ): it is then named by its map projection method and the
// definition, "Lambert Conic Conformal (2SP) (+proj=lcc ...)", which is what
// a reader of an exported file needs to rebuild it.
std::string crsName(PJ* crs, const std::string& definition) {
  const char* n = proj_get_name(crs);
  std::string name = n ? n : "";
  if (!name.empty() && name != "unknown") return name;
  PJ_CONTEXT* ctx = threadContext().get();
  std::string method;
  if (proj_get_type(crs) == PJ_TYPE_PROJECTED_CRS) {
    PjPtr op(proj_crs_get_coordoperation(ctx, crs));
    const char* m = nullptr;
    if (op && proj_coordoperation_get_method_info(ctx, op.get(), &m, nullptr, nullptr) && m) method = m;
  } else if (proj_get_type(crs) == PJ_TYPE_GEOGRAPHIC_2D_CRS) {
    method = "geographic";
  }
  const std::string def = trimmed(definition);
  return method.empty() || method == "unknown" ? "CRS " + def : method + " (" + def + ")";
}

}  // namespace

std::string projVersion() { return proj_info().version ? proj_info().version : "unknown"; }

std::string asCrsDefinition(const std::string& definition) {
  std::string def = trimmed(definition);
  // GDAL (OGRSpatialReference::importFromProj4) and QGIS read a bare PROJ
  // string as the CRS it describes; PROJ itself reads it as an operation
  // unless told "+type=crs".
  const bool projString =
      def.compare(0, 6, "+proj=") == 0 || def.compare(0, 5, "proj=") == 0 || def.compare(0, 6, "+init=") == 0;
  if (projString && def.find("type=crs") == std::string::npos) def += " +type=crs";
  return def;
}

struct Transform::Impl {
  PjPtr pj;
};

Transform::Transform(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Transform::Transform(Transform&&) noexcept = default;
Transform& Transform::operator=(Transform&&) noexcept = default;
Transform::~Transform() = default;

Result<Transform> Transform::create(const std::string& from, const std::string& to, Diagnostics* diag) {
  PJ_CONTEXT* ctx = threadContext().get();
  ProjLogScope log;
  auto source = createCrs(from, log);
  if (!source) return Error{source.error()};
  auto target = createCrs(to, log);
  if (!target) return Error{target.error()};
  PjPtr raw(proj_create_crs_to_crs_from_pj(ctx, source->get(), target->get(), nullptr, nullptr));
  if (!raw) return Error{"no transformation from '" + from + "' to '" + to + "': " + lastError(log)};
  PjPtr norm(proj_normalize_for_visualization(ctx, raw.get()));
  if (!norm) return Error{"cannot normalise axis order for '" + to + "': " + lastError(log)};
  reportLogged(log, "'" + to + "'", diag);
  auto impl = std::make_unique<Impl>();
  impl->pj = std::move(norm);
  return Transform(std::move(impl));
}

void Transform::apply(double* x, double* y, size_t n, bool inverse) const {
  if (n == 0) return;
  proj_trans_generic(impl_->pj.get(), inverse ? PJ_INV : PJ_FWD, x, sizeof(double), n, y, sizeof(double), n, nullptr, 0,
                     0, nullptr, 0, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || std::abs(x[i]) == HUGE_VAL) x[i] = y[i] = kNaN;
  }
}

void Transform::apply(XY* points, size_t n, bool inverse) const {
  if (n == 0) return;
  proj_trans_generic(impl_->pj.get(), inverse ? PJ_INV : PJ_FWD, &points[0].x, sizeof(XY), n, &points[0].y, sizeof(XY),
                     n, nullptr, 0, 0, nullptr, 0, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(points[i].x) || !std::isfinite(points[i].y)) points[i] = {kNaN, kNaN};
  }
}

XY Transform::apply(XY p, bool inverse) const {
  apply(&p.x, &p.y, 1, inverse);
  return p;
}

Result<Projection> Projection::create(const std::string& definition, Diagnostics* diag) {
  std::string def = trimmed(definition).empty() ? kDefaultViewCrs : definition;
  auto t = Transform::create(kLonLat, def, diag);
  if (!t) return Error{t.error()};
  ProjLogScope log;
  auto crs = createCrs(def, log);
  if (!crs) return Error{crs.error()};
  Projection p;
  p.definition_ = def;
  p.toView_ = std::make_shared<Transform>(std::move(*t));
  p.name_ = crsName(crs->get(), def);
  PJ_TYPE type = proj_get_type(crs->get());
  p.geographic_ = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
  p.centralMeridian_ = centralMeridianOf(crs->get(), asCrsDefinition(def));
  PJ* released = crs->release();
  p.crs_ = std::shared_ptr<void>(released, [](void* q) { proj_destroy(static_cast<PJ*>(q)); });
  return p;
}

std::string Projection::name() const { return name_; }

XY Projection::forward(const LonLat& p) const {
  if (!p.finite()) return {kNaN, kNaN};
  return toView_->apply(XY{p.lon, p.lat});
}

LonLat Projection::inverse(const XY& p) const {
  if (!std::isfinite(p.x) || !std::isfinite(p.y)) return {kNaN, kNaN};
  XY r = toView_->apply(p, true);
  return {r.x, r.y};
}

void Projection::forward(const LonLat* in, XY* out, size_t n) const {
  for (size_t i = 0; i < n; ++i) out[i] = {in[i].lon, in[i].lat};
  toView_->apply(out, n);
}

Bounds Projection::forwardBounds(const Bounds& ll, int samples) const {
  Bounds out;
  if (ll.empty()) return out;
  samples = std::max(2, samples);
  for (int i = 0; i <= samples; ++i) {
    double t = static_cast<double>(i) / samples;
    double lon = ll.minx + t * ll.width();
    double lat = ll.miny + t * ll.height();
    for (LonLat p : {LonLat{lon, ll.miny}, LonLat{lon, ll.maxy}, LonLat{ll.minx, lat}, LonLat{ll.maxx, lat}}) {
      XY q = forward(p);
      if (std::isfinite(q.x)) out.add(q.x, q.y);
    }
  }
  return out;
}

double Projection::scaleFactor(const LonLat& p) const {
  if (geographic_ || !crs_) return 1.0;
  // proj_factors wants the projection itself, not a CRS-to-CRS pipeline.
  PJ* crs = static_cast<PJ*>(crs_.get());
  PJ_COORD c = proj_coord(proj_torad(p.lon), proj_torad(p.lat), 0, 0);
  PJ_FACTORS f = proj_factors(crs, c);
  if (proj_errno(crs)) {
    proj_errno_reset(crs);
    return std::numeric_limits<double>::quiet_NaN();
  }
  return (f.meridional_scale + f.parallel_scale) / 2.0;
}

}  // namespace pamir::geo
