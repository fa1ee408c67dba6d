// Speech verbs and attribution phrases read from per-token facts: the word
// lists match regardless of ASCII case, and only whole tokens match.
#include <catch2/catch.hpp>
#include <optional>
#include <string>
#include <vector>

#include "attribution.h"

namespace {

// The index of the first token whose text is `word`.
size_t token_index(const ai::Document& doc, std::string_view word) {
  for (size_t i = 0; i < doc.tokens.size(); ++i)
    if (doc.token_text(i) == word) return i;
  FAIL("no token " << std::string(word));
  return 0;
}

}  // namespace

TEST_CASE("speech verbs: any letter case, two-word verbs, whole tokens only", "[attribution]") {
  struct Case {
    std::string text;
    std::string at;    // the token the verb would start at
    std::string verb;  // "" when none
    bool reporting = false;
  };
  const std::vector<Case> cases = {
      {"He said so.", "said", "said", true},
      {"HE SAID SO.", "SAID", "said", true},
      {"She Tells them.", "Tells", "tells", true},
      {"Tell them.", "Tell", "tell", false},
      {"It is, According To officials, over.", "According", "according to", true},
      {"According officials.", "According", "", false},
      {"They CALLED FOR calm.", "CALLED", "called for", false},
      {"They called on him.", "called", "called on", false},
      {"They called him.", "called", "called", false},
      {"Accordingly, nothing.", "Accordingly", "", false},
      {"He saidd so.", "saidd", "", false},
      {"He sa\xC3\xAF" "d so.", "sa\xC3\xAF" "d", "", false},
      {"The representatives met.", "representatives", "", false},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const ai::Document doc = ai::analyze_text(c.text);
    const ai::Attributor words(doc);
    const size_t i = token_index(doc, c.at);
    const std::optional<ai::SpeechVerb> verb = words.speech_verb_at(i, doc.tokens.size());
    CHECK(std::string(verb ? verb->text : "") == c.verb);
    if (verb) CHECK(verb->reporting == c.reporting);
  }
}

TEST_CASE("subjects: names with roles, groups and roles in any letter case", "[attribution]") {
  struct Case {
    std::string text;
    ai::Attribution::Kind kind;
    std::string name;
    std::string role;
  };
  const std::vector<Case> cases = {
      {"Police spokesman Sultanat Azirbek told reporters.", ai::Attribution::Kind::kName, "Sultanat Azirbek", "spokesman"},
      {"POLICE SPOKESMAN Sultanat Azirbek told reporters.", ai::Attribution::Kind::kName, "Sultanat Azirbek", "spokesman"},
      {"OFFICIALS said it was over.", ai::Attribution::Kind::kGroup, "OFFICIALS", ""},
      {"The SPOKESMAN said it was over.", ai::Attribution::Kind::kRole, "The SPOKESMAN", "spokesman"},
      {"She HAS said it was over.", ai::Attribution::Kind::kPronoun, "She", ""},
      {"Jane Roe, the Mayor, said it was over.", ai::Attribution::Kind::kName, "Jane Roe", "mayor"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const ai::Document doc = ai::analyze_text(c.text);
    const ai::Attributor words(doc);
    size_t verb = 0;
    while (verb < doc.tokens.size() && !words.speech_verb_at(verb, doc.tokens.size())) ++verb;
    REQUIRE(verb < doc.tokens.size());
    const std::optional<ai::Attribution> who = words.subject_before(verb, 0);
    REQUIRE(who);
    CHECK(who->kind == c.kind);
    CHECK(std::string(doc.span_text(who->name)) == c.name);
    CHECK(std::string(who->role) == c.role);
  }
}

TEST_CASE("people: a pronoun skips a name of the other gender", "[attribution]") {
  struct Case {
    std::string text;
    std::string pronoun;
    std::string speaker;
  };
  const std::vector<Case> cases = {
      {"Mayor Jane Roe arrived. Minister Tony Blair left. Then she said no.", "she", "Jane Roe"},
      {"Mayor Jane Roe arrived. Minister Tony Blair left. Then he said no.", "he", "Tony Blair"},
      {"Minister Tony Blair left. Mayor Jane Roe arrived. Then he said no.", "he", "Tony Blair"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const ai::Document doc = ai::analyze_text(c.text);
    const ai::Attributor words(doc);
    const ai::People people(words, {});
    const size_t verb = token_index(doc, "said");
    const std::optional<ai::Attribution> who = words.subject_before(verb, token_index(doc, "Then"));
    REQUIRE(who);
    REQUIRE(who->kind == ai::Attribution::Kind::kPronoun);
    const std::optional<ai::People::Resolved> resolved = people.resolve(*who, who->span.start);
    REQUIRE(resolved);
    CHECK(resolved->speaker.name == c.speaker);
  }
}

namespace {

// The texts of the tokens next_verb_candidate stops at in [first, end),
// scanning forward as find_sources does.
std::vector<std::string> verb_candidates(const ai::Document& doc, const ai::Attributor& words, size_t first,
                                         size_t end) {
  std::vector<std::string> found;
  for (size_t i = words.next_verb_candidate(first, end); i < end; i = words.next_verb_candidate(i + 1, end))
    found.emplace_back(doc.token_text(i));
  return found;
}

}  // namespace

TEST_CASE("verb scans: every spelling of a verb start, none of other words, rescans agree", "[attribution]") {
  struct Case {
    std::string text;
    std::vector<std::string> candidates;
  };
  const std::vector<Case> cases = {
      {"He said so.", {"said"}},
      {"HE SAID SO, Tweeted Roe, according to Tass.", {"SAID", "Tweeted", "according"}},
      {"They Called for calm and quipped.", {"Called", "quipped"}},
      // Same length and edges as a verb ("said"), or a verb inside a longer word: no stop.
      {"The squid sailed, unsaid, to Saidpur.", {}},
      // Longer than any word, with a verb's edges and length modulo 16 ("said", "told"): no stop.
      {"Sandstormssweptssaid Told-to-be-an-retold.", {}},
      // A role head is no verb start; a clitic or a number never is.
      {"The spokesman's 2 tells.", {"tells"}},
      {"", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const ai::Document doc = ai::analyze_text(c.text);
    const ai::Attributor words(doc);
    CHECK(verb_candidates(doc, words, 0, doc.tokens.size()) == c.candidates);
    // A second sweep, and one restarted past the first candidate, see the same tokens.
    CHECK(verb_candidates(doc, words, 0, doc.tokens.size()) == c.candidates);
    if (!c.candidates.empty()) {
      const size_t second = token_index(doc, c.candidates.front()) + 1;
      const std::vector<std::string> rest(c.candidates.begin() + 1, c.candidates.end());
      CHECK(verb_candidates(doc, words, second, doc.tokens.size()) == rest);
      CHECK(verb_candidates(doc, words, 0, second) == std::vector<std::string>{c.candidates.front()});
    }
  }
}

TEST_CASE("lazy facts: a phrase reads the same before and after a scan", "[attribution]") {
  const std::vector<std::string> texts = {
      "Police spokesman Sultanat Azirbek told reporters.",
      "A source close to the president said it was over.",
      "Jane Roe, the Mayor, said it was over.",
  };
  for (const std::string& text : texts) {
    INFO(text);
    const ai::Document doc = ai::analyze_text(text);
    const ai::Attributor cold(doc);
    const ai::Attributor scanned(doc);
    const size_t verb = scanned.next_verb_candidate(0, doc.tokens.size());
    REQUIRE(verb < doc.tokens.size());
    const std::optional<ai::Attribution> first = cold.subject_before(verb, 0);
    const std::optional<ai::Attribution> second = scanned.subject_before(verb, 0);
    REQUIRE(first);
    REQUIRE(second);
    CHECK(first->kind == second->kind);
    CHECK(first->span == second->span);
    CHECK(first->name == second->name);
    CHECK(first->role == second->role);
  }
}

TEST_CASE("verb scans backwards: the last candidate of every range is the forward scan's last", "[attribution]") {
  const std::vector<std::string> texts = {
      "He said so.",
      "HE SAID SO, Tweeted Roe, according to Tass, who Called for calm.",
      "The spokesman told reporters the squid sailed, unsaid, to Saidpur, and added nothing.",
      "No verbs here at all.",
      "",
  };
  for (const std::string& text : texts) {
    INFO(text);
    const ai::Document doc = ai::analyze_text(text);
    const ai::Attributor words(doc);
    const size_t tokens = doc.tokens.size();
    for (size_t begin = 0; begin <= tokens; ++begin)
      for (size_t end = begin; end <= tokens; ++end) {
        INFO("tokens [" << begin << ", " << end << ")");
        size_t expected = end;
        for (size_t i = words.next_verb_candidate(begin, end); i < end; i = words.next_verb_candidate(i + 1, end))
          expected = i;
        CHECK(words.last_verb_candidate(begin, end) == expected);
      }
  }
}

TEST_CASE("kept subjects: every verb and limit reads as on a fresh Attributor, in any order", "[attribution]") {
  const std::vector<std::string> texts = {
      "Police spokesman Sultanat Azirbek told reporters. He said it was over, Jane Roe, the Mayor, said.",
      "A source close to the president said, and officials told Tass, citing a statement, that it ended.",
      "The channel, citing officials, reported calm. Roe has said so; she also told us, according to Tass.",
      "Tokayev went on to say that he continued to say little. On Monday said nothing.",
  };
  auto same = [](const std::optional<ai::Attribution>& a, const std::optional<ai::Attribution>& b) {
    if (!a || !b) return !a == !b;
    return a->kind == b->kind && a->span == b->span && a->name == b->name && a->role == b->role;
  };
  for (const std::string& text : texts) {
    INFO(text);
    const ai::Document doc = ai::analyze_text(text);
    const size_t tokens = doc.tokens.size();
    // People reads and keeps the subject of every verb first, as in a pipeline.
    const std::vector<ai::Entity> no_entities;
    const ai::AttributionContext shared(doc, no_entities);
    size_t kept_verbs = 0;
    for (size_t pass = 0; pass < 2; ++pass)  // the second pass asks only kept answers again
      for (size_t verb = tokens; verb-- > 0;)
        for (size_t limit = 0; limit <= verb; ++limit) {
          const ai::Attributor fresh(doc);
          INFO("verb " << verb << ", limit " << limit << ", pass " << pass);
          const std::optional<ai::Attribution> expected = fresh.subject_before(verb, limit);
          CHECK(same(shared.words.subject_before(verb, limit), expected));
          kept_verbs += pass == 0 && limit == 0 && expected;
        }
    CHECK(kept_verbs > 0);
  }
}
