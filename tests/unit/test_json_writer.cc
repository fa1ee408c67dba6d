// The streaming JSON writer against nlohmann::json::dump(), the oracle whose
// bytes the report contract was first written in.
#include <catch2/catch.hpp>
#include <cmath>
#include <cstring>
#include <limits>
#include <nlohmann/json.hpp>
#include <random>
#include <string>
#include <vector>

#include "json_writer.h"

namespace {

using nlohmann::json;

std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

std::string written_double(double x) {
  ai::JsonWriter writer;
  writer.double_number(x);
  return writer.take();
}

std::string written_string(std::string_view s) {
  ai::JsonWriter writer;
  writer.string(s);
  return writer.take();
}

double from_bits(uint64_t bits) {
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

}  // namespace

TEST_CASE("doubles are written as nlohmann writes them", "[json]") {
  const double inf = std::numeric_limits<double>::infinity();
  struct Case {
    double value;
    const char* expected;
  };
  const Case cases[] = {
      {0.0, "0.0"},
      {-0.0, "-0.0"},
      {5.0, "5.0"},
      {-5.0, "-5.0"},
      {0.1, "0.1"},
      {0.1 + 0.2, "0.30000000000000004"},
      {382.84099200000003, "382.84099200000003"},  // Grisu2 is not always shortest
      {1e20, "1e+20"},
      {1e15, "1e+15"},
      {1e14, "100000000000000.0"},
      {123456789012345.6, "123456789012345.6"},
      {0.0001, "0.0001"},
      {0.00001, "1e-05"},
      {1.5e-7, "1.5e-07"},
      {1e100, "1e+100"},
      {1.7976931348623157e308, "1.7976931348623157e+308"},
      {5e-324, "5e-324"},
      {2.2250738585072014e-308, "2.2250738585072014e-308"},
      {inf, "null"},
      {-inf, "null"},
      {std::nan(""), "null"},
  };
  for (const Case& c : cases) {
    INFO(c.expected);
    CHECK(written_double(c.value) == c.expected);
    CHECK(written_double(c.value) == dump(json(c.value)));
  }
}

TEST_CASE("doubles match nlohmann across magnitudes, conversions and raw bit patterns", "[json]") {
  std::vector<double> values;
  for (int exponent = -330; exponent <= 310; ++exponent) {
    const double power = std::pow(10.0, exponent);
    for (double mantissa : {1.0, 1.5, 2.5, 9.99, 3.14159, 7.0 / 3.0}) {
      values.push_back(mantissa * power);
      values.push_back(-mantissa * power);
    }
  }
  for (int64_t n = 0; n <= 100000; n += 7) {
    values.push_back(static_cast<double>(n));
    values.push_back(static_cast<double>(n) / 10);  // readingMinutes and decimal figures
    values.push_back(static_cast<double>(n) / 100);
  }
  for (double big : {9007199254740991.0, 9007199254740993.0, 18446744073709551615.0, 1e16, 1e17 + 8})
    values.push_back(big);
  // Unit conversions give arbitrary 17-digit products, where Grisu2 and
  // shortest-round-trip formatting part ways about once in a thousand.
  const double factors[] = {1609.344, 0.3048, 0.0254, 0.45359237, 28.349523125, 4046.8564224, 3.785411784,
                            1e-3,     1000,   1e6,    0.9144,     2589988.110336, 4.54609,     1.8};
  std::mt19937_64 random(20240611);
  for (int i = 0; i < 200000; ++i) {
    values.push_back(static_cast<double>(random() % 100000) / 100 * factors[random() % std::size(factors)]);
    const double bits = from_bits(random());
    if (std::isfinite(bits)) values.push_back(bits);
  }
  size_t mismatches = 0;
  for (double x : values) {
    const std::string expected = dump(json(x));
    if (written_double(x) != expected) {
      if (++mismatches <= 5) FAIL_CHECK(expected << " written as " << written_double(x));
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("whole doubles below 10^15 are written as their digits and \".0\", as nlohmann writes them", "[json]") {
  // The writer skips Grisu2 for them; every one it could take that way must
  // come out as Grisu2 writes it, including those next to 10^15 and 2^k.
  std::vector<double> values;
  for (uint64_t n = 0; n <= 1000000; ++n) values.push_back(static_cast<double>(n));
  std::mt19937_64 random(20261127);
  for (int i = 0; i < 200000; ++i) {
    const uint64_t digits = 1 + random() % 15;
    uint64_t bound = 1;
    for (uint64_t d = 0; d < digits; ++d) bound *= 10;
    values.push_back(static_cast<double>(random() % bound));
  }
  for (int k = 0; k < 53; ++k) {
    const double power = std::ldexp(1.0, k);
    for (double near : {power - 1, power, power + 1}) values.push_back(near);
  }
  for (double edge : {1e15 - 1, 1e15 - 0.5, 1e15, 1e15 + 1, 999999999999999.9, 123456789012340.0}) values.push_back(edge);
  size_t mismatches = 0;
  for (double x : values) {
    for (double signed_x : {x, -x}) {
      const std::string expected = dump(json(signed_x));
      if (written_double(signed_x) != expected && ++mismatches <= 5)
        FAIL_CHECK(expected << " written as " << written_double(signed_x));
    }
  }
  CHECK(mismatches == 0);
}

TEST_CASE("unsigned integers are written as nlohmann writes them", "[json]") {
  for (uint64_t n : {uint64_t{0}, uint64_t{1}, uint64_t{9}, uint64_t{10}, uint64_t{99}, uint64_t{100},
                     uint64_t{4294967295u}, uint64_t{4294967296u}, std::numeric_limits<uint64_t>::max()}) {
    ai::JsonWriter writer;
    writer.unsigned_number(n);
    CHECK(writer.take() == json(n).dump());
  }
  // Every number up to 10^6 (each length the writer treats apart, and its
  // edges), then every power of ten and its neighbours.
  ai::JsonWriter writer;
  std::string expected;
  for (uint64_t n = 0; n <= 1000000; ++n) {
    writer.unsigned_number(n);
    writer.raw(",");
    expected += std::to_string(n) + ",";
  }
  for (uint64_t power = 10; power <= 1000000000000000000u; power *= 10) {
    for (uint64_t n : {power - 1, power, power + 1}) {
      writer.unsigned_number(n);
      writer.raw(",");
      expected += std::to_string(n) + ",";
    }
  }
  CHECK(writer.take() == expected);
}

TEST_CASE("strings are escaped as nlohmann escapes them", "[json]") {
  struct Case {
    const char* name;
    std::string input;
    const char* expected;
  };
  const Case cases[] = {
      {"plain", "Home Ministry", "\"Home Ministry\""},
      {"empty", "", "\"\""},
      {"quote and backslash", "a\"b\\c", "\"a\\\"b\\\\c\""},
      {"short escapes", "\b\f\n\r\t", "\"\\b\\f\\n\\r\\t\""},
      {"other controls in lowercase hex", std::string("\x00\x01\x1f\x0b", 4), "\"\\u0000\\u0001\\u001f\\u000b\""},
      {"slash and DEL verbatim", "a/b\x7f", "\"a/b\x7f\""},
      {"non-ASCII verbatim", "caf\xC3\xA9 \xE2\x80\x9C\xF0\x9F\x98\x80", "\"caf\xC3\xA9 \xE2\x80\x9C\xF0\x9F\x98\x80\""},
      {"lone continuation", "a\x80" "b", "\"a\xEF\xBF\xBD" "b\""},
      {"truncated sequence at the end", "abc\xE2\x82", "\"abc\xEF\xBF\xBD\""},
      {"overlong NUL", "\xC0\x80", "\"\xEF\xBF\xBD\xEF\xBF\xBD\""},
      {"surrogate", "\xED\xA0\x80!", "\"\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD!\""},
      {"escape after repair", "\xFF\n", "\"\xEF\xBF\xBD\\n\""},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(written_string(c.input) == c.expected);
    CHECK(written_string(c.input) == dump(json(c.input)));
  }
}

TEST_CASE("every byte at every position of a word is escaped as nlohmann does", "[json]") {
  // The writer looks at 8 bytes at a time; each special byte is tried at
  // every offset within and just past a word, inside plain text.
  for (int byte = 0; byte < 256; ++byte) {
    for (size_t at = 0; at < 18; ++at) {
      for (size_t length : {at + 1, at + 9, size_t{24}}) {
        std::string text(std::max(length, at + 1), 'x');
        text[at] = static_cast<char>(byte);
        INFO("byte " << byte << " at " << at << " of " << text.size());
        REQUIRE(written_string(text) == dump(json(text)));
      }
    }
  }
}

TEST_CASE("plain strings of every length up to a few words are copied whole", "[json]") {
  // Plain strings are copied in whole words, in halves below 8 bytes and
  // byte by byte below 4; every length crosses one of those joins. Distinct
  // bytes show a misplaced or dropped one.
  const std::string alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  for (size_t length = 0; length <= 40; ++length) {
    const std::string text = alphabet.substr(0, length);
    INFO("length " << length);
    CHECK(written_string(text) == "\"" + text + "\"");
  }
}

TEST_CASE("random byte strings are escaped and repaired as nlohmann does", "[json]") {
  // Pieces that exercise the plain, escaped, multi-byte and ill-formed paths.
  const std::string pieces[] = {"a", "word ", "\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\xC3\xA9",
                                "\xE2\x80\x9D", "\xF0\x9F\x98\x80", "\x80", "\xC3", "\xE2\x80", "\xF4\x90",
                                "\xED\xA0", "\xFF", "0123456789abcdef"};
  std::mt19937 random(7);
  for (int i = 0; i < 20000; ++i) {
    std::string text;
    const int count = static_cast<int>(random() % 12);
    for (int k = 0; k < count; ++k) text += pieces[random() % std::size(pieces)];
    INFO(json(text).dump(-1, ' ', true, json::error_handler_t::replace));
    REQUIRE(written_string(text) == dump(json(text)));
  }
}

TEST_CASE("the writer grows past its expected size and can be reused", "[json]") {
  ai::JsonWriter writer(4);
  writer.raw("[");
  std::string expected = "[";
  for (int i = 0; i < 1000; ++i) {
    if (i > 0) {
      writer.raw(",");
      expected += ",";
    }
    writer.string("item");
    writer.boolean(i % 2 == 0);
    writer.null();
    expected += i % 2 == 0 ? "\"item\"truenull" : "\"item\"falsenull";
  }
  writer.raw("]");
  CHECK(writer.take() == expected + "]");
  writer.raw("{}");
  CHECK(writer.take() == "{}");
}

TEST_CASE("raw_prefix appends only the first bytes of its padded piece", "[json]") {
  static constexpr char kPadded[8] = {'a', 'b', 'c', 'X', 'X', 'X', 'X', 'X'};
  struct Case {
    size_t size;
    const char* expected;
  };
  const Case cases[] = {{0, "[]"}, {1, "[a]"}, {3, "[abc]"}, {8, "[abcXXXXX]"}};
  for (const Case& c : cases) {
    INFO("size " << c.size);
    ai::JsonWriter writer(/*expected_size=*/1);  // the padded copy must grow the buffer too
    writer.raw("[");
    writer.raw_prefix(kPadded, c.size);
    writer.raw("]");
    CHECK(writer.take() == c.expected);
  }
}
