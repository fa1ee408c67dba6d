// Grouping compares words with ASCII letters case-folded: the same words in
// any case join one entity, anything else stays apart, however long the
// words are and wherever they sit in the text (the middle, or its very end).
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "entity_grouping.h"

namespace {

struct Placed {
  size_t first_word;
  size_t word_count;
};

struct FoldingCase {
  const char* text;             // words separated by single spaces; each word is a token
  std::vector<Placed> mentions;  // all organisations
  std::vector<size_t> entity_of;  // per mention, the index of its entity
};

// A document whose tokens are the space-separated words of `text`, in one sentence.
ai::Document words_document(const std::string& text) {
  ai::Document doc;
  doc.text = text;
  uint32_t start = 0;
  for (uint32_t i = 0; i <= text.size(); ++i) {
    if (i < text.size() && text[i] != ' ') continue;
    ai::Token token;
    token.start = start;
    token.end = i;
    doc.tokens.push_back(token);
    start = i + 1;
  }
  ai::Sentence sentence;
  sentence.end_token = doc.tokens.size();
  sentence.span = {0, text.size()};
  doc.sentences.push_back(sentence);
  return doc;
}

}  // namespace

TEST_CASE("mentions join when their words match case-folded, and only then", "[entities]") {
  const std::vector<FoldingCase> cases = {
      {"Alpha Beta ALPHA BETA", {{0, 2}, {2, 2}}, {0, 0}},
      {"Ab ab aB AB", {{0, 1}, {1, 1}, {2, 1}, {3, 1}}, {0, 0, 0, 0}},
      // Words of 8 and more bytes, the last at the end of the text.
      {"Kassym-Jomart KASSYM-JOMART", {{0, 1}, {1, 1}}, {0, 0}},
      {"Internationalisations INTERNATIONALISATIONS", {{0, 1}, {1, 1}}, {0, 0}},
      {"Internationalisations INTERNATIONALISATIONX", {{0, 1}, {1, 1}}, {0, 1}},
      {"Internationalisations XNTERNATIONALISATIONS", {{0, 1}, {1, 1}}, {0, 1}},
      // The bytes after a short word (capitals here) are no part of it.
      {"Ab ZZZZZZZZZZ ab", {{0, 1}, {2, 1}}, {0, 0}},
      {"Ab ZZZZZZZZZZ abz", {{0, 1}, {2, 1}}, {0, 1}},
      // Only 'A'..'Z' fold: not their neighbours '@' and '[', nor non-ASCII letters.
      {"X@Y x`y", {{0, 1}, {1, 1}}, {0, 1}},
      {"X[Y x{y", {{0, 1}, {1, 1}}, {0, 1}},
      {"\xC3\x89" "COLE \xC3\xA9" "cole", {{0, 1}, {1, 1}}, {0, 1}},
      {"\xC3\x89" "COLE \xC3\x89" "cole", {{0, 1}, {1, 1}}, {0, 0}},
      // Acronyms skip connectors, in any case.
      {"Collective Security Treaty Organization CSTO", {{0, 4}, {4, 1}}, {0, 0}},
      {"Bank of England BE", {{0, 3}, {3, 1}}, {0, 0}},
      {"Bank of England BOE", {{0, 3}, {3, 1}}, {0, 1}},
      {"Bank OF England BE", {{0, 3}, {3, 1}}, {0, 0}},
      {"Bank Of England BOE", {{0, 3}, {3, 1}}, {0, 1}},
      // An acronym seen first is found by its letters only when in capitals.
      {"CSTO Collective Security Treaty Organization", {{0, 1}, {1, 4}}, {0, 0}},
      {"Csto Collective Security Treaty Organization", {{0, 1}, {1, 4}}, {0, 1}},
      {"CSTo Collective Security Treaty Organization", {{0, 1}, {1, 4}}, {0, 1}},
  };
  for (const FoldingCase& c : cases) {
    INFO(c.text);
    const std::string text = c.text;
    const ai::Document doc = words_document(text);
    std::vector<ai::TaggedMention> mentions;
    for (const Placed& p : c.mentions) mentions.push_back({p.first_word, p.first_word + p.word_count, ai::EntityType::kOrganization});
    const std::vector<ai::Entity> entities = ai::group_mentions(doc, mentions);
    std::vector<size_t> entity_of(mentions.size(), entities.size());
    for (size_t e = 0; e < entities.size(); ++e) {
      for (const ai::Span& span : entities[e].mentions) {
        for (size_t m = 0; m < mentions.size(); ++m)
          if (doc.tokens[mentions[m].first_token].start == span.start) entity_of[m] = e;
      }
    }
    CHECK(entity_of == c.entity_of);
  }
}

TEST_CASE("a person's repeated role is kept once, in its first spelling", "[entities]") {
  const std::string text = "President Lena Varga spoke. The president Lena Varga left. PRESIDENT Lena Varga returned.";
  const ai::Document doc = ai::analyze_text(text);
  std::vector<ai::TaggedMention> mentions;
  for (size_t i = 0; i < doc.tokens.size(); ++i)
    if (doc.token_text(i) == "Lena") mentions.push_back({i, i + 2, ai::EntityType::kPerson});
  REQUIRE(mentions.size() == 3);
  const std::vector<ai::Entity> entities = ai::group_mentions(doc, mentions);
  REQUIRE(entities.size() == 1);
  CHECK(entities[0].mentions.size() == 3);
  CHECK(entities[0].roles == std::vector<std::string>{"President"});
}
