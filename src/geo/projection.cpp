#include "geo/projection.hpp"

#include <proj.h>

#include <cmath>
#include <limits>

namespace pamir::geo {

const char* const kDefaultViewCrs =
    "+proj=lcc +lat_0=38 +lon_0=70 +lat_1=32 +lat_2=44 +x_0=0 +y_0=0 +datum=WGS84 +units=m +no_defs +type=crs";

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// One PROJ context per thread: PJ objects are bound to the context they were made in.
PJ_CONTEXT* threadContext() {
  struct Owner {
    PJ_CONTEXT* ctx = proj_context_create();
    ~Owner() { proj_context_destroy(ctx); }
  };
  thread_local Owner owner;
  return owner.ctx;
}

struct PjDeleter {
  void operator()(PJ* p) const {
    if (p) proj_destroy(p);
  }
};
using PjPtr = std::unique_ptr<PJ, PjDeleter>;

std::string lastError(PJ_CONTEXT* ctx) {
  int err = proj_context_errno(ctx);
  const char* msg = err ? proj_context_errno_string(ctx, err) : nullptr;
  return msg ? msg : "not a coordinate reference system PROJ understands";
}

// WGS84 geographic, lon/lat order, degrees: how every layer is held.
constexpr const char* kLonLat = "+proj=longlat +datum=WGS84 +no_defs +type=crs";

}  // namespace

struct Transform::Impl {
  PjPtr pj;
};

Transform::Transform(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Transform::Transform(Transform&&) noexcept = default;
Transform& Transform::operator=(Transform&&) noexcept = default;
Transform::~Transform() = default;

std::optional<Transform> Transform::create(const std::string& from, const std::string& to, std::string* error) {
  PJ_CONTEXT* ctx = threadContext();
  for (const std::string* def : {&from, &to}) {
    PjPtr crs(proj_create(ctx, def->c_str()));
    if (!crs) {
      if (error) *error = "unknown CRS '" + *def + "': " + lastError(ctx);
      return std::nullopt;
    }
    PJ_TYPE t = proj_get_type(crs.get());
    bool isCrs = t == PJ_TYPE_GEOGRAPHIC_2D_CRS || t == PJ_TYPE_GEOGRAPHIC_3D_CRS || t == PJ_TYPE_PROJECTED_CRS ||
                 t == PJ_TYPE_GEOCENTRIC_CRS || t == PJ_TYPE_COMPOUND_CRS || t == PJ_TYPE_BOUND_CRS ||
                 t == PJ_TYPE_OTHER_CRS || t == PJ_TYPE_ENGINEERING_CRS;
    if (!isCrs) {
      if (error) *error = "'" + *def + "' is not a coordinate reference system";
      return std::nullopt;
    }
  }
  PjPtr raw(proj_create_crs_to_crs(ctx, from.c_str(), to.c_str(), nullptr));
  if (!raw) {
    if (error) *error = "no transformation from '" + from + "' to '" + to + "': " + lastError(ctx);
    return std::nullopt;
  }
  PjPtr norm(proj_normalize_for_visualization(ctx, raw.get()));
  if (!norm) {
    if (error) *error = "cannot normalise axis order for '" + to + "': " + lastError(ctx);
    return std::nullopt;
  }
  auto impl = std::make_unique<Impl>();
  impl->pj = std::move(norm);
  return Transform(std::move(impl));
}

void Transform::apply(double* x, double* y, size_t n, bool inverse) const {
  if (n == 0) return;
  proj_trans_generic(impl_->pj.get(), inverse ? PJ_INV : PJ_FWD, x, sizeof(double), n, y, sizeof(double), n, nullptr,
                     0, 0, nullptr, 0, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(x[i]) || !std::isfinite(y[i]) || std::abs(x[i]) == HUGE_VAL) x[i] = y[i] = kNaN;
  }
}

void Transform::apply(XY* points, size_t n, bool inverse) const {
  if (n == 0) return;
  proj_trans_generic(impl_->pj.get(), inverse ? PJ_INV : PJ_FWD, &points[0].x, sizeof(XY), n, &points[0].y,
                     sizeof(XY), n, nullptr, 0, 0, nullptr, 0, 0);
  for (size_t i = 0; i < n; ++i) {
    if (!std::isfinite(points[i].x) || !std::isfinite(points[i].y)) points[i] = {kNaN, kNaN};
  }
}

XY Transform::apply(XY p, bool inverse) const {
  apply(&p.x, &p.y, 1, inverse);
  return p;
}

std::optional<Projection> Projection::create(const std::string& definition, std::string* error) {
  std::string def = definition.empty() ? kDefaultViewCrs : definition;
  auto t = Transform::create(kLonLat, def, error);
  if (!t) return std::nullopt;
  PJ_CONTEXT* ctx = threadContext();
  PjPtr crs(proj_create(ctx, def.c_str()));
  Projection p;
  p.definition_ = def;
  p.toView_ = std::make_shared<Transform>(std::move(*t));
  if (crs) {
    const char* n = proj_get_name(crs.get());
    p.name_ = n ? n : def;
    PJ_TYPE type = proj_get_type(crs.get());
    p.geographic_ = type == PJ_TYPE_GEOGRAPHIC_2D_CRS || type == PJ_TYPE_GEOGRAPHIC_3D_CRS;
    PJ* released = crs.release();
    p.crs_ = std::shared_ptr<void>(released, [](void* q) { proj_destroy(static_cast<PJ*>(q)); });
  }
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
