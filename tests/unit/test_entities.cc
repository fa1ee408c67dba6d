// Grouping mentions into entities, roles, and the user's sample article.
#include <catch2/catch.hpp>
#include <algorithm>
#include <iterator>
#include <string>
#include <vector>

#include "builtin_model.h"
#include "entities.h"
#include "entity_grouping.h"
#include "test_helpers.h"

namespace {

struct Named {
  std::string text;
  ai::EntityType type;
};

// Groups hand-placed mentions (given by their text, found left to right).
std::vector<ai::Entity> group(const std::string& text, const std::vector<Named>& mentions, ai::Document* doc,
                              size_t max_kept_mentions = ai::kKeptGroupingMentions) {
  *doc = ai::analyze_text(text);
  std::vector<ai::TaggedMention> tagged;
  size_t from = 0;
  for (const Named& m : mentions) {
    const size_t start = text.find(m.text, from);
    REQUIRE(start != std::string::npos);
    from = start + m.text.size();
    ai::TaggedMention t;
    t.type = m.type;
    t.first_token = doc->tokens.size();
    for (size_t i = 0; i < doc->tokens.size(); ++i) {
      if (doc->tokens[i].start == start) t.first_token = i;
      if (doc->tokens[i].end == from) t.end_token = i + 1;
    }
    REQUIRE(t.first_token < t.end_token);
    tagged.push_back(t);
  }
  return ai::group_mentions(*doc, tagged, max_kept_mentions);
}

const ai::EntityType kPer = ai::EntityType::kPerson, kOrg = ai::EntityType::kOrganization, kLoc = ai::EntityType::kLocation;

}  // namespace

TEST_CASE("a surname, a title and a later full name join one person", "[entities]") {
  ai::Document doc;
  const std::string text =
      "Prime Minister Lena Varga arrived on Monday. Varga said the talks would go on, "
      "and Varga's aides agreed. Ministers praised Lena Varga.";
  const auto entities = group(text, {{"Lena Varga", kPer}, {"Varga", kPer}, {"Varga", kOrg}, {"Lena Varga", kPer}}, &doc);
  REQUIRE(entities.size() == 1);
  CHECK(entities[0].id == "e1");
  CHECK(entities[0].type == kPer);
  CHECK(entities[0].name == "Lena Varga");
  CHECK(entities[0].mentions.size() == 4);
  CHECK(entities[0].roles == std::vector<std::string>{"Prime Minister"});
}

// A text with more mentions than the thread keeps arrays for is grouped in
// arrays of its own: the same entities, and the kept arrays, used before and
// after, are not disturbed.
TEST_CASE("grouping in a text's own arrays finds what the thread's kept ones find", "[entities]") {
  struct Case {
    std::string text;
    std::vector<Named> mentions;
  };
  const std::vector<Case> cases = {
      {"Prime Minister Lena Varga arrived on Monday. Varga said the talks would go on. The CSTO met.",
       {{"Lena Varga", kPer}, {"Varga", kPer}, {"CSTO", kOrg}}},
      {"The Collective Security Treaty Organization met in Paris. The CSTO said Paris was calm.",
       {{"Collective Security Treaty Organization", kOrg}, {"Paris", kLoc}, {"CSTO", kOrg}, {"Paris", kLoc}}},
      {"Nobody was named.", {}},
  };
  for (const size_t max_kept_mentions : {size_t{0}, size_t{1}, ai::kKeptGroupingMentions}) {
    for (const Case& c : cases) {
      INFO(c.text << " / at most " << max_kept_mentions << " mentions kept");
      ai::Document kept_doc, own_doc;
      const auto kept = group(c.text, c.mentions, &kept_doc);
      const auto own = group(c.text, c.mentions, &own_doc, max_kept_mentions);
      REQUIRE(own.size() == kept.size());
      for (size_t e = 0; e < kept.size(); ++e) {
        CHECK(own[e].id == kept[e].id);
        CHECK(own[e].type == kept[e].type);
        CHECK(own[e].name == kept[e].name);
        CHECK(own[e].roles == kept[e].roles);
        REQUIRE(own[e].mentions.size() == kept[e].mentions.size());
        for (size_t m = 0; m < kept[e].mentions.size(); ++m) {
          CHECK(own[e].mentions[m].start == kept[e].mentions[m].start);
          CHECK(own[e].mentions[m].end == kept[e].mentions[m].end);
        }
      }
    }
  }
}

TEST_CASE("a short mention before the full name still joins it, and the name is the fullest", "[entities]") {
  ai::Document doc;
  const auto entities = group("Okafor scored twice. Coach Daniel Okafor smiled.", {{"Okafor", kPer}, {"Daniel Okafor", kPer}}, &doc);
  REQUIRE(entities.size() == 1);
  CHECK(entities[0].name == "Daniel Okafor");
  CHECK(entities[0].roles == std::vector<std::string>{"Coach"});
}

TEST_CASE("two people sharing a surname stay apart; the surname goes to the latest", "[entities]") {
  ai::Document doc;
  const std::string text = "Anna Berg met Tomas Berg. Later Berg left.";
  const auto entities = group(text, {{"Anna Berg", kPer}, {"Tomas Berg", kPer}, {"Berg", kPer}}, &doc);
  REQUIRE(entities.size() == 2);
  CHECK(entities[0].mentions.size() == 1);
  CHECK(entities[1].mentions.size() == 2);
}

TEST_CASE("an acronym joins its expansion, either order", "[entities]") {
  ai::Document doc;
  auto entities = group("The Nordic Water Safety Council met. The NWSC said no.",
                        {{"Nordic Water Safety Council", kOrg}, {"NWSC", kOrg}}, &doc);
  REQUIRE(entities.size() == 1);
  CHECK(entities[0].name == "Nordic Water Safety Council");
  entities = group("The NWSC met. The Nordic Water Safety Council said no.", {{"NWSC", kOrg}, {"Nordic Water Safety Council", kOrg}}, &doc);
  REQUIRE(entities.size() == 1);
  CHECK(entities[0].name == "Nordic Water Safety Council");
  CHECK(entities[0].mentions.size() == 2);
}

TEST_CASE("different names never merge just by sharing a word", "[entities]") {
  ai::Document doc;
  const auto entities = group("The World Bank and the Bank of Ghana disagreed.", {{"World Bank", kOrg}, {"Bank of Ghana", kOrg}}, &doc);
  CHECK(entities.size() == 2);
}

TEST_CASE("the same words typed differently stay apart; a surname typed wrongly joins its person", "[entities]") {
  ai::Document doc;
  auto entities = group("Jordan beat Peru. Jordan won again. Then Jordan lost.",
                        {{"Jordan", kLoc}, {"Peru", kLoc}, {"Jordan", kLoc}, {"Jordan", kOrg}}, &doc);
  REQUIRE(entities.size() == 3);
  CHECK(entities[0].type == kLoc);
  CHECK(entities[0].mentions.size() == 2);
  CHECK(entities[2].type == kOrg);
  entities = group("Maria Lopez spoke. Lopez left.", {{"Maria Lopez", kPer}, {"Lopez", kLoc}}, &doc);
  REQUIRE(entities.size() == 1);
  CHECK(entities[0].type == kPer);
}

TEST_CASE("roles come from titles, role phrases and appositives", "[entities]") {
  struct Case {
    const char* text;
    const char* name;
    std::vector<std::string> roles;
  };
  const Case cases[] = {
      {"\"We are ready,\" fire service spokeswoman Ines Koller told reporters.", "Ines Koller", {"fire service spokeswoman"}},
      {"Ines Koller, the deputy head of the fire service, said so.", "Ines Koller", {"deputy head of the fire service"}},
      {"The chief executive of the port, Ines Koller, said so.", "Ines Koller", {"chief executive of the port"}},
      {"Ines Koller said so.", "Ines Koller", {}},
      {"Ines Koller, who lives nearby, said so.", "Ines Koller", {}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    ai::Document doc;
    const auto entities = group(c.text, {{c.name, kPer}}, &doc);
    REQUIRE(entities.size() == 1);
    CHECK(entities[0].roles == c.roles);
  }
}

TEST_CASE("the sample article: every person is one entity with all their mentions", "[entities][shared]") {
  const std::string path = ai_test::shared_dir() + "/samples/kazakhstan-unrest.txt";
  const std::optional<std::string> text = ai_test::read_file(path);
  if (!text) {
    WARN("skipped: " << path << " not found (set AI_SHARED_DIR)");
    return;
  }
  const ai::Document doc = ai::analyze_text(*text);
  const std::vector<ai::Entity> entities = ai::EntityRecognizer::create(ai::builtin_ner_model()).value().find(doc);
  // The people the article names, by surname, and how often the surname occurs.
  struct Person {
    const char* surname;
    const char* name;
  };
  const Person people[] = {{"Psaki", "Jen Psaki"},           {"Azirbek", "Sultanat Azirbek"}, {"Tokayev", "Kassym-Jomart Tokayev"},
                           {"Zass", "Stanislav Zass"},       {"Dujarric", "Stephane Dujarric"}};
  for (const Person& p : people) {
    INFO(p.surname);
    size_t occurrences = 0;
    for (size_t at = text->find(p.surname); at != std::string::npos; at = text->find(p.surname, at + 1)) ++occurrences;
    size_t holders = 0;
    for (const ai::Entity& e : entities) {
      if (e.name.find(p.surname) == std::string::npos) continue;
      ++holders;
      CHECK(e.type == kPer);
      CHECK(e.name == p.name);
      CHECK(e.mentions.size() == occurrences);
      CHECK(!e.roles.empty());
    }
    CHECK(holders == 1);
  }
  // Page furniture after the article ("Most Viewed") may come out as names:
  // that is for the layout analysis to drop, so only report it here.
  for (const ai::Entity& e : entities) {
    const bool expected = std::any_of(std::begin(people), std::end(people), [&](const Person& p) { return e.name == p.name; });
    if (e.type == kPer && !expected) WARN("person entity not in the article's list: " << e.name);
  }
}

TEST_CASE("grouping thousands of distinct names stays correct (and linear)", "[entities]") {
  // Each name twice: "Zab spoke. ... Zab spoke." Before indexing, every
  // mention was compared with every entity so far. More keys than the
  // index's initial slots take (2^14, half full), so it grows.
  constexpr int kNames = 6000;
  auto name = [](int i) {
    std::string n = "Z";
    for (int k = 0; k < 3; ++k, i /= 26) n += static_cast<char>('a' + i % 26);
    return n;
  };
  std::string text;
  for (int round = 0; round < 2; ++round)
    for (int i = 0; i < kNames; ++i) text += name(i) + " spoke. ";
  const ai::Document doc = ai::analyze_text(text);
  std::vector<ai::TaggedMention> mentions;
  for (size_t t = 0; t < doc.tokens.size(); t += 3) mentions.push_back({t, t + 1, kPer});
  REQUIRE(mentions.size() == 2 * kNames);
  const std::vector<ai::Entity> entities = ai::group_mentions(doc, mentions);
  REQUIRE(entities.size() == static_cast<size_t>(kNames));
  for (const ai::Entity& e : entities) CHECK(e.mentions.size() == 2);
}
