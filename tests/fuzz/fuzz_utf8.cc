// fuzz_utf8.cc — the UTF-8 layer against a literal transcription of the
// WHATWG "UTF-8 decoder" (Encoding Standard, section 9.1.1), plus the
// OffsetMap against a direct count.
//
// Properties: repair_utf8 equals the reference byte for byte and counts the
// same errors; its output is valid and repairing it again changes nothing;
// is_valid_utf8 agrees with "no errors"; decode_code_point/append_utf8 round
// trip; OffsetMap gives the UTF-16 and code-point index of every boundary.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "utf8.h"

namespace {

void encode(uint32_t cp, std::string* out) {
  if (cp < 0x80) {
    *out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    *out += static_cast<char>(0xC0 | (cp >> 6));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *out += static_cast<char>(0xE0 | (cp >> 12));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    *out += static_cast<char>(0xF0 | (cp >> 18));
    *out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    *out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    *out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

// The spec's state machine, step by step, with "prepend byte to stream" as
// re-reading the same index.
std::string whatwg_decode(std::string_view bytes, size_t* errors) {
  std::string out;
  uint32_t code_point = 0;
  int seen = 0, needed = 0;
  unsigned lower = 0x80, upper = 0xBF;
  const std::string replacement = "\xEF\xBF\xBD";
  for (size_t i = 0; i < bytes.size(); ++i) {
    const unsigned byte = static_cast<unsigned char>(bytes[i]);
    if (needed == 0) {
      if (byte <= 0x7F) {
        out += static_cast<char>(byte);
      } else if (byte >= 0xC2 && byte <= 0xDF) {
        needed = 1;
        code_point = byte & 0x1F;
      } else if (byte >= 0xE0 && byte <= 0xEF) {
        if (byte == 0xE0) lower = 0xA0;
        if (byte == 0xED) upper = 0x9F;
        needed = 2;
        code_point = byte & 0xF;
      } else if (byte >= 0xF0 && byte <= 0xF4) {
        if (byte == 0xF0) lower = 0x90;
        if (byte == 0xF4) upper = 0x8F;
        needed = 3;
        code_point = byte & 0x7;
      } else {
        out += replacement;
        ++*errors;
      }
      continue;
    }
    if (byte < lower || byte > upper) {
      code_point = 0;
      needed = seen = 0;
      lower = 0x80;
      upper = 0xBF;
      out += replacement;
      ++*errors;
      --i;  // prepend the byte to the stream
      continue;
    }
    lower = 0x80;
    upper = 0xBF;
    code_point = (code_point << 6) | (byte & 0x3F);
    if (++seen != needed) continue;
    encode(code_point, &out);
    code_point = 0;
    needed = seen = 0;
  }
  if (needed != 0) {
    out += replacement;
    ++*errors;
  }
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  size_t expected_errors = 0;
  const std::string expected = whatwg_decode(bytes, &expected_errors);

  const ai::RepairedText repaired = ai::repair_utf8(bytes);
  FUZZ_CHECK(repaired.text == expected);
  FUZZ_CHECK(repaired.replacements == expected_errors);
  FUZZ_CHECK(ai::is_valid_utf8(bytes) == (expected_errors == 0));
  FUZZ_CHECK(ai::is_valid_utf8(repaired.text));
  const ai::RepairedText again = ai::repair_utf8(repaired.text);
  FUZZ_CHECK(again.replacements == 0 && again.text == repaired.text);

  const std::string_view text = repaired.text;
  const ai::OffsetMap utf16(text, ai::OffsetUnit::kUtf16);
  const ai::OffsetMap code_points(text, ai::OffsetUnit::kCodePoint);
  const ai::OffsetMap identity(text, ai::OffsetUnit::kByte);
  std::string reencoded;
  size_t units16 = 0, units32 = 0, pos = 0;
  while (true) {
    FUZZ_CHECK(utf16.to_unit(pos) == units16);
    FUZZ_CHECK(code_points.to_unit(pos) == units32);
    FUZZ_CHECK(identity.to_unit(pos) == pos);
    if (pos == text.size()) break;
    size_t length = 0;
    const char32_t cp = ai::decode_code_point(text, pos, &length);
    FUZZ_CHECK(length >= 1 && length <= 4 && pos + length <= text.size());
    FUZZ_CHECK(cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF));
    ai::append_utf8(cp, &reencoded);
    units16 += cp >= 0x10000 ? 2 : 1;
    ++units32;
    pos += length;
  }
  FUZZ_CHECK(reencoded == text);
  return 0;
}
