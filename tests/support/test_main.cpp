// Test entry point: runs every test under the user's locale (decimal commas
// and all), so parsers that depend on the C locale fail here first.
#include <gtest/gtest.h>

#include <clocale>
#include <cstdlib>

int main(int argc, char** argv) {
  // A locale with a decimal comma, when installed; otherwise whatever the environment says.
  if (!std::setlocale(LC_ALL, "de_DE.UTF-8")) std::setlocale(LC_ALL, "");
  testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
