// tape_writer.h — a compact binary "tape" of a JSON-shaped value, for a
// reader that builds the objects directly (the wasm package's inspect()),
// instead of writing JSON text that the reader must parse again.
//
// The tape is a sequence of one-byte tags, some followed by a payload:
//
//   kObjectBegin ... kObjectEnd       members: a key byte, then the value
//   kArrayBegin ... kArrayEnd         elements: values
//   kKeyBase + i                      the key with index i in the caller's key table
//   kString, varint n, n bytes        UTF-8, ill-formed sequences left as they are; a
//                                     string of 1 to kMaxInternedBytes bytes also
//                                     becomes the tape's next interned string
//   kStringRef, varint i              the tape's interned string i (0 for the first):
//                                     repeated short strings (entity types, figure
//                                     kinds, units, ids) go as bytes only once
//   kSpanText, varint n, n bytes      like kString, but the "text" of a span object
//   kSpanTextSlice                    the "text" of a span object, no bytes: the reader
//                                     takes it from its own copy of the text (see below)
//   kSpan, varint end, varint start,  the object {"end", "start", "text"} without its key
//     then kSpanText or kSpanTextSlice  bytes: the most common object of a report
//   kUnsigned, varint                 an integer below 2^53 (exact as a JS number)
//   kDouble, 8 bytes little endian    any other number
//   kTrue, kFalse, kNull
//
// Varints are LEB128: 7 bits a byte, low bits first, high bit set on all but
// the last byte. Keys are indices, not strings: both ends share one key table
// (the report's is report_key_names() in report_json.h).
//
//   ai::TapeWriter tape;
//   tape.begin_object();
//   tape.key(3);                 // the key with index 3
//   tape.unsigned_number(42);
//   tape.end_object();
//   std::string bytes = tape.take();   // 01 13 08 2a 02
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace ai {

class TapeWriter {
 public:
  enum Tag : uint8_t {
    kObjectBegin = 1,
    kObjectEnd = 2,
    kArrayBegin = 3,
    kArrayEnd = 4,
    kString = 5,
    kSpanText = 6,
    kSpanTextSlice = 7,
    kUnsigned = 8,
    kDouble = 9,
    kTrue = 10,
    kFalse = 11,
    kNull = 12,
    kStringRef = 13,
    kSpan = 14,
    kKeyBase = 16,  // keys take the tags from here up
  };
  static constexpr size_t kMaxKeys = 256 - kKeyBase;
  static constexpr size_t kMaxInternedBytes = 31;

  // Starts an empty tape with room for `expected_size` bytes (it grows as needed).
  explicit TapeWriter(size_t expected_size = 0);

  void begin_object() { tag(kObjectBegin); }
  void end_object() { tag(kObjectEnd); }
  void begin_array() { tag(kArrayBegin); }
  void end_array() { tag(kArrayEnd); }
  // Precondition: index < kMaxKeys.
  void key(size_t index) { tag(static_cast<uint8_t>(kKeyBase + index)); }

  // The bytes go on the tape as they are; the reader decodes them as UTF-8
  // with U+FFFD for ill-formed sequences (TextDecoder's default).
  // Strings of 1 to kMaxInternedBytes bytes are interned (see kStringRef).
  void string(std::string_view text);
  void span_text(std::string_view text) { tagged_bytes(kSpanText, text); }
  void span_text_slice() { tag(kSpanTextSlice); }
  // Begins a kSpan; the caller then writes its text with span_text or span_text_slice.
  void begin_span(uint64_t end, uint64_t start);

  // Integers from 2^53 up become doubles (the nearest one), as JSON.parse reads them.
  void unsigned_number(uint64_t value);
  // Any double, -0.0 included; NaN and infinities are written as null (JSON has no such number).
  void double_number(double value);
  void boolean(bool value) { tag(value ? kTrue : kFalse); }
  void null() { tag(kNull); }

  // Returns everything written so far and leaves the writer empty.
  std::string take();

 private:
  static constexpr size_t kMaxVarintBytes = 10;

  char* room(size_t n) {
    if (capacity_ - size_ < n) grow(n);
    return buffer_.get() + size_;
  }
  void grow(size_t n);
  void tag(uint8_t t) {
    *room(1) = static_cast<char>(t);
    ++size_;
  }
  // Writes the varint at `out`, which has room for kMaxVarintBytes; returns the bytes written.
  static size_t put_varint(char* out, uint64_t value);
  // Writes the tag, the size and the bytes; returns where the bytes went on the tape.
  size_t tagged_bytes(uint8_t t, std::string_view bytes);
  void grow_interned();

  // Not a std::string: growing one zero-fills the new room, which is all overwritten.
  std::unique_ptr<char[]> buffer_;
  size_t capacity_ = 0;
  size_t size_ = 0;

  // The interned strings, as an open-addressed table of their places on the
  // tape (where the bytes of their first kString are). A slot's `size` is 0
  // when it is empty; the table is never more than half full.
  struct InternedString {
    size_t offset;
    uint32_t size;
    uint32_t index;
  };
  // A report interns about a hundred strings: room for them without growing.
  static constexpr size_t kInitialInternedSlots = 256;
  std::vector<InternedString> interned_;
  size_t interned_count_ = 0;
};

}  // namespace ai
