// phrase_set.h — which of a fixed list of phrases occur in a text, in one pass.
//
// The layout reader asks of every short line whether it contains any of some
// two dozen phrases ("all rights reserved", "sign up", "cookie policy"). One
// search per phrase reads the line two dozen times; a PhraseSet reads it once.
// It looks up four bytes of the text (with bit 0x20 set in each, a superset
// of ASCII lower-casing) in a small table of four-byte pieces of the phrases,
// and compares a whole phrase only on a hit. When every phrase is at least
// 3 + k bytes long (k <= 4), it looks only at every k-th position: an
// occurrence spans one of them, at most k - 1 bytes after its start, so the
// table holds each phrase's pieces at offsets 0 to k - 1.
//
//   static const ai::PhraseSet kPhrases({"cookie policy", "privacy policy"});
//   const uint64_t found = kPhrases.find_in(line);
//   if (found & (uint64_t{1} << 1)) ...  // "privacy policy" occurs in line
//
// Matching ignores the case of ASCII letters only, like comparing the text
// lower-cased byte by byte with ASCII rules; other bytes match exactly.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace ai {

class PhraseSet {
 public:
  static constexpr size_t kMaxPhrases = 64;

  // `phrases`: at most kMaxPhrases, each at least 4 bytes long, with no
  // upper-case ASCII letter. The strings must outlive the set (literals do).
  explicit PhraseSet(std::initializer_list<std::string_view> phrases) : phrases_(phrases) {
    const size_t count = std::min(phrases_.size(), kMaxPhrases);
    size_t shortest = count > 0 ? phrases_[0].size() : 4;
    for (size_t i = 0; i < count; ++i) shortest = std::min(shortest, phrases_[i].size());
    stride_ = std::min(shortest - 3, kMaxStride);
    for (size_t offset = 0; offset < stride_; ++offset) {
      for (size_t i = 0; i < count; ++i) {
        keys_[offset][i] = key_at(phrases_[i].data() + offset);
        Bucket& bucket = buckets_[bucket_of(keys_[offset][i])];
        bucket.at_offset[offset] |= uint64_t{1} << i;
        bucket.any |= uint64_t{1} << i;
      }
    }
  }

  // Bit i is set when phrase i occurs somewhere in `text`, ASCII case ignored.
  uint64_t find_in(std::string_view text) const {
    uint64_t found = 0;
    const char* data = text.data();
    for (size_t at = 0; at + 4 <= text.size(); at += stride_) {
      const uint32_t key = key_at(data + at);
      const Bucket& bucket = buckets_[bucket_of(key)];
      if ((bucket.any & ~found) == 0) continue;
      // A phrase whose piece at `offset` is here starts `offset` bytes back.
      for (size_t offset = 0; offset < stride_ && offset <= at; ++offset) {
        for (uint64_t candidates = bucket.at_offset[offset] & ~found; candidates != 0; candidates &= candidates - 1) {
          const auto i = static_cast<size_t>(__builtin_ctzll(candidates));
          if (keys_[offset][i] == key && matches_at(text, at - offset, phrases_[i])) found |= uint64_t{1} << i;
        }
      }
    }
    return found;
  }

 private:
  static constexpr unsigned kBucketBits = 8;
  static constexpr size_t kMaxStride = 4;

  // Four bytes with bit 0x20 set in each. Lower-casing ASCII only ever sets
  // that bit, so text whose lower-cased form holds a phrase's four bytes has
  // their key; other text may share it too, and matches_at rules it out.
  static uint32_t key_at(const char* at) {
    uint32_t bytes;
    std::memcpy(&bytes, at, 4);
    return bytes | 0x20202020u;
  }
  static size_t bucket_of(uint32_t key) { return (key * 0x9E3779B1u) >> (32 - kBucketBits); }

  static bool matches_at(std::string_view text, size_t at, std::string_view phrase) {
    if (text.size() - at < phrase.size()) return false;
    for (size_t i = 0; i < phrase.size(); ++i) {
      const char c = text[at + i];
      if ((c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c) != phrase[i]) return false;
    }
    return true;
  }

  // The phrases whose piece at each offset, or at any, has a bucket's keys.
  struct Bucket {
    std::array<uint64_t, kMaxStride> at_offset{};
    uint64_t any = 0;
  };

  std::vector<std::string_view> phrases_;
  size_t stride_ = 1;  // the positions find_in looks at are its multiples
  std::array<std::array<uint32_t, kMaxPhrases>, kMaxStride> keys_{};  // [offset][phrase]
  std::array<Bucket, size_t{1} << kBucketBits> buckets_{};
};

}  // namespace ai
