#include "core/number.hpp"

#include <charconv>
#include <cmath>

namespace pamir {

std::optional<double> parseNumber(std::string_view text, NumberSyntax syntax) {
  // from_chars is locale-independent, but it rejects a leading '+' (which
  // people type) and accepts "inf", "nan" and ".5e" forms that are checked here.
  size_t i = 0;
  if (!text.empty() && text.front() == '+')
    text.remove_prefix(1);
  else if (!text.empty() && text.front() == '-')
    ++i;
  size_t digits = 0;
  for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++digits;
  if (i < text.size() && text[i] == '.')
    for (++i; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++digits;
  if (digits == 0) return std::nullopt;
  if (syntax == NumberSyntax::Scientific && i < text.size() && (text[i] == 'e' || text[i] == 'E')) {
    ++i;
    if (i < text.size() && (text[i] == '+' || text[i] == '-')) ++i;
    size_t exponentDigits = 0;
    for (; i < text.size() && text[i] >= '0' && text[i] <= '9'; ++i) ++exponentDigits;
    if (exponentDigits == 0) return std::nullopt;
  }
  if (i != text.size()) return std::nullopt;
  double value = 0;
  const auto format = syntax == NumberSyntax::Scientific ? std::chars_format::general : std::chars_format::fixed;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value, format);
  if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
  return value;
}

std::string formatShortest(double value) {
  if (std::isnan(value)) return "nan";
  if (std::isinf(value)) return value > 0 ? "inf" : "-inf";
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  return ec == std::errc() ? std::string(buf, end) : std::string("?");
}

}  // namespace pamir
