// little_endian.h — the byte order of the engine's binary formats.
//
// The entity model and the gazetteer inside it (tagger.h, gazetteer.h) store
// their integers least significant byte first, whatever the machine:
//
//   std::string out;
//   ai::append_little_endian(row_count, 4, &out);
//   const uint32_t rows = static_cast<uint32_t>(ai::read_little_endian(at, 4));
#pragma once

#include <cstdint>
#include <string>

namespace ai {

// Appends the `bytes` (1..8) low bytes of `value` to `out`, least significant first.
inline void append_little_endian(uint64_t value, int bytes, std::string* out) {
  for (int i = 0; i < bytes; ++i) out->push_back(static_cast<char>((value >> (8 * i)) & 0xFF));
}

// The number stored in the `bytes` (1..8) bytes at `at`, least significant
// first. The caller has checked that they are there.
inline uint64_t read_little_endian(const unsigned char* at, int bytes) {
  uint64_t value = 0;
  for (int i = 0; i < bytes; ++i) value |= uint64_t{at[i]} << (8 * i);
  return value;
}

}  // namespace ai
