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

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "result.h"

namespace ai {

// Longest entry, in tokens, that matching looks for.
constexpr int kGazetteerMaxTokens = 6;

// Key of the empty sequence, and of `key`'s sequence extended by `token`
// (ASCII letters case-folded, so "NEW YORK" and "New York" share a key).
uint64_t gazetteer_key_start();
uint64_t gazetteer_key_extend(uint64_t key, std::string_view token);

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

  // Adds `count` sightings of the token sequence `tokens` as type `type` (0..3).
  void add(const std::vector<std::string_view>& tokens, int type, uint16_t count = 1);

  // Entry for `key`. With `held_out`, sightings counted in `held_out` are
  // subtracted first: a type stays only if it was also seen elsewhere.
  GazetteerHit lookup(uint64_t key, const Gazetteer* held_out = nullptr) const;

  size_t size() const { return entries_; }

 private:
  struct Slot {
    uint64_t key = 0;  // 0 = empty
    uint16_t counts[4] = {0, 0, 0, 0};
    bool is_prefix = false;
  };
  // Grows the table (never shrinks it) to hold `keys` keys at most half full.
  void reserve(size_t keys);
  Slot* find_or_insert(uint64_t key);
  const Slot* find(uint64_t key) const;

  std::vector<Slot> slots_;
  size_t used_ = 0;
  size_t entries_ = 0;
};

}  // namespace ai
