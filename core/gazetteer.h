// gazetteer.h — lists of known names that the entity tagger consults.
//
// A gazetteer maps case-folded token sequences ("united nations",
// "kassym-jomart tokayev") to the entity types they were seen with. The
// tagger does not trust it blindly: membership becomes a feature ("this token
// starts a known LOC name"), and the model learns how much that is worth.
//
// Entries are keyed by a hash of their tokens, so matching a document costs
// one table probe per token and candidate length, with no string building:
//
//   ai::Gazetteer g = ai::Gazetteer::parse("LOC\tNew York\nORG\tUnited Nations\n").value();
//   uint64_t key = ai::gazetteer_key_start();
//   key = ai::gazetteer_key_extend(key, "new");   // probe g.lookup(key) ...
//   key = ai::gazetteer_key_extend(key, "York");  // g.lookup(key).types has the LOC bit
//
// The trainer builds gazetteers from counts, and can hold out one document's
// own entries (so that a training name does not vouch for itself).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "hash64.h"
#include "result.h"

namespace ai {

// Longest entry, in tokens, that matching looks for.
constexpr int kGazetteerMaxTokens = 6;

// Key of the empty sequence, and of `key`'s sequence extended by `token`
// (ASCII letters case-folded, so "NEW YORK" and "New York" share a key).
inline uint64_t gazetteer_key_start() { return 0x6a09e667f3bcc908ULL; }
uint64_t gazetteer_key_extend(uint64_t key, std::string_view token);

// The same extension from the token's FNV-1a hash with ASCII letters
// case-folded, for callers that already have that hash (the entity tagger
// computes it for every token anyway): no second pass over the bytes.
inline uint64_t gazetteer_key_extend_folded_hash(uint64_t key, uint64_t folded_hash) {
  const uint64_t next = mix64(key * 31 + folded_hash);
  return next == 0 ? 1 : next;
}

struct GazetteerHit {
  uint8_t types = 0;      // bit t set: seen as EntityType t
  bool is_prefix = false;  // some longer entry starts with this sequence
};

class Gazetteer {
 public:
  // Parses lines "<TYPE>\t<name>", TYPE one of PER ORG LOC MISC; the name is
  // split into tokens by the core tokenizer. Lines starting with '#' are
  // comments. Fails on a malformed line.
  static Result<Gazetteer> parse(std::string_view text);

  // The gazetteer as bytes, for the entity model: u32 key count, the keys
  // (u64 each: hashed token sequences, as lookup takes them), then one flags
  // byte per key (bit t: seen as EntityType t; bit 4: a longer entry starts
  // with it), little-endian. Sighting counts are left out.
  std::string encode() const;
  // Reads encode()'s bytes, with one table insert per key and no
  // tokenizing: the engine starts several times faster than from the text.
  // A decoded gazetteer counts each of an entry's types as one sighting.
  // Fails on truncated or malformed bytes.
  static Result<Gazetteer> decode(std::string_view bytes);

  // Adds `count` sightings of the token sequence `tokens` as type `type` (0..3).
  void add(const std::vector<std::string_view>& tokens, int type, uint16_t count = 1);

  // Entry for `key`. With `held_out`, sightings counted in `held_out` are
  // subtracted first: a type stays only if it was also seen elsewhere.
  GazetteerHit lookup(uint64_t key, const Gazetteer* held_out = nullptr) const;

  size_t size() const { return entries_; }

  // A hint to start loading what lookup(key) reads into cache.
  void prefetch(uint64_t key) const {
#if defined(__GNUC__) || defined(__clang__)
    if (!keys_.empty()) __builtin_prefetch(&keys_[key & (keys_.size() - 1)]);
#else
    (void)key;
#endif
  }

 private:
  // Open addressing over parallel arrays: a lookup probes only the keys and
  // reads one byte of flags; the counts are read only to hold sightings out.
  // A decoded gazetteer has no counts until something is added to it.
  static constexpr uint8_t kPrefixFlag = 1u << 4;  // bits 0-3: types with a nonzero count
  static constexpr size_t kMissing = ~size_t{0};
  // Grows the table (never shrinks it) to hold `keys` keys at most half full.
  void reserve(size_t keys);
  // Sightings of type `type` in slot `slot`.
  uint16_t count(size_t slot, int type) const { return counts_.empty() ? (flags_[slot] >> type) & 1 : counts_[slot][type]; }
  // add() from the tokens' folded FNV-1a hashes (as gazetteer_key_extend computes them).
  void add_hashed(const uint64_t* folded_hashes, size_t tokens, int type, uint16_t count);
  size_t find_or_insert(uint64_t key);
  // Slot index of `key`, or kMissing.
  size_t find(uint64_t key) const;

  std::vector<uint64_t> keys_;  // 0 = empty
  std::vector<uint8_t> flags_;
  std::vector<std::array<uint16_t, 4>> counts_;
  size_t used_ = 0;
  size_t entries_ = 0;
};

}  // namespace ai
