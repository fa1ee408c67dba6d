// Sentence and paragraph breaks that depend on which tokens the tokenizer
// marks as possible boundaries (sentence-final marks, tokens after a line
// break), and tokens that cross the ASCII fast path into multi-byte text.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_helpers.h"
#include "text.h"

namespace {

using Strings = std::vector<std::string>;
using ai_test::sentences_of;
using ai_test::tokens_of;

Strings paragraphs_of(const std::string& text) {
  const ai::Document doc = ai::analyze_text(text);
  Strings out;
  for (const ai::Span& p : doc.paragraphs) out.emplace_back(doc.span_text(p));
  return out;
}

}  // namespace

TEST_CASE("sentence breaks at every kind of final mark", "[text]") {
  struct Case {
    const char* input;
    Strings expected;
  };
  const Case cases[] = {
      {"Wait\xE2\x80\xA6 Then go.", {"Wait\xE2\x80\xA6", "Then go."}},  // ellipsis character
      {"Wait... Then go.", {"Wait...", "Then go."}},
      {"It fell to .25 Then rose.", {"It fell to .25", "Then rose."}},  // ".25" counts as final
      {"It fell to .25 and rose.", {"It fell to .25 and rose."}},
      {"He left.) Then came.", {"He left.)", "Then came."}},          // a closer stays behind
      {"He left. \xE2\x80\x9D Then.", {"He left. \xE2\x80\x9D", "Then."}},
      {"Stop. stop. Go.", {"Stop. stop.", "Go."}},                     // lower case continues
      {"\n\nOne\ntwo\n\nThree", {"One\ntwo", "Three"}},                // wrapped line, leading breaks
      {"One\nTwo", {"One", "Two"}},
      {"One,\n\"Two\"", {"One,", "\"Two\""}},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(sentences_of(c.input) == c.expected);
  }
}

TEST_CASE("paragraph spans follow the break rule chosen for the whole text", "[text]") {
  struct Case {
    const char* input;
    Strings expected;
  };
  const Case cases[] = {
      {"\n\nA b.\nC d.\n\n\nE f.\n", {"A b.\nC d.", "E f."}},
      {"\nA b.\nC d.", {"A b.", "C d."}},
      {"A b.\xE2\x80\xA8" "C d.", {"A b.", "C d."}},  // U+2028 line separator
      {"One", {"One"}},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(paragraphs_of(c.input) == c.expected);
  }
}

TEST_CASE("words run across ASCII and multi-byte letters", "[text]") {
  struct Case {
    const char* input;
    Strings expected;
  };
  const Case cases[] = {
      {"Zo\xC3\xAB's caf\xC3\xA9-bar", {"Zo\xC3\xAB", "'s", "caf\xC3\xA9-bar"}},
      {"\xD0\x94\xD0\xB0 2,000\xC2\xA0km", {"\xD0\x94\xD0\xB0", "2,000", "km"}},  // no-break space separates
      {"abc\xE2\x80\x94" "def", {"abc", "\xE2\x80\x94", "def"}},                  // em dash is punctuation
      {"x1.5.y", {"x1.5", ".", "y"}},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(tokens_of(c.input) == c.expected);
  }
}

TEST_CASE("long runs of letters and digits are read eight bytes at a time", "[text]") {
  struct Case {
    std::string input;
    Strings expected;
    ai::TokenKind first_kind;
  };
  const Case cases[] = {
      {"abcdefg hij", {"abcdefg", "hij"}, ai::TokenKind::kWord},
      {"abcdefgh ij", {"abcdefgh", "ij"}, ai::TokenKind::kWord},
      {"abcdefghi, then", {"abcdefghi", ",", "then"}, ai::TokenKind::kWord},
      {"Internationalisation-wide", {"Internationalisation-wide"}, ai::TokenKind::kWord},
      {"1234567890123456789 x", {"1234567890123456789", "x"}, ai::TokenKind::kNumber},
      {"12345678901234567a x", {"12345678901234567a", "x"}, ai::TokenKind::kWord},
      {"abcdefgh\xC3\xA9z.", {"abcdefgh\xC3\xA9z", "."}, ai::TokenKind::kWord},  // a multi-byte letter after eight
      {"abcdefg\xE2\x80\x94" "z", {"abcdefg", "\xE2\x80\x94", "z"}, ai::TokenKind::kWord},
      {"Z[abcdefghijk`@{", {"Z", "[", "abcdefghijk", "`", "@", "{"}, ai::TokenKind::kWord},  // neighbours of the ranges
      {"09/:abcdefgh", {"09", "/", ":", "abcdefgh"}, ai::TokenKind::kNumber},
  };
  for (const Case& c : cases) {
    INFO("input: " << c.input);
    CHECK(tokens_of(c.input) == c.expected);
    CHECK(ai::analyze_text(c.input).tokens[0].kind == c.first_kind);
  }
}
