// The tagger's decoder (decode_rows: int16 emission rows, transitions
// arranged by BILOU pattern) picks exactly the labels of the plain Viterbi
// (viterbi_decode), ties included; and the word ids the second pass counts by.
#include <catch2/catch.hpp>
#include <cstdint>
#include <tuple>
#include <utility>
#include <vector>

#include "gazetteer.h"
#include "ner_features.h"
#include "tagger.h"
#include "text.h"

namespace {

// A small deterministic generator, so that failures reproduce.
struct Lcg {
  uint64_t state;
  int32_t next(int32_t lo, int32_t hi) {  // uniform in [lo, hi]
    state = state * 6364136223846793005ULL + 1442695040888963407ULL;
    return lo + static_cast<int32_t>((state >> 33) % static_cast<uint64_t>(hi - lo + 1));
  }
};

}  // namespace

TEST_CASE("decode_rows picks the labels of viterbi_decode, ties included", "[tagger]") {
  struct Case {
    int32_t emission_range;    // emissions in [-range, range]
    int32_t transition_range;  // transitions in [-range, range]
  };
  // Tiny ranges make ties common; wide ones reach the extremes of the
  // stored weights (a token's summed int16 scores, int16 transitions).
  const Case cases[] = {{0, 0}, {1, 1}, {2, 0}, {0, 2}, {3, 3}, {200, 50}, {7000, 32767}, {32767, 32767}};
  const size_t stride = 2 * ai::kLabelCount + 3;  // rows wider than the labels, as in the tagger
  Lcg rng{12345};
  std::vector<int32_t> path_scratch, fast_scratch;
  std::vector<uint8_t> path_back;
  for (const Case& c : cases) {
    for (int trial = 0; trial < 40; ++trial) {
      std::vector<int32_t> transitions(ai::kTransitionCount);
      for (int32_t& t : transitions) t = rng.next(-c.transition_range, c.transition_range);
      const ai::TransitionTable table(transitions);
      // One-token segments, most of the tagger's, take a path of their own in decode_rows.
      const size_t n = trial < 10 ? 1 : 1 + static_cast<size_t>(trial) % 23;
      std::vector<int16_t> rows(n * stride);
      std::vector<int32_t> emissions(n * ai::kLabelCount);
      for (size_t t = 0; t < n; ++t) {
        for (size_t l = 0; l < stride; ++l) rows[t * stride + l] = static_cast<int16_t>(rng.next(-c.emission_range, c.emission_range));
        for (int y = 0; y < ai::kLabelCount; ++y) emissions[t * ai::kLabelCount + y] = rows[t * stride + y];
      }
      std::vector<uint8_t> expected(n), got(n);
      ai::viterbi_decode(emissions.data(), n, transitions.data(), expected.data(), &path_scratch, &path_back);
      ai::decode_rows(rows.data(), stride, n, table, got.data(), &fast_scratch);
      INFO("ranges " << c.emission_range << "/" << c.transition_range << ", trial " << trial << ", n " << n);
      CHECK(got == expected);
    }
  }
}

TEST_CASE("decode_rows always returns a well-formed BILOU sequence", "[tagger]") {
  // Emissions that pull towards ill-formed sequences: I-PER first, then L-LOC.
  std::vector<int32_t> transitions(ai::kTransitionCount, 0);
  const ai::TransitionTable table(transitions);
  const int inside_per = ai::make_label(ai::EntityType::kPerson, ai::TagPosition::kInside);
  const int last_loc = ai::make_label(ai::EntityType::kLocation, ai::TagPosition::kLast);
  const size_t n = 3;
  std::vector<int16_t> rows(n * ai::kLabelCount, 0);
  rows[0 * ai::kLabelCount + inside_per] = 1000;
  rows[1 * ai::kLabelCount + last_loc] = 1000;
  rows[2 * ai::kLabelCount + inside_per] = 1000;
  std::vector<int32_t> scratch;
  std::vector<uint8_t> labels(n);
  ai::decode_rows(rows.data(), ai::kLabelCount, n, table, labels.data(), &scratch);
  CHECK(ai::label_transition_allowed(-1, labels[0]));
  for (size_t t = 1; t < n; ++t) CHECK(ai::label_transition_allowed(labels[t - 1], labels[t]));
  CHECK(ai::label_transition_allowed(labels[n - 1], -1));
}

TEST_CASE("candidate tokens share a word id exactly when they share a word key", "[tagger]") {
  const char* const texts[] = {
      "Kent beat Surrey. KENT lost to Kent County. Surrey and kent drew.",
      "The CSTO met. CSTO troops and the Collective Security Treaty Organization left Almaty.",
      "",
      "no capitals at all here.",
  };
  const ai::Gazetteer gazetteer = ai::Gazetteer::parse("LOC\tAlmaty\n").value();
  for (const char* text : texts) {
    INFO(text);
    const ai::Document doc = ai::analyze_text(text);
    ai::TokenFeatures f;
    ai::extract_features(doc, gazetteer, nullptr, nullptr, &f);
    size_t candidates = 0;
    for (const auto& [first, end] : f.segments) candidates += end - first;
    const std::vector<uint64_t>& candidate_keys = f.word_keys;  // by candidate
    REQUIRE(candidate_keys.size() == candidates);
    REQUIRE(f.word_ids.size() == candidates);
    std::vector<bool> used(f.word_count, false);
    for (size_t a = 0; a < candidate_keys.size(); ++a) {
      REQUIRE(f.word_ids[a] < f.word_count);
      used[f.word_ids[a]] = true;
      for (size_t b = 0; b < a; ++b) CHECK((f.word_ids[a] == f.word_ids[b]) == (candidate_keys[a] == candidate_keys[b]));
    }
    for (bool u : used) CHECK(u);
  }
}

TEST_CASE("models with more rows than a 16-bit index find every row", "[tagger]") {
  // Buckets in the upper half of the table pull towards U-PER, the lower
  // half towards U-LOC: 2^17 stored rows, past what a 16-bit index holds
  // (an index cut to 16 bits would send the upper half to lower rows).
  const int bits = 17;
  const uint32_t half = uint32_t{1} << (bits - 1);
  const int per = ai::make_label(ai::EntityType::kPerson, ai::TagPosition::kUnit);
  const int loc = ai::make_label(ai::EntityType::kLocation, ai::TagPosition::kUnit);
  ai::TaggerModel model;
  model.base.hash_bits = bits;
  model.base.emissions.assign((size_t{1} << bits) * ai::kLabelCount, 0.0f);
  model.base.transitions.assign(ai::kTransitionCount, 0.0f);
  for (size_t b = 0; b < (size_t{1} << bits); ++b) model.base.emissions[b * ai::kLabelCount + (b >= half ? per : loc)] = 1.0f;
  const ai::Result<ai::Tagger> tagger = ai::Tagger::load(ai::encode_tagger_model(model));
  REQUIRE(tagger.ok());

  const ai::Document doc = ai::analyze_text(
      "Almaty is near Paris and Berlin but Tokyo or Lima with Oslo, then Quito and Hanoi, so Rome is far from Kyiv "
      "and Dakar or Lagos, though Seoul and Cairo and Delhi are west of Manila.");
  const std::vector<uint8_t> labels = tagger.value().label(doc);
  ai::TokenFeatures f;
  ai::extract_features(doc, tagger.value().gazetteer(), nullptr, nullptr, &f);
  // With no transition scores, a one-token segment takes whichever of O
  // (score 0), U-PER and U-LOC scores highest, the lower label on ties.
  int per_checked = 0;
  for (const auto& [first, end] : f.segments) {
    if (end - first != 1) continue;
    int upper = 0, lower = 0;
    for (uint32_t k = f.offsets[first]; k < f.offsets[first + 1]; ++k) ((f.ids[k] & (2 * half - 1)) >= half ? upper : lower)++;
    const int expected = lower > upper ? loc : upper > 0 ? per : ai::kOutside;
    per_checked += expected == per;
    INFO(doc.token_text(first) << ": " << upper << " upper, " << lower << " lower");
    CHECK(labels[first] == expected);
  }
  CHECK(per_checked > 0);  // some token must depend on the upper half's rows
}

TEST_CASE("labels_to_mentions reads mentions wherever they fall among runs of O", "[tagger]") {
  const int b_per = ai::make_label(ai::EntityType::kPerson, ai::TagPosition::kBegin);
  const int i_per = ai::make_label(ai::EntityType::kPerson, ai::TagPosition::kInside);
  const int l_per = ai::make_label(ai::EntityType::kPerson, ai::TagPosition::kLast);
  const int u_loc = ai::make_label(ai::EntityType::kLocation, ai::TagPosition::kUnit);
  const int l_loc = ai::make_label(ai::EntityType::kLocation, ai::TagPosition::kLast);
  struct Case {
    size_t length;                                        // all O but for
    std::vector<std::pair<size_t, int>> labels;           // (token, label)
    std::vector<std::tuple<size_t, size_t, ai::EntityType>> expected;  // (first, end, type)
  };
  const Case cases[] = {
      {0, {}, {}},
      {20, {}, {}},
      {7, {{6, u_loc}}, {{6, 7, ai::EntityType::kLocation}}},
      {8, {{7, u_loc}}, {{7, 8, ai::EntityType::kLocation}}},
      {9, {{8, u_loc}}, {{8, 9, ai::EntityType::kLocation}}},
      {24, {{7, b_per}, {8, i_per}, {9, l_per}}, {{7, 10, ai::EntityType::kPerson}}},
      {24, {{15, b_per}, {16, l_per}, {23, u_loc}}, {{15, 17, ai::EntityType::kPerson}, {23, 24, ai::EntityType::kLocation}}},
      // Ill-formed: a run broken by eight O labels is two mentions; I and L
      // of another type open a new one.
      {30, {{3, b_per}, {12, l_per}}, {{3, 4, ai::EntityType::kPerson}, {12, 13, ai::EntityType::kPerson}}},
      {16, {{0, b_per}, {1, l_loc}}, {{0, 1, ai::EntityType::kPerson}, {1, 2, ai::EntityType::kLocation}}},
  };
  for (const Case& c : cases) {
    std::vector<uint8_t> labels(c.length, ai::kOutside);
    for (const auto& [token, label] : c.labels) labels[token] = static_cast<uint8_t>(label);
    std::vector<std::tuple<size_t, size_t, ai::EntityType>> got;
    for (const ai::TaggedMention& m : ai::labels_to_mentions(labels)) got.emplace_back(m.first_token, m.end_token, m.type);
    INFO("length " << c.length << ", " << c.labels.size() << " labels set");
    CHECK(got == c.expected);
  }
}
