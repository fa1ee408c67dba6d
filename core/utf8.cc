#include "utf8.h"

#include <algorithm>

namespace ai {
namespace {

// Units one code point starting with `lead` contributes. In valid UTF-8 a
// continuation byte never starts a code point, so it contributes nothing.
inline uint32_t units_of_lead_byte(unsigned char lead, OffsetUnit unit) {
  if ((lead & 0xC0) == 0x80) return 0;
  if (unit == OffsetUnit::kUtf16) return lead >= 0xF0 ? 2 : 1;
  return 1;
}

// The WHATWG decoder's state for the bytes of one multi-byte sequence.
struct SequenceState {
  int needed = 0;
  int seen = 0;
  unsigned char lower = 0x80;
  unsigned char upper = 0xBF;
};

// Starts a sequence for `lead`; returns false for a byte that cannot start one.
bool start_sequence(unsigned char lead, SequenceState* state) {
  *state = SequenceState{};
  if (lead >= 0xC2 && lead <= 0xDF) {
    state->needed = 1;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    if (lead == 0xE0) state->lower = 0xA0;
    if (lead == 0xED) state->upper = 0x9F;  // would be a surrogate
    state->needed = 2;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    if (lead == 0xF0) state->lower = 0x90;
    if (lead == 0xF4) state->upper = 0x8F;  // would exceed U+10FFFF
    state->needed = 3;
  } else {
    return false;
  }
  return true;
}

constexpr char kReplacement[] = "\xEF\xBF\xBD";

// Walks `bytes` with the WHATWG algorithm. Calls `on_valid(begin, length)` for
// each well-formed sequence and `on_invalid()` for each maximal ill-formed one.
template <typename Valid, typename Invalid>
void walk_utf8(std::string_view bytes, Valid on_valid, Invalid on_invalid) {
  const size_t n = bytes.size();
  size_t i = 0;
  while (i < n) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) {
      size_t run = i + 1;  // ASCII runs are the common case: emit them whole
      while (run < n && static_cast<unsigned char>(bytes[run]) < 0x80) ++run;
      on_valid(i, run - i);
      i = run;
      continue;
    }
    SequenceState state;
    if (!start_sequence(lead, &state)) {
      on_invalid();
      ++i;
      continue;
    }
    size_t j = i + 1;
    bool complete = true;
    while (state.seen < state.needed) {
      if (j >= n) {
        complete = false;
        break;
      }
      const auto b = static_cast<unsigned char>(bytes[j]);
      if (b < state.lower || b > state.upper) {
        complete = false;
        break;
      }
      state.lower = 0x80;
      state.upper = 0xBF;
      ++state.seen;
      ++j;
    }
    if (complete) {
      on_valid(i, j - i);
    } else {
      on_invalid();  // the offending byte (if any) is reprocessed
    }
    i = j;
  }
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  bool valid = true;
  walk_utf8(bytes, [](size_t, size_t) {}, [&] { valid = false; });
  return valid;
}

RepairedText repair_utf8(std::string_view bytes) {
  RepairedText result;
  result.text.reserve(bytes.size());
  walk_utf8(
      bytes, [&](size_t begin, size_t length) { result.text.append(bytes.data() + begin, length); },
      [&] {
        result.text.append(kReplacement, 3);
        ++result.replacements;
      });
  return result;
}

char32_t decode_code_point(std::string_view text, size_t pos, size_t* length) {
  const auto b0 = static_cast<unsigned char>(text[pos]);
  auto cont = [&](size_t k) { return static_cast<char32_t>(static_cast<unsigned char>(text[pos + k]) & 0x3F); };
  if (b0 < 0x80) {
    *length = 1;
    return b0;
  }
  if (b0 < 0xE0) {
    *length = 2;
    return (static_cast<char32_t>(b0 & 0x1F) << 6) | cont(1);
  }
  if (b0 < 0xF0) {
    *length = 3;
    return (static_cast<char32_t>(b0 & 0x0F) << 12) | (cont(1) << 6) | cont(2);
  }
  *length = 4;
  return (static_cast<char32_t>(b0 & 0x07) << 18) | (cont(1) << 12) | (cont(2) << 6) | cont(3);
}

void append_utf8(char32_t cp, std::string* out) {
  if (cp < 0x80) {
    out->push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out->push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out->push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out->push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out->push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

OffsetMap::OffsetMap(std::string_view text, OffsetUnit unit) : text_(text), unit_(unit) {
  if (unit_ == OffsetUnit::kByte) return;
  checkpoints_.reserve(text.size() / kStride + 1);
  uint32_t units = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (i % kStride == 0) checkpoints_.push_back(units);
    units += units_of_lead_byte(static_cast<unsigned char>(text[i]), unit_);
  }
}

size_t OffsetMap::to_unit(size_t byte_offset) const {
  if (unit_ == OffsetUnit::kByte || checkpoints_.empty()) return byte_offset;
  // Only the end-of-text offset can lie past the last checkpoint's block.
  const size_t block = std::min(byte_offset / kStride, checkpoints_.size() - 1);
  size_t units = checkpoints_[block];
  for (size_t i = block * kStride; i < byte_offset; ++i)
    units += units_of_lead_byte(static_cast<unsigned char>(text_[i]), unit_);
  return units;
}

}  // namespace ai
