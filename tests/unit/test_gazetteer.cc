// Gazetteer::parse splits names made of ASCII letters, digits, single
// hyphens and spaces itself, in one pass, and leaves every other name to the
// core tokenizer. These cases pin that both routes agree: a gazetteer parsed
// from one line answers every key like one built with add() from the
// tokenizer's own tokens of that name. The entity model stores the
// gazetteer encoded (Gazetteer::encode), and decoding must answer alike.
#include <catch2/catch.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer.h"
#include "test_helpers.h"
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

namespace {

// The lookups of every prefix of every name, for comparing two gazetteers.
std::vector<std::pair<int, bool>> answers(const ai::Gazetteer& g, const std::vector<std::vector<std::string_view>>& names,
                                          const ai::Gazetteer* held_out = nullptr) {
  std::vector<std::pair<int, bool>> out;
  for (const auto& name : names) {
    for (uint64_t key : prefix_keys(name)) {
      const ai::GazetteerHit hit = g.lookup(key, held_out);
      out.emplace_back(hit.types, hit.is_prefix);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("an encoded gazetteer decodes to the same answers", "[gazetteer]") {
  const ai::Gazetteer parsed =
      ai::Gazetteer::parse("LOC\tNew York\nORG\tNew York Times\nPER\tAnne\nMISC\tAnne\nLOC\tSão Tomé\nPER\tvan der Sar\n").value();
  const ai::Result<ai::Gazetteer> decoded = ai::Gazetteer::decode(parsed.encode());
  REQUIRE(decoded.ok());
  CHECK(decoded.value().size() == parsed.size());
  const std::vector<std::vector<std::string_view>> names = {
      {"new", "york"}, {"New", "York", "Times"}, {"ANNE"}, {"São", "Tomé"}, {"van", "der", "Sar"}, {"Paris"}, {"York"}};
  CHECK(answers(decoded.value(), names) == answers(parsed, names));
  CHECK(answers(decoded.value(), names)[1] == std::pair<int, bool>{1 << 2, true});  // "new york": LOC, and "times" may follow

  // Holding out a sighting: a decoded gazetteer counts each type once.
  ai::Gazetteer own;
  own.add({"Anne"}, 0);
  CHECK(decoded.value().lookup(prefix_keys({"Anne"})[0], &own).types == (1 << 3));
  // Adding to a decoded gazetteer counts on from there.
  ai::Gazetteer grown = decoded.value();
  grown.add({"Anne"}, 0);
  CHECK(grown.lookup(prefix_keys({"Anne"})[0], &own).types == ((1 << 0) | (1 << 3)));
  grown.add({"Lyon"}, 2);
  CHECK(grown.lookup(prefix_keys({"Lyon"})[0]).types == (1 << 2));
  CHECK(answers(grown, {{"New", "York"}}) == answers(parsed, {{"New", "York"}}));

  const ai::Result<ai::Gazetteer> empty = ai::Gazetteer::decode(ai::Gazetteer().encode());
  REQUIRE(empty.ok());
  CHECK(empty.value().size() == 0);
  CHECK(empty.value().lookup(prefix_keys({"Anne"})[0]).types == 0);
}

TEST_CASE("malformed gazetteer bytes fail with a reason", "[gazetteer]") {
  const std::string one_key = ai_test::little_endian(1, 4) + ai_test::little_endian(0x1234, 8) + '\x04';
  REQUIRE(ai::Gazetteer::decode(one_key).ok());
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"", "truncated"},
      {ai_test::little_endian(2, 4) + ai_test::little_endian(0x1234, 8) + '\x04', "size"},
      {one_key + "x", "size"},
      {ai_test::little_endian(1, 4) + ai_test::little_endian(0, 8) + '\x04', "zero"},
      {ai_test::little_endian(1, 4) + ai_test::little_endian(0x1234, 8) + '\x00', "flags"},
      {ai_test::little_endian(1, 4) + ai_test::little_endian(0x1234, 8) + '\x20', "flags"},
      {ai_test::little_endian(2, 4) + ai_test::little_endian(0x1234, 8) + ai_test::little_endian(0x1234, 8) + "\x04\x04", "repeated"},
  };
  for (const auto& [bytes, reason] : cases) {
    INFO(reason);
    const ai::Result<ai::Gazetteer> decoded = ai::Gazetteer::decode(bytes);
    REQUIRE_FALSE(decoded.ok());
    CHECK(decoded.error().find(reason) != std::string::npos);
  }
}
