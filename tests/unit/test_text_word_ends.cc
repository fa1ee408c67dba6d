// Where an ASCII word ends when a joining mark (- . , & ') follows it: the
// tokenizer settles a mark that precedes no letter or digit without the
// joining rules, and a final period there may still belong to the word.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_helpers.h"
#include "text.h"

using Strings = std::vector<std::string>;
using ai_test::tokens_of;

TEST_CASE("a joining mark before no letter or digit ends the word", "[text]") {
  struct Case {
    std::string input;
    Strings expected;
  };
  const Case cases[] = {
      {"said, then", {"said", ",", "then"}},
      {"said.", {"said", "."}},
      {"said.\nNext", {"said", ".", "Next"}},
      {"said.\" Then", {"said", ".", "\"", "Then"}},
      {"well- known", {"well", "-", "known"}},
      {"well-known", {"well-known"}},
      {"AT& T", {"AT", "&", "T"}},
      {"AT&T", {"AT&T"}},
      {"2,", {"2", ","}},
      {"2,000", {"2,000"}},
      {"Mr.", {"Mr."}},
      {"Mr. Smith", {"Mr.", "Smith"}},
      {"mr.)", {"mr.", ")"}},
      {"U.S.", {"U.S."}},
      {"U.S. forces", {"U.S.", "forces"}},
      {"J.", {"J."}},
      {"j.", {"j", "."}},
      {"No. 10", {"No.", "10"}},
      {"said no.", {"said", "no", "."}},
      {"10.", {"10", "."}},
      {"cafe-\xC3\xA9", {"cafe-\xC3\xA9"}},  // a multi-byte letter after the mark still joins
      {"cafe,\xE2\x80\x94", {"cafe", ",", "\xE2\x80\x94"}},
      {"Russia's", {"Russia", "'s"}},
      {"Russia' s", {"Russia", "'", "s"}},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(tokens_of(c.input) == c.expected);
  }
}

TEST_CASE("a word before a joining mark keeps its kind", "[text]") {
  struct Case {
    std::string input;
    ai::TokenKind first_kind;
  };
  const Case cases[] = {
      {"2024.", ai::TokenKind::kNumber},
      {"2024,", ai::TokenKind::kNumber},
      {"24h.", ai::TokenKind::kWord},
      {"Mr.", ai::TokenKind::kWord},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(ai::analyze_text(c.input).tokens[0].kind == c.first_kind);
  }
}
