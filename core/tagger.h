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
// has a context stage), u32 base hash bits, u32 context hash bits, u32
// gazetteer size and the gazetteer text (gazetteer.h format), u32 word
// class size and the word classes (word_clusters.h format); per stage:
// i16 transitions[(17 + 1) x 17] (row 17 is the sentence start), u32 row
// count, rows of (varint bucket delta, u24 mask of the labels with a nonzero
// weight, one i8 weight per set bit, in label order); finally u32 FNV-1a of
// everything before. Each stage's weights are quantised with one scale
// (its largest weight becomes 127); buckets whose weights are all zero, or
// all below a pruning threshold, are not stored.
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

// One stage's parameters in training form (floats).
struct StageWeights {
  int hash_bits = 0;
  std::vector<float> emissions;    // (1 << hash_bits) x kLabelCount
  std::vector<float> transitions;  // kTransitionCount
};

// Everything a model blob holds, in training form.
struct TaggerModel {
  std::string gazetteer;  // gazetteer.h text format
  std::string clusters;   // word_clusters.h text format; empty: no word classes
  StageWeights base;
  StageWeights context;   // empty emissions: no context stage
  int prune_below = 0;    // buckets whose quantised weights are all smaller than this are dropped
};

// Encodes `model` as a blob (quantising weights).
std::string encode_tagger_model(const TaggerModel& model);

// Best BILOU-valid label sequence for one sentence: `emissions` holds
// n x kLabelCount scores, `transitions` kTransitionCount scores; writes n
// labels. Score is float (training) or int32_t (tagging).
template <typename Score>
void viterbi_decode(const Score* emissions, size_t n, const Score* transitions, uint8_t* labels, std::vector<Score>* scratch,
                    std::vector<uint8_t>* backpointers);

// Turns a label sequence into mentions (ill-formed runs are closed leniently).
std::vector<TaggedMention> labels_to_mentions(const std::vector<uint8_t>& labels);

class Tagger {
 public:
  // Loads a blob. Fails on a bad magic number, version, checksum, or a
  // truncated or inconsistent blob; never reads out of bounds.
  static Result<Tagger> load(std::string_view blob);

  // Label per token of `doc` (kOutside for tokens outside entities).
  std::vector<uint8_t> label(const Document& doc) const;
  // The mentions of `doc`, in text order.
  std::vector<TaggedMention> tag(const Document& doc) const { return labels_to_mentions(label(doc)); }

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  Gazetteer gazetteer_;
  WordClusters clusters_;
  bool has_clusters_ = false;
  bool has_context_ = false;
  // The weight row of feature `id`: base labels, then (with a context stage)
  // context labels. Null when neither stage stores a row for its bucket
  // (all its weights are zero), so the feature adds nothing.
  const int8_t* stored_row(uint32_t id) const {
    const uint32_t row = row_of_bucket_[id & hash_mask_];
    return row == 0 ? nullptr : &rows_[(row - 1) * row_stride_];
  }

  // A hint to start loading row `row` (an entry of row_of_bucket_) into cache.
  void prefetch_row(uint32_t row) const {
#if defined(__GNUC__) || defined(__clang__)
    if (row != 0) __builtin_prefetch(&rows_[(row - 1) * row_stride_]);
#else
    (void)row;
#endif
  }

  uint32_t hash_mask_ = 0;
  // Per hash bucket, 0 or 1 + the index of its row in rows_. Only stored
  // rows are kept, packed, the two stages interleaved, so one memory access
  // per feature serves both passes and the hot set stays a fraction of a
  // dense buckets x labels table.
  std::vector<uint32_t> row_of_bucket_;
  size_t row_stride_ = kLabelCount;
  std::vector<int8_t> rows_;
  std::vector<int32_t> base_transitions_;
  std::vector<int32_t> context_transitions_;
};

}  // namespace ai
