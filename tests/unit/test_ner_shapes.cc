// What the entity features read of each token by itself (its folded hash,
// word shape, length and letter cases) is pinned per kind of token: the
// shipped model's weights are indexed by the resulting ids, so a faster way
// of describing tokens must give exactly the same ids. Each row's expected
// fingerprint was recorded from the reference implementation (one loop over
// the characters of every token). Every token below sits next to a
// capitalised one, so that its shape and word feed some candidate's ids.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>

#include "gazetteer.h"
#include "hash64.h"
#include "ner_features.h"
#include "test_helpers.h"
#include "text.h"

namespace {

uint64_t fold(uint64_t h, uint64_t v) { return ai::mix64(h * 0x9E3779B97F4A7C15ULL + v); }

uint64_t features_fingerprint(const std::string& text) {
  const ai::Document doc = ai::analyze_text(text);
  const ai::Gazetteer empty;
  ai::TokenFeatures f;
  ai::extract_features(doc, empty, nullptr, nullptr, &f);
  uint64_t h = fold(0, f.ids.size());
  for (uint32_t id : f.ids) h = fold(h, id);
  for (uint32_t o : f.offsets) h = fold(h, o);
  for (const auto& [first, end] : f.segments) h = fold(fold(h, first), end);
  // Per candidate, folded as they were by token.
  for (uint64_t k : ai_test::by_token(f, f.word_keys, doc.tokens.size())) h = fold(h, k);
  for (uint8_t c : ai_test::by_token(f, f.contexts, doc.tokens.size())) h = fold(h, c);
  return h;
}

}  // namespace

TEST_CASE("entity features of every kind of token shape are pinned", "[ner_features]") {
  struct Row {
    const char* text;
    uint64_t fingerprint;
  };
  const Row rows[] = {
      {"Zed went home and Zed slept there.", 0x661eea130010f888ULL},                                   // lower case
      {"Zed Tokayev Zed Almaty Zed Moscow.", 0xd28fe388c20d93feULL},                                   // capitalised
      {"Zed CSTO Zed NATO Zed AB Zed WHO.", 0x827ca77a78752f9fULL},                                    // all capitals
      {"Zed 2023 Zed 1 Zed 3.5 Zed 1,000 Zed 42.", 0x64c737fabdd2453eULL},                             // digits
      {"Zed iPhone Zed eBay Zed McDonald Zed MacBookPro Zed aBcDeFgHiJkLmN.", 0xc8386183d2dbe9a0ULL},  // mixed case
      {"Zed X-Men Zed Khabar-24 Zed U.S. Zed O'Neill Zed e-mail Zed AT&T.", 0xd5144592e22a6c54ULL},    // punctuation inside
      {"Zed 1990s Zed B2B Zed 4x4 Zed a1b2c3d4e5f6g7h8 Zed COVID-19 Zed G7.", 0x2dff62b3b6cec80ULL},  // digits and letters
      {"Zed 's Zed -- Zed ... Zed & Zed @Name Zed #Tag Zed _x Zed $5 Zed 50%.", 0x68f6af400e454899ULL},
      {"Zed ABCDEFGHIJKLMNOPQRSTUVWXYZAB Zed Abcdefghijklmnopqrstuvwxyzab Zed Supercalifragilistic.", 0x964c7253cda595e1ULL},
      {"Zed Ærø Zed ÉLAN Zed naïve Zed Zürich Zed São Zed Øresund Zed ǅemal Zed Ωmega Zed ωmega.", 0x63e2bf77bf1d1191ULL},
      {"Zed \xC3( Zed \xFF\xFE Zed ab\x80 Zed A\xE2\x82 Zed \xF0\x9F\x98\x80 Zed x\xE2\x80\x94y.", 0x54d10fc2690e6574ULL},
      {"ZED WENT HOME AND ZED SLEPT THERE.", 0xafd56d56122cf676ULL},                                   // headline
      {"\"Zed\" said: 'Ann', (Bob) [Cy].", 0x3467583740443fbeULL},                                      // after quotes and brackets
  };
  for (const Row& row : rows) {
    INFO(row.text);
    CHECK(features_fingerprint(row.text) == row.fingerprint);
  }
}
