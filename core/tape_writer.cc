#include "tape_writer.h"

#include <algorithm>
#include <cmath>

namespace ai {

namespace {

// FNV-1a: the interned strings are short, so a simple byte loop does.
uint32_t hash_bytes(std::string_view bytes) {
  uint32_t hash = 2166136261u;
  for (char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 16777619u;
  return hash;
}

}  // namespace

TapeWriter::TapeWriter(size_t expected_size)
    : buffer_(new char[expected_size]), capacity_(expected_size), interned_(kInitialInternedSlots, InternedString{0, 0, 0}) {}

void TapeWriter::grow(size_t n) {
  const size_t capacity = std::max(capacity_ * 2, size_ + n + 64);
  std::unique_ptr<char[]> bigger(new char[capacity]);
  if (size_ > 0) std::memcpy(bigger.get(), buffer_.get(), size_);
  buffer_ = std::move(bigger);
  capacity_ = capacity;
}

std::string TapeWriter::take() {
  std::string out(buffer_.get(), size_);
  size_ = 0;
  std::fill(interned_.begin(), interned_.end(), InternedString{0, 0, 0});
  interned_count_ = 0;
  return out;
}

void TapeWriter::string(std::string_view text) {
  if (text.empty() || text.size() > kMaxInternedBytes) {
    tagged_bytes(kString, text);
    return;
  }
  const size_t mask = interned_.size() - 1;
  for (size_t slot = hash_bytes(text) & mask;; slot = (slot + 1) & mask) {
    const InternedString& entry = interned_[slot];
    if (entry.size == 0) break;
    if (entry.size == text.size() && std::memcmp(buffer_.get() + entry.offset, text.data(), text.size()) == 0) {
      char* out = room(1 + kMaxVarintBytes);
      out[0] = static_cast<char>(kStringRef);
      size_ += 1 + put_varint(out + 1, entry.index);
      return;
    }
  }
  // Every short kString is interned by the reader too, so the index counts them all.
  const size_t offset = tagged_bytes(kString, text);
  if (2 * (interned_count_ + 1) > interned_.size()) grow_interned();
  size_t slot = hash_bytes(text) & (interned_.size() - 1);
  while (interned_[slot].size != 0) slot = (slot + 1) & (interned_.size() - 1);
  interned_[slot] = {offset, static_cast<uint32_t>(text.size()), static_cast<uint32_t>(interned_count_)};
  ++interned_count_;
}

void TapeWriter::grow_interned() {
  std::vector<InternedString> old(interned_.size() * 2, InternedString{0, 0, 0});
  old.swap(interned_);
  const size_t mask = interned_.size() - 1;
  for (const InternedString& entry : old) {
    if (entry.size == 0) continue;
    size_t slot = hash_bytes(std::string_view(buffer_.get() + entry.offset, entry.size)) & mask;
    while (interned_[slot].size != 0) slot = (slot + 1) & mask;
    interned_[slot] = entry;
  }
}

void TapeWriter::begin_span(uint64_t end, uint64_t start) {
  char* out = room(1 + 2 * kMaxVarintBytes);
  out[0] = static_cast<char>(kSpan);
  size_t n = 1 + put_varint(out + 1, end);
  n += put_varint(out + n, start);
  size_ += n;
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

size_t TapeWriter::tagged_bytes(uint8_t t, std::string_view bytes) {
  char* out = room(1 + kMaxVarintBytes + bytes.size());
  out[0] = static_cast<char>(t);
  const size_t header = 1 + put_varint(out + 1, bytes.size());
  if (!bytes.empty()) std::memcpy(out + header, bytes.data(), bytes.size());
  const size_t bytes_offset = size_ + header;
  size_ += header + bytes.size();
  return bytes_offset;
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
