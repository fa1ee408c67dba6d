// result.h — errors as values for the core's fallible calls.
//
// The core never lets an exception escape. Calls that can fail (building an
// Inspector from a model blob, inspecting text over the size limit) return a
// `Result<T>`: either a value or a human-readable error message. Bindings turn
// the message into their own error style (a JS `Error`, a CLI exit code).
//
//   ai::Result<ai::Inspector> made = ai::Inspector::create(config);
//   if (!made.ok()) { report(made.error()); return; }
//   const ai::Inspector& inspector = made.value();
#pragma once

#include <optional>
#include <string>
#include <utility>

namespace ai {

template <typename T>
class Result {
 public:
  Result(T value) : value_(std::move(value)) {}  // NOLINT: implicit on purpose, like std::optional
  static Result failure(std::string message) {
    Result r;
    r.error_ = std::move(message);
    return r;
  }

  bool ok() const { return value_.has_value(); }
  // Precondition for value(): ok().
  const T& value() const& { return *value_; }
  T& value() & { return *value_; }
  T&& value() && { return std::move(*value_); }
  // Empty when ok().
  const std::string& error() const { return error_; }

 private:
  Result() = default;
  std::optional<T> value_;
  std::string error_;
};

}  // namespace ai
