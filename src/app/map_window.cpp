#include "app/map_window.hpp"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <glad/gl.h>
#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <ostream>
#include <set>
#include <utility>

#include "app/commands.hpp"
#include "app/file_chooser.hpp"
#include "app/frame_pacer.hpp"
#include "app/gl_window.hpp"
#include "app/input_script.hpp"
#include "app/layer_list.hpp"
#include "app/legend.hpp"
#include "app/map_furniture.hpp"
#include "app/map_inspection.hpp"
#include "app/measurements.hpp"
#include "app/overview_jobs.hpp"
#include "app/picking.hpp"
#include "app/script_player.hpp"
#include "app/session_layers.hpp"
#include "app/shortcuts.hpp"
#include "app/source_loading.hpp"
#include "app/time_bar.hpp"
#include "app/view_setup.hpp"
#include "app/window_export.hpp"
#include "app/window_input.hpp"
#include "app/window_measure.hpp"
#include "app/window_search.hpp"
#include "app/window_session.hpp"
#include "core/view_flight.hpp"
#include "data/symbol_library.hpp"
#include "geo/coordinates.hpp"
#include "geo/geodesic.hpp"
#include "geo/nearest.hpp"
#include "geo/seam_cut.hpp"
#include "geo/units.hpp"
#include "geo/view_crs_choice.hpp"
#include "render/font_locator.hpp"
#include "render/gl_loader.hpp"
#include "render/image.hpp"
#include "render/map_renderer.hpp"
#include "render/simplify.hpp"
#include "ui/file_dialog.hpp"
#include "ui/overlay.hpp"
#include "ui/ui_hit_test.hpp"

namespace pamir::app {

namespace {

class MapWindow {
 public:
  MapWindow(MapSession& session, WindowResources& res, std::vector<std::string> messages, SessionKeeper& keeper,
            std::ostream& out, std::ostream& err)
      : session_(session),
        res_(res),
        keeper_(keeper),
        out_(out),
        err_(err),
        router_({[](float x, float y) { return ui::uiWindowAt(x, y); }, [] { return ui::uiPopupOpen(); },
                 [] { return ui::uiKeyboardTaken(); }}),
        inspection_(session),
        measure_(session, inspection_, [this](std::string* problem) { return saveSession(problem); }),
        search_(session),
        time_(session, model_) {
    model_.title = session.catalog().title;
    model_.messages = std::move(messages);
    model_.crsName = session.projection().name();
    model_.crsDefinition = session.projection().definition();
    model_.help.keyboard = keyboardHelp();
    model_.help.mouse = mouseHelp();
    // Projection and levels of detail are built on a worker: the window draws
    // its first frame at once, and a layer appears when its coarsest level is ready.
    renderer_.setPreparation(render::Preparation::Background);
    renderer_.setRasterStreaming(true);  // imagery tiles are read behind the frames, never in them
    renderer_.setProjection(session.projection());
    renderer_.setLayers(session.drawLayers(), session.drawRasters());
    {
      Diagnostics diag;
      renderer_.setSymbols(data::builtinSymbols(diag));
      for (const auto& d : diag.all()) report(d.line());
    }
    buildLayerItems();
    buildFilterItems();
    applyFilter();
  }

  bool ok() const { return renderer_.ok(); }
  const std::string& error() const { return renderer_.error(); }
  MapView& view() { return view_; }

  int run(ScriptPlayer* script, const std::string& frameLogPath) {
    scripted_ = script != nullptr;
    std::optional<std::string> screenshotAfterFrame;
    bool firstFrame = true;
    const auto start = std::chrono::steady_clock::now();
    std::ofstream frameLog;
    if (!frameLogPath.empty()) {
      frameLog.open(frameLogPath, std::ios::trunc);
      if (!frameLog) err_ << "pamir view: warning: cannot write the frame log " << frameLogPath << "\n";
      frameLog << "# ms_since_start frame_ms segments points provisional layers_preparing\n";
    }
    while (running_) {
      auto t0 = std::chrono::steady_clock::now();
      if (script) {
        ScriptPlayer::Frame f = script->beforeFrame([this](const std::string& key) { return state(key); }, err_);
        if (f.exitStatus) return *f.exitStatus;
        if (f.quit) running_ = false;
        if (f.screenshot) screenshotAfterFrame = f.screenshot;
        mapShot_ = f.mapScreenshot;
        if (f.holdTileReads) renderer_.holdRasterReads(*f.holdTileReads);
      }
      SDL_Event e;
      // Nothing changed, nothing moving, nothing coming from the worker:
      // sleep until the analyst does something, and draw nothing when the
      // wait ends without an event (an idle window costs no CPU).
      if (!script && !pacer_.frameWanted(activity(), std::chrono::steady_clock::now())) {
        if (SDL_WaitEventTimeout(&e, pacer_.sleepMs(activity()))) {
          pacer_.eventArrived();
          handleEvent(e);
        }
      }
      while (SDL_PollEvent(&e)) {
        pacer_.eventArrived();
        handleEvent(e);
      }
      takeLoaded();
      takeOverviews();
      if (auto path = files_.poll()) {
        fileChosen(*path);
        pacer_.changed();
      }
      if (!script && !pacer_.frameWanted(activity(), std::chrono::steady_clock::now())) continue;
      watchSources();
      autosave();
      advanceFlight();
      drawFrame();
      if (screenshotAfterFrame && !shoot(*std::exchange(screenshotAfterFrame, std::nullopt))) return 1;
      SDL_GL_SwapWindow(res_.window);
      pacer_.frameDrawn(std::chrono::steady_clock::now());
      if (firstFrame) {
        // What scripts and tests wait for instead of guessing how long start-up takes.
        err_ << "pamir view: ready (first frame drawn)" << std::endl;
        firstFrame = false;
      }
      const auto t1 = std::chrono::steady_clock::now();
      model_.frameMs = std::chrono::duration<double, std::milli>(t1 - t0).count();
      if (frameLog.is_open()) {
        const render::FrameStats& f = renderer_.lastFrame();
        frameLog << std::chrono::duration<double, std::milli>(t1 - start).count() << ' ' << model_.frameMs << ' '
                 << f.segmentsDrawn << ' ' << f.pointsDrawn << ' ' << (f.provisional() ? 1 : 0) << ' '
                 << renderer_.layersPreparing() << std::endl;  // whole lines, for readers that follow it
      }
    }
    std::string problem;
    if (!saveSession(&problem)) err_ << "pamir view: error: " << problem << "\n";
    if (!problem.empty() && measure_.unsaved()) {
      // What is on screen is not in the file: the analyst must not learn that next time.
      err_ << "pamir view: error: closed with " << measure_.count() << " measurement(s) not saved to " << keeper_.path()
           << "\n";
      return kExitData;
    }
    return mapShotFailed_ ? 1 : 0;
  }

 private:
  // --- input --------------------------------------------------------------------
  void handleEvent(const SDL_Event& e) {
    ImGui_ImplSDL2_ProcessEvent(&e);
    if ((e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEBUTTONUP) && e.button.button == SDL_BUTTON_LEFT)
      leftHeld_ = e.type == SDL_MOUSEBUTTONDOWN;
    if (e.type == SDL_QUIT) running_ = false;
    if (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE) running_ = false;
    // Who owns this event is decided from the event itself (window_input.hpp).
    const InputOwner owner = router_.route(e);
    if (owner == InputOwner::Map &&
        (e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_MOUSEWHEEL || e.type == SDL_KEYDOWN))
      flight_.reset();
    mouseX_ = router_.mouseX();
    mouseY_ = router_.mouseY();
    switch (e.type) {
      case SDL_MOUSEBUTTONDOWN:
        if (owner == InputOwner::Map && e.button.button == SDL_BUTTON_LEFT) {
          dragging_ = true;
          dragMoved_ = 0;
        }
        break;
      case SDL_MOUSEBUTTONUP:
        if (dragging_ && e.button.button == SDL_BUTTON_LEFT) {
          dragging_ = false;
          if (dragMoved_ < 4 && e.button.clicks >= 2 && measure_.active())
            apply(measure_.doubleClick());
          else if (dragMoved_ < 4)
            clickAt(e.button.x, e.button.y);
        } else if (owner == InputOwner::Map && e.button.button == SDL_BUTTON_RIGHT) {
          inspection_.openMenuAt(view_, e.button.x * pixelRatio_, e.button.y * pixelRatio_, 5.0 * pixelRatio_);
        }
        break;
      case SDL_MOUSEMOTION:
        if (dragging_) {
          dragMoved_ += std::abs(e.motion.xrel) + std::abs(e.motion.yrel);
          view_.panPixels(e.motion.xrel * pixelRatio_, e.motion.yrel * pixelRatio_);
        } else if (owner == InputOwner::Map && !files_.model().open) {
          inspection_.hoverAt(view_, e.motion.x * pixelRatio_, e.motion.y * pixelRatio_, 5.0 * pixelRatio_);
        } else {
          inspection_.clearHover();
        }
        break;
      case SDL_MOUSEWHEEL:
        if (owner == InputOwner::Map && e.wheel.y != 0)
          view_.zoomAbout(mouseX_ * pixelRatio_, mouseY_ * pixelRatio_, std::pow(1.25, e.wheel.y));
        break;
      case SDL_KEYDOWN:
        if (owner == InputOwner::Map)
          if (auto c = commandFor(e.key.keysym.sym, e.key.keysym.mod)) perform(*c);
        break;
      case SDL_DROPFILE:
        // Files and folders dropped on the window, added together once the drop is complete.
        if (e.drop.file) dropped_.emplace_back(e.drop.file);
        SDL_free(e.drop.file);
        break;
      case SDL_DROPCOMPLETE:
        addSources(std::exchange(dropped_, {}));
        break;
      case SDL_WINDOWEVENT:
        if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) resize();
        if (e.window.event == SDL_WINDOWEVENT_LEAVE) inspection_.clearHover();
        break;
      default:
        break;
    }
  }

  void perform(Command c) {
    const double step = 100 * pixelRatio_;
    const double cx = view_.width() / 2.0, cy = view_.height() / 2.0;
    switch (c) {
      case Command::PanLeft:
        view_.panPixels(step, 0);
        break;
      case Command::PanRight:
        view_.panPixels(-step, 0);
        break;
      case Command::PanUp:
        view_.panPixels(0, step);
        break;
      case Command::PanDown:
        view_.panPixels(0, -step);
        break;
      case Command::ZoomIn:
        view_.zoomAbout(cx, cy, 1.5);
        break;
      case Command::ZoomOut:
        view_.zoomAbout(cx, cy, 1 / 1.5);
        break;
      case Command::Fit:
        fitToData();
        break;
      case Command::Cancel:
        apply(measure_.command(c));
        inspection_.clearSelection();
        inspection_.closeAll();
        model_.help.open = false;
        break;
      default:
        apply(measure_.command(c));
        break;
      case Command::Help:
        model_.help.open = !model_.help.open;
        break;
      case Command::Search:
        search_.open();
        break;
      case Command::AddLayer:
        openAddLayerDialog();
        break;
      case Command::ExportView:
        openExportDialog();
        break;
      case Command::Graticule:
        model_.showGraticule = !model_.showGraticule;
        break;
      case Command::PlayYears:
      case Command::YearBack:
      case Command::YearOn: {
        using K = TimeBar::Key;
        const K k = c == Command::PlayYears ? K::PlayPause : c == Command::YearBack ? K::YearBack : K::YearOn;
        takeTime(time_.key(k, std::chrono::steady_clock::now()));
        break;
      }
    }
  }

  void clickAt(int x, int y) {
    const double px = x * pixelRatio_, py = y * pixelRatio_;
    LonLat ll = session_.projection().inverse(view_.pixelToMap(px, py));
    if (!ll.finite()) return;
    if (measure_.active()) {
      // Shift places the point where it is, snapping to nothing.
      apply(measure_.click(view_, px, py, 5.0 * pixelRatio_, !(SDL_GetModState() & KMOD_SHIFT)));
      return;
    }
    inspection_.selectAt(view_, px, py, 5.0 * pixelRatio_);
  }

  // What the measuring answered: where to look, what to say, what went wrong.
  void apply(const WindowMeasure::Outcome& o) {
    if (!o.handled) return;
    if (o.zoomTo) flyTo(*o.zoomTo, 0.15);
    if (!o.status.empty()) model_.status = o.status;
    for (const auto& line : o.problems) report(line);
    pacer_.changed();
  }

  std::optional<Pick> pickAt(double px, double py) { return inspection_.pickAt(view_, px, py, 5.0 * pixelRatio_); }

  // What scripted tests ask about (input_script.hpp).
  std::string state(const std::string& key) {
    if (auto v = measure_.state(key)) return *v;
    if (key == "view") {
      const Bounds e = view_.extent();
      char buf[160];
      std::snprintf(buf, sizeof buf, "%.3f %.3f %.3f %.3f", e.minx, e.miny, e.maxx, e.maxy);
      return buf;
    }
    if (key == "tooltip") return model_.hover.show && !model_.menu.open ? "1" : "0";
    if (key == "help") return model_.help.open ? "1" : "0";
    if (key == "search") return search_.isOpen() ? "1" : "0";
    if (key == "flying") return flight_ ? "1" : "0";
    if (key == "grid-lines") return std::to_string(furniture_.lineCount());
    if (key == "legend") {
      // "meaning (count)" per entry, "; " between, top layer first.
      std::string out;
      for (const auto& e : model_.legend.entries)
        out += (out.empty() ? "" : "; ") + (e.meaning.empty() ? e.group : e.meaning) + " (" + std::to_string(e.count) +
               ")";
      return out;
    }
    if (key == "loading") return loading_.busy() ? "1" : "0";
    if (key == "building-overviews") return overviews_.busy() ? "1" : "0";
    if (key == "raster-tiles") return std::to_string(renderer_.lastFrame().rasterTilesDrawn);
    if (key == "raster-tiles-missing") return std::to_string(renderer_.lastFrame().rasterTilesMissing);
    // Every source read, every layer prepared and the full detail painted:
    // what a screenshot of the whole map waits for.
    if (key == "settled")
      return !loading_.busy() && renderer_.layersPreparing() == 0 && renderer_.pendingWork() == 0 &&
                     renderer_.lastFrame().refiningOf == 0 && !inspection_.indexBuilding()
                 ? "yes"
                 : "no";
    if (key == "file-dialog") return files_.model().open ? "1" : "0";
    if (key == "export-dialog") return exportDialog_.open ? "1" : "0";
    if (key == "file-dialog-path") return files_.model().path;
    auto joined = [](const auto& items, auto name) {
      std::string names;
      for (const auto& x : items) names += (names.empty() || name(x).empty() ? "" : "; ") + name(x);
      return names;
    };
    if (key == "recent-sources") return joined(files_.model().recent, [](const std::string& r) { return r; });
    if (key == "layer-names") return joined(model_.layers, [](const ui::LayerItem& l) { return l.title; });
    if (key == "marker") return marker_ ? formatShort(*marker_) : "";
    if (key == "changed-on-disk")
      return joined(model_.layers, [](const ui::LayerItem& l) { return l.changedOnDisk ? l.title : std::string(); });
    if (key.starts_with("filter-fields:")) return filterFieldsText(key.substr(14));
    if (key.starts_with("shown:")) {
      // How many of the layer's features the filters let through.
      for (size_t i = 0; i < model_.layers.size(); ++i) {
        const LayerRef ref = layers_.at(i);
        if (!ref.layer || model_.layers[i].derived || model_.layers[i].title != key.substr(6)) continue;
        size_t n = 0;
        for (const Feature& f : ref.layer->features) n += passes(session_.filter, *ref.layer, f) ? 1 : 0;
        return std::to_string(n);
      }
      return "";
    }
    if (key == "context-menu") return model_.menu.open ? "1" : "0";
    if (key == "clipboard") {
      char* text = SDL_GetClipboardText();
      std::string out = text ? text : "";
      SDL_free(text);
      return out;
    }
    if (auto s = time_.state(key)) return *s;
    return inspection_.state(key);
  }

  Activity activity() {
    Activity a;
    a.moving = viewMoving();
    a.working = renderer_.pendingWork() > 0 || loading_.busy() || overviews_.busy() || inspection_.indexBuilding();
    // The full detail is still to draw.
    const render::FrameStats& last = renderer_.lastFrame();
    a.coarse = last.budgetedLevels + last.thinnedPointLayers + last.refiningOf > 0;
    a.animationMs = time_.msUntilNextStep(std::chrono::steady_clock::now()).value_or(-1);
    a.textCaret = ImGui::GetIO().WantTextInput;
    return a;
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
    Bounds b = session_.dataExtent();
    flight_.reset();
    if (!b.empty()) view_ = time_.fitAbove(b, w, h, 0.03, pixelRatio_);
  }
  void setInitialView(const MapView& v) { view_ = v; }
  /// What a kept or opened session holds: the measurements always; with
  /// `whole` (the map was opened from it), the panels and the selection too.
  void restore(const SessionState& s, bool whole) {
    measure_.restore(s.measurements);
    if (!whole) return;
    restorePanels(s.panels, model_);
    if (s.panels.search) search_.open();
    if (auto pick = findSelected(session_, s.selected)) inspection_.select(*pick, std::nullopt);
  }
  void setPixelRatio(double r) { pixelRatio_ = r; }

 private:
  // The Layers panel's rows, and the renderer's visibility to match them
  // (a row that was there before keeps what the analyst chose).
  void buildLayerItems() {
    layers_.rebuild(session_, model_.layers);
    for (size_t i = 0; i < model_.layers.size(); ++i) renderer_.setLayerVisible(i, model_.layers[i].visible);
  }

  void buildFilterItems() {
    const std::set<std::string> codes = countryCodesIn(session_.drawLayers());
    for (const auto& c : codes) model_.countries.push_back({c, session_.filter.countries.count(c) > 0});
    time_.layersChanged(layerShown());
  }

  // Whether each of session_.drawLayers() is switched on (the panel lists the rasters first).
  std::vector<bool> layerShown() const {
    std::vector<bool> shown;
    const size_t rasters = session_.drawRasters().size();
    for (size_t i = 0; i < session_.drawLayers().size(); ++i)
      shown.push_back(rasters + i >= model_.layers.size() || model_.layers[rasters + i].visible);
    return shown;
  }

  // The Time bar's answer: the map filtered again, a message, a change to show.
  void takeTime(const TimeBar::Outcome& o) {
    if (o.filterChanged) filterMap();
    for (const auto& line : o.messages) report(line);
    if (o.select)
      if (auto frame = inspection_.selectAndFrame(*o.select)) flyTo(*frame, 0.15);  // as a search result does
    if (o.filterChanged || o.redraw || o.select || !o.messages.empty()) pacer_.changed();
  }

  void applyFilter() {
    time_.recount(layerShown());
    filterMap();
  }

  void filterMap() {
    if (session_.filter.active())
      renderer_.setFeatureFilter([&](const Layer& l, const Feature& f) { return passes(session_.filter, l, f); });
    else
      renderer_.setFeatureFilter({});
    model_.legend.entries = legendEntries(session_, model_.layers, model_.militarySymbols);
  }

  // The session survives the window: written whole after every measurement, at the end, and every few seconds
  // when something changed, between moves (a write is flushed to disk: no frame the hand waits for waits on it).
  SessionState captured() const {
    return captureSession(
        {session_, view_, pixelRatio_, model_, measure_.tools().list(), inspection_.selection(), search_.isOpen()});
  }
  bool saveSession(std::string* problem) { return keeper_.save(captured(), problem, measure_.edition()); }
  void autosave() {
    const auto now = std::chrono::steady_clock::now();
    if (now - lastAutosave_ < std::chrono::seconds(5) || viewMoving() || renderer_.pendingWork() > 0) return;
    lastAutosave_ = now;
    std::string problem;
    if (!saveSession(&problem) && problem != std::exchange(autosaveProblem_, problem))
      report("pamir view: error: " + problem);
  }

  // A session chosen in the window's file dialog, in place of what is open.
  void openSessionFrom(const std::string& path) {
    const SessionRead r = readSessionFile(path);
    if (!r.ok() || r.status == SessionRead::Status::Missing)
      return report("pamir view: " + (r.problem.empty() ? path + ": no session there" : r.problem));
    Diagnostics diag;
    changeLayers([&] { session_ = openSavedSession(r.state, diag); });
    for (const auto& d : diag.all()) report(d.line());
    renderer_.setProjection(session_.projection());
    model_.crsName = session_.projection().name();
    model_.crsDefinition = session_.projection().definition();
    if (r.state.view) view_ = MapView::fitting(savedView(*r.state.view).extent(), view_.width(), view_.height(), 0.0);
    time_.takeFilter(layerShown());
    filterMap();
    restore(r.state, true);
    model_.status = "opened the session " + path;
  }

  // Problems with the analyst's measurements go to stderr as well as to the
  // window: a script, a log or a closed window must not miss them.
  void report(const std::string& line) {
    model_.status = line;
    if (!model_.messages.empty() && model_.messages.back() == line) return;
    model_.messages.push_back(line);
    err_ << line << std::endl;
  }

  void applyActions(const ui::OverlayActions& a) {
    if (a.layersChanged) {
      // The panel lists layers in the renderer's default order: rasters, then vectors.
      for (size_t i = 0; i < model_.layers.size(); ++i) renderer_.setLayerVisible(i, model_.layers[i].visible);
      model_.legend.entries = legendEntries(session_, model_.layers, model_.militarySymbols);
      if (!a.filterChanged) time_.recount(layerShown());  // the histogram's share
    }
    takeTime(time_.apply(a.time, a.changes, std::chrono::steady_clock::now()));
    if (a.filterChanged) {
      session_.filter.countries.clear();
      for (const auto& c : model_.countries)
        if (c.selected) session_.filter.countries.insert(c.code);
      applyFilter();
    }
    if (a.fitToData) fitToData();
    if (a.addSource) addSources({*a.addSource});
    if (a.openAddDialog) openAddLayerDialog();
    if (a.removeLayer) removeLayerAt(*a.removeLayer);
    if (a.reloadLayer) reloadLayerAt(*a.reloadLayer);
    if (a.buildOverviews && model_.layers[*a.buildOverviews].raster) {
      const std::string& source = model_.layers[*a.buildOverviews].source;
      if (overviews_.start(source)) report("building overviews of " + source + "…");
    }
    if (a.cancelOverviews) overviews_.cancel(model_.layers[*a.cancelOverviews].source);
    if (a.setFilterFields) setFilterFieldsAt(*a.setFilterFields);
    if (a.zoomToLayer) zoomToLayerAt(*a.zoomToLayer);
    if (a.exportView) openExportDialog();
    if (a.saveSession || a.openSession) {
      filePurpose_ = a.saveSession ? FilePurpose::SaveSession : FilePurpose::OpenSession;
      files_.open(a.saveSession, a.saveSession ? "Save session" : "Open session", a.saveSession ? "Save" : "Open", {});
      inspection_.clearHover();
    }
    if (a.measure.chooseExport) {
      filePurpose_ = *a.measure.chooseExport ? FilePurpose::ExportChosenMeasurements : FilePurpose::ExportMeasurements;
      files_.open(true, "Export measurements: .geojson, .csv or .kml", "Save", {}, model_.measure.exportPath);
      inspection_.clearHover();
    }
    apply(measure_.apply(a.measure, model_.measure));
    apply(measure_.apply(a.popups));
    if (a.setCrs) {
      std::string err;
      if (auto v = switchCrs(session_, view_, *a.setCrs, &err)) {
        flight_.reset();  // it flew in the old CRS's units
        view_ = *v;
        crsSwitched();
        model_.status.clear();
      } else {
        model_.status = err;
      }
    }
    const MapInspection::Outcome o = inspection_.apply(a, model_);
    if (o.clipboard) SDL_SetClipboardText(o.clipboard->c_str());
    if (o.zoomTo) flyTo(*o.zoomTo, 0.15);
    if (!o.status.empty()) model_.status = o.status;
    // What an action changed shows in the next frame.
    if (a.layersChanged || a.filterChanged || a.fitToData || a.setCrs || o.clipboard || o.zoomTo || !o.status.empty() ||
        a.inspector.close || a.popups.whatIsHere || a.popups.selectHere || a.popups.selectFeature || a.removeLayer ||
        a.reloadLayer || a.setFilterFields || a.zoomToLayer || a.openAddDialog || a.buildOverviews || a.cancelOverviews)
      pacer_.changed();
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
    opts.militarySymbols = model_.militarySymbols;
    // While the view moves, each layer draws within a budget (a coarser level
    // of detail on big data), so that a drag or a wheel notch answers at once;
    // once it is still, the full detail.
    if (viewMoving()) {
      opts.keepLabelPlaces = true;  // labels stay put while the map moves; a still view is labelled afresh
      opts.segmentBudget = kMovingSegmentBudget;
      opts.pointBudget = kMovingPointBudget;
    } else {
      opts.frameBudget = kStillFrameBudget;  // the full detail, painted over as many frames as it takes
    }
    takeTime(time_.tick(std::chrono::steady_clock::now()));       // the player's year, in this frame
    if (inspection_.indexBuilding()) inspection_.advanceIndex();  // a slice a frame
    renderer_.draw(view_, opts);
    for (const std::string& line : renderer_.takeRasterErrors()) report(line);
    if (auto path = std::exchange(mapShot_, std::nullopt); path && !shoot(*path)) {
      running_ = false;
      mapShotFailed_ = true;
    }
    const render::FrameStats& stats = renderer_.lastFrame();
    if (const size_t preparing = renderer_.layersPreparing(); preparing > 0)
      model_.progress =
          "preparing " + std::to_string(preparing) + " of " + std::to_string(session_.drawLayers().size()) + " layers…";
    else if (stats.substitutedLevels > 0)
      model_.progress = "refining " + std::to_string(stats.substitutedLevels) + " layer(s)…";
    else if (stats.rasterTilesMissing > 0)
      model_.progress = "reading " + std::to_string(stats.rasterTilesMissing) + " imagery tile(s)…";
    else
      model_.progress.clear();
    if (loading_.busy())
      model_.progress = loading_.progress() + (model_.progress.empty() ? "" : "  " + model_.progress);

    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    // A scripted press is an event only: SDL's button state, which the ImGui
    // backend reads, never sees it, and a drag on a panel's widget would be a click.
    if (scripted_ && leftHeld_) ImGui::GetIO().MouseDown[0] = true;
    ImGui::NewFrame();
    updateCursor();
    inspection_.drawHighlights(ImGui::GetBackgroundDrawList(), view_, pixelRatio_);
    time_.drawOnMap(ImGui::GetBackgroundDrawList(), view_, pixelRatio_);
    drawMarker();
    const ImVec2 screen = ImGui::GetIO().DisplaySize;
    furniture_.draw(ImGui::GetBackgroundDrawList(), session_.projection(), view_, pixelRatio_,
                    {model_.showGraticule, model_.showMgrs}, screen.y - 62);
    drawNorthArrow(ImGui::GetBackgroundDrawList(), northAngleDegrees(session_.projection(), view_),
                   ImVec2(screen.x - 44, screen.y - 130));
    measure_.draw(ImGui::GetBackgroundDrawList(), view_, pixelRatio_,
                  ImVec2(static_cast<float>(mouseX_), static_cast<float>(mouseY_)), model_.cursor);
    inspection_.fill(model_);
    measure_.fill(model_.measure);
    const ImVec2 size = ImGui::GetIO().DisplaySize;
    ui::OverlayActions actions = ui::drawOverlay(model_, size.x, size.y);
    // Each key typed is an event, and so a frame: the results follow it without redrawing while idle.
    if (auto target = search_.draw(size.x)) goTo(*target);
    const ui::FileDialogActions fileActions = ui::drawFileDialog(files_.model());
    exportDialog_.windowWidth = view_.width();
    exportDialog_.windowHeight = view_.height();
    const ui::ExportDialogActions exportActions = ui::drawExportDialog(exportDialog_);
    ImGui::Render();
    glViewport(0, 0, w, h);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
    applyActions(actions);
    if (auto path = files_.apply(fileActions)) fileChosen(*path);
    if (exportActions.exportNow) exportView();
    if (exportActions.browse) {
      filePurpose_ = FilePurpose::ExportView;
      files_.open(true, "Export view: .png, or .pdf for a report", "Choose", {}, exportDialog_.path);
    }
    if (exportActions.exportNow || exportActions.browse || exportActions.cancelled) pacer_.changed();
    if (fileActions.edited || fileActions.browse || fileActions.native || fileActions.chosen || fileActions.cancelled)
      pacer_.changed();
  }

  // The window's pixels as they are now to `path`, its name on stdout; false with the reason on stderr.
  bool shoot(const std::string& path) {
    int w, h;
    SDL_GL_GetDrawableSize(res_.window, &w, &h);
    std::string why;
    if (!render::writePng(readWindowPixels(w, h), path, &why)) {
      err_ << "pamir view: screenshot: " << why << "\n";
      return false;
    }
    out_ << path << std::endl;
    return true;
  }

  // The file dialog's answer, for what it was opened for.
  void fileChosen(const std::string& path) {
    if (filePurpose_ == FilePurpose::AddLayer) addSources({path});
    std::string why;
    if (filePurpose_ == FilePurpose::SaveSession)
      writeSessionFile(captured(), path, &why) ? void(model_.status = "session saved to " + path)
                                               : report("pamir view: error: session not saved: " + why);
    if (filePurpose_ == FilePurpose::OpenSession) openSessionFrom(path);
    if (filePurpose_ == FilePurpose::ExportView) {
      exportDialog_.path = path;
      exportDialog_.open = true;
    }
    if (filePurpose_ == FilePurpose::ExportMeasurements || filePurpose_ == FilePurpose::ExportChosenMeasurements) {
      model_.measure.exportPath = path;
      apply(measure_.exportTo(
          path, filePurpose_ == FilePurpose::ExportChosenMeasurements ? &model_.measure.chosen : nullptr));
    }
  }

  void openExportDialog() {
    exportDialog_.open = true;
    exportDialog_.problem.clear();
    inspection_.clearHover();
    pacer_.changed();
  }

  // Export view: the map as it is now, with the dialog's decorations, between frames.
  void exportView() {
    std::string message;
    const WindowMap shown{
        renderer_, session_, model_.layers, view_, pixelRatio_, measure_.tools().list(), model_.militarySymbols};
    if (exportWindowMap(shown, exportDialog_, &message)) {
      exportDialog_.open = false;
      exportDialog_.problem.clear();
      model_.status = message;
      out_ << "pamir view: " << message << std::endl;
    } else {
      exportDialog_.problem = message;
      exportDialog_.focusPath = true;
      report("pamir view: error: export: " + message);
    }
  }

  void openAddLayerDialog() {
    filePurpose_ = FilePurpose::AddLayer;
    files_.open(false, "Add layer: a file, a folder or any GDAL source", "Add", lastFolder_);
    inspection_.clearHover();
    pacer_.changed();
  }

  // Layers move in memory when the session changes: the worker stops
  // first, and picks, the pick index and the search are rebuilt after.
  template <class Change>
  void changeLayers(Change change) {
    renderer_.stopPendingWork();
    inspection_.forgetLayers();
    measure_.layersChanged();
    search_.invalidate();
    change();
    renderer_.setLayers(session_.drawLayers(), session_.drawRasters());
    buildLayerItems();
    model_.countries.clear();
    buildFilterItems();
    applyFilter();
    pacer_.changed();
  }

  // More sources on top, read on a worker (source_loading.hpp): the window
  // keeps drawing, with the features read so far in the status bar.
  void addSources(const std::vector<std::string>& sources) {
    if (sources.empty()) return;
    loading_.start(sources, session_.ownLayerCount() + coloursAhead_);
    coloursAhead_ += sources.size();
    err_ << "pamir view: loading " << describeSources(sources) << std::endl;
    pacer_.changed();
  }

 public:
  /// The sources named on the command line, read once the window is open.
  /// `fit`: the view goes to them when they are in (no --bbox or --extent given).
  void loadAtStart(const std::vector<std::string>& sources, bool fit) {
    if (sources.empty()) return;
    fitNextLoad_ = fit;
    addSources(sources);
  }

 private:
  static std::string describeSources(const std::vector<std::string>& sources) {
    return sources.size() == 1 ? sources.front() : std::to_string(sources.size()) + " sources";
  }

  // Loads that finished: their layers join the session in the order asked.
  void takeLoaded() {
    for (LoadedSources& done : loading_.takeFinished()) adoptLoaded(done);
    if (!loading_.busy()) coloursAhead_ = 0;
  }

  void adoptLoaded(LoadedSources& done) {
    MapSession::Added added;
    changeLayers([&] { added = session_.addCatalog(std::move(done.catalog)); });
    for (const auto& d : done.diag.all()) report(d.line());
    const std::string what = describeSources(done.sources);
    const bool fit = std::exchange(fitNextLoad_, true);
    if (added.layers == 0) {
      report("pamir view: nothing could be added from " + what);
      return;
    }
    if (fit) adoptCrsFor(added.lonlat);
    const Bounds b = session_.projection().forwardBounds(added.lonlat);
    if (fit) {
      flight_.reset();
      if (!b.empty() && b.width() > 0 && b.height() > 0)
        view_ = time_.fitAbove(b, view_.width(), view_.height(), 0.15, pixelRatio_);
      else if (!b.empty())
        view_.setCenter({(b.minx + b.maxx) / 2, (b.miny + b.maxy) / 2});
    }
    model_.status = "added " + std::to_string(added.layers) + " layer(s) from " + what;
    err_ << "pamir view: " << model_.status << std::endl;
    for (const auto& source : done.sources) {
      std::string problem;
      files_.remember(source, &problem);
      if (!problem.empty()) report("pamir view: warning: recent sources: " + problem);
    }
    std::error_code ec;
    if (std::filesystem::exists(done.sources.back(), ec))
      lastFolder_ = std::filesystem::path(done.sources.back()).parent_path().string();
    checkRequestedCountries();
  }

  // The first sources read, far from Central Asia (world data, another
  // region), with the default CRS still in place: a CRS chosen for them, as
  // render does (a CRS the analyst chose stays).
  void adoptCrsFor(const Bounds& lonlat) {
    if (session_.projection().definition() != geo::kDefaultViewCrs || crsAdopted_) return;
    crsAdopted_ = true;
    const auto choice = geo::chooseViewCrs(lonlat);
    std::string err;
    if (!choice || !session_.setCrs(choice->definition, &err)) return;
    crsSwitched();
    report("pamir view: " + choice->why);
  }

  // The session's CRS changed: the map, the measurements and the status bar follow.
  void crsSwitched() {
    renderer_.setProjection(session_.projection());
    measure_.crsChanged();
    model_.crsName = session_.projection().name();
    model_.crsDefinition = session_.projection().definition();
  }

  // Countries asked for on the command line that no loaded layer has: said
  // once the sources are in (the map would otherwise just stay empty).
  void checkRequestedCountries() {
    if (session_.filter.countries.empty()) return;
    const std::set<std::string> present = countryCodesIn(session_.drawLayers());
    for (const auto& c : session_.filter.countries) {
      if (present.count(c) || !saidMissingCountry_.insert(c).second) continue;
      std::string list;
      for (const auto& p : present) list += (list.empty() ? "" : ",") + p;
      report("pamir view: --country " + c + ": no feature of the loaded layers has it" +
             (list.empty() ? std::string() : "; they have " + list));
    }
  }

  // What the Layers panel's menus asked for, on the layer of row `row`.
  void removeLayerAt(size_t row) {
    const LayerRef ref = layers_.at(row);
    if (!ref.layer && !ref.raster) return;
    const std::string title = model_.layers[row].title;
    bool removed = false;
    changeLayers([&] { removed = ref.layer ? session_.removeLayer(ref.layer) : session_.removeRaster(ref.raster); });
    if (removed) {
      model_.status = "removed " + title;
      err_ << "pamir view: " << model_.status << std::endl;
    }
  }

  // A finished build: the raster is read again and finds its overviews in the cache.
  void takeOverviews() {
    for (auto& item : model_.layers)
      item.overviewProgress = item.raster ? overviews_.progress(item.source) : std::nullopt;
    for (const OverviewJobs::Finished& f : overviews_.poll()) {
      char took[32];
      std::snprintf(took, sizeof took, " in %.1f s", f.seconds);
      report("pamir view: " + f.message + (f.ok ? took : ""));
      if (!f.ok) continue;
      for (size_t row = 0; row < model_.layers.size(); ++row)
        if (model_.layers[row].raster && model_.layers[row].source == f.source) {
          reloadLayerAt(row);
          break;
        }
      pacer_.changed();
    }
  }

  void reloadLayerAt(size_t row) {
    const LayerRef ref = layers_.at(row);
    if (!ref.layer && !ref.raster) return;
    const ui::LayerItem item = model_.layers[row];
    Diagnostics diag;
    bool reloaded = false;
    changeLayers([&] {
      reloaded = ref.layer ? session_.reloadLayer(ref.layer, diag) : session_.reloadRaster(ref.raster, diag);
      if (reloaded) layers_.forget(item);
    });
    for (const auto& d : diag.all()) report(d.line());
    if (reloaded) {
      size_t count = 0;
      for (const auto& l : model_.layers)
        if (l.title == item.title && l.group == item.group && !l.derived) count = l.featureCount;
      model_.status = "reloaded " + item.title + " from " + item.source +
                      (item.raster ? "" : " (" + std::to_string(count) + " features)");
      err_ << "pamir view: " << model_.status << std::endl;
    }
  }

  void setFilterFieldsAt(const ui::FilterFieldsChoice& c) {
    const LayerRef ref = layers_.at(c.layer);
    if (!ref.layer) return;
    const std::string title = model_.layers[c.layer].title;
    bool set = false;
    changeLayers([&] { set = session_.setFilterFields(ref.layer, c.yearFields, c.countryFields); });
    if (set) model_.status = "filters on " + title + " now read " + filterFieldsText(title);
  }

  void zoomToLayerAt(size_t row) {
    const LayerRef ref = layers_.at(row);
    if (!ref.layer) return;
    Bounds b;
    const geo::ViewDomain domain = geo::viewDomain(session_.projection());
    for (const Feature& f : ref.layer->features) b.add(geo::projectedBounds(f.geometry, session_.projection(), domain));
    if (!b.empty()) flyTo(b, 0.1);
  }

  std::string filterFieldsText(const std::string& title) const { return app::filterFieldsText(model_.layers, title); }

  // Files edited while the window is open (in QGIS, by a script): their
  // rows offer a reload, checked every couple of seconds while frames are drawn.
  void watchSources() {
    const auto now = std::chrono::steady_clock::now();
    if (now - lastSourceCheck_ < std::chrono::seconds(2)) return;
    lastSourceCheck_ = now;
    for (const auto& source : layers_.checkSources(model_.layers))
      report("pamir view: " + source + " changed on disk; its layers can be reloaded (right-click in Layers)");
  }

  // Where a search result takes the view: the feature selected and framed,
  // or a coordinate marked, with some country round it.
  void goTo(const SearchTarget& t) {
    marker_.reset();
    std::optional<Bounds> frame;
    if (t.layer) {
      frame = inspection_.selectAndFrame(Pick{t.layer, t.featureIndex});
    } else if (t.position.finite()) {
      inspection_.clearSelection();  // a place, not a feature
      marker_ = t.position;
      const XY c = session_.projection().forward(t.position);
      const double half = session_.projection().isGeographic() ? 0.125 : 12500.0;
      if (std::isfinite(c.x) && std::isfinite(c.y)) {
        Bounds b;
        b.add(c.x - half, c.y - half);
        b.add(c.x + half, c.y + half);
        frame = b;
      }
    }
    if (frame) flyTo(*frame, 0.15);
    model_.status = (frame ? "went to " : "cannot show ") + t.label;
    pacer_.changed();
  }

  void drawMarker() {
    if (marker_) drawPlaceMarker(ImGui::GetBackgroundDrawList(), session_.projection(), view_, pixelRatio_, *marker_);
  }

  // The view changed in the last few frames, or is being dragged.
  // Search results and "zoom to" fly there (view_flight.hpp); any hand on
  // the map stops the flight where it is.
  void flyTo(const Bounds& b, double margin) {
    flight_.emplace(view_, MapView::fitting(b, view_.width(), view_.height(), margin), kFlightSeconds);
    flightStart_ = std::chrono::steady_clock::now();
    inspection_.clearHover();  // what was under the pointer will not be
    pacer_.changed();
  }

  void advanceFlight() {
    if (!flight_) return;
    const double t = std::chrono::duration<double>(std::chrono::steady_clock::now() - flightStart_).count();
    view_ = flight_->at(t);
    if (flight_->done(t)) flight_.reset();
  }

  bool viewMoving() {
    const auto now = std::chrono::steady_clock::now();
    const Bounds e = view_.extent();
    const bool changed = e.minx != lastExtent_.minx || e.miny != lastExtent_.miny || e.maxx != lastExtent_.maxx ||
                         e.maxy != lastExtent_.maxy;
    if (changed) {
      lastExtent_ = e;
      lastMove_ = now;
    }
    return dragging_ || flight_ || now - lastMove_ < kStillAfter;
  }

  void updateCursor() {
    readCursor(session_.projection(), view_, mouseX_ * pixelRatio_, mouseY_ * pixelRatio_, pixelRatio_, model_);
  }

  // Segments a layer may draw in a frame while the view moves: about 20 ms
  // of llvmpipe on two cores (some 2M segments a second), nothing for a GPU.
  static constexpr size_t kMovingSegmentBudget = 40000;
  static constexpr size_t kMovingPointBudget = 40000;  // a symbol costs llvmpipe about what a segment does
  // Primitives a frame paints while the full detail of a still view builds
  // up behind the last whole frame: about 40 ms of llvmpipe on two cores.
  static constexpr size_t kStillFrameBudget = 16384;
  static constexpr std::chrono::milliseconds kStillAfter{200};  // no change for this long: still
  static constexpr double kFlightSeconds = 0.6;

  MapSession& session_;
  WindowResources& res_;
  SessionKeeper& keeper_;
  std::chrono::steady_clock::time_point lastAutosave_;
  std::string autosaveProblem_;         ///< said once, not every few seconds
  std::optional<std::string> mapShot_;  ///< a script's screenshot of the map alone, this frame
  bool mapShotFailed_ = false;
  std::ostream& out_;
  std::ostream& err_;
  render::MapRenderer renderer_;
  MapView view_;
  ui::OverlayModel model_;
  InputRouter router_;
  FramePacer pacer_;
  MapInspection inspection_;
  WindowMeasure measure_;
  WindowSearch search_;
  TimeBar time_;                      ///< the time filter, its player, the histogram and the changes
  std::optional<LonLat> marker_;      ///< the coordinate a search went to
  std::optional<ViewFlight> flight_;  ///< where the view is flying to
  std::chrono::steady_clock::time_point flightStart_;
  std::vector<std::string> dropped_;  ///< files of a drop still arriving
  LayerList layers_;                  ///< what each row of the Layers panel stands for
  SourceLoading loading_;             ///< sources being read on workers
  OverviewJobs overviews_;            ///< overview builds the analyst started
  bool crsAdopted_ = false;           ///< the CRS was chosen once for loaded sources (adoptCrsFor)
  MapFurniture furniture_;            ///< graticule, MGRS grid
  size_t coloursAhead_ = 0;           ///< palette colours taken by loads under way
  bool fitNextLoad_ = true;
  std::set<std::string> saidMissingCountry_;
  FileChooser files_{RecentSources::defaultPath(), [] {
                       // The desktop's chooser answered (from its reader thread): wake the window.
                       SDL_Event e{};
                       e.type = SDL_USEREVENT;
                       SDL_PushEvent(&e);
                     }};
  enum class FilePurpose {
    AddLayer,
    ExportMeasurements,
    ExportChosenMeasurements,
    SaveSession,
    OpenSession,
    ExportView
  } filePurpose_ = FilePurpose::AddLayer;
  ui::ExportDialogModel exportDialog_;
  std::string lastFolder_;  ///< where the last source added from disk was
  std::chrono::steady_clock::time_point lastSourceCheck_;
  bool running_ = true;
  bool dragging_ = false;
  bool scripted_ = false;  ///< input comes from a script (script_player.hpp)
  bool leftHeld_ = false;  ///< the left button is down, as the events say
  int dragMoved_ = 0;
  int mouseX_ = 0, mouseY_ = 0;
  double pixelRatio_ = 1.0;
  Bounds lastExtent_;                               ///< the view's extent when it last changed
  std::chrono::steady_clock::time_point lastMove_;  ///< when it last changed
};

}  // namespace

int runMapWindow(MapSession& session, const MapView& firstView, const WindowOptions& options,
                 std::vector<std::string> loadMessages, std::ostream& out, std::ostream& err) {
  std::vector<ScriptStep> script;
  if (!options.scriptPath.empty()) {
    std::string why;
    auto s = readInputScript(options.scriptPath, &why);
    if (!s) {
      err << "pamir view: " << why << "\n";
      return 2;
    }
    script = std::move(*s);
  }
  WindowResources res;
  if (std::optional<int> failed =
          openGlWindow(res, "Pamir — " + session.catalog().title, options, !script.empty(), err))
    return *failed;
  startImGui(res);

  int w, h, lw, lh;
  SDL_GL_GetDrawableSize(res.window, &w, &h);
  SDL_GetWindowSize(res.window, &lw, &lh);
  SessionKeeper none("");
  MapWindow win(session, res, std::move(loadMessages), options.keeper ? *options.keeper : none, out, err);
  if (!win.ok()) {
    err << "pamir view: " << win.error() << "\n";
    return 1;
  }
  win.setPixelRatio(lw > 0 ? static_cast<double>(w) / lw : 1.0);
  // The first view was worked out for the size asked for; a high-DPI screen or
  // a window manager may give more pixels or another shape: show the same area.
  win.setInitialView(
      firstView.width() == w && firstView.height() == h ? firstView : MapView::fitting(firstView.extent(), w, h, 0.0));
  if (options.restored) win.restore(*options.restored, options.restoreWhole);
  win.loadAtStart(options.sourcesToLoad, options.fitLoadedSources);
  const bool scripted = !script.empty();  // an empty script leaves the window to the user
  ScriptPlayer player(std::move(script), res.window);
  return win.run(scripted ? &player : nullptr, options.frameLogPath);
}

}  // namespace pamir::app
