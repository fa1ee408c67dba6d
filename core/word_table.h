// word_table.h — constant-time lookup of short words in any letter case.
//
// Extractors compare tokens against fixed word lists ("rose", "fell",
// "killed", month names...). Lower-casing each token into a std::string and
// comparing it with every list entry costs an allocation-sized copy and a
// strlen per entry; a WordTable instead packs the token into two machine words
// once and finds it with one hash probe.
//
//   static const ai::WordTable<int> kDirections({{"rose", 1}, {"fell", -1}});
//   if (const int* d = kDirections.find(token)) use(*d);
//
// Case folding sets bit 0x20 of every byte, which lower-cases ASCII letters
// and leaves digits and the punctuation words use ('.', '-', '$', '%', '#')
// alone. For words made of letters this is exactly ASCII case-insensitive
// equality; words longer than kMaxWordTableWord bytes are never found.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <initializer_list>
#include <string_view>
#include <utility>
#include <vector>

namespace ai {

constexpr size_t kMaxWordTableWord = 16;

// A word of 1..16 bytes as two little-endian integers, case folded, with the
// bytes past its end zero, and a hash of all that.
struct FoldedWord {
  uint64_t low = 0, high = 0;
  uint32_t size = 0, hash = 0;

  friend bool operator==(const FoldedWord& a, const FoldedWord& b) {
    return a.low == b.low && a.high == b.high && a.size == b.size;
  }

  // Precondition: 1 <= word.size() <= kMaxWordTableWord. Reads only the
  // bytes of `word`.
  static FoldedWord of(std::string_view word) {
    constexpr uint64_t kFold = 0x2020202020202020ull;
    FoldedWord k;
    const size_t n = word.size();
    k.low = first_bytes(word.data(), n) | (kFold & low_bytes(n));
    if (n > 8) k.high = (load(word.data() + n - 8, 8) >> (8 * (16 - n))) | (kFold & low_bytes(n - 8));
    k.size = static_cast<uint32_t>(n);
    k.hash = hash_of(k);
    return k;
  }

  // As of(), for a word with 16 readable bytes at its start (inside a larger
  // text): two loads and masks, no branches on the length.
  static FoldedWord of_padded(const char* p, size_t n) {
    constexpr uint64_t kFold = 0x2020202020202020ull;
    FoldedWord k;
    k.low = (load(p, 8) | kFold) & (~uint64_t{0} >> (64 - 8 * (n < 8 ? n : 8)));
    k.high = n > 8 ? (load(p + 8, 8) | kFold) & (~uint64_t{0} >> (128 - 8 * n)) : 0;
    k.size = static_cast<uint32_t>(n);
    k.hash = hash_of(k);
    return k;
  }

 private:
  static uint32_t hash_of(const FoldedWord& k) {
    const uint64_t mixed = (k.low * 0x9E3779B97F4A7C15ull) ^ (k.high * 0xC2B2AE3D27D4EB4Full) ^ k.size;
    return static_cast<uint32_t>((mixed ^ (mixed >> 29)) * 0xBF58476D1CE4E5B9ull >> 32);
  }
  static uint64_t load(const char* p, size_t n) {
    uint64_t v = 0;
    std::memcpy(&v, p, n);  // n is a constant at every call: one load, no call
    return v;
  }
  static uint64_t low_bytes(size_t n) { return n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1; }
  // The first min(n, 8) bytes of p for n >= 1, from two overlapping loads
  // whose shared bytes agree, so OR joins them.
  static uint64_t first_bytes(const char* p, size_t n) {
    if (n >= 8) return load(p, 8);
    if (n >= 4) return load(p, 4) | load(p + n - 4, 4) << (8 * (n - 4));
    if (n >= 2) return load(p, 2) | load(p + n - 2, 2) << (8 * (n - 2));
    return load(p, 1);
  }
};

// An open-addressed map from folded words to values, built once, read-only
// afterwards (and then safe to share between threads).
template <typename Value>
class WordTable {
 public:
  WordTable() : slots_(16) {}
  WordTable(std::initializer_list<std::pair<std::string_view, Value>> entries) : WordTable() {
    for (const auto& [word, value] : entries) add(word) = value;
  }

  // The value stored under `word` (folded), default-constructed on first use.
  // Precondition: 1 <= word.size() <= kMaxWordTableWord.
  Value& add(std::string_view word) {
    if (2 * (keys_.size() + 1) > slots_.size()) grow();
    const FoldedWord key = FoldedWord::of(word);
    Slot* s = probe(key);
    if (s->entry == 0) {
      keys_.push_back(key);
      values_.emplace_back();
      *s = {key.hash, static_cast<uint32_t>(keys_.size())};
    }
    return values_[s->entry - 1];
  }

  // The value of `word` in any case, or nullptr.
  const Value* find(std::string_view word) const {
    if (word.empty() || word.size() > kMaxWordTableWord) return nullptr;
    const Slot* s = probe(FoldedWord::of(word));
    return s->entry == 0 ? nullptr : &values_[s->entry - 1];
  }
  // The same, for a word inside a text that stays readable up to
  // `readable_end`: the key then takes two loads (the bytes after the word
  // are read but do not matter).
  const Value* find(std::string_view word, const char* readable_end) const {
    if (word.empty() || word.size() > kMaxWordTableWord) return nullptr;
    if (readable_end - word.data() < 16) return find(word);
    const Slot* s = probe(FoldedWord::of_padded(word.data(), word.size()));
    return s->entry == 0 ? nullptr : &values_[s->entry - 1];
  }

 private:
  struct Slot {
    uint32_t hash = 0;
    uint32_t entry = 0;  // 1-based index into keys_ and values_; 0 = empty
  };
  const Slot* probe(const FoldedWord& key) const {
    const size_t mask = slots_.size() - 1;
    size_t i = key.hash & mask;
    while (slots_[i].entry != 0 && (slots_[i].hash != key.hash || !(keys_[slots_[i].entry - 1] == key))) i = (i + 1) & mask;
    return &slots_[i];
  }
  Slot* probe(const FoldedWord& key) { return const_cast<Slot*>(static_cast<const WordTable*>(this)->probe(key)); }
  // Keeps the load at most one half, so a miss ends after a probe or two.
  void grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    for (const Slot& s : old)
      if (s.entry != 0) *probe(keys_[s.entry - 1]) = s;
  }

  std::vector<Slot> slots_;
  std::vector<FoldedWord> keys_;
  std::vector<Value> values_;
};

}  // namespace ai
