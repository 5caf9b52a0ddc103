#include "app/time_bar.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>

#include "core/feature_anchor.hpp"
#include "core/year_histogram.hpp"

namespace pamir::app {

namespace {

// The slider reaches the present even when the data stops earlier: "as of
// now" is where an analyst starts.
int currentYear() {
  const std::time_t now = std::time(nullptr);
  std::tm utc{};
  gmtime_r(&now, &utc);
  return utc.tm_year + 1900;
}

// Where the legend starts: right of the scale bar (at most 160 px from x = 390).
constexpr float kLegendX = 580;

}  // namespace

TimeBar::TimeBar(MapSession& session, ui::OverlayModel& model) : session_(session), model_(model) {}

bool TimeBar::counted(const Layer& l) const { return !session_.isDerived(l); }  // circles repeat their sites

bool TimeBar::shown(const Layer& l) const {
  const auto& layers = session_.drawLayers();
  for (size_t i = 0; i < layers.size() && i < layerShown_.size(); ++i)
    if (layers[i] == &l) return layerShown_[i];
  return true;
}

void TimeBar::layersChanged(const std::vector<bool>& layerShown) {
  const std::optional<YearSpan> dated = datedYears(session_.drawLayers());
  const int present = currentYear();
  YearSpan bounds = dated ? YearSpan{dated->from, std::max(dated->to, present)} : YearSpan{present - 30, present};
  // A filter from the command line outside the data's years stays reachable.
  if (auto y = session_.filter.years()) bounds = {std::min(bounds.from, y->from), std::max(bounds.to, y->to)};
  controls_.setBounds(bounds);
  if (auto y = session_.filter.years()) {
    controls_.setEnabled(true);
    controls_.show(*y);
  } else if (!started_) {
    controls_.show(YearSpan::single(std::clamp(2016, bounds.from, bounds.to)));
  }
  started_ = true;
  since_ = std::clamp(since_, bounds.from, bounds.to);
  recount(layerShown);
}

void TimeBar::takeFilter(const std::vector<bool>& layerShown) {
  if (!session_.filter.years()) controls_.setEnabled(false);
  layersChanged(layerShown);
}

void TimeBar::recount(const std::vector<bool>& layerShown) {
  layerShown_ = layerShown;
  // The share: what the country filter keeps, in the layers switched on; the years play no part.
  FeatureFilter others = session_.filter;
  others.setYears(std::nullopt);
  model_.time.histogram = yearHistogram(
      session_.drawLayers(), controls_.bounds(), [this](const Layer& l) { return counted(l); },
      [&](const Layer& l, const Feature& f) { return shown(l) && passes(others, l, f); });
  std::string label;
  size_t n = 0;
  for (const auto& c : others.countries) {
    if (++n <= 4) label += (label.empty() ? "" : ", ") + c;
  }
  if (n > 4) label = std::to_string(n) + " countries";
  const bool allShown = std::all_of(layerShown_.begin(), layerShown_.end(), [](bool b) { return b; });
  if (label.empty())
    model_.time.shareLabel = allShown ? "shown" : "in the layers shown";
  else
    model_.time.shareLabel = label + (allShown ? "" : " in the layers shown");
  computeChanges();
  sync();
}

void TimeBar::computeChanges() {
  changes_.clear();
  clicked_.reset();
  if (!changesOn_) return;
  // In range mode the range's two ends are compared; otherwise the year
  // compared from and the year shown (the present when the filter is off).
  const YearSpan span = controls_.span();
  if (controls_.enabled() && controls_.rangeMode())
    compared_ = span;
  else
    compared_ = {since_, controls_.enabled() ? span.to : controls_.bounds().to};
  FeatureFilter others = session_.filter;
  others.setYears(std::nullopt);
  for (const YearChange& c : changesBetween(session_.drawLayers(), compared_.from, compared_.to)) {
    if (!counted(*c.layer) || !shown(*c.layer) || !passes(others, *c.layer, c.layer->features[c.featureIndex]))
      continue;
    changes_.push_back({c, {NAN, NAN}});
  }
  changesCrs_.clear();  // positions follow on the next frame drawn
}

void TimeBar::sync() {
  ui::YearBarModel& t = model_.time;
  t.on = controls_.enabled();
  t.range = controls_.rangeMode();
  t.shown = controls_.span();
  t.bounds = controls_.bounds();
  t.playing = controls_.playing();
  t.yearsPerSecond = controls_.yearsPerSecond();
  t.loop = controls_.loop();
  ui::ChangesModel& c = model_.changes;
  c.on = changesOn_;
  c.since = since_;
  c.fromRange = controls_.enabled() && controls_.rangeMode();
  c.compared = compared_;
  c.selected = clicked_;
  c.rows.clear();
  for (const Change& ch : changes_) {
    const YearChange& y = ch.change;
    std::string name = toString(y.layer->value(y.layer->features[y.featureIndex], "name"));
    if (name.empty()) name = y.layer->name + " #" + std::to_string(y.layer->features[y.featureIndex].fid);
    c.rows.push_back({std::to_string(y.year) + "  " + name + " (" + y.layer->name + ")", y.appeared});
  }
}

void TimeBar::filterFromControls(Outcome& o) {
  const std::optional<YearSpan> want = controls_.filterYears();
  if (want != session_.filter.years()) {
    session_.filter.setYears(want);
    o.filterChanged = true;
  }
  if (changesOn_) computeChanges();
  sync();
  o.redraw = true;
}

TimeBar::Outcome TimeBar::apply(const ui::YearBarActions& a, const ui::ChangesActions& ch, Clock::time_point now) {
  Outcome o;
  if (!a.any() && !ch.any()) return o;
  if (a.on) controls_.setEnabled(*a.on);
  if (a.range) controls_.setRangeMode(*a.range);
  if (a.show) {
    controls_.setEnabled(true);
    controls_.show(*a.show);
  }
  if (a.typed)
    if (auto m = controls_.type(*a.typed)) o.messages.push_back("Time bar: " + *m);
  if (a.step != 0) controls_.step(a.step);
  if (a.toStart) controls_.toStart();
  if (a.toEnd) controls_.toEnd();
  if (a.yearsPerSecond) controls_.setYearsPerSecond(*a.yearsPerSecond);
  if (a.loop) controls_.setLoop(*a.loop);
  if (a.playPause) controls_.togglePlay(now);
  if (ch.on) {
    changesOn_ = *ch.on;
    model_.changes.reveal = changesOn_;  // the list's tab comes to the front
  }
  if (ch.since) {
    const YearSpan b = controls_.bounds();
    since_ = std::clamp(*ch.since, b.from, b.to);
    if (since_ != *ch.since)
      o.messages.push_back("Changes since: year " + std::to_string(*ch.since) + " is outside the years of the data (" +
                           formatYearSpan(b) + "): comparing from " + std::to_string(since_));
  }
  filterFromControls(o);
  if (ch.clicked && *ch.clicked < changes_.size()) {
    const YearChange& c = changes_[*ch.clicked].change;
    o.select = Pick{c.layer, c.featureIndex};
    clicked_ = ch.clicked;
    sync();
  }
  return o;
}

TimeBar::Outcome TimeBar::key(Key k, Clock::time_point now) {
  Outcome o;
  if (k == Key::PlayPause) controls_.togglePlay(now);
  if (k == Key::YearBack) controls_.step(-1);
  if (k == Key::YearOn) controls_.step(1);
  filterFromControls(o);
  return o;
}

TimeBar::Outcome TimeBar::tick(Clock::time_point now) {
  Outcome o;
  const bool wasPlaying = controls_.playing();
  if (controls_.advance(now)) {
    filterFromControls(o);
  } else if (wasPlaying && !controls_.playing()) {
    sync();  // stopped at the last year: the button says Play again
    o.redraw = true;
  }
  return o;
}

void TimeBar::drawOnMap(ImDrawList* dl, const MapView& view, double pixelRatio) {
  if (!changesOn_) return;
  if (changesCrs_ != session_.projection().definition()) {
    changesCrs_ = session_.projection().definition();
    for (Change& c : changes_) {
      const Feature& f = c.change.layer->features[c.change.featureIndex];
      const FeatureAnchor a = featureAnchor(f.geometry);
      c.at = a.position.finite() ? session_.projection().forward(a.position) : XY{NAN, NAN};
    }
  }
  const ImU32 green =
      IM_COL32(ui::ChangeColors::appeared[0], ui::ChangeColors::appeared[1], ui::ChangeColors::appeared[2], 255);
  const ImU32 red =
      IM_COL32(ui::ChangeColors::closed[0], ui::ChangeColors::closed[1], ui::ChangeColors::closed[2], 255);
  const ImU32 halo = IM_COL32(255, 255, 255, 230);
  int appeared = 0, closed = 0;
  auto ring = [&](ImVec2 c, bool up, float r) {
    dl->AddCircle(c, r, halo, 28, 5.5f);
    dl->AddCircle(c, r, up ? green : red, 28, 3.0f);
    if (!up) {
      // Where something was: crossed out, since the filter no longer draws it.
      const float d = r * 0.62f;
      dl->AddLine(ImVec2(c.x - d, c.y - d), ImVec2(c.x + d, c.y + d), halo, 5.0f);
      dl->AddLine(ImVec2(c.x - d, c.y + d), ImVec2(c.x + d, c.y - d), halo, 5.0f);
      dl->AddLine(ImVec2(c.x - d, c.y - d), ImVec2(c.x + d, c.y + d), red, 2.5f);
      dl->AddLine(ImVec2(c.x - d, c.y + d), ImVec2(c.x + d, c.y - d), red, 2.5f);
    }
  };
  const float w = static_cast<float>(view.width() / pixelRatio), h = static_cast<float>(view.height() / pixelRatio);
  for (const Change& c : changes_) {
    (c.change.appeared ? appeared : closed)++;
    if (!std::isfinite(c.at.x) || !std::isfinite(c.at.y)) continue;
    const XY p = view.mapToPixel(c.at);
    const ImVec2 s(static_cast<float>(p.x / pixelRatio), static_cast<float>(p.y / pixelRatio));
    if (s.x < -20 || s.y < -20 || s.x > w + 20 || s.y > h + 20) continue;
    ring(s, c.change.appeared, 12.0f);
  }
  // The legend: one line over the map, above the Time bar, right of the scale bar.
  char title[64], up[48], down[48];
  std::snprintf(title, sizeof title, "Changes %d \u2192 %d:", compared_.from, compared_.to);
  std::snprintf(up, sizeof up, "appeared (%d)", appeared);
  std::snprintf(down, sizeof down, "closed (%d)", closed);
  const float tw = ImGui::CalcTextSize(title).x, uw = ImGui::CalcTextSize(up).x, dw = ImGui::CalcTextSize(down).x;
  const float lineH = ImGui::GetTextLineHeight();
  const float bottom = (model_.time.top > 0 ? model_.time.top : h) - 8;
  const ImVec2 o(kLegendX, bottom - lineH - 10);
  const float boxW = 10 + tw + 14 + 22 + uw + 14 + 22 + dw + 10;
  dl->AddRectFilled(o, ImVec2(o.x + boxW, bottom), IM_COL32(255, 255, 255, 230), 4.0f);
  dl->AddRect(o, ImVec2(o.x + boxW, bottom), IM_COL32(120, 120, 120, 255), 4.0f);
  const float ty = o.y + 5, cy = o.y + 5 + lineH / 2;
  float x = o.x + 10;
  dl->AddText(ImVec2(x, ty), IM_COL32(30, 30, 30, 255), title);
  x += tw + 14;
  ring(ImVec2(x + 8, cy), true, 7.0f);
  dl->AddText(ImVec2(x + 22, ty), IM_COL32(30, 30, 30, 255), up);
  x += 22 + uw + 14;
  ring(ImVec2(x + 8, cy), false, 7.0f);
  dl->AddText(ImVec2(x + 22, ty), IM_COL32(30, 30, 30, 255), down);
}

MapView TimeBar::fitAbove(const Bounds& b, int w, int h, double margin, double pixelRatio) const {
  // What the bar leaves of the window, in device pixels; all of it before the bar is first drawn.
  const int free = model_.time.top > 0 ? std::clamp(static_cast<int>(model_.time.top * pixelRatio), h / 2, h) : h;
  if (free >= h) return MapView::fitting(b, w, h, margin);
  const MapView inFree = MapView::fitting(b, w, free, margin);
  // The same scale and top edge, the window's full height below it.
  const double r = inFree.resolutionX();
  const XY c = inFree.center();
  Bounds e;
  e.add(c.x - w * r / 2, c.y + free * r / 2 - h * r);
  e.add(c.x + w * r / 2, c.y + free * r / 2);
  return MapView::fromExtent(e, w, h);
}

std::optional<std::string> TimeBar::state(const std::string& key) const {
  if (key == "year") {
    const auto y = controls_.filterYears();
    return y ? formatYearSpan(*y) : "off";
  }
  if (key == "playing") return controls_.playing() ? "1" : "0";
  if (key == "changes") return std::to_string(changes_.size());
  if (key == "change-list") {
    std::string out;
    for (const auto& r : model_.changes.rows)
      out += (out.empty() ? "" : "; ") + std::string(r.appeared ? "+ " : "- ") + r.text;
    return out;
  }
  if (key.rfind("in-filter:", 0) == 0) {
    const std::string id = key.substr(10);
    for (const Layer* l : session_.drawLayers()) {
      if (!counted(*l)) continue;
      for (const Feature& f : l->features) {
        if (toString(l->value(f, "id")) != id && toString(l->value(f, "name")) != id) continue;
        return shown(*l) && passes(session_.filter, *l, f) ? "1" : "0";
      }
    }
    return "";
  }
  if (key.rfind("histogram:", 0) == 0) {
    const int year = std::atoi(key.c_str() + 10);
    const YearHistogram& h = model_.time.histogram;
    return std::to_string(h.totalIn(year)) + " " + std::to_string(h.selectedIn(year));
  }
  return std::nullopt;
}

}  // namespace pamir::app
