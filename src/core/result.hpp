#pragma once
// A value or the reason there is none, for operations whose failure the caller
// must handle (building a CRS, opening a source). C++20 has no std::expected
// (C++23) and Debian 12 packages no expected-like library Pamir already uses,
// so this is the smallest subset of std::expected the code needs; it can be
// replaced by std::expected<T, std::string> without changing call sites that
// use ok()/operator bool, value(), operator*, operator-> and error().
#include <stdexcept>
#include <string>
#include <utility>
#include <variant>

namespace pamir {

/// The failure half of a Result: one line saying what went wrong.
struct Error {
  std::string message;
};

/// Thrown by Result::value() (and * and ->) on a Result holding an Error: a
/// programming mistake, reported with the error it ignored.
class BadResultAccess : public std::logic_error {
 public:
  explicit BadResultAccess(const std::string& error) : std::logic_error("unchecked error: " + error) {}
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}      // NOLINT(google-explicit-constructor)
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}  // NOLINT(google-explicit-constructor)

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return checked(); }
  const T& value() const& { return checked(); }
  T&& value() && { return std::move(checked()); }
  T& operator*() & { return checked(); }
  const T& operator*() const& { return checked(); }
  T&& operator*() && { return std::move(checked()); }
  T* operator->() { return &checked(); }
  const T* operator->() const { return &checked(); }

  /// The reason; empty when the Result holds a value.
  const std::string& error() const {
    static const std::string kNone;
    return ok() ? kNone : std::get<1>(state_).message;
  }

 private:
  T& checked() {
    if (!ok()) throw BadResultAccess(std::get<1>(state_).message);
    return std::get<0>(state_);
  }
  const T& checked() const {
    if (!ok()) throw BadResultAccess(std::get<1>(state_).message);
    return std::get<0>(state_);
  }
  std::variant<T, Error> state_;
};

}  // namespace pamir
