// Text from data files made harmless for a terminal.
#include <gtest/gtest.h>

#include "core/terminal_text.hpp"

using pamir::terminalSafe;

namespace {
bool hasRawControl(const std::string& s) {
  for (unsigned char c : s)
    if (c < 0x20 || c == 0x7F) return true;
  return false;
}
}  // namespace

TEST(TerminalText, ControlCharactersBecomeVisibleEscapes) {
  EXPECT_EQ(terminalSafe("\x1b[31mred\x1b[0m"), "\\x1B[31mred\\x1B[0m");
  EXPECT_EQ(terminalSafe("line\r\nforged: 0 km"), "line\\r\\nforged: 0 km");
  EXPECT_EQ(terminalSafe("bell\a tab\t nul" + std::string(1, '\0') + " del\x7f"), "bell\\a tab\\t nul\\x00 del\\x7F");
  EXPECT_FALSE(hasRawControl(terminalSafe(std::string("\x01\x02\x08\x0b\x0c\x1f", 6))));
}

TEST(TerminalText, NamesInAnyScriptPassUnchanged) {
  for (const char* name : {"Gilgit-Baltistan", "Murğob", "Москва", "گلگت", "Xo‘jand", "C:\\data\\sites",
                           "می‌خواهم" /* ZWNJ inside */, "👩‍🚀" /* ZWJ sequence */, ""})
    EXPECT_EQ(terminalSafe(name), name);
}

TEST(TerminalText, C1ControlsBidiOverridesAndBrokenUtf8AreEscaped) {
  // U+009B is CSI for terminals that honour 8-bit controls.
  EXPECT_EQ(terminalSafe("a\xc2\x9b"
                         "31mb"),
            "a\\u{009B}31mb");
  // U+202E turns the rest of the line around; U+2028 breaks it.
  EXPECT_EQ(terminalSafe("abc\xe2\x80\xae"
                         "fdp.exe"),
            "abc\\u{202E}fdp.exe");
  EXPECT_EQ(terminalSafe("x\xe2\x80\xa8y"), "x\\u{2028}y");
  // A lone 0x9B byte (not UTF-8) and a cut-off sequence.
  EXPECT_EQ(terminalSafe("a\x9b"
                         "b"),
            "a\\x9Bb");
  EXPECT_EQ(terminalSafe("end\xd0"), "end\\xD0");
}

TEST(TerminalText, MessagesKeepTheirOwnLinesOnly) {
  EXPECT_EQ(pamir::terminalSafeLines("two candidates:\n  a\x1b[1m\n  b\r"), "two candidates:\n  a\\x1B[1m\n  b\\r");
}
