// ner_features.h — the labels and the features of the entity tagger.
//
// Labels are BILOU tags over four types: O, and B-/I-/L-/U- for PER, ORG,
// LOC and MISC (17 labels). "Kassym-Jomart Tokayev" is B-PER L-PER,
// "Almaty" is U-LOC. BILOU rather than BIO because it gives the model a
// separate "last token" and "single token" label, which measurably helps
// linear models on news (Ratinov & Roth 2009).
//
// Features are 32-bit hashes of (template, value) pairs: the lower-cased
// word and its neighbours within ±2, prefixes and suffixes, word shapes,
// word classes (word_clusters.h),
// capitalisation in context (sentence start, all-caps headline), gazetteer
// membership, and two kinds of document-level evidence: how the same word is
// written elsewhere in the document, and (second pass) which labels the
// first pass gave it elsewhere. The weight table is indexed by hash, so no
// feature strings are ever built:
//
//   ai::TokenFeatures f;
//   ai::extract_features(doc, gazetteer, {}, &f);
//   for (uint32_t k = f.offsets[i]; k < f.offsets[i + 1]; ++k) score(f.ids[k]);
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "entities.h"
#include "gazetteer.h"
#include "text.h"
#include "word_clusters.h"

namespace ai {

constexpr int kLabelCount = 17;
constexpr int kOutside = 0;

enum class TagPosition : uint8_t { kBegin, kInside, kLast, kUnit };

inline int make_label(EntityType type, TagPosition pos) { return 1 + static_cast<int>(type) * 4 + static_cast<int>(pos); }
// Preconditions for the two below: label != kOutside.
inline EntityType label_type(int label) { return static_cast<EntityType>((label - 1) / 4); }
inline TagPosition label_position(int label) { return static_cast<TagPosition>((label - 1) % 4); }

// Whether `to` may follow `from` in a BILOU sequence; from == -1 is the start
// of a sentence, to == -1 its end.
bool label_transition_allowed(int from, int to);

// The most ids extract_features gives one token, and the most that
// extract_second_pass_features adds: bounds that let the tagger sum a
// token's weights in 16 bits.
constexpr size_t kMaxFeaturesPerToken = 58;
constexpr size_t kMaxSecondPassFeaturesPerToken = 3;

// An allocator whose value-initialising construct() (what vector::resize
// calls) leaves the element uninitialised: for a buffer sized for the most
// it may hold, every element of which is written before it is read, so that
// growing it does not first fill it with zeros.
template <typename T>
struct UninitializedAllocator : std::allocator<T> {
  template <typename U>
  struct rebind {
    using other = UninitializedAllocator<U>;
  };
  UninitializedAllocator() noexcept = default;
  template <typename U>
  UninitializedAllocator(const UninitializedAllocator<U>&) noexcept {}
  template <typename U>
  void construct(U* p) noexcept(std::is_nothrow_default_constructible<U>::value) {
    ::new (static_cast<void*>(p)) U;
  }
  template <typename U, typename... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

// Feature ids, written a token at a time into room for the most it can get.
using FeatureIds = std::vector<uint32_t, UninitializedAllocator<uint32_t>>;

// Features of the tokens of a document that may belong to a name: token i's
// ids are ids[offsets[i] .. offsets[i + 1]). Only tokens in `segments`
// (token ranges [first, end) inside one sentence) are candidates; the rest
// have no features and are labelled O without scoring. Per-candidate
// arrays are indexed by candidate: the candidate tokens numbered in segment
// order, so that a long text's arrays grow with its candidates (about one
// token in six), not with its tokens.
struct TokenFeatures {
  FeatureIds ids;
  std::vector<uint32_t> offsets;
  // The same ranges by candidate (of a run, for FeatureWriter::write):
  // candidate c's ids are ids[candidate_offsets[c] .. candidate_offsets[c + 1]).
  std::vector<uint32_t> candidate_offsets;
  std::vector<std::pair<uint32_t, uint32_t>> segments;
  // What the second pass needs per candidate: its case-folded word key,
  // capitalisation context, and for an acronym defined in the text, 1 + the
  // index of the last token of its expansion (0 otherwise).
  std::vector<uint64_t> word_keys;
  std::vector<uint8_t> contexts;
  std::vector<uint32_t> expansions;
  // Per candidate, a dense index (below word_count) of its word key, so
  // that the second pass counts per word in a flat array.
  std::vector<uint32_t> word_ids;
  uint32_t word_count = 0;
  // Filled only with an OwnScoreCache (see extract_features).
  std::vector<uint32_t> own_slots;
  FeatureIds own_ids;
  std::vector<uint32_t> own_offsets;
};

// A token's own features are those that depend only on its text and its
// capitalisation context (sentence start, headline): bias, word, exact word,
// shape, length, prefixes, suffixes, capitalisation in context, and word
// classes. Candidate tokens repeat within and across documents, so the
// tagger keeps, per model and thread, the sums of their weight rows in this
// cache (direct-mapped, keyed by the exact word bytes and the context), and
// extract_features leaves out the own ids of every token whose sums it holds.
//
// The protocol between the two: extract_features (or FeatureWriter::write,
// for its run of segments), given a cache, claims one entry per cacheable
// candidate token, in segment order: a hit (the entry already names the
// token) or a miss (the entry is renamed for the token, and its sums are for
// the caller to fill). The caller must then fill the sums of every missed
// entry, in the same order, before the next call with this cache. A hit on
// an entry claimed earlier in the same document is then always filled
// before it is read, since the last claim before the hit was for the same
// word.
class OwnScoreCache {
 public:
  static constexpr size_t kWidth = 2 * kLabelCount;  // both stages' scores
  // Longer words are not cached (they are rare) and keep their own ids.
  static constexpr size_t kMaxWordBytes = 26;
  // 96 bytes; the name first, so that a claim reads one cache line.
  struct Entry {
    uint8_t size = 0;     // the word's byte length; 0: the entry is empty
    uint8_t context = 0;
    char word[kMaxWordBytes];
    int16_t sums[kWidth];
  };
  // 2^bits entries, all empty (bits 0 makes every word collide, for tests).
  explicit OwnScoreCache(int bits);

  // Empties every entry if the cache last served a different `owner` (an
  // id of the weights it sums), so that no sums outlive their model.
  void serve(uint64_t owner);
  // Empties every entry: for a caller whose claims may be left unfilled
  // (an exception between extract_features and the sums).
  void forget();
  Entry& entry(uint32_t slot) { return entries_[slot]; }

  // Starts loading the entry `claim` will read for these arguments (a
  // random place in the table), so that claims in a row overlap their misses.
  void prefetch(size_t word_size, uint8_t context, uint64_t folded) const;

  // The entry for `word` in `context`, whose case-folded hash is `folded`:
  // its slot, with kHit set if it already names the word. Without kHit the
  // entry is renamed for the word and its sums are left to fill. Words
  // longer than kMaxWordBytes get kUncached.
  static constexpr uint32_t kHit = 0x80000000u;
  static constexpr uint32_t kUncached = 0xFFFFFFFFu;
  uint32_t claim(std::string_view word, uint8_t context, uint64_t folded);

 private:
  uint32_t slot_of(size_t word_size, uint8_t context, uint64_t folded) const;

  std::vector<Entry> entries_;
  uint32_t slot_mask_;
  int shift_;
  uint64_t owner_ = 0;
};

// extract_features in two steps, for a caller that scores a long document
// a part at a time and so never holds all of its ids (58 at most per
// candidate token, where the scores of a candidate take 34):
//
//   ai::FeatureWriter writer;
//   writer.start(doc, gazetteer, clusters, nullptr, &f);      // segments, word facts
//   for (each run [a, b) of f.segments, in order) {
//     writer.write(a, b, &f, own_cache);                      // ids of that run only
//     ... score them, filling the cache's missed entries ...
//   }
//
// Written over all segments at once, the ids are extract_features'.
class FeatureWriter {
 public:
  FeatureWriter();
  ~FeatureWriter();
  FeatureWriter(const FeatureWriter&) = delete;
  FeatureWriter& operator=(const FeatureWriter&) = delete;

  // The document-wide pass of extract_features (same arguments): fills
  // `out` but for its ids (all of `out` but ids, offsets, candidate_offsets
  // and own_* is then final), and keeps what write() needs of `doc`, which
  // must outlive the writes. Storage is reused from one document to the next.
  // A text of more than `window_tokens` tokens is described a window of
  // sentences at a time (and so again per run by write()), in room for a
  // window, not for every token; the features are the same.
  static constexpr size_t kWindowTokens = size_t{1} << 18;
  void start(const Document& doc, const Gazetteer& gazetteer, const WordClusters* clusters, const Gazetteer* held_out,
             TokenFeatures* out, size_t window_tokens = kWindowTokens);
  // Replaces `out`'s ids with those of the candidate tokens of segments
  // [first_segment, end_segment) of the started document: the run's c-th
  // candidate's are ids[candidate_offsets[c] .. candidate_offsets[c + 1]),
  // and with an `own_cache`, own_slots, own_offsets and own_ids are indexed
  // likewise. `offsets` is left as it is. The claims in `own_cache` are as
  // extract_features describes, for the run's tokens. Runs in order (each
  // starting where the last ended) are cheapest; any run may be written.
  void write(size_t first_segment, size_t end_segment, TokenFeatures* out, OwnScoreCache* own_cache = nullptr);

 private:
  struct Facts;
  std::unique_ptr<Facts> facts_;
};

// Fills `out` with the first-pass features of `doc`, a Document as
// analyze_text makes it (its sentences cover its tokens, in order).
// `clusters` may be null (no word-class features). `held_out` (trainer
// only) holds sightings to subtract from the gazetteer: the document's own
// names. Linear in the document; reuses `out`'s storage, and its own working
// storage per thread (so concurrent calls from several threads are safe).
//
// With an `own_cache` (see OwnScoreCache), every candidate gets a slot in
// `out->own_slots`; a missed token's own ids go to `out->own_ids` (its
// range is own_offsets[c] .. own_offsets[c + 1], c its candidate index in
// segment order), a hit token's are left out, and only uncached tokens
// keep them among `ids`. Without one, all ids are in `ids`, in a fixed order.
void extract_features(const Document& doc, const Gazetteer& gazetteer, const WordClusters* clusters, const Gazetteer* held_out,
                      TokenFeatures* out, OwnScoreCache* own_cache = nullptr);

// Fills `out` with the second pass's extra features, given the first pass's
// features `base` and its label per token: the token's own first-pass label,
// the label most often given to the same word elsewhere in the document, and
// for an acronym the label of its expansion. The second stage scores base
// and extra features together.
void extract_second_pass_features(const TokenFeatures& base, const std::vector<uint8_t>& first_pass, TokenFeatures* out);
// The same ids, with only `out`'s ids and candidate_offsets filled (its
// offsets and segments are left as they are): for the tagger, which reads
// them by candidate and so needs nothing per token.
void extract_second_pass_candidate_features(const TokenFeatures& base, const std::vector<uint8_t>& first_pass, TokenFeatures* out);

}  // namespace ai
