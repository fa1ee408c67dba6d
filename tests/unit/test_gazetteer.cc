// Gazetteer::parse splits names made of ASCII letters, digits, single
// hyphens and spaces itself, in one pass, and leaves every other name to the
// core tokenizer. These cases pin that both routes agree: a gazetteer parsed
// from one line answers every key like one built with add() from the
// tokenizer's own tokens of that name.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "text.h"

namespace {

std::vector<std::string_view> tokenizer_tokens(const ai::Document& doc) {
  std::vector<std::string_view> tokens;
  for (size_t i = 0; i < doc.tokens.size(); ++i) tokens.push_back(doc.token_text(i));
  return tokens;
}

// Keys of every prefix of `tokens`, as the tagger probes them.
std::vector<uint64_t> prefix_keys(const std::vector<std::string_view>& tokens) {
  std::vector<uint64_t> keys;
  uint64_t key = ai::gazetteer_key_start();
  for (std::string_view token : tokens) keys.push_back(key = ai::gazetteer_key_extend(key, token));
  return keys;
}

}  // namespace

TEST_CASE("a parsed gazetteer line matches the tokenizer's tokens of its name", "[gazetteer]") {
  const std::vector<std::string> names = {
      "Addis Ababa",       "ADDIS  ABABA",     " Leading space",   "Trailing space ", "Al-Muntar",
      "Guinea-Bissau 2",   "-Dash start",      "Dash end-",        "Double--dash",    "Space - dash",
      "Calif .",           "U.S. Gulf",        "Côte d'Ivoire",    "1,000 Lakes",     "Tab\tinside",
      "A B C D E F",       "A B C D E F G",    "Washington , D.C.", "x",              "Mc-Donald-Smith"};
  for (const std::string& name : names) {
    const std::string type = "ORG";
    for (const std::string& ending : {std::string("\n"), std::string()}) {
      CAPTURE(name, ending.size());
      const std::string text = "# a comment\n\n" + type + "\t" + name + ending;
      const ai::Result<ai::Gazetteer> parsed = ai::Gazetteer::parse(text);
      REQUIRE(parsed.ok());
      const ai::Document doc = ai::analyze_text(name);
      const std::vector<std::string_view> tokens = tokenizer_tokens(doc);
      ai::Gazetteer expected;
      expected.add(tokens, 1);
      CHECK(parsed.value().size() == expected.size());
      for (uint64_t key : prefix_keys(tokens)) {
        const ai::GazetteerHit got = parsed.value().lookup(key);
        const ai::GazetteerHit want = expected.lookup(key);
        CHECK(got.types == want.types);
        CHECK(got.is_prefix == want.is_prefix);
      }
    }
  }
}

TEST_CASE("gazetteer lines without a known type before a tab fail with their line number", "[gazetteer]") {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"PER\tAnne\nPERSON\tBob\n", "gazetteer line 2 is not TYPE<tab>name"},
      {"LOC\tParis\n#\n\nLOC Lyon\n", "gazetteer line 4 is not TYPE<tab>name"},
      {"MISC", "gazetteer line 1 is not TYPE<tab>name"},
      {"ORG\tAcme\nPER", "gazetteer line 2 is not TYPE<tab>name"},
  };
  for (const auto& [text, error] : cases) {
    CAPTURE(text);
    const ai::Result<ai::Gazetteer> parsed = ai::Gazetteer::parse(text);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error() == error);
  }
}

TEST_CASE("a gazetteer counts one entry per distinct name and type", "[gazetteer]") {
  const ai::Gazetteer g = ai::Gazetteer::parse("LOC\tNew York\nLOC\tnew york\nORG\tNew York\nPER\tAnne\n").value();
  CHECK(g.size() == 2);
  uint64_t key = ai::gazetteer_key_extend(ai::gazetteer_key_start(), "NEW");
  CHECK(g.lookup(key).is_prefix);
  CHECK(g.lookup(key).types == 0);
  key = ai::gazetteer_key_extend(key, "York");
  CHECK(g.lookup(key).types == ((1u << 1) | (1u << 2)));
  CHECK_FALSE(g.lookup(key).is_prefix);
}
