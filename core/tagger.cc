#include "tagger.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <limits>
#include <memory>

#if defined(__wasm_simd128__)
#include <wasm_simd128.h>
#endif

#include "little_endian.h"
#include "thread_scratch.h"

namespace ai {

namespace {

constexpr char kMagic[8] = {'A', 'I', 'N', 'E', 'R', 'M', 'D', 'L'};
constexpr uint32_t kVersion = 5;
constexpr int kMinHashBits = 10;
constexpr int kMaxHashBits = 22;

// The blob's checksum: FNV-1a over 8-byte little-endian words (then the
// last bytes one by one), folded to 32 bits. Word-wise because the check
// runs on every load of a model, over the whole of it.
uint32_t blob_checksum(std::string_view bytes) {
  uint64_t h = 14695981039346656037ull;
  constexpr uint64_t kPrime = 1099511628211ull;
  size_t i = 0;
  for (; i + 8 <= bytes.size(); i += 8) {
    uint64_t word = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    // One load instead of eight: this loop runs before wasm's optimising compiler has seen it.
    std::memcpy(&word, bytes.data() + i, 8);
#else
    for (int k = 0; k < 8; ++k) word |= uint64_t{static_cast<unsigned char>(bytes[i + k])} << (8 * k);
#endif
    h = (h ^ word) * kPrime;
  }
  for (; i < bytes.size(); ++i) h = (h ^ static_cast<unsigned char>(bytes[i])) * kPrime;
  return static_cast<uint32_t>(h ^ (h >> 32));
}

void put_u32(uint32_t v, std::string* out) { append_little_endian(v, 4, out); }

// Bounds-checked reader over a blob; every read fails softly past the end.
class Reader {
 public:
  explicit Reader(std::string_view bytes) : bytes_(bytes) {}
  bool u32(uint32_t* v) {
    if (bytes_.size() - pos_ < 4) return false;
    *v = static_cast<uint32_t>(read_little_endian(reinterpret_cast<const unsigned char*>(bytes_.data()) + pos_, 4));
    pos_ += 4;
    return true;
  }
  bool bytes(size_t n, std::string_view* out) {
    if (bytes_.size() - pos_ < n) return false;
    *out = bytes_.substr(pos_, n);
    pos_ += n;
    return true;
  }
  size_t remaining() const { return bytes_.size() - pos_; }

 private:
  std::string_view bytes_;
  size_t pos_ = 0;
};

template <typename T>
Result<T> fail(const std::string& why) {
  return Result<T>::failure("entity model: " + why);
}

}  // namespace

namespace {

constexpr uint32_t kHasContextStage = 1;
constexpr size_t kTransitionBytes = kTransitionCount * 2;
// A stored row: both stages' kLabelCount weights, as Tagger keeps them.
constexpr size_t kStoredRowWidth = 2 * kLabelCount;
// Stored weights are offset by 128 (their top bit flipped), so that the
// zero weights, three quarters of them, are not zero bytes: the wasm linker
// splits the data of the built-in model at every run of zeros, and the
// thousands of pieces made the module a sixth larger compressed. The tagger
// keeps them so too (see RowSum).
constexpr uint8_t kStoredWeightBias = 0x80;

// A stage's weights of bucket `b`, quantised with `scale`, into `out`
// (kLabelCount weights); false, with `out` zeroed, when the stage does not
// keep them: all are zero, or all smaller than `prune_below`.
bool quantise_bucket(const StageWeights& stage, size_t b, float scale, int prune_below, int8_t* out) {
  bool kept = false;
  for (int l = 0; l < kLabelCount; ++l) {
    const long q = std::clamp<long>(std::lround(stage.emissions[b * kLabelCount + l] * scale), -127, 127);
    out[l] = static_cast<int8_t>(q);
    kept |= q != 0 && std::abs(q) >= prune_below;
  }
  if (!kept) std::fill(out, out + kLabelCount, int8_t{0});
  return kept;
}

void put_transitions(const StageWeights& stage, float scale, std::string* out) {
  for (float w : stage.transitions) {
    const int16_t v = static_cast<int16_t>(std::clamp<long>(std::lround(w * scale), -32767, 32767));
    uint16_t u;
    std::memcpy(&u, &v, 2);
    append_little_endian(u, 2, out);
  }
}

// Writes the row of each bucket whose bit is set in `bitmap` into `index`
// (1, 2, ... in bucket order; other buckets keep 0). Returns the number of
// rows, or stops at `max_rows` + 1 when there are more.
template <typename Index>
uint32_t index_rows(std::string_view bitmap, uint32_t max_rows, Index* index) {
  uint32_t row = 0;
  for (size_t byte = 0; byte < bitmap.size(); ++byte) {
    for (unsigned bits = static_cast<unsigned char>(bitmap[byte]); bits != 0; bits &= bits - 1) {
      if (row == max_rows) return row + 1;
      index[byte * 8 + static_cast<size_t>(__builtin_ctz(bits))] = static_cast<Index>(++row);
    }
  }
  return row;
}

std::vector<int32_t> read_transitions(const unsigned char* at) {
  std::vector<int32_t> transitions(kTransitionCount);
  for (int32_t& t : transitions) {
    const auto u = static_cast<uint16_t>(read_little_endian(at, 2));
    int16_t v;
    std::memcpy(&v, &u, 2);
    t = v;
    at += 2;
  }
  return transitions;
}

}  // namespace

std::string encode_tagger_model(const TaggerModel& model) {
  const bool has_context = !model.context.emissions.empty();
  const int hash_bits = model.base.hash_bits;
  std::string out(kMagic, sizeof kMagic);
  put_u32(kVersion, &out);
  put_u32(has_context ? kHasContextStage : 0, &out);
  put_u32(static_cast<uint32_t>(hash_bits), &out);
  const std::string gazetteer = model.gazetteer.encode();
  put_u32(static_cast<uint32_t>(gazetteer.size()), &out);
  out += gazetteer;
  put_u32(static_cast<uint32_t>(model.clusters.size()), &out);
  out += model.clusters;
  // Emission and transition scores of a stage share its scale.
  auto scale_of = [](const StageWeights& stage) {
    float max_abs = 0;
    for (float w : stage.emissions) max_abs = std::max(max_abs, std::fabs(w));
    return max_abs > 0 ? 127.0f / max_abs : 1.0f;
  };
  const float scale = scale_of(model.base);
  const float context_scale = has_context ? scale_of(model.context) : 1.0f;
  put_transitions(model.base, scale, &out);
  if (has_context) put_transitions(model.context, context_scale, &out);
  const size_t buckets = size_t{1} << hash_bits;
  std::string bitmap(buckets / 8, '\0');
  std::string rows;
  uint32_t row_count = 0;
  int8_t row[kStoredRowWidth] = {};
  for (size_t b = 0; b < buckets; ++b) {
    bool kept = quantise_bucket(model.base, b, scale, model.prune_below, row);
    if (has_context) kept |= quantise_bucket(model.context, b, context_scale, model.prune_below, row + kLabelCount);
    if (!kept) continue;
    bitmap[b / 8] = static_cast<char>(bitmap[b / 8] | (1 << (b % 8)));
    for (int8_t w : row) rows.push_back(static_cast<char>(static_cast<uint8_t>(w) ^ kStoredWeightBias));
    ++row_count;
  }
  out += bitmap;
  put_u32(row_count, &out);
  out += rows;
  put_u32(blob_checksum(out), &out);
  return out;
}

Result<Tagger> Tagger::load(std::string_view blob) {
  if (blob.empty()) return fail<Tagger>("empty (was models/ner.model missing at build time?)");
  if (blob.size() < sizeof kMagic + 4 || std::memcmp(blob.data(), kMagic, sizeof kMagic) != 0)
    return fail<Tagger>("not an article-inspector NER model (bad magic number)");
  Reader checksum_reader(blob.substr(blob.size() - 4));
  uint32_t stored_sum = 0;
  checksum_reader.u32(&stored_sum);
  const std::string_view body = blob.substr(0, blob.size() - 4);
  Reader r(body.substr(sizeof kMagic));
  uint32_t version = 0, flags = 0, hash_bits = 0, gazetteer_size = 0;
  if (!r.u32(&version)) return fail<Tagger>("truncated header");
  if (version != kVersion) return fail<Tagger>("unsupported version " + std::to_string(version));
  if (blob_checksum(body) != stored_sum) return fail<Tagger>("checksum mismatch (corrupt or truncated)");
  if (!r.u32(&flags) || !r.u32(&hash_bits) || !r.u32(&gazetteer_size)) return fail<Tagger>("truncated header");
  if (flags > kHasContextStage) return fail<Tagger>("unknown flags");
  if (hash_bits < kMinHashBits || hash_bits > kMaxHashBits) return fail<Tagger>("bad hash size");
  std::string_view gazetteer_bytes;
  if (!r.bytes(gazetteer_size, &gazetteer_bytes)) return fail<Tagger>("truncated gazetteer");
  Result<Gazetteer> gazetteer = Gazetteer::decode(gazetteer_bytes);
  if (!gazetteer.ok()) return fail<Tagger>(gazetteer.error());
  uint32_t clusters_size = 0;
  std::string_view clusters_text;
  if (!r.u32(&clusters_size) || !r.bytes(clusters_size, &clusters_text)) return fail<Tagger>("truncated word classes");
  Result<WordClusters> clusters = WordClusters::parse(clusters_text);
  if (!clusters.ok()) return fail<Tagger>(clusters.error());

  Tagger tagger;
  tagger.gazetteer_ = std::move(gazetteer).value();
  tagger.has_clusters_ = clusters_size > 0;
  tagger.clusters_ = std::move(clusters).value();
  tagger.has_context_ = (flags & kHasContextStage) != 0;
  tagger.hash_mask_ = (uint32_t{1} << hash_bits) - 1;
  std::string_view transitions;
  if (!r.bytes(kTransitionBytes * (tagger.has_context_ ? 2 : 1), &transitions)) return fail<Tagger>("truncated transitions");
  const auto* transition_bytes = reinterpret_cast<const unsigned char*>(transitions.data());
  tagger.base_transitions_ = TransitionTable(read_transitions(transition_bytes));
  if (tagger.has_context_) tagger.context_transitions_ = TransitionTable(read_transitions(transition_bytes + kTransitionBytes));

  const size_t buckets = size_t{tagger.hash_mask_} + 1;
  std::string_view bitmap;
  uint32_t row_count = 0;
  if (!r.bytes(buckets / 8, &bitmap) || !r.u32(&row_count)) return fail<Tagger>("truncated weights");
  if (r.remaining() != size_t{row_count} * kRowWidth) return fail<Tagger>("the weight rows do not fill the rest of the model");
  static_assert(kRowWidth == kStoredRowWidth, "rows are copied as stored");
  // Row 0 stands for every bucket without weights: rows_ starts with it.
  const bool narrow_index = row_count <= UINT16_MAX;
  uint32_t indexed = 0;
  if (narrow_index) {
    tagger.narrow_row_of_bucket_.assign(buckets, 0);
    indexed = index_rows(bitmap, row_count, tagger.narrow_row_of_bucket_.data());
  } else {
    tagger.wide_row_of_bucket_.assign(buckets, 0);
    indexed = index_rows(bitmap, row_count, tagger.wide_row_of_bucket_.data());
  }
  if (indexed != row_count) return fail<Tagger>(indexed > row_count ? "more buckets than weight rows" : "fewer buckets than weight rows");
  const auto* stored = reinterpret_cast<const uint8_t*>(body.data() + (body.size() - r.remaining()));
  tagger.rows_.reserve((size_t{row_count} + 1) * kRowWidth);
  tagger.rows_.assign(kRowWidth, kStoredWeightBias);
  tagger.rows_.insert(tagger.rows_.end(), stored, stored + r.remaining());
  // Starts at 1: a cache that has served no model has owner 0.
  static std::atomic<uint64_t> loaded_models{0};
  tagger.cache_owner_ = ++loaded_models;
  return tagger;
}

namespace {

// For each label, the labels that may precede it (label_transition_allowed
// as lists): O, B and U follow O, L, U or the start; I and L follow B or I of
// their type. Walking these lists instead of all 17 labels makes Viterbi
// about three times cheaper.
struct Predecessors {
  uint8_t count[kLabelCount];
  uint8_t labels[kLabelCount][kLabelCount];
  bool from_start[kLabelCount];
  bool may_end[kLabelCount];
  Predecessors() {
    for (int y = 0; y < kLabelCount; ++y) {
      count[y] = 0;
      for (int x = 0; x < kLabelCount; ++x)
        if (label_transition_allowed(x, y)) labels[y][count[y]++] = static_cast<uint8_t>(x);
      from_start[y] = label_transition_allowed(-1, y);
      may_end[y] = label_transition_allowed(y, -1);
    }
  }
};

const Predecessors& predecessors() {
  static const Predecessors table;
  return table;
}

}  // namespace

template <typename Score>
void viterbi_decode(const Score* emissions, size_t n, const Score* transitions, uint8_t* labels, std::vector<Score>* scratch,
                    std::vector<uint8_t>* backpointers) {
  if (n == 0) return;
  const Predecessors& pred = predecessors();
  constexpr Score kNone = std::numeric_limits<Score>::lowest() / 4;
  scratch->assign(n * kLabelCount, kNone);
  backpointers->assign(n * kLabelCount, 0);
  Score* best = scratch->data();
  uint8_t* back = backpointers->data();
  for (int y = 0; y < kLabelCount; ++y)
    if (pred.from_start[y]) best[y] = emissions[y] + transitions[kStartRow * kLabelCount + y];
  for (size_t t = 1; t < n; ++t) {
    const Score* prev = best + (t - 1) * kLabelCount;
    Score* cur = best + t * kLabelCount;
    for (int y = 0; y < kLabelCount; ++y) {
      Score top = kNone;
      int arg = 0;
      for (int k = 0; k < pred.count[y]; ++k) {
        const int x = pred.labels[y][k];
        if (prev[x] == kNone) continue;
        const Score s = prev[x] + transitions[x * kLabelCount + y];
        if (s > top) {
          top = s;
          arg = x;
        }
      }
      if (top == kNone) continue;
      cur[y] = top + emissions[t * kLabelCount + y];
      back[t * kLabelCount + y] = static_cast<uint8_t>(arg);
    }
  }
  const Score* last = best + (n - 1) * kLabelCount;
  int arg = kOutside;
  Score top = kNone;
  for (int y = 0; y < kLabelCount; ++y) {
    if (last[y] != kNone && pred.may_end[y] && last[y] > top) {
      top = last[y];
      arg = y;
    }
  }
  for (size_t t = n; t-- > 0;) {
    labels[t] = static_cast<uint8_t>(arg);
    arg = back[t * kLabelCount + arg];
  }
}

template void viterbi_decode<float>(const float*, size_t, const float*, uint8_t*, std::vector<float>*, std::vector<uint8_t>*);
template void viterbi_decode<int32_t>(const int32_t*, size_t, const int32_t*, uint8_t*, std::vector<int32_t>*,
                                      std::vector<uint8_t>*);

std::vector<TaggedMention> labels_to_mentions(const std::vector<uint8_t>& labels) {
  static_assert(kOutside == 0, "eight O labels read as one zero word");
  std::vector<TaggedMention> mentions;
  // News names something every ten tokens or so: room for that up front
  // saves the five or six reallocations that growing from empty costs.
  mentions.reserve(labels.size() / 8 + 4);
  size_t open = labels.size();  // start of the mention being read, or none
  for (size_t i = 0; i < labels.size(); ++i) {
    // Most tokens are outside names: runs of O go by eight at a time.
    uint64_t eight = 1;
    if (i + 8 <= labels.size()) std::memcpy(&eight, labels.data() + i, sizeof eight);
    if (eight == 0) {
      open = labels.size();
      i += 7;
      continue;
    }
    const int label = labels[i];
    if (label == kOutside || label >= kLabelCount) {
      open = labels.size();
      continue;
    }
    const TagPosition pos = label_position(label);
    const EntityType type = label_type(label);
    const bool continues = open < labels.size() && mentions.back().type == type &&
                           (pos == TagPosition::kInside || pos == TagPosition::kLast);
    if (continues) {
      mentions.back().end_token = i + 1;
    } else {
      mentions.push_back({i, i + 1, type});
      open = i;
    }
    if (pos == TagPosition::kLast || pos == TagPosition::kUnit) open = labels.size();
  }
  return mentions;
}

namespace {

// Below any path score (a path adds at most 64 x 2 x 32767 per token), far
// enough from INT32_MIN that adding to it cannot wrap.
constexpr int32_t kUnreachable = std::numeric_limits<int32_t>::lowest() / 4;

}  // namespace

namespace {

constexpr int kOpenCount = TransitionTable::kOpenCount;
constexpr int kOpenLanes = TransitionTable::kOpenLanes;

// For each opening label j (O, B-*, U-*), the best of prev[closing[i]] +
// open_score[i][j] over the closing labels i: Viterbi's dense 9 x 9 block.
// Only the best score: which closing label gave it is worked out again for
// the one label per token that the best path goes through (see decode_rows).
#if defined(__SSE2__) || defined(__wasm_simd128__) || defined(__ARM_NEON)
// Four lanes at a time, with GCC and Clang vector extensions.
typedef int32_t Lanes __attribute__((vector_size(16)));

Lanes broadcast(int32_t v) { return Lanes{v, v, v, v}; }
Lanes lanes_at(const int32_t* at) {
  Lanes v;
  std::memcpy(&v, at, sizeof v);
  return v;
}

void best_openers(const int32_t* prev, const uint8_t* closing, const int32_t (*open_score)[kOpenLanes], int32_t* top_of) {
  constexpr int kVectors = kOpenLanes / 4;
  Lanes top[kVectors];
  const Lanes first = broadcast(prev[closing[0]]);
  for (int v = 0; v < kVectors; ++v) top[v] = lanes_at(&open_score[0][4 * v]) + first;
  for (int i = 1; i < kOpenCount; ++i) {
    const Lanes p = broadcast(prev[closing[i]]);
    for (int v = 0; v < kVectors; ++v) {
      const Lanes s = lanes_at(&open_score[i][4 * v]) + p;
      const Lanes better = s > top[v];
      top[v] = (s & better) | (top[v] & ~better);
    }
  }
  std::memcpy(top_of, top, sizeof top);
}
#else
// Without SIMD, vector code would run lane by lane with masks: selects are cheaper.
void best_openers(const int32_t* prev, const uint8_t* closing, const int32_t (*open_score)[kOpenLanes], int32_t* top_of) {
  for (int j = 0; j < kOpenCount; ++j) {
    int32_t top = prev[closing[0]] + open_score[0][j];
    for (int i = 1; i < kOpenCount; ++i) top = std::max(top, prev[closing[i]] + open_score[i][j]);
    top_of[j] = top;
  }
}
#endif

}  // namespace

TransitionTable::TransitionTable(const std::vector<int32_t>& transitions) {
  const Predecessors& pred = predecessors();
  int open = 0, closing = 0, inside = 0, whole = 0;
  for (int y = 0; y < kLabelCount; ++y) {
    from_start_[y] = pred.from_start[y] ? transitions[kStartRow * kLabelCount + y] : kUnreachable;
    if (pred.from_start[y] && pred.may_end[y]) whole_[whole++] = static_cast<uint8_t>(y);
    if (pred.may_end[y]) closing_[closing++] = static_cast<uint8_t>(y);
    if (pred.from_start[y]) {
      opens_[y] = true;
      slot_of_[y] = static_cast<uint8_t>(open);
      open_[open++] = static_cast<uint8_t>(y);
    } else {
      slot_of_[y] = static_cast<uint8_t>(inside);
      for (int k = 0; k < 2; ++k) {
        inside_from_[inside][k] = pred.labels[y][k];
        inside_score_[inside][k] = transitions[pred.labels[y][k] * kLabelCount + y];
      }
      inside_[inside++] = static_cast<uint8_t>(y);
    }
  }
  for (int i = 0; i < kOpenCount; ++i)
    for (int j = 0; j < kOpenCount; ++j) open_score_[i][j] = transitions[closing_[i] * kLabelCount + open_[j]];
}

int TransitionTable::best_predecessor(const int32_t* prev, int y, int32_t score) const {
  const int slot = slot_of_[y];
  if (opens_[y]) {
    for (int i = 0; i < kOpenCount - 1; ++i)
      if (prev[closing_[i]] + open_score_[i][slot] == score) return closing_[i];
    return closing_[kOpenCount - 1];
  }
  return prev[inside_from_[slot][0]] + inside_score_[slot][0] == score ? inside_from_[slot][0] : inside_from_[slot][1];
}

void decode_rows(const int16_t* emissions, size_t stride, size_t n, const TransitionTable& table, uint8_t* labels,
                 std::vector<int32_t>* scratch) {
  if (n == 0) return;
  if (n == 1) {
    // Most of the tagger's segments are one candidate token (a capitalised
    // word among lower-case ones): its label is the first best of those that
    // may both start and end a sentence, which the general case below picks
    // too (the others score kUnreachable or cannot end), without filling
    // seventeen path scores.
    int arg = table.whole_[0];
    int32_t top = table.from_start_[arg] + emissions[arg];
    for (int i = 1; i < TransitionTable::kWholeCount; ++i) {
      const int y = table.whole_[i];
      const int32_t score = table.from_start_[y] + emissions[y];
      const bool better = score > top;
      top = better ? score : top;
      arg = better ? y : arg;
    }
    labels[0] = static_cast<uint8_t>(arg);
    return;
  }
  if (scratch->size() < n * kLabelCount) scratch->resize(n * kLabelCount);
  constexpr int kOpen = TransitionTable::kOpenCount;
  int32_t* best = scratch->data();
  // A label that may not start a sentence scores kUnreachable plus its
  // emission, which is still far below any path (and from the second token
  // on every label is reachable: each has a predecessor that may start), so
  // unreachable labels need no tests: they never win. Predecessors are tried
  // in ascending order and only a strictly better one replaces the best so
  // far: the ties of viterbi_decode. The forward pass keeps only scores, no
  // backpointers: the path's predecessors are found again on the way back,
  // one label per token instead of all seventeen.
  for (int y = 0; y < kLabelCount; ++y) best[y] = table.from_start_[y] + emissions[y];
  for (size_t t = 1; t < n; ++t) {
    const int32_t* prev = best + (t - 1) * kLabelCount;
    int32_t* cur = best + t * kLabelCount;
    const int16_t* emission = emissions + t * stride;
    int32_t top_of[kOpenLanes];
    best_openers(prev, table.closing_, table.open_score_, top_of);
    for (int j = 0; j < kOpen; ++j) {
      const int y = table.open_[j];
      cur[y] = top_of[j] + emission[y];
    }
    for (int k = 0; k < TransitionTable::kInsideCount; ++k) {
      const int y = table.inside_[k];
      const int32_t s0 = prev[table.inside_from_[k][0]] + table.inside_score_[k][0];
      const int32_t s1 = prev[table.inside_from_[k][1]] + table.inside_score_[k][1];
      cur[y] = std::max(s0, s1) + emission[y];
    }
  }
  const int32_t* last = best + (n - 1) * kLabelCount;
  // The sentence ends after a label that may end it: O (always reachable) or
  // the first best of the others.
  int arg = table.closing_[0];
  int32_t top = last[arg];
  for (int i = 1; i < kOpen; ++i) {
    const int y = table.closing_[i];
    const bool better = last[y] > top;
    top = better ? last[y] : top;
    arg = better ? y : arg;
  }
  for (size_t t = n - 1; t > 0; --t) {
    labels[t] = static_cast<uint8_t>(arg);
    const int32_t before_emission = best[t * kLabelCount + arg] - emissions[t * stride + arg];
    arg = table.best_predecessor(best + (t - 1) * kLabelCount, arg, before_emission);
  }
  labels[0] = static_cast<uint8_t>(arg);
}

namespace {

// Offsets of the rows of `ids` into `rows_at`, followed by `padding` zeros
// (so that prefetching ahead needs no test for the end).
template <typename Index>
void find_rows(const std::vector<Index>& row_of_bucket, uint32_t hash_mask, const FeatureIds& ids, size_t padding,
               size_t row_width, std::vector<uint32_t>* rows_at) {
  const size_t count = ids.size();
  if (rows_at->size() < count + padding) rows_at->resize(count + padding);
  uint32_t* at = rows_at->data();
  for (size_t k = 0; k < count; ++k) at[k] = static_cast<uint32_t>(row_of_bucket[ids[k] & hash_mask] * row_width);
  std::fill(at + count, at + count + padding, 0);
}

// Working storage of Tagger::label, per thread: one tagger serves every
// thread, and a long-lived caller then allocates only while documents keep
// getting longer.
struct LabelScratch {
  FeatureWriter writer;
  TokenFeatures base;
  TokenFeatures extra;
  std::vector<uint32_t> feature_rows;  // per base feature, the offset of its row
  std::vector<uint32_t> own_rows;      // per own feature of a token the cache missed, likewise
  std::vector<int16_t> scores;         // per candidate token of a run, both stages' scores
  std::vector<int16_t> context_scores; // per candidate token of a text of several runs, the context stage's
  std::vector<int32_t> path_scores;
};

// The thread's LabelScratch, lent to one call of Tagger::label. Storage
// sized for a text of up to kKeptScratchTokens tokens (a long article's,
// a few megabytes) is kept for the thread's next call; a longer text's (tens
// of bytes per token) is freed when the call ends, so that the stages after
// tagging do not run beside it but reuse its memory.
class LentScratch {
 public:
  static constexpr size_t kKeptScratchTokens = size_t{1} << 16;

  explicit LentScratch(size_t tokens) : tokens_(tokens), scratch_(std::move(kept())) {
    if (scratch_ == nullptr) scratch_ = std::make_unique<LabelScratch>();
  }
  ~LentScratch() {
    if (tokens_ <= kKeptScratchTokens) kept() = std::move(scratch_);
  }
  LentScratch(const LentScratch&) = delete;
  LentScratch& operator=(const LentScratch&) = delete;
  LabelScratch& operator*() const { return *scratch_; }

 private:
  static std::unique_ptr<LabelScratch>& kept() {
    AI_THREAD_SCRATCH std::unique_ptr<LabelScratch> scratch;
    return scratch;
  }
  size_t tokens_;
  std::unique_ptr<LabelScratch> scratch_;
};

// 4,096 entries of a thread's OwnScoreCache hit about four in five candidate
// tokens of news (BBC), and the table (384 KB) stays within L2.
constexpr int kOwnCacheBits = 12;

// A token's weights are summed in 16 bits: enough for every feature it can get.
static_assert((kMaxFeaturesPerToken + kMaxSecondPassFeaturesPerToken) * 127 <= INT16_MAX, "scores fit in 16 bits");

// A hint to start loading `at` into cache. Wasm has no prefetch instruction
// (__builtin_prefetch compiles to nothing there), so it reads the byte: a
// load that the out-of-order core starts as early as a prefetch, kept by
// being volatile although its value is unused.
inline void prefetch(const void* at) {
#if defined(__wasm__)
  (void)*static_cast<const volatile int8_t*>(at);
#elif defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(at);
#else
  (void)at;
#endif
}

// prefetch() of a whole weight row (Tagger::kRowWidth bytes). Rows are
// packed at 34 bytes, so half of them straddle two cache lines, and
// prefetching only a row's first byte left their second line to miss.
inline void prefetch_row(const uint8_t* row) {
  prefetch(row);
  prefetch(row + 2 * kLabelCount - 1);
}

// RowSum: the sum of `rows` packed weight rows (kWidth weights each, as
// stored: each weight plus kStoredWeightBias, so a byte from 0 to 255) in
// int16 lanes. Rows are added as unsigned bytes, which is as cheap as
// signed or cheaper, and the sums start at minus the bias of all the rows,
// so that they end as the weights' own sums. Sums wrap modulo 2^16 on the
// way (unsigned lanes, where wrapping is defined); the sums they end at fit
// in 16 bits, so wrapping never changes them.
#if defined(__wasm_simd128__)
// In wasm SIMD. Widening eight bytes is one instruction on the x86 that runs
// most wasm (pmovzxbw), so the weights are summed in their own order, with
// nothing to interleave at the end; the sums live in five named vectors
// that stay in registers (the lane-shifting variant below spilled its
// arrays of sums to the stack on every row, and cleared them with memset).
class RowSum {
 public:
  static constexpr int kWidth = 2 * kLabelCount;  // Tagger::kRowWidth
  static_assert(kWidth == 34, "four vectors of eight and one pair");

  explicit RowSum(size_t rows)
      : sums0_(unbiased(rows)), sums1_(sums0_), sums2_(sums0_), sums3_(sums0_), sums4_(sums0_) {}
  void add(const uint8_t* row) {
    const v128_t first = wasm_v128_load(row);
    const v128_t second = wasm_v128_load(row + 16);
    // The last two weights, repeated: only the low two lanes are stored.
    const v128_t last_pair = wasm_v128_load16_splat(row + 32);
    sums0_ = wasm_i16x8_add(sums0_, wasm_u16x8_extend_low_u8x16(first));
    sums1_ = wasm_i16x8_add(sums1_, wasm_u16x8_extend_high_u8x16(first));
    sums2_ = wasm_i16x8_add(sums2_, wasm_u16x8_extend_low_u8x16(second));
    sums3_ = wasm_i16x8_add(sums3_, wasm_u16x8_extend_high_u8x16(second));
    sums4_ = wasm_i16x8_add(sums4_, wasm_u16x8_extend_low_u8x16(last_pair));
  }
  void store(int16_t* out) const {
    wasm_v128_store(out, sums0_);
    wasm_v128_store(out + 8, sums1_);
    wasm_v128_store(out + 16, sums2_);
    wasm_v128_store(out + 24, sums3_);
    wasm_v128_store32_lane(out + 32, sums4_, 0);
  }
  // store() of these sums plus `more` (kWidth sums), added in vectors.
  void store_plus(int16_t* out, const int16_t* more) const {
    wasm_v128_store(out, wasm_i16x8_add(sums0_, wasm_v128_load(more)));
    wasm_v128_store(out + 8, wasm_i16x8_add(sums1_, wasm_v128_load(more + 8)));
    wasm_v128_store(out + 16, wasm_i16x8_add(sums2_, wasm_v128_load(more + 16)));
    wasm_v128_store(out + 24, wasm_i16x8_add(sums3_, wasm_v128_load(more + 24)));
    wasm_v128_store32_lane(out + 32, wasm_i16x8_add(sums4_, wasm_v128_load32_zero(more + 32)), 0);
  }

 private:
  static v128_t unbiased(size_t rows) { return wasm_u16x8_splat(static_cast<uint16_t>(0u - rows * kStoredWeightBias)); }

  v128_t sums0_, sums1_, sums2_, sums3_, sums4_;
};
#elif (defined(__SSE2__) || defined(__ARM_NEON)) && defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
// With GCC and Clang vector extensions. Sixteen weights are read as eight
// uint16 lanes, each an even weight in its low byte and the next in its
// high byte: the lanes are summed whole, and their high bytes, shifted
// down, apart; once per token, the odd weights' sums are those, and the
// even weights' the whole sums less the odd sums shifted up. That is three
// operations per sixteen weights where widening bytes takes five or more,
// and the last two of the 34 weights come from a load that ends with the row
// (overlapping the one before it, in sums of their own) instead of one by one.
class RowSum {
 public:
  static constexpr int kWidth = 2 * kLabelCount;  // Tagger::kRowWidth

  explicit RowSum(size_t rows) {
    // Whole sums gather the bias of both bytes of a lane: 257 times a byte's.
    const auto bias = static_cast<uint16_t>(rows * kStoredWeightBias);
    for (int v = 0; v <= kFullVectors; ++v) {
      odd_[v] = UnsignedLanes16{} - bias;
      whole_[v] = UnsignedLanes16{} - static_cast<uint16_t>(bias * 257u);
    }
  }
  void add(const uint8_t* row) {
    for (int v = 0; v < kFullVectors; ++v) add_lanes(row + 16 * v, v);
    if (kTail != 0) add_lanes(row + kWidth - 16, kFullVectors);
  }
  void store(int16_t* out) const {
    for (int v = 0; v < kFullVectors; ++v) store_lanes(v, 0, out + 16 * v);
    store_lanes(kFullVectors, 8 - kTail / 2, out + kWidth - 16);
  }
  // store() of these sums plus `more` (kWidth sums).
  void store_plus(int16_t* out, const int16_t* more) const {
    store(out);
    for (int l = 0; l < kWidth; ++l) out[l] = static_cast<int16_t>(out[l] + more[l]);
  }

 private:
  typedef uint16_t UnsignedLanes16 __attribute__((vector_size(16)));
  static constexpr int kFullVectors = kWidth / 16;
  static constexpr int kTail = kWidth % 16;
  static_assert(kWidth >= 16 && kTail % 2 == 0, "the tail is whole lanes of a load within the row");

  void add_lanes(const uint8_t* at, int v) {
    UnsignedLanes16 pairs;
    std::memcpy(&pairs, at, sizeof pairs);
    whole_[v] += pairs;
    odd_[v] += pairs >> 8;
  }
  // Lanes [first_lane, 8) of sums `v`, as the weights' sums, from `out` + 2 * first_lane on.
  void store_lanes(int v, int first_lane, int16_t* out) const {
    const UnsignedLanes16 even = whole_[v] - (odd_[v] << 8);
    for (int i = first_lane; i < 8; ++i) {
      out[2 * i] = static_cast<int16_t>(even[i]);
      out[2 * i + 1] = static_cast<int16_t>(odd_[v][i]);
    }
  }
  UnsignedLanes16 whole_[kFullVectors + 1];
  UnsignedLanes16 odd_[kFullVectors + 1];
};
#else
class RowSum {
 public:
  static constexpr int kWidth = 2 * kLabelCount;  // Tagger::kRowWidth

  explicit RowSum(size_t rows) {
    for (uint16_t& sum : sums_) sum = static_cast<uint16_t>(0u - rows * kStoredWeightBias);
  }
  void add(const uint8_t* row) {
    for (int l = 0; l < kWidth; ++l) sums_[l] = static_cast<uint16_t>(sums_[l] + row[l]);
  }
  void store(int16_t* out) const {
    for (int l = 0; l < kWidth; ++l) out[l] = static_cast<int16_t>(sums_[l]);
  }
  // store() of these sums plus `more` (kWidth sums).
  void store_plus(int16_t* out, const int16_t* more) const {
    store(out);
    for (int l = 0; l < kWidth; ++l) out[l] = static_cast<int16_t>(out[l] + more[l]);
  }

 private:
  uint16_t sums_[kWidth];
};
#endif

}  // namespace

template <typename Index>
void Tagger::sweep_rows(const std::vector<Index>& row_of_bucket, const TokenFeatures& base, size_t first_segment, size_t end_segment,
                        OwnScoreCache* own_cache, std::vector<uint32_t>* feature_rows, std::vector<uint32_t>* own_rows,
                        int16_t* scores) const {
  // Look up every feature's row before summing any: the lookups are
  // independent, so their cache misses overlap, and the rows are prefetched
  // a few features ahead of the sums. The own features of the tokens the
  // cache missed are a second list, prefetched alike.
  constexpr size_t kPrefetchDistance = 16;
  find_rows(row_of_bucket, hash_mask_, base.ids, kPrefetchDistance, kRowWidth, feature_rows);
  if (own_cache != nullptr) find_rows(row_of_bucket, hash_mask_, base.own_ids, kPrefetchDistance, kRowWidth, own_rows);
  static_assert(RowSum::kWidth == kRowWidth, "RowSum adds whole rows");
  static_assert(OwnScoreCache::kWidth == kRowWidth, "the cache holds whole rows");
  const uint8_t* rows = rows_.data();
  const uint32_t* row_at = feature_rows->data();
  const uint32_t* own_row_at = own_cache != nullptr ? own_rows->data() : nullptr;
  for (size_t k = 0; k < kPrefetchDistance; ++k) prefetch_row(rows + row_at[k]);
  if (own_row_at != nullptr)
    for (size_t k = 0; k < kPrefetchDistance; ++k) prefetch_row(rows + own_row_at[k]);
  int16_t* token_scores = scores;
  size_t candidate = 0;
  for (size_t segment = first_segment; segment < end_segment; ++segment) {
    const auto [first, end] = base.segments[segment];
    for (size_t t = first; t < end; ++t, ++candidate, token_scores += kRowWidth) {
      const uint32_t ids_begin = base.candidate_offsets[candidate], ids_end = base.candidate_offsets[candidate + 1];
      RowSum sum(ids_end - ids_begin);
      for (size_t k = ids_begin; k < ids_end; ++k) {
        prefetch_row(rows + row_at[k + kPrefetchDistance]);
        sum.add(rows + row_at[k]);
      }
      if (own_cache == nullptr) {
        sum.store(token_scores);
        continue;
      }
      // The entry a few tokens on, while this one's is summed.
      constexpr size_t kEntriesAhead = 4;
      if (candidate + kEntriesAhead < base.own_slots.size()) {
        const uint32_t ahead = base.own_slots[candidate + kEntriesAhead];
        if (ahead != OwnScoreCache::kUncached) {
          const OwnScoreCache::Entry& e = own_cache->entry(ahead & ~OwnScoreCache::kHit);
          prefetch(&e);
          prefetch(reinterpret_cast<const char*>(&e) + sizeof e - 1);
        }
      }
      const uint32_t slot = base.own_slots[candidate];
      if (slot == OwnScoreCache::kUncached) {
        sum.store(token_scores);
        continue;
      }
      OwnScoreCache::Entry& entry = own_cache->entry(slot & ~OwnScoreCache::kHit);
      if (!(slot & OwnScoreCache::kHit)) {
        RowSum own(base.own_offsets[candidate + 1] - base.own_offsets[candidate]);
        for (size_t k = base.own_offsets[candidate]; k < base.own_offsets[candidate + 1]; ++k) {
          prefetch_row(rows + own_row_at[k + kPrefetchDistance]);
          own.add(rows + own_row_at[k]);
        }
        own.store(entry.sums);
      }
      sum.store_plus(token_scores, entry.sums);
    }
  }
}

std::vector<uint8_t> Tagger::label(const Document& doc) const {
  AI_THREAD_SCRATCH OwnScoreCache own_cache{kOwnCacheBits};
  return label(doc, &own_cache);
}

std::vector<uint8_t> Tagger::label(const Document& doc, OwnScoreCache* own_cache, size_t run_candidates) const {
  std::vector<uint8_t> labels(doc.tokens.size(), kOutside);
  const LentScratch lent(doc.tokens.size());
  LabelScratch& scratch = *lent;
  TokenFeatures& base = scratch.base;
  if (own_cache != nullptr) own_cache->serve(cache_owner_);
  scratch.writer.start(doc, gazetteer_, has_clusters_ ? &clusters_ : nullptr, nullptr, &base);
  size_t candidates = 0;
  for (const auto& [first, end] : base.segments) candidates += end - first;
  // No token may start a name: every label is O (and the score buffer may be empty).
  if (candidates == 0) return labels;
  // Scores of every candidate token for both stages, from one sweep over the
  // weight rows; the context stage adds its own few features afterwards.
  // (sweep_rows writes every candidate's scores: no need to clear them.)
  // The features are written, swept and decoded by the base stage a run of
  // segments at a time: of a text of several runs, only the context stage's
  // scores (34 bytes per candidate) are kept, apart; a text of one run keeps
  // them where the sweep wrote them, beside the base stage's.
  const bool one_run = candidates <= run_candidates;
  const size_t context_stride = one_run ? kRowWidth : kLabelCount;
  if (!one_run && has_context_) scratch.context_scores.resize(candidates * kLabelCount);
  {
    // FeatureWriter::write names cache entries whose sums only sweep_rows
    // fills: if anything in between throws (out of memory on a huge text),
    // those entries must not outlive the call, or a later document would
    // read sums that were never written.
    struct ForgetUnlessFilled {
      OwnScoreCache* cache;
      ~ForgetUnlessFilled() {
        if (cache != nullptr) cache->forget();
      }
    } unfilled{own_cache};
    size_t run_start = 0;  // the run's first candidate
    for (size_t first_segment = 0; first_segment < base.segments.size();) {
      size_t end_segment = first_segment, run = 0;
      do {
        run += base.segments[end_segment].second - base.segments[end_segment].first;
        ++end_segment;
      } while (end_segment < base.segments.size() && run < run_candidates);
      if (scratch.scores.size() < run * kRowWidth) scratch.scores.resize(run * kRowWidth);
      int16_t* const run_scores = scratch.scores.data();
      // Each run's claims are filled by its sweep, before the next run claims.
      scratch.writer.write(first_segment, end_segment, &base, own_cache);
      if (narrow_row_of_bucket_.empty())
        sweep_rows(wide_row_of_bucket_, base, first_segment, end_segment, own_cache, &scratch.feature_rows, &scratch.own_rows,
                   run_scores);
      else sweep_rows(narrow_row_of_bucket_, base, first_segment, end_segment, own_cache, &scratch.feature_rows, &scratch.own_rows,
                      run_scores);
      size_t at = 0;
      for (size_t segment = first_segment; segment < end_segment; ++segment) {
        const auto [first, end] = base.segments[segment];
        decode_rows(run_scores + at * kRowWidth, kRowWidth, end - first, base_transitions_, labels.data() + first, &scratch.path_scores);
        at += end - first;
      }
      if (!one_run && has_context_) {
        int16_t* const kept = scratch.context_scores.data() + run_start * kLabelCount;
        for (size_t c = 0; c < run; ++c)
          std::memcpy(kept + c * kLabelCount, run_scores + c * kRowWidth + kLabelCount, kLabelCount * sizeof(int16_t));
      }
      run_start += run;
      first_segment = end_segment;
    }
    unfilled.cache = nullptr;
  }
  if (!has_context_) return labels;
  TokenFeatures& extra = scratch.extra;
  extract_second_pass_candidate_features(base, labels, &extra);
  int16_t* const context_scores = one_run ? scratch.scores.data() + kLabelCount : scratch.context_scores.data();
  size_t at = 0;
  for (const auto& [first, end] : base.segments) {
    const size_t segment_start = at;
    for (const size_t segment_end = at + (end - first); at < segment_end; ++at) {
      int16_t* acc = context_scores + at * context_stride;
      for (uint32_t k = extra.candidate_offsets[at]; k < extra.candidate_offsets[at + 1]; ++k) {
        const uint32_t bucket = extra.ids[k] & hash_mask_;
        const size_t row = narrow_row_of_bucket_.empty() ? wide_row_of_bucket_[bucket] : narrow_row_of_bucket_[bucket];
        const uint8_t* weights = &rows_[row * kRowWidth + kLabelCount];
        for (int l = 0; l < kLabelCount; ++l) acc[l] = static_cast<int16_t>(acc[l] + weights[l] - kStoredWeightBias);
      }
    }
    decode_rows(context_scores + segment_start * context_stride, context_stride, end - first, context_transitions_,
                labels.data() + first, &scratch.path_scores);
  }
  return labels;
}

}  // namespace ai
