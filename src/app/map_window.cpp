#include "app/map_window.hpp"

#include <SDL.h>
#include <glad/gl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <filesystem>
#include <map>
#include <set>

#include "app/input_script.hpp"
#include "app/measurements.hpp"
#include "app/picking.hpp"
#include "geo/coordinates.hpp"
#include "geo/geodesic.hpp"
#include "geo/nearest.hpp"
#include "render/gl_loader.hpp"
#include "render/image.hpp"
#include "render/map_renderer.hpp"
#include "ui/overlay.hpp"

namespace pamir::app {

bool displayAvailable() {
  auto set = [](const char* name) {
    const char* v = std::getenv(name);
    return v && *v;
  };
  return set("DISPLAY") || set("WAYLAND_DISPLAY") || set("SDL_VIDEODRIVER");
}

namespace {

// Owns the SDL window, its GL context and ImGui; torn down in reverse order.
struct WindowResources {
  SDL_Window* window = nullptr;
  SDL_GLContext gl = nullptr;
  bool imgui = false;
  ~WindowResources() {
    if (imgui) {
      ImGui_ImplOpenGL3_Shutdown();
      ImGui_ImplSDL2_Shutdown();
      ImGui::DestroyContext();
    }
    if (gl) SDL_GL_DeleteContext(gl);
    if (window) SDL_DestroyWindow(window);
    SDL_Quit();
  }
};

render::Image readWindowPixels(int w, int h) {
  render::Image img;
  img.width = w;
  img.height = h;
  img.rgba.resize(static_cast<size_t>(w) * h * 4);
  glBindFramebuffer(GL_READ_FRAMEBUFFER, 0);
  glPixelStorei(GL_PACK_ALIGNMENT, 1);
  std::vector<uint8_t> rows(img.rgba.size());
  glReadPixels(0, 0, w, h, GL_RGBA, GL_UNSIGNED_BYTE, rows.data());
  const size_t stride = static_cast<size_t>(w) * 4;
  for (int y = 0; y < h; ++y)
    std::copy_n(&rows[static_cast<size_t>(h - 1 - y) * stride], stride, &img.rgba[static_cast<size_t>(y) * stride]);
  for (size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  return img;
}

class MapWindow {
 public:
  MapWindow(MapSession& session, WindowResources& res, std::vector<std::string> messages, std::string sessionPath)
      : session_(session), res_(res), sessionPath_(std::move(sessionPath)) {
    model_.title = session.catalog().title;
    model_.messages = std::move(messages);
    model_.crsName = session.projection().name();
    model_.crsDefinition = session.projection().definition();
    renderer_.setProjection(session.projection());
    renderer_.setLayers(session.drawLayers(), session.drawRasters());
    buildLayerItems();
    buildFilterItems();
    applyFilter();
    restoreMeasurements();
  }

  bool ok() const { return renderer_.ok(); }
  const std::string& error() const { return renderer_.error(); }
  MapView& view() { return view_; }

  int run(const std::vector<ScriptStep>* script) {
    size_t step = 0;
    int waitFrames = 0;
    std::optional<std::string> screenshotAfterFrame;
    while (running_) {
      auto t0 = std::chrono::steady_clock::now();
      if (!queued_.empty()) {
        // One batch of a scripted gesture per frame, as a hand would spread it.
        deliver(queued_.front());
        queued_.pop_front();
      } else if (script && waitFrames == 0 && step < script->size()) {
        const ScriptStep& s = (*script)[step++];
        if (int rc = playStep(s, waitFrames, screenshotAfterFrame); rc >= 0) return rc;
        if (!queued_.empty()) {
          deliver(queued_.front());
          queued_.pop_front();
        }
      } else if (waitFrames > 0) {
        --waitFrames;
      } else if (script && step >= script->size()) {
        running_ = false;
      }
      SDL_Event e;
      while (SDL_PollEvent(&e)) handleEvent(e);
      drawFrame();
      if (screenshotAfterFrame) {
        int w, h;
        SDL_GL_GetDrawableSize(res_.window, &w, &h);
        std::string err;
        if (!render::writePng(readWindowPixels(w, h), *screenshotAfterFrame, &err)) {
          std::fprintf(stderr, "pamir view: screenshot: %s\n", err.c_str());
          return 1;
        }
        std::printf("%s\n", screenshotAfterFrame->c_str());
        std::fflush(stdout);
        screenshotAfterFrame.reset();
      }
      SDL_GL_SwapWindow(res_.window);
      model_.frameMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    }
    return 0;
  }

 private:
  // --- scripted input: real SDL events, handled like a person's -----------------
  // Pointer moves warp the real pointer (ImGui reads the pointer's position from
  // the OS, not from events); buttons, wheel and keys are pushed as SDL events.
  void deliver(std::vector<SDL_Event>& batch) {
    for (SDL_Event& e : batch) {
      if (e.type == SDL_MOUSEMOTION)
        SDL_WarpMouseInWindow(res_.window, e.motion.x, e.motion.y);
      else
        SDL_PushEvent(&e);
    }
  }

  int playStep(const ScriptStep& s, int& waitFrames, std::optional<std::string>& shot) {
    // Events go into per-frame batches: ImGui decides who owns the mouse from
    // where the pointer was last frame, so a click must not arrive in the
    // same frame as the move that brought the pointer there.
    auto push = [&](SDL_Event e) {
      if (queued_.empty()) queued_.emplace_back();
      queued_.back().push_back(e);
    };
    auto nextFrame = [&] { queued_.emplace_back(); };
    auto motion = [&](double x, double y, bool held) {
      SDL_Event e{};
      e.type = SDL_MOUSEMOTION;
      e.motion.windowID = SDL_GetWindowID(res_.window);
      e.motion.x = static_cast<int>(x);
      e.motion.y = static_cast<int>(y);
      e.motion.xrel = static_cast<int>(x) - lastScriptX_;
      e.motion.yrel = static_cast<int>(y) - lastScriptY_;
      e.motion.state = held ? SDL_BUTTON_LMASK : 0;
      lastScriptX_ = static_cast<int>(x);
      lastScriptY_ = static_cast<int>(y);
      push(e);
    };
    auto button = [&](double x, double y, bool down) {
      SDL_Event e{};
      e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
      e.button.windowID = SDL_GetWindowID(res_.window);
      e.button.button = SDL_BUTTON_LEFT;
      e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
      e.button.clicks = 1;
      e.button.x = static_cast<int>(x);
      e.button.y = static_cast<int>(y);
      push(e);
    };
    switch (s.kind) {
      case ScriptStep::Kind::Wait: waitFrames = static_cast<int>(s.a); break;
      case ScriptStep::Kind::Move: motion(s.a, s.b, false); break;
      case ScriptStep::Kind::Click:
        motion(s.a, s.b, false);
        nextFrame();
        button(s.a, s.b, true);
        nextFrame();
        button(s.a, s.b, false);
        break;
      case ScriptStep::Kind::Drag: {
        motion(s.a, s.b, false);
        nextFrame();
        button(s.a, s.b, true);
        for (int i = 1; i <= 10; ++i) {
          nextFrame();
          motion(s.a + (s.c - s.a) * i / 10, s.b + (s.d - s.b) * i / 10, true);
        }
        nextFrame();
        button(s.c, s.d, false);
        break;
      }
      case ScriptStep::Kind::Wheel: {
        motion(s.a, s.b, false);
        nextFrame();
        SDL_Event e{};
        e.type = SDL_MOUSEWHEEL;
        e.wheel.windowID = SDL_GetWindowID(res_.window);
        e.wheel.y = static_cast<int>(s.c);
        push(e);
        break;
      }
      case ScriptStep::Kind::Key: {
        SDL_Keycode k = SDL_GetKeyFromName(s.text.c_str());
        if (k == SDLK_UNKNOWN) {
          std::fprintf(stderr, "pamir view: script line %d: unknown key '%s'\n", s.line, s.text.c_str());
          return 2;
        }
        SDL_Event e{};
        e.type = SDL_KEYDOWN;
        e.key.windowID = SDL_GetWindowID(res_.window);
        e.key.keysym.sym = k;
        e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
        e.key.state = SDL_PRESSED;
        push(e);
        e.type = SDL_KEYUP;
        e.key.state = SDL_RELEASED;
        push(e);
        break;
      }
      case ScriptStep::Kind::Screenshot: shot = s.text; break;
      case ScriptStep::Kind::ExpectMeasurements:
        if (measurements_.size() != static_cast<size_t>(s.a)) {
          std::fprintf(stderr, "pamir view: script line %d: expected %d measurements, have %zu\n", s.line,
                       static_cast<int>(s.a), measurements_.size());
          return 1;
        }
        break;
      case ScriptStep::Kind::Quit: running_ = false; break;
    }
    return -1;
  }

  // --- input --------------------------------------------------------------------
  void handleEvent(const SDL_Event& e) {
    ImGui_ImplSDL2_ProcessEvent(&e);
    if (e.type == SDL_QUIT) running_ = false;
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) running_ = false;
    const ImGuiIO& io = ImGui::GetIO();
    switch (e.type) {
      case SDL_MOUSEBUTTONDOWN:
        if (!io.WantCaptureMouse && e.button.button == SDL_BUTTON_LEFT) {
          dragging_ = true;
          dragMoved_ = 0;
        }
        break;
      case SDL_MOUSEBUTTONUP:
        if (dragging_ && e.button.button == SDL_BUTTON_LEFT) {
          dragging_ = false;
          if (dragMoved_ < 4) clickAt(e.button.x, e.button.y);
        }
        break;
      case SDL_MOUSEMOTION:
        mouseX_ = e.motion.x;
        mouseY_ = e.motion.y;
        if (dragging_) {
          dragMoved_ += std::abs(e.motion.xrel) + std::abs(e.motion.yrel);
          view_.panPixels(e.motion.xrel * pixelRatio_, e.motion.yrel * pixelRatio_);
        }
        break;
      case SDL_MOUSEWHEEL:
        if (!io.WantCaptureMouse && e.wheel.y != 0)
          view_.zoomAbout(mouseX_ * pixelRatio_, mouseY_ * pixelRatio_, std::pow(1.25, e.wheel.y));
        break;
      case SDL_KEYDOWN:
        if (!io.WantCaptureKeyboard) keyDown(e.key.keysym.sym);
        break;
      case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) resize();
        break;
      default: break;
    }
  }

  void keyDown(SDL_Keycode k) {
    const double step = 100 * pixelRatio_;
    const double cx = view_.width() / 2.0, cy = view_.height() / 2.0;
    switch (k) {
      case SDLK_LEFT: view_.panPixels(step, 0); break;
      case SDLK_RIGHT: view_.panPixels(-step, 0); break;
      case SDLK_UP: view_.panPixels(0, step); break;
      case SDLK_DOWN: view_.panPixels(0, -step); break;
      case SDLK_PLUS:
      case SDLK_EQUALS:
      case SDLK_KP_PLUS: view_.zoomAbout(cx, cy, 1.5); break;
      case SDLK_MINUS:
      case SDLK_KP_MINUS: view_.zoomAbout(cx, cy, 1 / 1.5); break;
      case SDLK_f: fitToData(); break;
      case SDLK_m:
        model_.measureMode = !model_.measureMode;
        pendingFrom_.reset();
        pendingFeature_.reset();
        break;
      case SDLK_n:
        model_.measureMode = true;
        model_.measureFeatures = !model_.measureFeatures;
        pendingFrom_.reset();
        pendingFeature_.reset();
        break;
      case SDLK_ESCAPE:
        pendingFrom_.reset();
        pendingFeature_.reset();
        model_.identified.reset();
        break;
      default: break;
    }
  }

  void clickAt(int x, int y) {
    const double px = x * pixelRatio_, py = y * pixelRatio_;
    LonLat ll = session_.projection().inverse(view_.pixelToMap(px, py));
    if (!ll.finite()) return;
    if (model_.measureMode && model_.measureFeatures) {
      measureFeatureAt(px, py);
      return;
    }
    if (model_.measureMode) {
      // Snap to a site when the click lands on one: measurements then name what they measure.
      std::string name;
      if (auto pick = pickAt(px, py); pick && !pick->layer->features[pick->featureIndex].geometry.points.empty()) {
        const Feature& f = pick->layer->features[pick->featureIndex];
        ll = f.geometry.points.front();
        name = toString(pick->layer->value(f, "name"));
      }
      if (!pendingFrom_) {
        pendingFrom_ = ll;
        pendingName_ = name.empty() ? formatShort(ll) : name;
      } else {
        std::string label = pendingName_ + " → " + (name.empty() ? formatShort(ll) : name);
        measurements_.push_back(measure(*pendingFrom_, ll, session_.projection(), label));
        pendingFrom_.reset();
        syncMeasurements();
      }
      return;
    }
    if (auto pick = pickAt(px, py)) {
      const Feature& f = pick->layer->features[pick->featureIndex];
      ui::IdentifiedFeature id;
      id.layer = pick->layer->name;
      id.fid = f.fid;
      for (size_t i = 0; i < pick->layer->fields.size() && i < f.values.size(); ++i) {
        std::string v = toString(f.values[i]);
        if (!v.empty()) id.attributes.push_back({pick->layer->fields[i].name, v});
      }
      model_.identified = std::move(id);
    } else {
      model_.identified.reset();
    }
  }

  // Nearest distance between two whole features (edge to edge, on the ellipsoid).
  void measureFeatureAt(double px, double py) {
    auto pick = pickAt(px, py);
    if (!pick) {
      model_.status = "no feature there: click a site, line or area";
      return;
    }
    if (!pendingFeature_) {
      pendingFeature_ = pick;
      model_.status.clear();
      return;
    }
    const Feature& a = pendingFeature_->layer->features[pendingFeature_->featureIndex];
    const Feature& b = pick->layer->features[pick->featureIndex];
    geo::NearestResult r = geo::nearest(a.geometry, b.geometry);
    auto nameOf = [](const Pick& p, const Feature& f) {
      std::string n = toString(p.layer->value(f, "name"));
      return n.empty() ? p.layer->name + " #" + std::to_string(f.fid) : n;
    };
    if (!r.ok) {
      model_.status = r.error;
    } else {
      std::string label = nameOf(*pendingFeature_, a) + " ↔ " + nameOf(*pick, b) + " (" + geo::relationName(r.relation) + ")";
      measurements_.push_back(measure(r.from, r.to, session_.projection(), label));
      syncMeasurements();
    }
    pendingFeature_.reset();
  }

  std::optional<Pick> pickAt(double px, double py) {
    const auto& layers = session_.drawLayers();
    return pickFeature(layers, session_.projection(), view_, px, py, 5.0 * pixelRatio_,
                       [&](const Layer& l, size_t fi) {
                         // Uncertainty circles are drawn, not picked: a click means the site itself.
                         return !session_.isDerived(l) && passes(session_.filter, l, l.features[fi]);
                       });
  }

  static std::string formatShort(const LonLat& p) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.4f, %.4f", p.lat, p.lon);
    return buf;
  }

  // --- state ---------------------------------------------------------------------
  void resize() {
    int w, h, lw, lh;
    SDL_GL_GetDrawableSize(res_.window, &w, &h);
    SDL_GetWindowSize(res_.window, &lw, &lh);
    pixelRatio_ = lw > 0 ? static_cast<double>(w) / lw : 1.0;
    view_.resize(w, h);
  }

 public:
  void fitToData() {
    int w, h;
    SDL_GL_GetDrawableSize(res_.window, &w, &h);
    Bounds b = session_.projection().forwardBounds(session_.catalog().bounds());
    if (!b.empty()) view_ = MapView::fitting(b, w, h, 0.03);
  }
  void setInitialView(const MapView& v) { view_ = v; }
  void setPixelRatio(double r) { pixelRatio_ = r; }

 private:
  void buildLayerItems() {
    model_.layers.clear();
    std::map<std::string, std::string> groupTitle;
    for (const auto& g : session_.catalog().groups) groupTitle[g.id] = g.title;
    auto title = [&](const std::string& id) { return groupTitle.count(id) ? groupTitle[id] : id; };
    for (const RasterLayer* r : session_.drawRasters())
      model_.layers.push_back({r->name, title(r->group), r->visible, Color{128, 128, 128, 255}, 0, true});
    for (const Layer* l : session_.drawLayers())
      model_.layers.push_back({l->name, title(l->group), l->visible, l->style.filled ? l->style.fill : l->style.stroke,
                               l->features.size(), false});
  }

  void buildFilterItems() {
    std::set<std::string> codes;
    int lo = 9999, hi = 0;
    for (const Layer* l : session_.drawLayers()) {
      for (const auto& f : l->features) {
        for (const auto& field : l->countryFields)
          if (const auto* s = std::get_if<std::string>(&l->value(f, field)); s && s->size() == 3) codes.insert(*s);
        auto [start, end] = featureYears(*l, f);
        if (start) lo = std::min(lo, *start), hi = std::max(hi, *start);
        if (end) hi = std::max(hi, *end);
      }
    }
    for (const auto& c : codes) model_.countries.push_back({c, session_.filter.countries.count(c) > 0});
    if (lo <= hi) {
      model_.yearMin = lo;
      model_.yearMax = std::max(hi, 2026);
    }
    model_.yearFilterOn = session_.filter.asOfYear.has_value();
    model_.year = session_.filter.asOfYear.value_or(std::clamp(2016, model_.yearMin, model_.yearMax));
  }

  void applyFilter() {
    model_.changes.clear();
    if (model_.compareOn) {
      for (const auto& c : changesBetween(session_.drawLayers(), model_.compareYear, model_.year)) {
        if (c.layer->id.find(":uncertainty") != std::string::npos) continue;  // derived circles repeat their sites
        char line[512];
        std::snprintf(line, sizeof line, "%s %d  %s (%s)", c.appeared ? "+" : "-", c.year,
                      toString(c.layer->value(c.layer->features[c.featureIndex], "name")).c_str(), c.layer->name.c_str());
        model_.changes.push_back(line);
      }
    }
    if (session_.filter.active())
      renderer_.setFeatureFilter([&](const Layer& l, const Feature& f) { return passes(session_.filter, l, f); });
    else
      renderer_.setFeatureFilter({});
  }

  // Measurements survive the window: read at start, written whole after every change.
  void restoreMeasurements() {
    if (sessionPath_.empty()) return;
    std::string err;
    auto saved = importMeasurementsGeoJson(sessionPath_, session_.projection(), &err);
    if (!saved) {
      // Never overwrite what we could not read: the analyst's file stays as it is.
      model_.status = err + "; measurements will not be saved this time";
      model_.messages.push_back("pamir: warning: " + err);
      sessionPath_.clear();
      return;
    }
    measurements_ = std::move(*saved);
    syncMeasurements(false);
  }

  void saveMeasurements() {
    if (sessionPath_.empty()) return;
    std::error_code ec;
    std::filesystem::create_directories(std::filesystem::path(sessionPath_).parent_path(), ec);
    std::string err;
    if (!exportMeasurementsGeoJson(measurements_, sessionPath_, &err)) model_.status = "measurements not saved: " + err;
  }

  void syncMeasurements(bool save = true) {
    if (save) saveMeasurements();
    model_.measurements.clear();
    for (const auto& m : measurements_)
      model_.measurements.push_back(
          {m.label, m.geodesic_m, m.rhumb_m, m.planar_m, m.azimuth1_deg, m.azimuth2_deg, kMeasureMethod});
  }

  void applyActions(const ui::OverlayActions& a) {
    if (a.layersChanged) {
      // The panel lists layers in the renderer's default order: rasters, then vectors.
      for (size_t i = 0; i < model_.layers.size(); ++i) renderer_.setLayerVisible(i, model_.layers[i].visible);
    }
    if (a.filterChanged) {
      session_.filter.asOfYear = model_.yearFilterOn ? std::optional<int>(model_.year) : std::nullopt;
      session_.filter.countries.clear();
      for (const auto& c : model_.countries)
        if (c.selected) session_.filter.countries.insert(c.code);
      applyFilter();
    }
    if (a.fitToData) fitToData();
    if (a.measureModeChanged) pendingFrom_.reset(), pendingFeature_.reset();
    if (a.clearMeasurements) measurements_.clear(), syncMeasurements();
    if (a.deleteMeasurement && *a.deleteMeasurement < measurements_.size()) {
      measurements_.erase(measurements_.begin() + static_cast<long>(*a.deleteMeasurement));
      syncMeasurements();
    }
    if (a.exportMeasurements) {
      std::string err;
      model_.status = exportMeasurementsGeoJson(measurements_, *a.exportMeasurements, &err)
                          ? "measurements written to " + *a.exportMeasurements
                          : err;
    }
    if (a.setCrs) {
      // Keep looking at the same place: the view centre survives the switch.
      LonLat centre = session_.projection().inverse(view_.center());
      Bounds visible = view_.extent();
      LonLat c0 = session_.projection().inverse({visible.minx, visible.miny});
      LonLat c1 = session_.projection().inverse({visible.maxx, visible.maxy});
      std::string err;
      if (session_.setCrs(*a.setCrs, &err)) {
        renderer_.setProjection(session_.projection());
        Bounds ll;
        if (c0.finite()) ll.add(c0);
        if (c1.finite()) ll.add(c1);
        if (ll.empty() && centre.finite()) ll.add(centre);
        Bounds b = session_.projection().forwardBounds(ll);
        if (!b.empty()) view_ = MapView::fitting(b, view_.width(), view_.height(), 0.0);
        model_.status.clear();
      } else {
        model_.status = err;
      }
      model_.crsName = session_.projection().name();
      model_.crsDefinition = session_.projection().definition();
    }
    if (a.closeIdentified) model_.identified.reset();
  }

  // --- drawing -------------------------------------------------------------------
  void drawFrame() {
    int w, h;
    SDL_GL_GetDrawableSize(res_.window, &w, &h);
    if (w != view_.width() || h != view_.height()) view_.resize(w, h);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    glViewport(0, 0, w, h);
    render::RenderOptions opts;
    opts.pixelRatio = static_cast<float>(pixelRatio_);
    renderer_.draw(view_, opts);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
    updateCursor();
    drawMeasurementsOnMap();
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ui::OverlayActions actions = ui::drawOverlay(model_, size.x, size.y);
    ImGui::Render();
    glViewport(0, 0, w, h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    applyActions(actions);
  }

  void updateCursor() {
    const double px = mouseX_ * pixelRatio_, py = mouseY_ * pixelRatio_;
    LonLat ll = session_.projection().inverse(view_.pixelToMap(px, py));
    if (ll.finite() && std::abs(ll.lat) <= 90) {
      model_.cursor = ll;
      model_.cursorDms = geo::formatDms(ll);
      model_.cursorMgrs = geo::formatMgrs(ll);
      // Geodesic metres per screen pixel at the cursor, for the scale bar.
      LonLat right = session_.projection().inverse(view_.pixelToMap(px + pixelRatio_ * 10, py));
      model_.metresPerPixel = right.finite() ? geo::distance(ll, right) / 10.0 : 0.0;
    } else {
      model_.cursor.reset();
      LonLat c = session_.projection().inverse(view_.center());
      LonLat r = session_.projection().inverse({view_.center().x + view_.resolutionX() * 10, view_.center().y});
      model_.metresPerPixel = c.finite() && r.finite() ? geo::distance(c, r) / 10.0 : 0.0;
    }
    model_.metresPerPixel *= pixelRatio_;
  }

  ImVec2 toScreen(const LonLat& p) const {
    XY s = view_.mapToPixel(session_.projection().forward(p));
    return ImVec2(static_cast<float>(s.x / pixelRatio_), static_cast<float>(s.y / pixelRatio_));
  }

  void drawMeasurementsOnMap() {
    ImDrawList* dl = ImGui::GetBackgroundDrawList();
    const ImU32 ink = IM_COL32(200, 0, 120, 255), halo = IM_COL32(255, 255, 255, 220);
    auto drawPath = [&](const LonLat& a, const LonLat& b) {
      std::vector<ImVec2> pts;
      for (const auto& p : geodesicPath(a, b, 5000.0)) pts.push_back(toScreen(p));
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), halo, 0, 5.0f);
      dl->AddPolyline(pts.data(), static_cast<int>(pts.size()), ink, 0, 2.5f);
      dl->AddCircleFilled(pts.front(), 4.5f, ink);
      dl->AddCircleFilled(pts.back(), 4.5f, ink);
      return pts[pts.size() / 2];
    };
    for (const auto& m : measurements_) {
      ImVec2 mid = drawPath(m.from, m.to);
      std::string text = ui::formatDistance(m.geodesic_m);
      ImVec2 ts = ImGui::CalcTextSize(text.c_str());
      dl->AddRectFilled(ImVec2(mid.x + 6, mid.y - ts.y - 4), ImVec2(mid.x + ts.x + 14, mid.y + 2), halo, 3.0f);
      dl->AddText(ImVec2(mid.x + 10, mid.y - ts.y - 2), ink, text.c_str());
    }
    if (pendingFrom_ && model_.cursor) {
      drawPath(*pendingFrom_, *model_.cursor);
      std::string live = ui::formatDistance(geo::distance(*pendingFrom_, *model_.cursor));
      dl->AddText(ImVec2(static_cast<float>(mouseX_) + 14, static_cast<float>(mouseY_) + 4), ink, live.c_str());
    }
  }

  MapSession& session_;
  WindowResources& res_;
  std::string sessionPath_;
  render::MapRenderer renderer_;
  MapView view_;
  ui::OverlayModel model_;
  std::vector<Measurement> measurements_;
  std::deque<std::vector<SDL_Event>> queued_;  // scripted input, one batch per frame
  std::optional<LonLat> pendingFrom_;
  std::optional<Pick> pendingFeature_;
  std::string pendingName_;
  bool running_ = true;
  bool dragging_ = false;
  int dragMoved_ = 0;
  int mouseX_ = 0, mouseY_ = 0;
  int lastScriptX_ = 0, lastScriptY_ = 0;
  double pixelRatio_ = 1.0;
};

// DejaVu Sans when installed: ImGui's built-in font has no degree sign,
// primes or arrows, which coordinates and measurements need.
void loadUiFont() {
  static const ImWchar ranges[] = {0x0020, 0x024F, 0x02B0, 0x02FF, 0x0400, 0x04FF, 0x1E00, 0x1EFF,
                                   0x2010, 0x205E, 0x2190, 0x2195, 0};
  const char* path = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
  if (FILE* f = std::fopen(path, "rb")) {
    std::fclose(f);
    ImGui::GetIO().Fonts->AddFontFromFileTTF(path, 15.0f, nullptr, ranges);
  }
}

}  // namespace

int runMapWindow(MapSession& session, const ViewRequest& request, const WindowOptions& options,
                 std::vector<std::string> loadMessages) {
  std::vector<ScriptStep> script;
  if (!options.scriptPath.empty()) {
    std::string err;
    auto s = readInputScript(options.scriptPath, &err);
    if (!s) {
      std::fprintf(stderr, "pamir view: %s\n", err.c_str());
      return 2;
    }
    script = std::move(*s);
  }
  WindowResources res;
  if (SDL_Init(SDL_INIT_VIDEO) != 0) {
    std::fprintf(stderr, "pamir view: cannot open a window: %s\n", SDL_GetError());
    return kNoWindow;
  }
  // When X is unreachable SDL may settle for a driver with no screen (offscreen,
  // KMS/DRM on a console): a window there would run unseen. Unless the user
  // asked for a driver, only a desktop one counts.
  if (const char* driver = SDL_GetCurrentVideoDriver(); !std::getenv("SDL_VIDEODRIVER")) {
    const std::string d = driver ? driver : "";
    if (d != "x11" && d != "wayland" && d != "cocoa" && d != "windows") {
      std::fprintf(stderr, "pamir view: cannot open a window: no desktop display (SDL offers '%s')\n", d.c_str());
      return kNoWindow;
    }
  }
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 3);
  SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
  SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 8);
  Uint32 flags = SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI;
  if (options.hidden) flags |= SDL_WINDOW_HIDDEN;
  std::string title = "Pamir — " + session.catalog().title;
  res.window = SDL_CreateWindow(title.c_str(), SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, options.width,
                                options.height, flags);
  if (!res.window) {
    std::fprintf(stderr, "pamir view: cannot open a window: %s\n", SDL_GetError());
    return kNoWindow;
  }
  res.gl = SDL_GL_CreateContext(res.window);
  if (!res.gl) {
    std::fprintf(stderr, "pamir view: no OpenGL 3.3 core context: %s\n", SDL_GetError());
    return kNoWindow;
  }
  SDL_GL_MakeCurrent(res.window, res.gl);
  SDL_GL_SetSwapInterval(script.empty() ? 1 : 0);
  if (!render::loadGl(reinterpret_cast<void* (*)(const char*)>(SDL_GL_GetProcAddress))) {
    std::fprintf(stderr, "pamir view: this OpenGL is older than 3.3 core\n");
    return 1;
  }
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGui::GetIO().IniFilename = nullptr;  // panel layout is not written next to the user's files
  ImGui::StyleColorsLight();
  loadUiFont();
  ImGui_ImplSDL2_InitForOpenGL(res.window, res.gl);
  ImGui_ImplOpenGL3_Init("#version 330 core");
  res.imgui = true;

  int w, h, lw, lh;
  SDL_GL_GetDrawableSize(res.window, &w, &h);
  SDL_GetWindowSize(res.window, &lw, &lh);
  MapWindow win(session, res, std::move(loadMessages), options.sessionPath);
  if (!win.ok()) {
    std::fprintf(stderr, "pamir view: %s\n", win.error().c_str());
    return 1;
  }
  win.setPixelRatio(lw > 0 ? static_cast<double>(w) / lw : 1.0);
  Bounds start = request.extent ? *request.extent : session.projection().forwardBounds(request.bbox.value_or(session.initialLonLat()));
  win.setInitialView(request.extent ? MapView::fromExtent(start, w, h) : MapView::fitting(start, w, h, 0.02));
  return win.run(script.empty() ? nullptr : &script);
}

}  // namespace pamir::app
