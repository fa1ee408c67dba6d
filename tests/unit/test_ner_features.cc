// The entity tagger's feature ids are pinned: the shipped model's weights are
// indexed by these hashes, so any change to what extract_features or
// extract_second_pass_features emits (an id, its order, which tokens get
// features) would silently change tags. Each case folds everything the two
// passes produce into one 64-bit fingerprint, recorded from the reference
// implementation; a faster implementation must reproduce it exactly.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "gazetteer.h"
#include "hash64.h"
#include "ner_features.h"
#include "test_helpers.h"
#include "text.h"
#include "word_clusters.h"

namespace {

// Texts that exercise every feature template: sentence starts after quotes,
// all-caps headlines, acronyms defined in the text, name infixes, gazetteer
// names of up to six tokens (and prefixes of them), non-ASCII letters in words
// and prefixes/suffixes, numbers, sentence-initial function words, and a
// capitalised run longer than a segment.
const char* const kTexts[] = {
    "Angela Merkel met Emmanuel Macron in Paris on Tuesday. The talks ended late.\n"
    "\"But the Bank of England said no,\" said Charles de Gaulle Jr. of the U.S. Federal Reserve.\n",

    "KAZAKH PRESIDENT VISITS MOSCOW\n\n"
    "The Collective Security Treaty Organization (CSTO) met in Almaty. CSTO troops left on Friday, "
    "Kassym-Jomart Tokayev told Khabar-24. The CSTO and NATO disagree.\n",

    "São Paulo and Zürich: Société Générale's ÉLAN fund, run by Ærø Øresund AB, lost 3.5% in 2023.\n"
    "In New York City, the United Nations Security Council of New York voted. I think it is fine.\n"
    "They said so. After Moscow, Kiev. Some Big Names Here Are All Capitalised In One Long Run "
    "Of Words That Goes On And On Until It Is Longer Than Any Name Could Be In A News Story Anywhere "
    "At All Even For Very Long Organisation Names Like The International Bank For Reconstruction And "
    "Development Of The World Which Is Not Really That Long After All But We Keep Going Anyway To Make "
    "Sure The Segment Is Cut.\n",

    "iPhone maker Apple Inc. and McDonald's Corp. agreed. eBay did not. The X-Men, AT&T and O'Neill & Sons "
    "van der Berg von Trapp al-Assad bin Laden dos Santos y Gasset du Pont la Rochelle le Monde di Maria.\n"
    "WHO said: the World Health Organization (WHO) and the WHO's head, Tedros, met Washington.\n"
    "We met. Meanwhile, Tuesday. However Friday Moscow. moscow is lower here; Kiev kiev KIEV.\n",

    "",
    "Hello",
    "A",
    "\"Who?\" asked Ann.",
};

// Gazetteer and word classes with entries that the texts above hit, miss,
// or only partly match (prefixes of longer entries).
const char* const kGazetteer =
    "LOC\tParis\nLOC\tNew York\nLOC\tNew York City\nORG\tNew York Times\nPER\tAngela Merkel\nPER\tEmmanuel Macron\n"
    "ORG\tUnited Nations\nORG\tUnited Nations Security Council\nORG\tBank of England\nPER\tCharles de Gaulle\n"
    "LOC\tCharles de Gaulle\nLOC\tMoscow\nLOC\tAlmaty\nORG\tCSTO\nORG\tNATO\nLOC\tSão Paulo\nLOC\tZürich\n"
    "ORG\tSociété Générale\nORG\tCollective Security Treaty Organization\nMISC\tKazakh\nPER\tKassym-Jomart Tokayev\n"
    "ORG\tApple Inc .\nORG\tMcDonald 's Corp .\nORG\tThe International Bank For Reconstruction And\n"
    "ORG\tWorld Health Organization\nORG\tWHO\nPER\tTedros\nLOC\tWashington\nPER\tWashington\nORG\tWashington\n"
    "MISC\tX-Men\nORG\tAT&T\nLOC\tKiev\nLOC\tU.S.\nORG\tFederal Reserve\nORG\tU.S. Federal Reserve\n";

const char* const kHeldOut = "PER\tAngela Merkel\nLOC\tMoscow\nORG\tWHO\nORG\tNATO\nORG\tWHO\n";

const char* const kClusters =
    "Paris\t17\t3\nMoscow\t17\t3\nKiev\t18\t3\nTuesday\t5\t1\nFriday\t5\t1\nsaid\t40\t9\nthe\t41\t9\nThe\t41\t9\n"
    "Merkel\t60\t12\nMacron\t60\t12\nCSTO\t70\t14\nin\t42\t9\nof\t43\t9\nSão\t19\t3\nZürich\t17\t3\n";

uint64_t fold(uint64_t h, uint64_t v) { return ai::mix64(h * 0x9E3779B97F4A7C15ULL + v); }

// Everything a TokenFeatures carries, folded in order; the per-candidate
// arrays (of the first pass's features only) as they were by token.
uint64_t fingerprint(const ai::TokenFeatures& f, uint64_t h, bool first_pass) {
  h = fold(h, f.ids.size());
  for (uint32_t id : f.ids) h = fold(h, id);
  h = fold(h, f.offsets.size());
  for (uint32_t o : f.offsets) h = fold(h, o);
  h = fold(h, f.segments.size());
  for (const auto& [first, end] : f.segments) h = fold(fold(h, first), end);
  if (!first_pass) return fold(h, 0);  // the second pass has no per-candidate arrays
  const size_t tokens = f.offsets.size() - 1;
  h = fold(h, tokens);
  for (uint64_t k : ai_test::by_token(f, f.word_keys, tokens)) h = fold(h, k);
  for (uint8_t c : ai_test::by_token(f, f.contexts, tokens)) h = fold(h, c);
  for (uint32_t e : ai_test::by_token(f, f.expansions, tokens)) h = fold(h, e);
  return h;
}

// Both passes over every text, the second with made-up first-pass labels
// (every label value, including out-of-range ones, on some token).
uint64_t fingerprint_all(const ai::Gazetteer& gazetteer, const ai::WordClusters* clusters, const ai::Gazetteer* held_out) {
  uint64_t h = 0;
  ai::TokenFeatures base, extra;  // reused across documents, as callers may
  for (const char* text : kTexts) {
    const ai::Document doc = ai::analyze_text(text);
    ai::extract_features(doc, gazetteer, clusters, held_out, &base);
    h = fingerprint(base, h, true);
    std::vector<uint8_t> first_pass(doc.tokens.size());
    for (size_t i = 0; i < first_pass.size(); ++i) first_pass[i] = static_cast<uint8_t>((i * 7 + i / 3) % (ai::kLabelCount + 1));
    ai::extract_second_pass_features(base, first_pass, &extra);
    h = fingerprint(extra, h, false);
  }
  return h;
}

}  // namespace

TEST_CASE("entity features are exactly those the shipped model was trained on", "[ner_features]") {
  const ai::Gazetteer gazetteer = ai::Gazetteer::parse(kGazetteer).value();
  const ai::Gazetteer held_out = ai::Gazetteer::parse(kHeldOut).value();
  const ai::WordClusters clusters = ai::WordClusters::parse(kClusters).value();
  const ai::Gazetteer empty;

  CHECK(fingerprint_all(gazetteer, &clusters, nullptr) == 0xc8e454bf243710f1ULL);
  CHECK(fingerprint_all(gazetteer, nullptr, nullptr) == 0xc1cdedff599bafbeULL);
  CHECK(fingerprint_all(gazetteer, &clusters, &held_out) == 0x1735c534217fcd7eULL);
  CHECK(fingerprint_all(empty, nullptr, nullptr) == 0xf4450f7f359d936dULL);
}

namespace {

// Base features of `labels.size()` candidate tokens, all the same word, one
// segment each; the second pass's extra ids of the last token.
std::vector<uint32_t> last_token_second_pass_ids(const std::vector<uint8_t>& labels) {
  ai::TokenFeatures base;
  const size_t n = labels.size();
  for (size_t i = 0; i < n; ++i) base.segments.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + 1)});
  base.word_keys.assign(n, 42);
  base.contexts.assign(n, 0);
  base.expansions.assign(n, 0);
  base.word_ids.assign(n, 0);
  base.word_count = 1;
  ai::TokenFeatures extra;
  ai::extract_second_pass_features(base, labels, &extra);
  return std::vector<uint32_t>(extra.ids.begin() + extra.offsets[n - 1], extra.ids.begin() + extra.offsets[n]);
}

}  // namespace

TEST_CASE("the second pass counts more than 65535 labels of one word", "[ner_features]") {
  const uint8_t person = static_cast<uint8_t>(ai::make_label(ai::EntityType::kPerson, ai::TagPosition::kUnit));
  const uint8_t organization = static_cast<uint8_t>(ai::make_label(ai::EntityType::kOrganization, ai::TagPosition::kUnit));
  // The last token is tagged ORG; elsewhere the word is mostly PER, so its
  // "label most often given elsewhere" is PER in both documents. A 16-bit
  // count of 65,536 PER sightings wrapped to 0 and made it ORG.
  std::vector<uint8_t> few = {person, person, organization, organization};
  std::vector<uint8_t> many(65536, person);
  many.push_back(organization);
  many.push_back(organization);
  CHECK(last_token_second_pass_ids(many) == last_token_second_pass_ids(few));
}
