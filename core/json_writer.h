// json_writer.h — a streaming JSON writer whose bytes match nlohmann::json::dump().
//
// The report's JSON was first produced with nlohmann::json, and front ends,
// golden files and caches compare it byte for byte, so the writer keeps
// nlohmann's exact spelling of every scalar. The caller spells out the
// punctuation and keys; the writer escapes strings and formats numbers:
//
//   ai::JsonWriter json(/*expected_size=*/64);
//   json.raw("{\"n\":");
//   json.unsigned_number(42);          // 42
//   json.raw(",\"x\":");
//   json.double_number(5.0);           // 5.0  (0.1 + 0.2 -> 0.30000000000000004, 1e20 -> 1e+20)
//   json.raw(",\"s\":");
//   json.string("say \"hi\"\n");       // "say \"hi\"\n"
//   json.raw("}");
//   std::string out = json.take();
//
// Doubles use Grisu2, ported from nlohmann (which took it from Florian
// Loitsch's reference code). Grisu2 always round-trips but is not always the
// *shortest* form (it prints 382.84099200000003 where "%.17g then shorten"
// gives 382.840992), so a generic shortest-round-trip formatter would differ.
//
// The writer fills one buffer, checking its capacity once per piece rather
// than going through std::string::append for every few bytes.
#pragma once

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace ai {

class JsonWriter {
 public:
  // Starts an empty output with room for `expected_size` bytes (it grows as needed).
  explicit JsonWriter(size_t expected_size = 0) : buffer_(expected_size, '\0') {}

  // Appends `json` as it is: the punctuation and keys the caller spells out.
  void raw(std::string_view json) {
    std::memcpy(room(json.size()), json.data(), json.size());
    size_ += json.size();
  }
  template <size_t N>
  void raw(const char (&literal)[N]) {
    raw(std::string_view(literal, N - 1));
  }

  // Appends the first `size` bytes of `padded` (size <= N) with one copy of
  // fixed length, which compiles to a few moves where a copy of variable
  // length is a call: for short pieces picked at run time, such as keys.
  template <size_t N>
  void raw_prefix(const char (&padded)[N], size_t size) {
    std::memcpy(room(N), padded, N);
    size_ += size;
  }

  // Appends `text` as a quoted JSON string: \" \\ \b \f \n \r \t, other
  // control characters as \u00xx (lowercase hex), everything else (including
  // '/', DEL and non-ASCII) verbatim. Each maximal ill-formed UTF-8
  // subsequence becomes U+FFFD, as nlohmann's dump does with
  // error_handler_t::replace.
  void string(std::string_view text);

  // Appends an unsigned integer in decimal.
  void unsigned_number(uint64_t value);

  // Appends a double as nlohmann does: "null" when not finite; "0.0" / "-0.0";
  // integral values keep a ".0" ("5.0"); fixed notation for decimal exponents
  // from -4 to 15 (0.0001, 100000000000000.0), otherwise "1e+20", "1.5e-07".
  void double_number(double value);

  void boolean(bool value) {
    if (value) raw("true");
    else raw("false");
  }
  void null() { raw("null"); }

  // Returns everything written so far and leaves the writer empty.
  std::string take();

 private:
  // Returns where the next `n` bytes go, growing the buffer if needed.
  char* room(size_t n) {
    if (buffer_.size() - size_ < n) grow(n);
    return &buffer_[size_];
  }
  void grow(size_t n);
  bool append_escaped(std::string_view text);

  std::string buffer_;  // its size is the capacity; bytes past size_ are unused
  size_t size_ = 0;
};

}  // namespace ai
