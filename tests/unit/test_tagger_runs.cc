// A long text is tagged a run of segments at a time (Tagger::label's
// run_candidates, FeatureWriter::write): the runs change no label and no
// feature id, however small, with or without a cache of own sums, and
// however often the cache evicts.
#include <catch2/catch.hpp>
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "ner_features.h"
#include "tagger.h"
#include "test_helpers.h"
#include "text.h"
#include "word_clusters.h"

namespace {

// Many segments: names repeated in many sentences and contexts (sentence
// start, headline, acronyms defined earlier), plus a golden article.
std::string long_text() {
  std::string text =
      "MERKEL AND MACRON MEET IN PARIS\n"
      "The Collective Security Treaty Organization (CSTO) sent troops to Almaty.\n\n";
  for (int i = 0; i < 12; ++i) {
    text += "Angela Merkel met Emmanuel Macron in Paris on Tuesday. Merkel said the CSTO and the Bank of England agreed. ";
    text += "Shares of Microsoft fell in New York, and Kassym-Jomart Tokayev thanked Vladimir Putin.\n\n";
  }
  const std::optional<std::string> golden = ai_test::read_file(ai_test::golden_dir("articles") + "/river-evacuation.txt");
  if (golden) text += *golden;
  return text;
}

}  // namespace

TEST_CASE("labels do not depend on how many candidates are scored at a time", "[tagger]") {
  const std::string text = long_text();
  const ai::Document doc = ai::analyze_text(text);
  const ai::Tagger& tagger = ai_test::shipped_tagger();
  const std::vector<uint8_t> whole = tagger.label(doc, nullptr);
  size_t named = 0;
  for (uint8_t l : whole) named += l != ai::kOutside;
  REQUIRE(named > 50);

  struct Case {
    size_t run_candidates;
    int cache_bits;  // -1: no cache
  };
  const Case cases[] = {{1, -1}, {1, 12}, {1, 0}, {2, 3}, {7, 12}, {64, 0}, {64, 12}, {1000000, 2}};
  for (const Case& c : cases) {
    INFO("run_candidates " << c.run_candidates << ", cache bits " << c.cache_bits);
    if (c.cache_bits < 0) {
      CHECK(tagger.label(doc, nullptr, c.run_candidates) == whole);
      continue;
    }
    ai::OwnScoreCache cache(c.cache_bits);
    CHECK(tagger.label(doc, &cache, c.run_candidates) == whole);
    // Warm: the runs' claims hit entries filled by the runs before.
    CHECK(tagger.label(doc, &cache, c.run_candidates) == whole);
  }
}

namespace {

// A feature writer's runs of `doc` against extract_features' ids.
void check_runs(const ai::Document& doc, const ai::Gazetteer& gazetteer, const ai::WordClusters* clusters) {
  ai::TokenFeatures expected;
  ai::extract_features(doc, gazetteer, clusters, nullptr, &expected);
  REQUIRE(expected.segments.size() > 20);

  // Runs in order, and backwards (each run then starts where none ended);
  // the text in one window, and in windows of a sentence or a few.
  REQUIRE(doc.tokens.size() <= ai::FeatureWriter::kWindowTokens);
  for (const size_t window_tokens : {ai::FeatureWriter::kWindowTokens, size_t{60}, size_t{1}}) {
    for (const bool backwards : {false, true}) {
      for (size_t segments_per_run : {size_t{1}, size_t{3}, size_t{16}}) {
        INFO(segments_per_run << " segments per run" << (backwards ? ", backwards" : "") << ", windows of " << window_tokens << " tokens");
        ai::FeatureWriter writer;
        ai::TokenFeatures f;
        writer.start(doc, gazetteer, clusters, nullptr, &f, window_tokens);
        CHECK(f.segments == expected.segments);
        CHECK(f.word_count == expected.word_count);
        CHECK(f.word_ids == expected.word_ids);
        CHECK(f.word_keys == expected.word_keys);
        CHECK(f.contexts == expected.contexts);
        CHECK(f.expansions == expected.expansions);
        size_t mismatched_tokens = 0;
        const size_t runs = (f.segments.size() + segments_per_run - 1) / segments_per_run;
        for (size_t r = 0; r < runs; ++r) {
          const size_t first = (backwards ? runs - 1 - r : r) * segments_per_run;
          const size_t end = std::min(first + segments_per_run, f.segments.size());
          writer.write(first, end, &f);
          size_t c = 0;  // in the run
          for (size_t s = first; s < end; ++s) {
            for (uint32_t t = f.segments[s].first; t < f.segments[s].second; ++t, ++c) {
              const std::vector<uint32_t> got(f.ids.begin() + f.candidate_offsets[c], f.ids.begin() + f.candidate_offsets[c + 1]);
              const std::vector<uint32_t> want(expected.ids.begin() + expected.offsets[t], expected.ids.begin() + expected.offsets[t + 1]);
              mismatched_tokens += got != want;
            }
          }
        }
        CHECK(mismatched_tokens == 0);
      }
    }
  }
}

}  // namespace

TEST_CASE("a feature writer's runs write extract_features' ids, a run at a time", "[tagger]") {
  const std::string text = long_text();
  const ai::Document doc = ai::analyze_text(text);
  const ai::Gazetteer& gazetteer = ai_test::shipped_tagger().gazetteer();
  check_runs(doc, gazetteer, nullptr);
  // Word classes of candidates and of their neighbours, inside and outside segments.
  const ai::WordClusters clusters =
      ai::WordClusters::parse("Merkel\t60\t12\nMacron\t60\t12\nParis\t17\t3\nthe\t41\t9\nCSTO\t70\t14\nof\t43\t9\nsaid\t40\t9\nmet\t44\t9\n")
          .value();
  check_runs(doc, gazetteer, &clusters);
}
