#pragma once
// Text from data files (feature names, field values, layer and file names)
// on its way to a terminal. A name is data, not a command: ESC sequences
// could recolour the terminal or move the cursor, CR and LF could forge
// whole output lines, BEL rings. Every human-readable line that carries such
// text passes it through here; JSON output needs none of this, its
// serializer escapes control characters itself.
#include <string>
#include <string_view>

namespace pamir {

/// `text` with everything a terminal would act on written out as visible
/// escapes, and all else (any script, emoji, ZWJ/ZWNJ) left as it is:
///   C0 controls and DEL    \n \r \t \a \b \f \v, else \xHH (ESC is \x1B)
///   C1 controls U+0080-9F  \u{0085} ...
///   line/paragraph separators and bidirectional overrides and isolates
///   (U+2028-2029, U+202A-202E, U+2066-2069), which reorder or break the
///   rest of the line                                    \u{202E} ...
///   bytes that are not UTF-8                            \xHH
/// A backslash stays a backslash: the escapes only need to be visible and
/// harmless, not reversible.
std::string terminalSafe(std::string_view text);

/// terminalSafe for a message of several lines: its own line breaks are
/// kept, everything else is escaped. For messages whose data parts were
/// already passed through terminalSafe (a list of candidates, one a line).
std::string terminalSafeLines(std::string_view text);

}  // namespace pamir
