// Result<T>: a value or the reason there is none, and a loud failure when
// code uses the value without looking.
#include <gtest/gtest.h>

#include <memory>
#include <string>

#include "core/result.hpp"

using namespace pamir;

namespace {

Result<int> parseDigit(char c) {
  if (c < '0' || c > '9') return Error{std::string("'") + c + "' is not a digit"};
  return c - '0';
}

}  // namespace

TEST(Result, HoldsAValueOrAReason) {
  auto seven = parseDigit('7');
  ASSERT_TRUE(seven.ok());
  EXPECT_TRUE(static_cast<bool>(seven));
  EXPECT_EQ(*seven, 7);
  EXPECT_EQ(seven.value(), 7);
  EXPECT_EQ(seven.error(), "");

  auto x = parseDigit('x');
  EXPECT_FALSE(x.ok());
  EXPECT_FALSE(static_cast<bool>(x));
  EXPECT_EQ(x.error(), "'x' is not a digit");
}

TEST(Result, UsingTheValueOfAnErrorThrowsWithTheReason) {
  auto x = parseDigit('x');
  try {
    (void)*x;
    FAIL() << "no exception";
  } catch (const BadResultAccess& e) {
    EXPECT_NE(std::string(e.what()).find("'x' is not a digit"), std::string::npos) << e.what();
  }
  EXPECT_THROW((void)x.value(), BadResultAccess);
}

TEST(Result, MoveOnlyValuesMoveOut) {
  Result<std::unique_ptr<int>> r = std::make_unique<int>(42);
  ASSERT_TRUE(r);
  EXPECT_EQ(**r, 42);
  std::unique_ptr<int> taken = std::move(r).value();
  ASSERT_NE(taken, nullptr);
  EXPECT_EQ(*taken, 42);
}
