#include "tape_writer.h"

#include <algorithm>
#include <cmath>

namespace ai {

void TapeWriter::grow(size_t n) { buffer_.resize(std::max(buffer_.size() * 2, size_ + n + 64)); }

std::string TapeWriter::take() {
  buffer_.resize(size_);
  std::string out = std::move(buffer_);
  buffer_.clear();
  size_ = 0;
  return out;
}

size_t TapeWriter::put_varint(char* out, uint64_t value) {
  size_t n = 0;
  while (value >= 0x80) {
    out[n++] = static_cast<char>((value & 0x7F) | 0x80);
    value >>= 7;
  }
  out[n++] = static_cast<char>(value);
  return n;
}

void TapeWriter::tagged_bytes(uint8_t t, std::string_view bytes) {
  char* out = room(1 + kMaxVarintBytes + bytes.size());
  out[0] = static_cast<char>(t);
  const size_t header = 1 + put_varint(out + 1, bytes.size());
  std::memcpy(out + header, bytes.data(), bytes.size());
  size_ += header + bytes.size();
}

void TapeWriter::unsigned_number(uint64_t value) {
  if (value >= (uint64_t{1} << 53)) {
    double_number(static_cast<double>(value));
    return;
  }
  char* out = room(1 + kMaxVarintBytes);
  out[0] = static_cast<char>(kUnsigned);
  size_ += 1 + put_varint(out + 1, value);
}

void TapeWriter::double_number(double value) {
  if (!std::isfinite(value)) {
    null();
    return;
  }
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the tape stores doubles little endian");
  char* out = room(1 + sizeof value);
  out[0] = static_cast<char>(kDouble);
  std::memcpy(out + 1, &value, sizeof value);
  size_ += 1 + sizeof value;
}

}  // namespace ai
