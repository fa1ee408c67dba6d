#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_helpers.h"
#include "text.h"

namespace {

using ai_test::sentences_of;
using ai_test::tokens_of;

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("tokenizer follows news conventions", "[text]") {
  struct Case {
    const char* input;
    Strings expected;
  };
  const Case cases[] = {
      {"", {}},
      {"   \n\t ", {}},
      {"Russia's army", {"Russia", "'s", "army"}},
      {"Kazakhstan\xE2\x80\x99s plains", {"Kazakhstan", "\xE2\x80\x99s", "plains"}},
      {"don't", {"do", "n't"}},
      {"O'Brien spoke", {"O'Brien", "spoke"}},
      {"Khabar-24 reported", {"Khabar-24", "reported"}},
      {"Kassym-Jomart Tokayev", {"Kassym-Jomart", "Tokayev"}},
      {"2,000 people", {"2,000", "people"}},
      {"1,234,567.89", {"1,234,567.89"}},
      {"costs .25 each", {"costs", ".25", "each"}},
      {"1,2 and 3", {"1", ",", "2", "and", "3"}},
      {"the U.S. team", {"the", "U.S.", "team"}},
      {"Mr. Smith", {"Mr.", "Smith"}},
      {"No. 10 said no.", {"No.", "10", "said", "no", "."}},
      {"J. Smith", {"J.", "Smith"}},
      {"He left.", {"He", "left", "."}},
      {"$1.13bn", {"$", "1.13bn"}},
      {"4,700 miles (7,600 km).", {"4,700", "miles", "(", "7,600", "km", ")", "."}},
      {"AT&T", {"AT&T"}},
      {"Wait...", {"Wait", "..."}},
      {"1996-08-22", {"1996-08-22"}},
      {"\xE2\x80\x9CYes,\xE2\x80\x9D", {"\xE2\x80\x9C", "Yes", ",", "\xE2\x80\x9D"}},
      {"caf\xC3\xA9 na\xC3\xAFve", {"caf\xC3\xA9", "na\xC3\xAFve"}},
      {"\xE6\x9D\xB1\xE4\xBA\xAC", {"\xE6\x9D\xB1\xE4\xBA\xAC"}},
      {"a\xF0\x9F\x98\x80" "b", {"a", "\xF0\x9F\x98\x80", "b"}},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(tokens_of(c.input) == c.expected);
  }
}

TEST_CASE("tokens carry byte offsets and line breaks", "[text]") {
  const std::string text = "One two\n\nThree";
  const ai::Document doc = ai::analyze_text(text);
  REQUIRE(doc.tokens.size() == 3);
  CHECK(doc.tokens[2].start == 9);
  CHECK(doc.tokens[2].end == 14);
  CHECK(doc.tokens[2].newlines_before == 2);
  CHECK(doc.tokens[1].newlines_before == 0);
}

TEST_CASE("sentence boundaries", "[text]") {
  struct Case {
    const char* input;
    Strings expected;
  };
  const Case cases[] = {
      {"One. Two.", {"One.", "Two."}},
      {"Mr. Smith came. He left.", {"Mr. Smith came.", "He left."}},
      {"It cost $1.5m. Then more.", {"It cost $1.5m.", "Then more."}},
      {"\"Go home,\" he said. She did.", {"\"Go home,\" he said.", "She did."}},
      {"He asked why? Nobody knew!", {"He asked why?", "Nobody knew!"}},
      {"Headline here\n\nBody text.", {"Headline here", "Body text."}},
      {"a sentence wrapped\nacross lines.", {"a sentence wrapped\nacross lines."}},
      {"Was it 3.5 or 4? Yes.", {"Was it 3.5 or 4?", "Yes."}},
      {"In the U.S. team. Next.", {"In the U.S. team.", "Next."}},
      {"He said \xE2\x80\x9Cno.\xE2\x80\x9D Then left.", {"He said \xE2\x80\x9Cno.\xE2\x80\x9D", "Then left."}},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(sentences_of(c.input) == c.expected);
  }
}

TEST_CASE("paragraphs are blank-line blocks, or lines when there are none", "[text]") {
  CHECK(ai::analyze_text("A b.\nC d.\n\nE f.").paragraphs.size() == 2);
  CHECK(ai::analyze_text("A b.\nC d.\nE f.").paragraphs.size() == 3);
  CHECK(ai::analyze_text("").paragraphs.empty());
}

TEST_CASE("sentence_at finds the sentence holding an offset", "[text]") {
  const ai::Document doc = ai::analyze_text("One. Two.");
  CHECK(doc.sentence_at(0) == 0);
  CHECK(doc.sentence_at(6) == 1);
  CHECK(doc.sentence_at(4) == doc.sentences.size());  // the space between
}
