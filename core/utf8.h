// utf8.h — UTF-8 validation and repair, and the byte-offset → output-unit map.
//
// Every other part of the core works on *valid* UTF-8 and on byte offsets into
// it. Text from the outside world is not always valid, so the first step of
// every inspection is `repair_utf8`, which replaces each invalid sequence with
// U+FFFD exactly as the WHATWG "UTF-8 decode" algorithm does (the algorithm
// behind JavaScript's `TextDecoder`): one U+FFFD per *maximal subpart* of an
// ill-formed sequence. So `E2 82 41` becomes `U+FFFD A`, and `C0 80` (an
// overlong NUL) becomes two U+FFFDs. Because the repair matches TextDecoder,
// offsets that the native CLI reports for a file index the very string a
// JavaScript user gets from `new TextDecoder().decode(bytes)`.
//
// Usage:
//
//   ai::RepairedText fixed = ai::repair_utf8(raw_bytes);
//   if (fixed.replacements > 0) warn(...);
//   ai::OffsetMap map(fixed.text, ai::OffsetUnit::kUtf16);
//   size_t js_index = map.to_unit(byte_offset);
//
// The functions here never throw and never allocate more than a copy of the
// input (and, for an OffsetMap, 16 bytes per 64 input bytes from the first
// non-ASCII one on).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace ai {

// What `repair_utf8` produced: the valid text and how many U+FFFDs it inserted.
struct RepairedText {
  std::string text;
  size_t replacements = 0;
};

// Returns true when `bytes` is well-formed UTF-8 (no surrogates, no overlongs,
// nothing above U+10FFFF). Linear, allocation-free.
bool is_valid_utf8(std::string_view bytes);

// Returns `bytes` with every maximal ill-formed subsequence replaced by U+FFFD
// (EF BF BD), as the WHATWG decoder does. Valid input comes back unchanged
// with `replacements == 0`.
RepairedText repair_utf8(std::string_view bytes);
// The same, taking `bytes` over: valid input becomes the text without a copy.
RepairedText repair_utf8(std::string&& bytes);

// One step of the WHATWG decoder over the bytes at some position.
struct Utf8Sequence {
  size_t length = 0;  // the whole code point, or the maximal ill-formed subpart (>= 1) one U+FFFD replaces
  bool valid = false;
};

// Reads the sequence that starts at `bytes[pos]` as the WHATWG decoder does.
// Precondition: `pos < bytes.size()`.
inline Utf8Sequence read_utf8_sequence(std::string_view bytes, size_t pos) {
  const auto lead = static_cast<unsigned char>(bytes[pos]);
  if (lead < 0x80) return {1, true};
  size_t needed = 0;
  unsigned char lower = 0x80;
  unsigned char upper = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    needed = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    needed = 2;
    if (lead == 0xE0) lower = 0xA0;  // would be overlong
    if (lead == 0xED) upper = 0x9F;  // would be a surrogate
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    needed = 3;
    if (lead == 0xF0) lower = 0x90;  // would be overlong
    if (lead == 0xF4) upper = 0x8F;  // would exceed U+10FFFF
  } else {
    return {1, false};
  }
  for (size_t length = 1; length <= needed; ++length) {
    if (pos + length >= bytes.size()) return {length, false};
    const auto b = static_cast<unsigned char>(bytes[pos + length]);
    if (b < lower || b > upper) return {length, false};  // that byte starts the next sequence
    lower = 0x80;
    upper = 0xBF;
  }
  return {needed + 1, true};
}

// Decodes one code point of *valid* UTF-8 starting at `text[pos]` and stores
// its length in `*length`. Precondition: `pos < text.size()` and the text is
// valid (as after `repair_utf8`).
char32_t decode_code_point(std::string_view text, size_t pos, size_t* length);

// The number of code points in `text`: its bytes that are not continuation
// bytes (10xxxxxx), so for valid UTF-8 the characters a user sees counted.
size_t count_code_points(std::string_view text);

// Appends the UTF-8 encoding of `cp` (which must be a scalar value) to `out`.
void append_utf8(char32_t cp, std::string* out);

// The units a report's offsets can be given in.
enum class OffsetUnit {
  kUtf16,      // JavaScript string indices (default for every JS front end)
  kCodePoint,  // Python string indices
  kByte,       // UTF-8 byte offsets, the core's own unit
};

// Maps byte offsets of a valid UTF-8 text to another offset unit in O(1)
// time. Up to the text's first non-ASCII byte every unit is one byte, so
// offsets there (every offset of an all-ASCII text, most of the rest) map to
// themselves. From the 64-byte block that holds that byte on, the map keeps
// per block the units before it and a bit per byte that adds a unit, so a
// lookup is one population count. Byte offsets must fall on code-point
// boundaries. The map keeps no reference to the text.
class OffsetMap {
 public:
  OffsetMap(std::string_view text, OffsetUnit unit);
  size_t to_unit(size_t byte_offset) const {
    if (byte_offset <= ascii_prefix_) return byte_offset;
    return to_unit_past_ascii_prefix(byte_offset);
  }
  OffsetUnit unit() const { return unit_; }

 private:
  static constexpr size_t kStride = 64;
  size_t to_unit_past_ascii_prefix(size_t byte_offset) const;

  OffsetUnit unit_;
  size_t ascii_prefix_;  // bytes before the first non-ASCII one; all of them for kByte
  size_t first_block_ = 0;  // the block of blocks_[0]: the one holding byte ascii_prefix_
  // One array, so that a map costs one allocation and a lookup one cache line.
  struct Block {
    uint64_t mask;          // bit j: byte i*kStride+j adds a unit
    uint32_t units_before;  // units before byte i*kStride
  };
  std::vector<Block> blocks_;
};

}  // namespace ai
