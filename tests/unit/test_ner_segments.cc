// Which tokens the entity tagger scores: runs of candidates (capitalised
// tokens) within one sentence, joined across at most two name infixes
// ("Bank of England") only when another candidate follows in the same
// sentence. Segments are made a sentence at a time, so a run that ends at a
// sentence's last tokens must not reach into the next sentence.
#include <catch2/catch.hpp>
#include <string>

#include "gazetteer.h"
#include "ner_features.h"
#include "text.h"

namespace {

// The segments of `text`, each as its tokens joined by spaces, separated by " | ".
std::string segments_of(const char* text) {
  const ai::Document doc = ai::analyze_text(text);
  const ai::Gazetteer no_names;
  ai::TokenFeatures f;
  ai::extract_features(doc, no_names, nullptr, nullptr, &f);
  std::string out;
  for (const auto& [first, end] : f.segments) {
    if (!out.empty()) out += " | ";
    for (uint32_t i = first; i < end; ++i) {
      if (i > first) out += ' ';
      out += std::string(doc.token_text(i));
    }
  }
  return out;
}

}  // namespace

TEST_CASE("segments join name infixes within a sentence, never across one", "[ner_features]") {
  struct Case {
    const char* text;
    const char* segments;
  };
  const Case cases[] = {
      {"They visited the Bank of England today.", "Bank of England"},
      {"He met Bank of the England staff.", "Bank of the England"},
      // The line break ends the sentence: the infixes end theirs.
      {"They visited the Bank of\nEngland today.", "Bank | England"},
      {"They visited the Bank of the\nEngland today.", "Bank | England"},
      {"Ask Bank of. England replied.", "Ask Bank | England"},
      // A sentence-initial function word is a candidate only before a name.
      {"The talks began. The Kremlin said no.", "The Kremlin"},
      {"It was The\nEnd of it.", "The | End"},
      {"", ""},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(segments_of(c.text) == c.segments);
  }
}

TEST_CASE("a feature writer reused for shorter documents gives what a new one does", "[ner_features]") {
  const char* const texts[] = {
      "KAZAKH PRESIDENT VISITS MOSCOW\nThe Collective Security Treaty Organization (CSTO) met in Almaty. "
      "The CSTO and the Bank of England agreed, said Angela Merkel.",
      "Bank of England.",
      "Hi",
      "",
      "The CSTO met.",
  };
  const ai::Gazetteer gazetteer = ai::Gazetteer::parse("ORG\tBank of England\nORG\tCSTO\nLOC\tAlmaty\n").value();
  ai::FeatureWriter reused;
  ai::TokenFeatures got;
  for (const char* text : texts) {
    INFO(text);
    const ai::Document doc = ai::analyze_text(text);
    reused.start(doc, gazetteer, nullptr, nullptr, &got);
    reused.write(0, got.segments.size(), &got);
    ai::FeatureWriter fresh;
    ai::TokenFeatures want;
    fresh.start(doc, gazetteer, nullptr, nullptr, &want);
    fresh.write(0, want.segments.size(), &want);
    CHECK(got.segments == want.segments);
    CHECK(got.ids == want.ids);
    CHECK(got.offsets == want.offsets);
    CHECK(got.word_keys == want.word_keys);
    CHECK(got.expansions == want.expansions);
  }
}
