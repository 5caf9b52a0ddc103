// Looking a feature's SIDC up in the symbol catalog.
#include <gtest/gtest.h>

#include "core/military_symbols.hpp"

namespace {

using pamir::MilitarySymbol;
using pamir::SymbolLibrary;

SymbolLibrary sample() {
  std::map<std::string, MilitarySymbol> m;
  for (const char* key : {"SNGPIBA---", "SHGPUCI---", "SNGAIB----"}) {
    MilitarySymbol s;
    s.key = key;
    s.svg = "<svg/>";
    s.width = s.height = 30;
    m.emplace(key, s);
  }
  return SymbolLibrary(std::move(m), "#FF00FF");
}

TEST(MilitarySymbols, KeysAreTheCodesIdentityWhateverItsModifiers) {
  EXPECT_EQ(SymbolLibrary::symbolKey("SNGPIBA---H----"), "SNGPIBA---");
  EXPECT_EQ(SymbolLibrary::symbolKey("sngpiba---h----"), "SNGPIBA---");
  EXPECT_EQ(SymbolLibrary::symbolKey(" SHGCUCI---***** "), "SHGPUCI---") << "status C (capable) is drawn present";
  EXPECT_EQ(SymbolLibrary::symbolKey("SNGAIB****H****"), "SNGAIB----") << "anticipated is kept: a dashed frame";
  EXPECT_EQ(SymbolLibrary::symbolKey("SNGPIB"), "");
  EXPECT_EQ(SymbolLibrary::symbolKey("SNG;DROP TABLE"), "");
  EXPECT_EQ(SymbolLibrary::symbolKey(""), "");
}

TEST(MilitarySymbols, FindTakesThePresentSymbolForAnAnticipatedCodeItLacks) {
  const SymbolLibrary lib = sample();
  ASSERT_NE(lib.find("SNGPIBA---H----"), nullptr);
  EXPECT_EQ(lib.find("SNGPIBA---H----")->key, "SNGPIBA---");
  ASSERT_NE(lib.find("SNGAIBA---H----"), nullptr);
  EXPECT_EQ(lib.find("SNGAIBA---H----")->key, "SNGPIBA---");
  EXPECT_EQ(lib.find("SNGAIB----H----")->key, "SNGAIB----");
  EXPECT_EQ(lib.find("SFGPIBA---H----"), nullptr) << "another affiliation is another symbol";
  EXPECT_EQ(lib.find("not a code"), nullptr);
}

}  // namespace
