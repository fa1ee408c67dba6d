// Quote pairing across paragraph breaks, the shared attribution context, and
// names resolved through the endings of entity names. The pairer visits only
// tokens that may be quote marks, so a break must still drop the quotes left
// open even when no mark starts the paragraph.
#include <catch2/catch.hpp>
#include <string>
#include <type_traits>
#include <vector>

#include "attribution.h"
#include "structure.h"

namespace {

std::vector<std::string> quote_texts(const std::string& text) {
  const ai::Document doc = ai::analyze_text(text);
  std::vector<std::string> texts;
  for (const ai::Quote& quote : ai::find_quotes(doc, ai::analyze_layout(doc), {}))
    texts.push_back(text.substr(quote.span.start, quote.span.size()));
  return texts;
}

}  // namespace

TEST_CASE("quote pairing: a paragraph break drops open quotes unless a mark continues them", "[quotes]") {
  struct Case {
    std::string text;
    std::vector<std::string> quotes;
  };
  const std::vector<Case> cases = {
      // The break comes at a word: the closing mark later closes nothing.
      {"He said \xE2\x80\x9Cone two three\n\nThen she went \xE2\x80\x9D home.", {}},
      {"He said \xE2\x80\x98one two three\n\nthen she went\xE2\x80\x99 home.", {}},
      {"He said \"one two three\n\nThen she went \" home.", {}},
      // A mark after the break opens a new quote.
      {"\xE2\x80\x9C" "One two\n\nThree \xE2\x80\x9C" "four five\xE2\x80\x9D six.", {"\xE2\x80\x9C" "four five\xE2\x80\x9D"}},
      // A paragraph opening with a quote mark continues the open quote.
      {"\xE2\x80\x9C" "One two three.\n\n\xE2\x80\x9C" "Four five six,\xE2\x80\x9D she said.",
       {"\xE2\x80\x9C" "One two three.\n\n\xE2\x80\x9C" "Four five six,\xE2\x80\x9D"}},
      // No break: the quote closes.
      {"He said \xE2\x80\x9C" "one two three. Then she went\xE2\x80\x9D home.",
       {"\xE2\x80\x9C" "one two three. Then she went\xE2\x80\x9D"}},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(quote_texts(c.text) == c.quotes);
  }
}

// The context keeps the document and the entities by reference: built from a
// temporary list (`{}`), it read freed stack memory (AddressSanitizer caught it).
static_assert(!std::is_constructible_v<ai::AttributionContext, const ai::Document&, std::vector<ai::Entity>&&>,
              "an attribution context must not accept a temporary entity list");
static_assert(!std::is_constructible_v<ai::AttributionContext, ai::Document&&, const std::vector<ai::Entity>&>,
              "an attribution context must not accept a temporary document");

TEST_CASE("attribution context: quotes and sources from one context match the standalone calls", "[quotes]") {
  const std::vector<std::string> texts = {
      "Officials said the road was closed. \xE2\x80\x9CWe will reopen it,\xE2\x80\x9D said Jane Roe, the mayor.",
      "According to the Home Ministry, 12 people were hurt. Police spokesman Sultanat Azirbek told reporters: "
      "\xE2\x80\x9CThe situation is stable.\xE2\x80\x9D He said more was to come.",
  };
  for (const std::string& text : texts) {
    INFO(text);
    const ai::Document doc = ai::analyze_text(text);
    const ai::Layout layout = ai::analyze_layout(doc);
    const std::vector<ai::Entity> no_entities;
    const ai::AttributionContext attribution(doc, no_entities);
    const std::vector<ai::Quote> quotes = ai::find_quotes(attribution, layout);
    const std::vector<ai::Source> sources = ai::find_sources(attribution, layout, quotes);
    const std::vector<ai::Quote> alone = ai::find_quotes(doc, layout, {});
    REQUIRE(quotes.size() == alone.size());
    REQUIRE_FALSE(quotes.empty());
    for (size_t q = 0; q < quotes.size(); ++q) {
      CHECK(quotes[q].span == alone[q].span);
      CHECK(quotes[q].verb == alone[q].verb);
      CHECK((quotes[q].speaker ? quotes[q].speaker->name : "") == (alone[q].speaker ? alone[q].speaker->name : ""));
    }
    const std::vector<ai::Source> sources_alone = ai::find_sources(doc, layout, {}, alone);
    REQUIRE(sources.size() == sources_alone.size());
    REQUIRE_FALSE(sources.empty());
    for (size_t s = 0; s < sources.size(); ++s) {
      CHECK(sources[s].name == sources_alone[s].name);
      CHECK(sources[s].citations.size() == sources_alone[s].citations.size());
    }
  }
}

TEST_CASE("people: a name no mention covers links by the ending of an entity's name", "[quotes]") {
  // The entities have mentions elsewhere only, so the speaker is found by
  // name: a person is preferred over an earlier organisation, and only a
  // whole word-final part matches.
  struct Case {
    std::string speaker;  // in "\"We will win,\" <speaker> said."
    std::string name;
    std::string entity_id;
  };
  const std::vector<Case> cases = {
      {"Roe", "Jane Roe", "e2"},
      {"Jane Roe", "Jane Roe", "e2"},
      {"Industries", "Roe Industries", "e1"},
      {"Oe", "Oe", ""},
  };
  for (const Case& c : cases) {
    const std::string text = "Roe Industries and Jane Roe met. Later: \"We will win,\" " + c.speaker + " said.";
    INFO(text);
    ai::Entity org;
    org.id = "e1";
    org.type = ai::EntityType::kOrganization;
    org.name = "Roe Industries";
    org.mentions.push_back({0, 14});
    ai::Entity person;
    person.id = "e2";
    person.type = ai::EntityType::kPerson;
    person.name = "Jane Roe";
    person.mentions.push_back({19, 27});
    const ai::Document doc = ai::analyze_text(text);
    const std::vector<ai::Quote> quotes = ai::find_quotes(doc, ai::analyze_layout(doc), {org, person});
    REQUIRE(quotes.size() == 1);
    REQUIRE(quotes[0].speaker);
    CHECK(quotes[0].speaker->name == c.name);
    CHECK(quotes[0].speaker->entity_id == c.entity_id);
  }
}
