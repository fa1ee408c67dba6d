// phrase_set.h — which of a fixed list of phrases occur in a text, in one pass.
//
// The layout reader asks of every short line whether it contains any of some
// two dozen phrases ("all rights reserved", "sign up", "cookie policy"). One
// search per phrase reads the line two dozen times; a PhraseSet reads it once.
// At each byte it looks up the four bytes there (with bit 0x20 set in each, a
// superset of ASCII lower-casing) in a small table of the phrases' first four
// bytes, and compares a whole phrase only on a hit.
//
//   static const ai::PhraseSet kPhrases({"cookie policy", "privacy policy"});
//   const uint64_t found = kPhrases.find_in(line);
//   if (found & (uint64_t{1} << 1)) ...  // "privacy policy" occurs in line
//
// Matching ignores the case of ASCII letters only, like comparing the text
// lower-cased byte by byte with ASCII rules; other bytes match exactly.
#pragma once

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
    for (size_t i = 0; i < phrases_.size() && i < kMaxPhrases; ++i) {
      prefixes_[i] = key_at(phrases_[i].data());
      buckets_[bucket_of(prefixes_[i])] |= uint64_t{1} << i;
    }
  }

  // Bit i is set when phrase i occurs somewhere in `text`, ASCII case ignored.
  uint64_t find_in(std::string_view text) const {
    uint64_t found = 0;
    if (text.size() < 4) return found;
    const char* data = text.data();
    for (size_t at = 0; at + 4 <= text.size(); ++at) {
      const uint32_t key = key_at(data + at);
      for (uint64_t candidates = buckets_[bucket_of(key)] & ~found; candidates != 0; candidates &= candidates - 1) {
        const auto i = static_cast<size_t>(__builtin_ctzll(candidates));
        if (prefixes_[i] == key && matches_at(text, at, phrases_[i])) found |= uint64_t{1} << i;
      }
    }
    return found;
  }

 private:
  static constexpr unsigned kBucketBits = 8;

  // Four bytes with bit 0x20 set in each. Lower-casing ASCII only ever sets
  // that bit, so text whose lower-cased form starts with a phrase has the
  // phrase's key; other text may share it too, and matches_at rules it out.
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

  std::vector<std::string_view> phrases_;
  std::array<uint32_t, kMaxPhrases> prefixes_{};
  std::array<uint64_t, size_t{1} << kBucketBits> buckets_{};
};

}  // namespace ai
