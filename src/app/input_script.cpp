#include "app/input_script.hpp"

#include <fstream>
#include <sstream>

#include "app/cli.hpp"

namespace pamir::app {

std::optional<std::vector<ScriptStep>> readInputScript(const std::string& path, std::string* error) {
  std::ifstream in(path);
  if (!in) {
    if (error) *error = path + ": cannot open the input script";
    return std::nullopt;
  }
  std::vector<ScriptStep> steps;
  std::string raw;
  int lineNo = 0;
  while (std::getline(in, raw)) {
    ++lineNo;
    if (auto hash = raw.find('#'); hash != std::string::npos) raw.erase(hash);
    std::istringstream words(raw);
    std::vector<std::string> w;
    for (std::string s; words >> s;) w.push_back(s);
    if (w.empty()) continue;
    auto fail = [&](const std::string& why) {
      if (error) *error = path + ":" + std::to_string(lineNo) + ": " + why;
      return std::nullopt;
    };
    auto numbers = [&](size_t n, ScriptStep& st) {
      if (w.size() != n + 1) return false;
      double* out[] = {&st.a, &st.b, &st.c, &st.d};
      for (size_t i = 0; i < n; ++i) {
        auto v = parseNumber(w[i + 1]);
        if (!v) return false;
        *out[i] = *v;
      }
      return true;
    };
    // The words from `from` on, joined by single spaces (names and text with spaces).
    auto rest = [&](size_t from) {
      std::string r;
      for (size_t i = from; i < w.size(); ++i) r += (i > from ? " " : "") + w[i];
      return r;
    };
    ScriptStep st{};
    st.line = lineNo;
    const std::string& verb = w[0];
    bool ok = true;
    if (verb == "wait")
      st.kind = ScriptStep::Kind::Wait, ok = numbers(1, st);
    else if (verb == "move")
      st.kind = ScriptStep::Kind::Move, ok = numbers(2, st);
    else if (verb == "drag")
      st.kind = ScriptStep::Kind::Drag, ok = numbers(4, st);
    else if (verb == "click")
      st.kind = ScriptStep::Kind::Click, ok = numbers(2, st);
    else if (verb == "double-click")
      st.kind = ScriptStep::Kind::DoubleClick, ok = numbers(2, st);
    else if (verb == "right-click")
      st.kind = ScriptStep::Kind::RightClick, ok = numbers(2, st);
    else if (verb == "wheel")
      st.kind = ScriptStep::Kind::Wheel, ok = numbers(3, st);
    else if (verb == "expect-measurements")
      st.kind = ScriptStep::Kind::ExpectMeasurements, ok = numbers(1, st);
    else if (verb == "key" && w.size() == 2)
      st.kind = ScriptStep::Kind::Key, st.text = w[1];
    else if (verb == "type" && w.size() >= 2)
      st.kind = ScriptStep::Kind::Type, st.text = rest(1);
    else if (verb == "drop" && w.size() >= 2)
      st.kind = ScriptStep::Kind::Drop, st.text = rest(1);
    else if (verb == "wait-until" && w.size() >= 3)
      st.kind = ScriptStep::Kind::WaitUntil, st.text = w[1], st.value = rest(2);
    else if ((verb == "expect" && w.size() >= 2) || (verb == "expect-contains" && w.size() >= 3))
      st.kind = verb == "expect" ? ScriptStep::Kind::Expect : ScriptStep::Kind::ExpectContains, st.text = w[1],
      st.value = rest(2);
    else if (verb == "print" && w.size() == 2)
      st.kind = ScriptStep::Kind::Print, st.text = w[1];
    else if (verb == "remember" && w.size() == 2)
      st.kind = ScriptStep::Kind::Remember, st.text = w[1];
    else if (verb == "expect-same" && w.size() == 2)
      st.kind = ScriptStep::Kind::ExpectSame, st.text = w[1];
    else if (verb == "expect-changed" && w.size() == 2)
      st.kind = ScriptStep::Kind::ExpectChanged, st.text = w[1];
    else if (verb == "screenshot" && w.size() == 2)
      st.kind = ScriptStep::Kind::Screenshot, st.text = w[1];
    else if (verb == "screenshot-map" && w.size() == 2)
      st.kind = ScriptStep::Kind::MapScreenshot, st.text = w[1];
    else if (verb == "hold-tile-reads" && w.size() == 2 && (w[1] == "yes" || w[1] == "no"))
      st.kind = ScriptStep::Kind::HoldTileReads, st.text = w[1];
    else if (verb == "quit" && w.size() == 1)
      st.kind = ScriptStep::Kind::Quit;
    else
      return fail("unknown or malformed step '" + raw + "'");
    if (!ok) return fail("'" + verb + "' takes numbers: '" + raw + "'");
    steps.push_back(st);
  }
  return steps;
}

}  // namespace pamir::app
