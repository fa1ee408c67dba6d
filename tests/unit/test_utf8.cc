#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "utf8.h"

namespace {

struct RepairCase {
  const char* name;
  std::string input;
  std::string expected;
  size_t replacements;
};

const std::string kFFFD = "\xEF\xBF\xBD";

}  // namespace

TEST_CASE("repair_utf8 matches the WHATWG decoder (TextDecoder)", "[utf8]") {
  // Expected outputs follow the WHATWG "maximal subpart" rule: one U+FFFD per
  // maximal ill-formed subsequence; these match what TextDecoder returns.
  const RepairCase cases[] = {
      {"empty", "", "", 0},
      {"ascii", "abc", "abc", 0},
      {"valid multi-byte", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", "caf\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80", 0},
      {"truncated 3-byte is one FFFD", "\xE2\x82", kFFFD, 1},
      {"truncated 3-byte then ascii", "\xE2\x82" "A", kFFFD + "A", 1},
      {"lone continuation", "\x80", kFFFD, 1},
      {"two lone continuations", "\x80\xBF", kFFFD + kFFFD, 2},
      {"overlong NUL", "\xC0\x80", kFFFD + kFFFD, 2},
      {"overlong 3-byte", "\xE0\x80\xAF", kFFFD + kFFFD + kFFFD, 3},
      {"surrogate D800", "\xED\xA0\x80", kFFFD + kFFFD + kFFFD, 3},
      {"above U+10FFFF", "\xF4\x90\x80\x80", kFFFD + kFFFD + kFFFD + kFFFD, 4},
      {"F5 lead", "\xF5", kFFFD, 1},
      {"FF byte", "a\xFF" "b", "a" + kFFFD + "b", 1},
      {"truncated 4-byte at end", "\xF0\x9F\x98", kFFFD, 1},
      {"truncated 4-byte before ascii", "\xF0\x9F" "x", kFFFD + "x", 1},
      {"latin-1 e-acute", "caf\xE9", "caf" + kFFFD, 1},
      {"latin-1 before space", "na\xEFve", "na" + kFFFD + "ve", 1},
      {"NUL is valid", std::string("a\0b", 3), std::string("a\0b", 3), 0},
  };
  for (const RepairCase& c : cases) {
    INFO(c.name);
    const ai::RepairedText repaired = ai::repair_utf8(c.input);
    CHECK(repaired.text == c.expected);
    CHECK(repaired.replacements == c.replacements);
    const ai::RepairedText taken = ai::repair_utf8(std::string(c.input));
    CHECK(taken.text == c.expected);
    CHECK(taken.replacements == c.replacements);
    CHECK(ai::is_valid_utf8(repaired.text));
    CHECK(ai::is_valid_utf8(c.input) == (c.replacements == 0));
  }
}

TEST_CASE("count_code_points counts every byte but continuation bytes", "[utf8]") {
  struct Case {
    const char* name;
    std::string text;
    size_t expected;
  };
  const Case cases[] = {
      {"empty", "", 0},
      {"ASCII shorter than a word", "abc", 3},
      {"ASCII of several words", std::string(37, 'x'), 37},
      {"two, three and four bytes", "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b", 5},
      {"multi-byte across a word's end", "1234567\xE2\x82\xAC" "89", 10},
      {"a lone continuation counts as none", "ab\x80" "c", 3},
      {"dense non-ASCII", "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9", 9},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    CHECK(ai::count_code_points(c.text) == c.expected);
  }
}

TEST_CASE("OffsetMap converts byte offsets to UTF-16 units and code points", "[utf8]") {
  // "a" (1 byte), "é" (2 bytes), "€" (3 bytes), "😀" (4 bytes, 2 UTF-16 units), "b"
  const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80" "b";
  struct Case {
    size_t byte;
    size_t utf16;
    size_t code_point;
  };
  const Case cases[] = {{0, 0, 0}, {1, 1, 1}, {3, 2, 2}, {6, 3, 3}, {10, 5, 4}, {11, 6, 5}};
  const ai::OffsetMap utf16(text, ai::OffsetUnit::kUtf16);
  const ai::OffsetMap code_points(text, ai::OffsetUnit::kCodePoint);
  const ai::OffsetMap bytes(text, ai::OffsetUnit::kByte);
  for (const Case& c : cases) {
    INFO("byte " << c.byte);
    CHECK(utf16.to_unit(c.byte) == c.utf16);
    CHECK(code_points.to_unit(c.byte) == c.code_point);
    CHECK(bytes.to_unit(c.byte) == c.byte);
  }
}

TEST_CASE("OffsetMap stays exact across its checkpoints", "[utf8]") {
  std::string text;
  for (int i = 0; i < 300; ++i) text += "\xF0\x9F\x98\x80x";  // 5 bytes, 3 UTF-16 units each
  const ai::OffsetMap map(text, ai::OffsetUnit::kUtf16);
  for (size_t i = 0; i <= 300; ++i) CHECK(map.to_unit(i * 5) == i * 3);
}

TEST_CASE("OffsetMap agrees with a direct count at every boundary of mixed texts", "[utf8]") {
  // Code points of 1 to 4 bytes in patterns that put every length at every
  // position of a 64-byte block, including 4-byte ones straddling two blocks.
  const std::string pieces[] = {"a", "\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x98\x80"};
  for (size_t seed = 0; seed < 40; ++seed) {
    std::string text;
    std::vector<size_t> boundaries = {0};
    for (size_t i = 0; text.size() < 64 * 5 + seed; ++i) {
      text += pieces[(i * (seed + 1) + i / 3) % 4];
      boundaries.push_back(text.size());
    }
    const ai::OffsetMap utf16(text, ai::OffsetUnit::kUtf16);
    const ai::OffsetMap code_points(text, ai::OffsetUnit::kCodePoint);
    size_t expected_utf16 = 0;
    size_t expected_code_points = 0;
    size_t previous = 0;
    for (size_t boundary : boundaries) {
      if (boundary > previous) {
        expected_utf16 += boundary - previous == 4 ? 2 : 1;
        ++expected_code_points;
      }
      previous = boundary;
      INFO("seed " << seed << ", byte " << boundary);
      REQUIRE(utf16.to_unit(boundary) == expected_utf16);
      REQUIRE(code_points.to_unit(boundary) == expected_code_points);
    }
  }
}

TEST_CASE("OffsetMap maps an ASCII prefix to itself and counts from the first non-ASCII byte on", "[utf8]") {
  // A long ASCII run, then "é" (2 bytes, 1 unit) and "😀" (4 bytes, 2 UTF-16
  // units), placed at every position of a block and past the first block.
  struct Case {
    const char* name;
    size_t ascii_before;
  };
  const Case cases[] = {{"none", 0}, {"within the first block", 17}, {"at a block's end", 63},
                        {"at a block's start", 64}, {"blocks later", 200}};
  for (const Case& c : cases) {
    INFO(c.name);
    const std::string text = std::string(c.ascii_before, 'a') + "\xC3\xA9" "b" "\xF0\x9F\x98\x80" + std::string(70, 'c');
    const ai::OffsetMap utf16(text, ai::OffsetUnit::kUtf16);
    const ai::OffsetMap code_points(text, ai::OffsetUnit::kCodePoint);
    for (size_t byte = 0; byte <= c.ascii_before; ++byte) {
      CHECK(utf16.to_unit(byte) == byte);
      CHECK(code_points.to_unit(byte) == byte);
    }
    const size_t n = c.ascii_before;
    CHECK(utf16.to_unit(n + 2) == n + 1);
    CHECK(utf16.to_unit(n + 3) == n + 2);
    CHECK(utf16.to_unit(n + 7) == n + 4);
    CHECK(code_points.to_unit(n + 7) == n + 3);
    CHECK(utf16.to_unit(text.size()) == text.size() - 3);
    CHECK(code_points.to_unit(text.size()) == text.size() - 4);
  }
  SECTION("an all-ASCII text, to its end") {
    const std::string text(150, 'x');
    const ai::OffsetMap utf16(text, ai::OffsetUnit::kUtf16);
    for (size_t byte = 0; byte <= text.size(); ++byte) CHECK(utf16.to_unit(byte) == byte);
  }
}

TEST_CASE("repair_utf8 finds ill-formed bytes at every position of a word", "[utf8]") {
  // ASCII is skipped 16 and then 8 bytes at a time; each bad sequence is
  // tried at every offset around the boundaries of two words, with ASCII and
  // multi-byte text around it.
  const RepairCase bad[] = {
      {"lone continuation", "\x80", kFFFD, 1},
      {"truncated 3-byte", "\xE2\x82", kFFFD, 1},
      {"overlong NUL", "\xC0\x80", kFFFD + kFFFD, 2},
      {"surrogate", "\xED\xA0\x80", kFFFD + kFFFD + kFFFD, 3},
      {"FF", "\xFF", kFFFD, 1},
  };
  for (const RepairCase& c : bad) {
    for (size_t before = 0; before < 36; ++before) {
      for (const std::string& after : {std::string(), std::string("tail of text"), std::string("\xC3\xA9 x")}) {
        const std::string prefix = std::string(before, 'p') + (before % 3 == 0 ? "\xE2\x82\xAC" : "");
        INFO(c.name << " after " << prefix.size() << " bytes");
        const ai::RepairedText repaired = ai::repair_utf8(prefix + c.input + after);
        CHECK(repaired.text == prefix + c.expected + after);
        CHECK(repaired.replacements == c.replacements);
        CHECK_FALSE(ai::is_valid_utf8(prefix + c.input + after));
        CHECK(ai::is_valid_utf8(prefix + after));
      }
    }
  }
}
