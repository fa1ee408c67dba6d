// tagger.h — the entity tagger: a linear sequence model over BILOU labels.
//
// Two stages, each an averaged perceptron (trained by tools/train_ner),
// decoded with Viterbi under BILOU constraints so that every output is a
// well-formed mention. The base stage scores hashed features of each token
// (ner_features.h). The context stage rescores the same features plus a few
// computed from the base stage's labels over the whole document (a name
// tagged PER once helps its later, shorter mentions; an acronym borrows its
// expansion's type) and decodes again.
//
// The model is a compact binary blob, loaded from bytes:
//
//   ai::Result<ai::Tagger> tagger = ai::Tagger::load(ai::builtin_ner_model());
//   for (const ai::TaggedMention& m : tagger.value().tag(doc)) ...
//
// Blob layout (little-endian): "AINERMDL", u32 version, u32 flags (bit 0:
// has a context stage), u32 hash bits, u32 gazetteer size and the gazetteer
// (Gazetteer::encode's bytes), u32 word class size and the word classes
// (word_clusters.h format); per stage, i16 transitions[(17 + 1) x 17] (row
// 17 is the sentence start); a bitmap of the hash buckets that have weights
// (one bit per bucket, least significant first); u32 row count (the bits
// set) and, per such bucket in ascending order, one row of 34 weights (each
// an i8 with its top bit flipped, so that a zero weight is 0x80): the base
// stage's 17, then the context stage's (zeros without one);
// finally a u32 checksum of everything before (FNV-1a over 8-byte
// little-endian words, folded to 32 bits). Each stage's weights are
// quantised with one scale (its largest weight becomes 127); a stage's
// weights of a bucket count as zero when they all are, or all fall below a
// pruning threshold, and buckets where both stages' do have no row.
//
// The rows are stored as the tagger reads them: loading copies them, with
// no decoding, because it runs on every start of the native engine (the
// wasm module is built with its engine already loaded). Three quarters of
// the weights are zero, which costs raw size but not compressed size:
// gzip packs the zeros better than a sparse encoding did.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "entities.h"
#include "gazetteer.h"
#include "ner_features.h"
#include "result.h"
#include "text.h"
#include "word_clusters.h"

namespace ai {

// A mention: the token range [first_token, end_token) and its type.
struct TaggedMention {
  size_t first_token = 0;
  size_t end_token = 0;
  EntityType type = EntityType::kMisc;
};

// Index of `from`'s row in a transition table; row kStartRow is the sentence start.
constexpr int kStartRow = kLabelCount;
constexpr int kTransitionCount = (kLabelCount + 1) * kLabelCount;

// One stage's parameters in training form (floats). Both stages of a model
// have the same hash_bits.
struct StageWeights {
  int hash_bits = 0;
  std::vector<float> emissions;    // (1 << hash_bits) x kLabelCount
  std::vector<float> transitions;  // kTransitionCount
};

// Everything a model blob holds, in training form.
struct TaggerModel {
  Gazetteer gazetteer;
  std::string clusters;   // word_clusters.h text format; empty: no word classes
  StageWeights base;
  StageWeights context;   // empty emissions: no context stage
  int prune_below = 0;    // buckets whose quantised weights are all smaller than this are dropped
};

// Encodes `model` as a blob (quantising weights).
std::string encode_tagger_model(const TaggerModel& model);

// Best BILOU-valid label sequence for one sentence: `emissions` holds
// n x kLabelCount scores, `transitions` kTransitionCount scores; writes n
// labels. Score is float (training) or int32_t. Among equal scores the
// lowest labels win.
template <typename Score>
void viterbi_decode(const Score* emissions, size_t n, const Score* transitions, uint8_t* labels, std::vector<Score>* scratch,
                    std::vector<uint8_t>* backpointers);

// A stage's transition scores arranged for decode_rows. BILOU allows few
// transitions, in two patterns: a label that opens a mention or is O (O,
// B-*, U-*) follows any label that closes one or O (O, L-*, U-*), and I-x
// and L-x follow B-x or I-x. The first pattern is a dense 9 x 9 block,
// scored for all nine targets at once.
class TransitionTable {
 public:
  TransitionTable() = default;
  // `transitions`: kTransitionCount scores as viterbi_decode takes them.
  explicit TransitionTable(const std::vector<int32_t>& transitions);

  static constexpr int kOpenCount = 1 + 2 * 4;    // O, B-*, U-*
  static constexpr int kInsideCount = 2 * 4;      // I-*, L-*
  static constexpr int kOpenLanes = 12;           // kOpenCount, padded for vector code
  static constexpr int kWholeCount = 1 + 4;       // O, U-*: the labels of a one-token sentence

 private:
  friend void decode_rows(const int16_t*, size_t, size_t, const TransitionTable&, uint8_t*, std::vector<int32_t>*);

  // The label before `y` on the best path, given the Viterbi scores `prev`
  // of the previous token and `score`, the best score of a path to `y`
  // before `y`'s emission: the first predecessor (in ascending order) whose
  // path reaches that score, which is the one the forward pass kept (it
  // replaced its best only with a strictly better one, trying predecessors
  // in order).
  int best_predecessor(const int32_t* prev, int y, int32_t score) const;

  int32_t from_start_[kLabelCount] = {};  // kUnreachable where a label may not start
  uint8_t open_[kOpenCount] = {};         // the labels that may start, ascending
  uint8_t closing_[kOpenCount] = {};      // their predecessors (the labels that may end), ascending
  int32_t open_score_[kOpenCount][kOpenLanes] = {};  // [i][j]: from closing_[i] to open_[j]
  uint8_t inside_[kInsideCount] = {};     // I-* and L-*
  uint8_t inside_from_[kInsideCount][2] = {};      // B-x and I-x, ascending
  int32_t inside_score_[kInsideCount][2] = {};
  bool opens_[kLabelCount] = {};          // whether a label is in open_ (else in inside_)
  uint8_t slot_of_[kLabelCount] = {};     // its index there
  uint8_t whole_[kWholeCount] = {};       // the labels that may both start and end, ascending
};

// viterbi_decode<int32_t> for the tagger's score layout: token t's
// kLabelCount emission scores are int16 at emissions[t * stride]. The same
// labels, ties included; `scratch` is reused storage.
void decode_rows(const int16_t* emissions, size_t stride, size_t n, const TransitionTable& transitions, uint8_t* labels,
                 std::vector<int32_t>* scratch);

// Turns a label sequence into mentions (ill-formed runs are closed leniently).
std::vector<TaggedMention> labels_to_mentions(const std::vector<uint8_t>& labels);

class Tagger {
 public:
  // Loads a blob. Fails on a bad magic number, version, checksum, or a
  // truncated or inconsistent blob; never reads out of bounds.
  static Result<Tagger> load(std::string_view blob);

  // Label per token of `doc` (kOutside for tokens outside entities). Keeps
  // the sums of candidate tokens' own features in a cache per thread, which
  // persists across documents (and serves one model at a time).
  std::vector<uint8_t> label(const Document& doc) const;
  // The same labels, with `own_cache` (null: none) instead of the thread's
  // cache; the cache may not be used by two threads at once. The features of
  // about `run_candidates` candidate tokens (whole segments, at least one)
  // are written and summed at a time, so that a long text never holds all
  // of its features; the labels do not depend on it.
  static constexpr size_t kRunCandidates = size_t{1} << 12;
  std::vector<uint8_t> label(const Document& doc, OwnScoreCache* own_cache, size_t run_candidates = kRunCandidates) const;
  // The mentions of `doc`, in text order.
  std::vector<TaggedMention> tag(const Document& doc) const { return labels_to_mentions(label(doc)); }

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  Gazetteer gazetteer_;
  WordClusters clusters_;
  bool has_clusters_ = false;
  bool has_context_ = false;
  // Row k of the packed weights: kLabelCount base-stage weights, then
  // kLabelCount context-stage weights (zeros without a context stage).
  static constexpr size_t kRowWidth = 2 * kLabelCount;

  // Writes into `scores` (kRowWidth per candidate token of segments
  // [first_segment, end_segment), in order) the sum of the rows of each
  // token's features in `base`, which holds the ids of those segments
  // (FeatureWriter::write), using a row index of type Index, and, if they
  // were written with `own_cache`, the sums of own features from there
  // (filling the entries it missed).
  template <typename Index>
  void sweep_rows(const std::vector<Index>& row_of_bucket, const TokenFeatures& base, size_t first_segment, size_t end_segment,
                  OwnScoreCache* own_cache, std::vector<uint32_t>* feature_rows, std::vector<uint32_t>* own_rows,
                  int16_t* scores) const;

  uint32_t hash_mask_ = 0;
  // Distinct per loaded model, so that a cache of sums serves one model only.
  uint64_t cache_owner_ = 0;
  // Per hash bucket, the index of its row in rows_; row 0 is all zero
  // weights and stands for every bucket neither stage stores, so that every
  // feature adds a row without a branch. The rows of the two stages are
  // interleaved, so one memory access per feature serves both passes, and
  // only stored rows are kept, packed, so the hot set is a fraction of a
  // dense buckets x labels table. The index is 16-bit whenever the rows fit
  // (the shipped model's do), which halves its cache footprint; otherwise
  // 32-bit.
  std::vector<uint16_t> narrow_row_of_bucket_;
  std::vector<uint32_t> wide_row_of_bucket_;
  std::vector<uint8_t> rows_;  // as stored: each weight plus 128 (its top bit flipped)
  TransitionTable base_transitions_;
  TransitionTable context_transitions_;
};

}  // namespace ai
