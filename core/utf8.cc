#include "utf8.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "bit_count.h"

namespace ai {
namespace {

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

inline uint64_t load_word(const char* at) {
  uint64_t word;
  std::memcpy(&word, at, 8);
  return word;
}

// Returns the first position at or after `pos` that holds a non-ASCII byte
// (or bytes.size()). ASCII is most of every text, so it goes 16 bytes a
// step (two words tested at once), then 8.
size_t skip_ascii(std::string_view bytes, size_t pos) {
  const size_t n = bytes.size();
  const char* data = bytes.data();
  while (pos + 16 <= n && ((load_word(data + pos) | load_word(data + pos + 8)) & kHighBits) == 0) pos += 16;
  while (pos + 8 <= n && (load_word(data + pos) & kHighBits) == 0) pos += 8;
  while (pos < n && static_cast<unsigned char>(data[pos]) < 0x80) ++pos;
  return pos;
}

// Returns the position of the first ill-formed sequence at or after `pos` and
// stores its length in `*length`; returns bytes.size() when there is none.
size_t find_ill_formed(std::string_view bytes, size_t pos, size_t* length) {
  for (;;) {
    pos = skip_ascii(bytes, pos);
    if (pos >= bytes.size()) return bytes.size();
    const Utf8Sequence sequence = read_utf8_sequence(bytes, pos);
    if (!sequence.valid) {
      *length = sequence.length;
      return pos;
    }
    pos += sequence.length;
  }
}

constexpr char kReplacement[] = "\xEF\xBF\xBD";

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "OffsetMap's bit masks take byte k of a word as text byte k");

// One bit per byte of `word` (bit k for byte k): whether the byte's bit 7 is set.
inline uint64_t gather_high_bits(uint64_t high_bits) {
  return (((high_bits >> 7) * 0x0102040810204080ULL) >> 56);
}

// The OffsetMap mask of the 64 bytes at `at` (zero-padded past `length`): a bit
// for each byte that adds an output unit before it. A code point counts at its
// lead byte (any byte but a continuation 10xxxxxx); in UTF-16 a 4-byte one
// (lead 11110xxx) counts twice, at its lead and its second byte, which
// `*carry` holds when that byte starts the next block. The shifts move bits
// 6, 5 and 4 of each byte up to bit 7 of the same byte, where the masks look.
uint64_t unit_mask(const char* at, size_t length, OffsetUnit unit, uint64_t* carry) {
  uint64_t leads = 0;
  uint64_t four_byte_leads = 0;
  for (size_t word_start = 0; word_start < length; word_start += 8) {
    uint64_t word = 0;  // a partial last word copies byte by byte: only the last block has one
    if (length - word_start >= 8) word = load_word(at + word_start);
    else std::memcpy(&word, at + word_start, length - word_start);
    if ((word & kHighBits) == 0) {  // ASCII: every byte is a code point of one unit
      leads |= uint64_t{0xFF} << word_start;
      continue;
    }
    const uint64_t continuation = word & ~(word << 1) & kHighBits;
    leads |= gather_high_bits(~continuation & kHighBits) << word_start;
    four_byte_leads |= gather_high_bits(word & (word << 1) & (word << 2) & (word << 3) & kHighBits) << word_start;
  }
  if (unit != OffsetUnit::kUtf16) return leads;
  const uint64_t mask = leads | (four_byte_leads << 1) | *carry;
  *carry = four_byte_leads >> 63;
  return mask;
}

}  // namespace

bool is_valid_utf8(std::string_view bytes) {
  size_t length = 0;
  return find_ill_formed(bytes, 0, &length) == bytes.size();
}

RepairedText repair_utf8(std::string&& bytes) {
  if (!is_valid_utf8(bytes)) return repair_utf8(std::string_view(bytes));
  RepairedText result;
  result.text = std::move(bytes);
  return result;
}

RepairedText repair_utf8(std::string_view bytes) {
  RepairedText result;
  size_t length = 0;
  size_t bad = find_ill_formed(bytes, 0, &length);
  if (bad == bytes.size()) {
    result.text.assign(bytes.data(), bytes.size());
    return result;
  }
  result.text.reserve(bytes.size() + 2 * length);
  size_t copied = 0;
  while (bad < bytes.size()) {
    result.text.append(bytes.data() + copied, bad - copied);
    result.text.append(kReplacement, 3);
    ++result.replacements;
    copied = bad + length;
    bad = find_ill_formed(bytes, copied, &length);
  }
  result.text.append(bytes.data() + copied, bytes.size() - copied);
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

size_t count_code_points(std::string_view text) {
  constexpr uint64_t kEveryByte = 0x0101010101010101ULL;
  const size_t n = text.size();
  size_t continuations = 0;
  size_t at = 0;
  for (; at + 8 <= n; at += 8) {
    const uint64_t word = load_word(text.data() + at);
    // Bit 7 of each continuation byte, moved to bit 0 and summed into the top byte.
    const uint64_t continuation = word & ~(word << 1) & kHighBits;
    continuations += static_cast<size_t>(((continuation >> 7) * kEveryByte) >> 56);
  }
  for (; at < n; ++at) continuations += (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80;
  return n - continuations;
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

OffsetMap::OffsetMap(std::string_view text, OffsetUnit unit)
    : unit_(unit), ascii_prefix_(unit == OffsetUnit::kByte ? SIZE_MAX : skip_ascii(text, 0)) {
  if (ascii_prefix_ >= text.size()) return;
  first_block_ = ascii_prefix_ / kStride;
  const size_t first_byte = first_block_ * kStride;
  blocks_.reserve((text.size() - first_byte + kStride - 1) / kStride);
  auto units = static_cast<uint32_t>(first_byte);
  uint64_t carry = 0;
  for (size_t start = first_byte; start < text.size(); start += kStride) {
    const uint64_t mask = unit_mask(text.data() + start, std::min(kStride, text.size() - start), unit_, &carry);
    blocks_.push_back({mask, units});
    units += static_cast<uint32_t>(count_set_bits(mask));
  }
}

size_t OffsetMap::to_unit_past_ascii_prefix(size_t byte_offset) const {
  // Only the end-of-text offset can lie past the last block, at its very end.
  const size_t block_number = std::min(byte_offset / kStride, first_block_ + blocks_.size() - 1);
  const Block& block = blocks_[block_number - first_block_];
  const size_t within = byte_offset - block_number * kStride;  // 0..64
  const uint64_t before = within == kStride ? ~uint64_t{0} : (uint64_t{1} << within) - 1;
  return block.units_before + static_cast<size_t>(count_set_bits(block.mask & before));
}

}  // namespace ai
