// word_table.h — constant-time lookup of short words in any letter case.
//
// Extractors compare tokens against fixed word lists ("rose", "fell",
// "killed", month names...). Lower-casing each token into a std::string and
// comparing it with every list entry costs an allocation-sized copy and a
// strlen per entry; a WordTable instead packs the token into two machine words
// once and finds it by comparing two table slots.
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

namespace word_table_detail {
// The masks that keep the first n of 16 bytes read as two little-endian
// integers, for n = 0..16, and none for n = 17.
struct Masks {
  uint64_t low, high;
};
constexpr Masks mask_of(size_t n) {
  return n > kMaxWordTableWord ? Masks{0, 0}
                               : Masks{n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1,
                                       n >= 16 ? ~uint64_t{0} : n <= 8 ? 0 : (uint64_t{1} << (8 * (n - 8))) - 1};
}
inline constexpr Masks kMasks[kMaxWordTableWord + 2] = {
    mask_of(0),  mask_of(1),  mask_of(2),  mask_of(3),  mask_of(4),  mask_of(5),  mask_of(6),
    mask_of(7),  mask_of(8),  mask_of(9),  mask_of(10), mask_of(11), mask_of(12), mask_of(13),
    mask_of(14), mask_of(15), mask_of(16), mask_of(17)};
}  // namespace word_table_detail

// A word of 1..16 bytes as two little-endian integers, case folded, with the
// bytes past its end zero, and a hash of all that. Every byte of the word has
// bit 0x20 set once folded, so the two integers alone tell words (and their
// lengths) apart.
struct FoldedWord {
  uint64_t low = 0, high = 0;
  uint64_t hash = 0;
  uint32_t size = 0;

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
    k.hash = hash_of(k.low, k.high);
    return k;
  }

  // As of(), for a word with 16 readable bytes at its start (inside a larger
  // text): two loads and two masks from a table, no branches on the length
  // (word lengths in running text are too random to predict). A longer word
  // gets the key of no word.
  static FoldedWord of_padded(const char* p, size_t n) {
    constexpr uint64_t kFold = 0x2020202020202020ull;
    const size_t m = n <= kMaxWordTableWord ? n : kMaxWordTableWord + 1;
    FoldedWord k;
    k.low = (load(p, 8) | kFold) & word_table_detail::kMasks[m].low;
    k.high = (load(p + 8, 8) | kFold) & word_table_detail::kMasks[m].high;
    k.size = static_cast<uint32_t>(n);
    k.hash = hash_of(k.low, k.high);
    return k;
  }

  // One multiply per half; a table takes its bits from the top down, where
  // every input bit has had its say.
  static uint64_t hash_of(uint64_t low, uint64_t high) {
    return (low * 0x9E3779B97F4A7C15ull) ^ (high * 0xC2B2AE3D27D4EB4Full);
  }

 private:
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

// A map from folded words to values, built once, read-only afterwards (and
// then safe to share between threads).
//
// Cuckoo hashing: a word sits in one of exactly two places. A lookup reads a
// 16-bit tag at both (the tags of a few thousand words fit in the first-level
// cache), then compares the full key at the place whose tag matched, or at a
// spare place that holds no word when neither did. It takes the same steps
// whether the word is there or not: tokens of running text are a coin flip
// between the two, and a branch on the outcome would mispredict on every
// other token, while the keys of absent words, read at random, would miss
// the cache.
template <typename Value>
class WordTable {
 public:
  WordTable() : values_(1) { resize(16); }
  WordTable(std::initializer_list<std::pair<std::string_view, Value>> entries) : WordTable() {
    for (const auto& [word, value] : entries) add(word) = value;
  }

  // The value stored under `word` (folded), default-constructed on first use.
  // The reference is valid until the next add().
  // Precondition: 1 <= word.size() <= kMaxWordTableWord.
  Value& add(std::string_view word) {
    const FoldedWord key = FoldedWord::of(word);
    if (const uint32_t found = entry(key)) return values_[found];
    values_.emplace_back();
    Slot homeless{key.low, key.high, static_cast<uint32_t>(values_.size() - 1)};
    // At most half full: two-choice cuckoo placement then rarely fails.
    if (2 * values_.size() > tags_.size() || !place(&homeless)) rebuild(tags_.size() * 2, homeless);
    return values_.back();
  }

  // The value of `word` in any case, or nullptr.
  const Value* find(std::string_view word) const { return value(entry(word)); }
  // The same, for a word inside a text that stays readable up to
  // `readable_end`: the key then takes two loads (the bytes after the word
  // are read but do not matter).
  const Value* find(std::string_view word, const char* readable_end) const { return value(entry(word, readable_end)); }

  // Entries number the stored words 1..size() in the order they were added,
  // for callers that keep facts about them in arrays of their own; 0 is the
  // entry of every other word.
  size_t size() const { return values_.size() - 1; }
  uint32_t entry(std::string_view word) const {
    if (word.empty() || word.size() > kMaxWordTableWord) return 0;
    return entry(FoldedWord::of(word));
  }
  uint32_t entry(std::string_view word, const char* readable_end) const {
    if (word.empty() || word.size() > kMaxWordTableWord) return 0;
    if (readable_end - word.data() < 16) return entry(word);
    return entry(FoldedWord::of_padded(word.data(), word.size()));
  }
  // The entry of a key made by FoldedWord::of or of_padded. It takes the
  // same steps whether the word is there or not.
  uint32_t entry(const FoldedWord& key) const { return reader().entry(key); }
  // The value of an entry, or nullptr for 0 (without a branch on which).
  const Value* value(uint32_t entry) const { return reader().value(entry); }

  struct Key {
    uint64_t low = 0, high = 0;
  };

  // The table's arrays and shifts as plain values, for a loop that looks up
  // many words: held in registers, they need not be read again through the
  // table after every byte the loop stores (a char store may alias anything).
  struct Reader {
    const uint16_t* tags;
    const Key* keys;
    const uint32_t* entries;
    const Value* values;
    size_t spare;  // the index of the spare place, also the number of places
    unsigned first_shift, second_shift, tag_shift;

    uint32_t entry(const FoldedWord& key) const {
      const size_t a = key.hash >> first_shift, b = (key.hash >> second_shift) & (spare - 1);
      const uint16_t tag = static_cast<uint16_t>(key.hash >> tag_shift) | 1;
      const size_t tag_a = tags[a] == tag, tag_b = tags[b] == tag;
      // Masks, not conditional expressions: compilers turn those into the
      // very branches this avoids.
      size_t at = spare;
      at ^= (at ^ b) & (0 - tag_b);
      at ^= (at ^ a) & (0 - tag_a);
      const uint32_t same = (keys[at].low == key.low) & (keys[at].high == key.high);
      // Both tags match one time in 65536 for a word that is not at a: then b too.
      if (__builtin_expect(tag_a & tag_b & (same ^ 1), 0))
        return keys[b].low == key.low && keys[b].high == key.high ? entries[b] : 0;
      return entries[at] & (0u - same);
    }
    const Value* value(uint32_t entry) const {
      const auto address = reinterpret_cast<uintptr_t>(values + entry);
      return reinterpret_cast<const Value*>(address & (uintptr_t{0} - (entry != 0)));
    }
  };
  // Valid until the next add().
  Reader reader() const {
    return {tags_.data(), keys_.data(), entries_.data(), values_.data(), tags_.size(), 64 - bits_, 64 - 2 * bits_,
            48 - 2 * bits_};
  }

 private:
  // A word's key and entry, while the table is built; low == 0 is no word.
  struct Slot {
    uint64_t low = 0, high = 0;
    uint32_t entry = 0;  // index into values_
    uint64_t hash() const { return FoldedWord::hash_of(low, high); }
  };
  // A table of 2^bits_ places reads the hash's top bits, then the next
  // bits, then 16 more for the tag (0 marks a free place); as Reader does.
  size_t first_place(uint64_t hash) const { return hash >> (64 - bits_); }
  size_t second_place(uint64_t hash) const { return (hash >> (64 - 2 * bits_)) & (tags_.size() - 1); }
  uint16_t tag_of(uint64_t hash) const { return static_cast<uint16_t>(hash >> (48 - 2 * bits_)) | 1; }

  Slot slot_at(size_t i) const { return {keys_[i].low, keys_[i].high, entries_[i]}; }
  void put(size_t i, const Slot& s) {
    keys_[i] = {s.low, s.high};
    entries_[i] = s.entry;
    tags_[i] = s.low == 0 ? 0 : tag_of(s.hash());
  }
  // Empties the table and gives it `size` (a power of two, at most 2^24)
  // places plus the spare.
  void resize(size_t size) {
    bits_ = static_cast<unsigned>(__builtin_ctzll(size));
    tags_.assign(size, 0);
    keys_.assign(size + 1, Key{});
    entries_.assign(size + 1, 0);
  }

  // Puts *slot in one of its places, moving residents to their other place
  // as needed; false if that goes on too long, with *slot then holding the
  // word left without a place.
  bool place(Slot* slot) {
    size_t at = first_place(slot->hash());
    if (tags_[at] != 0 && tags_[second_place(slot->hash())] == 0) at = second_place(slot->hash());
    for (int moves = 0; moves < 64; ++moves) {
      const Slot resident = slot_at(at);
      put(at, *slot);
      if (resident.low == 0) return true;
      *slot = resident;
      const uint64_t hash = slot->hash();
      at = at == first_place(hash) ? second_place(hash) : first_place(hash);
    }
    return false;
  }
  // Re-places every word (and `extra`) in a table of `size` places, doubling
  // until all fit.
  void rebuild(size_t size, Slot extra) {
    std::vector<Slot> all{extra};
    for (size_t i = 0; i < tags_.size(); ++i)
      if (tags_[i] != 0) all.push_back(slot_at(i));
    for (;; size *= 2) {
      resize(size);
      bool placed = true;
      for (Slot s : all) placed = placed && place(&s);
      if (placed) return;
    }
  }

  unsigned bits_ = 0;
  std::vector<uint16_t> tags_;   // per place: 0 when free, else a tag of the word's hash
  std::vector<Key> keys_;        // per place, and the spare place at the end (always free)
  std::vector<uint32_t> entries_;
  std::vector<Value> values_;    // values_[0] stands for "absent" and is never returned
};

}  // namespace ai
