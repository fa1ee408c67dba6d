// Quotations, their speakers, and unquoted sources.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "structure.h"

namespace {

struct ExpectedQuote {
  std::string text;
  std::string speaker;  // "" when the text names none
  std::string verb;
  bool fragment = false;
};

std::vector<ai::Quote> quotes_of(const std::string& text, const std::vector<ai::Entity>& entities = {}) {
  const ai::Document doc = ai::analyze_text(text);
  return ai::find_quotes(doc, ai::analyze_layout(doc), entities);
}

void check_quotes(const std::string& input, const std::vector<ExpectedQuote>& expected) {
  INFO(input);
  const std::vector<ai::Quote> quotes = quotes_of(input);
  REQUIRE(quotes.size() == expected.size());
  for (size_t i = 0; i < quotes.size(); ++i) {
    INFO("quote " << i);
    CHECK(input.substr(quotes[i].span.start, quotes[i].span.size()) == expected[i].text);
    CHECK((quotes[i].speaker ? quotes[i].speaker->name : std::string()) == expected[i].speaker);
    CHECK(quotes[i].verb == expected[i].verb);
    CHECK(quotes[i].fragment == expected[i].fragment);
  }
}

// A hand-made entity whose mentions are the occurrences of `mentions` in `text`.
ai::Entity entity(const std::string& text, const std::string& id, ai::EntityType type, const std::string& name,
                  const std::vector<std::string>& mentions, const std::vector<std::string>& roles = {}) {
  ai::Entity e;
  e.id = id;
  e.type = type;
  e.name = name;
  e.roles = roles;
  for (const std::string& m : mentions) {
    const size_t at = text.find(m);
    REQUIRE(at != std::string::npos);
    e.mentions.push_back({at, at + m.size()});
  }
  return e;
}

}  // namespace

TEST_CASE("quote marks: curly, straight, single, nested, multi-paragraph", "[quotes]") {
  struct Case {
    std::string input;
    std::vector<std::string> quotes;
  };
  const std::vector<Case> cases = {
      {"\xE2\x80\x9CWe will win,\xE2\x80\x9D she said.", {"\xE2\x80\x9CWe will win,\xE2\x80\x9D"}},
      {"\"We will win,\" she said.", {"\"We will win,\""}},
      {"\xE2\x80\x98We will win,\xE2\x80\x99 she said.", {"\xE2\x80\x98We will win,\xE2\x80\x99"}},
      {"The 'temporary' camp stayed.", {"'temporary'"}},
      {"\"He shouted 'run' and we ran,\" she said.", {"\"He shouted 'run' and we ran,\""}},
      {"\xE2\x80\x9CHe shouted \xE2\x80\x98run\xE2\x80\x99 and we ran.\xE2\x80\x9D",
       {"\xE2\x80\x9CHe shouted \xE2\x80\x98run\xE2\x80\x99 and we ran.\xE2\x80\x9D"}},
      // Each paragraph of a long quote opens with a mark; only the last closes.
      {"She said: \xE2\x80\x9C" "First part.\n\n\xE2\x80\x9C" "Second part.\xE2\x80\x9D\n\nAfter.",
       {"\xE2\x80\x9C" "First part.\n\n\xE2\x80\x9C" "Second part.\xE2\x80\x9D"}},
      {"She said: \"First part.\n\n\"Second part.\"\n\nAfter.", {"\"First part.\n\n\"Second part.\""}},
      // A mark left open at a paragraph end without a continuation is dropped.
      {"She said \xE2\x80\x9Cthis never closes.\n\nThe next paragraph has none.", {}},
      // Apostrophes are not quote marks.
      {"The protesters\xE2\x80\x99 demands were met, and the workers' union agreed.", {}},
      {"Kazakhstan\xE2\x80\x99s rock \xE2\x80\x99n\xE2\x80\x99 roll scene in the \xE2\x80\x99" "90s.", {}},
      {"\xC2\xABNous restons\xC2\xBB, a-t-il dit.", {"\xC2\xABNous restons\xC2\xBB"}},
      {"Two quotes: \"one\" and \"two\".", {"\"one\"", "\"two\""}},
      {"An empty pair \"\" is not a quote.", {}},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const std::vector<ai::Quote> quotes = quotes_of(c.input);
    REQUIRE(quotes.size() == c.quotes.size());
    for (size_t i = 0; i < quotes.size(); ++i) CHECK(c.input.substr(quotes[i].span.start, quotes[i].span.size()) == c.quotes[i]);
  }
}

TEST_CASE("speakers: name before or after, inverted, told, according to, appositives", "[quotes]") {
  check_quotes("\"We will win,\" Jane Roe said.", {{"\"We will win,\"", "Jane Roe", "said"}});
  check_quotes("Jane Roe said: \"We will win.\"", {{"\"We will win.\"", "Jane Roe", "said"}});
  check_quotes("\"We will win,\" said Jane Roe.", {{"\"We will win,\"", "Jane Roe", "said"}});
  check_quotes("Jane Roe told reporters: \"We will win.\"", {{"\"We will win.\"", "Jane Roe", "told"}});
  check_quotes("\"It is safe,\" Jane Roe told the BBC.", {{"\"It is safe,\"", "Jane Roe", "told"}});
  check_quotes("\"We will win,\" according to Jane Roe.", {{"\"We will win,\"", "Jane Roe", "according to"}});
  check_quotes("Tom Bale, the police spokesman, said: \"Two men were arrested.\"",
               {{"\"Two men were arrested.\"", "Tom Bale", "said"}});
  check_quotes("\"Two men were arrested,\" Tom Bale, the police spokesman, said.",
               {{"\"Two men were arrested,\"", "Tom Bale", "said"}});
  check_quotes("\"Two men were arrested,\" police spokesman Tom Bale told a news channel.",
               {{"\"Two men were arrested,\"", "Tom Bale", "told"}});
  check_quotes("\"We waited,\" said the council leader, Ann Coyle.", {{"\"We waited,\"", "Ann Coyle", "said"}});
  check_quotes("The party chairman, Ann Coyle, told members: \"We waited.\"", {{"\"We waited.\"", "Ann Coyle", "told"}});
  check_quotes("Foreign Minister Ann Coyle said: \"We waited.\"", {{"\"We waited.\"", "Ann Coyle", "said"}});
  check_quotes("\"We waited,\" Ann Coyle has said.", {{"\"We waited,\"", "Ann Coyle", "said"}});
  check_quotes("Ann Coyle called on residents to \xE2\x80\x9Cstay indoors\xE2\x80\x9D.",
               {{"\xE2\x80\x9Cstay indoors\xE2\x80\x9D", "Ann Coyle", "called on", true}});
  check_quotes("Ann Coyle rejected claims of \xE2\x80\x9Ctotal chaos\xE2\x80\x9D in the city.",
               {{"\xE2\x80\x9Ctotal chaos\xE2\x80\x9D", "Ann Coyle", "rejected", true}});
}

TEST_CASE("speakers: pronouns, 'added', bare titles and follow-on quotes resolve to a named person", "[quotes]") {
  // "he said" goes to the person the previous sentences are about.
  check_quotes("Police spokesman Tom Bale arrived late. \"Two men were arrested,\" he said.",
               {{"\"Two men were arrested,\"", "Tom Bale", "said"}});
  check_quotes("Mayor Ann Coyle spoke first. \"We are ready,\" she added.", {{"\"We are ready,\"", "Ann Coyle", "added"}});
  // "she" skips a man named since, "he" a woman, when their first names tell.
  check_quotes("Mayor Ann Coyle met Prime Minister Tony Blair on Monday. \"It went well,\" she said.",
               {{"\"It went well,\"", "Ann Coyle", "said"}});
  check_quotes("Prime Minister Tony Blair met Mayor Ann Coyle on Monday. \"It went well,\" he said.",
               {{"\"It went well,\"", "Tony Blair", "said"}});
  check_quotes("Prime Minister Tony Blair met Mayor Ann Coyle on Monday. \"It went well,\" she said.",
               {{"\"It went well,\"", "Ann Coyle", "said"}});
  // A name inside the quote is not the speaker.
  check_quotes("Mayor Ann Coyle spoke first. \"I called Tom Bale at once,\" she said.",
               {{"\"I called Tom Bale at once,\"", "Ann Coyle", "said"}});
  check_quotes("The general secretary of the alliance, Piet Vos, spoke to a radio station. He rejected talk of "
               "\xE2\x80\x9Csheer folly\xE2\x80\x9D.",
               {{"\xE2\x80\x9Csheer folly\xE2\x80\x9D", "Piet Vos", "rejected", true}});
  check_quotes("President Ann Coyle has struggled with a crisis which she has blamed on \xE2\x80\x9C" "foreign agents\xE2\x80\x9D.",
               {{"\xE2\x80\x9C" "foreign agents\xE2\x80\x9D", "Ann Coyle", "blamed", true}});
  // "the spokesman said" goes to the spokesman the text named.
  check_quotes("Police spokesman Tom Bale briefed reporters on Monday. \"Nobody was hurt,\" the spokesman said.",
               {{"\"Nobody was hurt,\"", "Tom Bale", "said"}});
  // A bare title the text never named keeps its words.
  check_quotes("\"Nobody was hurt,\" the spokesman said.", {{"\"Nobody was hurt,\"", "the spokesman", "said"}});
  // A surname alone takes the full name the text gave before.
  check_quotes("Opposition leader Derek Lyle spoke. \"It is wrong,\" Lyle said.", {{"\"It is wrong,\"", "Derek Lyle", "said"}});
  // A quote standing alone right after an attributed one keeps its speaker.
  check_quotes("\"First,\" said Jane Roe. \"Second.\"", {{"\"First,\"", "Jane Roe", "said"}, {"\"Second.\"", "Jane Roe", "said"}});
}

TEST_CASE("speakers: reported speech before a quote, long asides, 'went on to say'", "[quotes]") {
  // A quote opening a sentence belongs to the person the sentence before reports on.
  check_quotes("Ann Coyle added that progress had been made. \"The gap is closing.\"",
               {{"\"The gap is closing.\"", "Ann Coyle", "added"}});
  check_quotes("Tom Bale went on to say: \"We will appeal.\"", {{"\"We will appeal.\"", "Tom Bale", "say"}});
  check_quotes("Tom Bale continued to say that \"nobody listened\".", {{"\"nobody listened\"", "Tom Bale", "say", true}});
  check_quotes("Mayor Ann Coyle was asked about it. She replies: \"What is the point?\"",
               {{"\"What is the point?\"", "Ann Coyle", "replies"}});
  check_quotes("Prof Ann Coyle, who led the study with the help of two colleagues and a team of students, said she was "
               "shocked. \"We expected a bit of this.\"",
               {{"\"We expected a bit of this.\"", "Ann Coyle", "said"}});
}

TEST_CASE("speakers: none when the text gives none", "[quotes]") {
  check_quotes("\"Nobody knows.\"", {{"\"Nobody knows.\"", "", ""}});
  check_quotes("The so-called \xE2\x80\x9Cpeace plan\xE2\x80\x9D was rejected.",
               {{"\xE2\x80\x9Cpeace plan\xE2\x80\x9D", "", "", true}});
  // "they" and "it" name no person.
  check_quotes("\"We will stay,\" they said.", {{"\"We will stay,\"", "", "said"}});
  // A pronoun with nobody named before it.
  check_quotes("\"We will stay,\" he said.", {{"\"We will stay,\"", "", "said"}});
}

TEST_CASE("fragments are short quoted phrases without closing punctuation", "[quotes]") {
  check_quotes("It was a \"blank cheque\" for builders.", {{"\"blank cheque\"", "", "", true}});
  check_quotes("It was \"a precaution, not a panic\" at first.", {{"\"a precaution, not a panic\"", "", "", true}});
  check_quotes("It was \"a precaution that nobody at the council expected\" at first.",
               {{"\"a precaution that nobody at the council expected\"", "", "", false}});
  check_quotes("\"Enough,\" said Jane Roe.", {{"\"Enough,\"", "Jane Roe", "said", false}});
}

TEST_CASE("speakers link to the entity whose mention they match", "[quotes]") {
  {
    const std::string text = "\"We will win,\" Jane Roe said.";
    const std::vector<ai::Entity> entities = {entity(text, "e1", ai::EntityType::kPerson, "Jane Roe", {"Jane Roe"})};
    const std::vector<ai::Quote> quotes = quotes_of(text, entities);
    REQUIRE(quotes.size() == 1);
    REQUIRE(quotes[0].speaker);
    CHECK(quotes[0].speaker->entity_id == "e1");
  }
  {
    // The surname mention links to the entity, whose canonical name is the full one.
    const std::string text = "Jane Roe arrived. \"We will win,\" Roe said.";
    ai::Entity e = entity(text, "e1", ai::EntityType::kPerson, "Jane Roe", {"Jane Roe"});
    const size_t second = text.find("Roe said");
    e.mentions.push_back({second, second + 3});
    const std::vector<ai::Quote> quotes = quotes_of(text, {e});
    REQUIRE(quotes.size() == 1);
    REQUIRE(quotes[0].speaker);
    CHECK(quotes[0].speaker->name == "Jane Roe");
    CHECK(quotes[0].speaker->entity_id == "e1");
  }
  {
    // The tagger's entity wins over the capitalised run ("White House Press
    // Secretary Jen Roe"), and a pronoun resolves to it.
    const std::string text = "White House Press Secretary Jen Roe said the plan was \"sound\". \"We back it,\" she said.";
    const std::vector<ai::Entity> entities = {
        entity(text, "e1", ai::EntityType::kOrganization, "White House", {"White House"}),
        entity(text, "e2", ai::EntityType::kPerson, "Jen Roe", {"Jen Roe"})};
    const std::vector<ai::Quote> quotes = quotes_of(text, entities);
    REQUIRE(quotes.size() == 2);
    for (const ai::Quote& q : quotes) {
      REQUIRE(q.speaker);
      CHECK(q.speaker->name == "Jen Roe");
      CHECK(q.speaker->entity_id == "e2");
    }
  }
  {
    // A role the tagger found on an entity resolves "the spokesman".
    const std::string text = "Tom Bale arrived. \"Calm down,\" the spokesman said.";
    const std::vector<ai::Entity> entities = {
        entity(text, "e1", ai::EntityType::kPerson, "Tom Bale", {"Tom Bale"}, {"police spokesman"})};
    const std::vector<ai::Quote> quotes = quotes_of(text, entities);
    REQUIRE(quotes.size() == 1);
    REQUIRE(quotes[0].speaker);
    CHECK(quotes[0].speaker->entity_id == "e1");
  }
}

TEST_CASE("sources: unquoted attributions, named and anonymous, each listed once", "[sources]") {
  struct ExpectedSource {
    std::string name;
    bool named;
    std::vector<std::string> citations;
    size_t sentences;
  };
  struct Case {
    std::string input;
    std::vector<ExpectedSource> sources;
  };
  const std::vector<Case> cases = {
      {"The road was closed, officials said.", {{"officials", false, {"officials said"}, 1}}},
      {"Officials said the road was closed.", {{"officials", false, {"Officials said"}, 1}}},
      {"Palestinian officials said the road was closed.",
       {{"Palestinian officials", false, {"Palestinian officials said"}, 1}}},
      {"Opponents say the road is unsafe.", {{"opponents", false, {"Opponents say"}, 1}}},
      {"Late on Monday, Tass said the square was cleared.", {{"Tass", true, {"Tass said"}, 1}}},
      {"Sputnik reported that shots were fired.", {{"Sputnik", true, {"Sputnik reported"}, 1}}},
      {"Earlier, Russia's Interfax news agency reported that shots were fired.",
       {{"Interfax", true, {"Interfax news agency reported"}, 1}}},
      {"According to the Home Ministry, 200 people were arrested.",
       {{"Home Ministry", true, {"According to the Home Ministry"}, 1}}},
      {"The channel, citing city officials, reported that ten were hurt.",
       {{"city officials", false, {"citing city officials"}, 1},
        {"the channel", false, {"The channel, citing city officials, reported"}, 1}}},
      // "the channel" resolves to the channel the text named.
      {"Police spoke to state news channel Kanal-7 on Monday. The channel, citing city officials, reported that ten "
       "were hurt.",
       {{"city officials", false, {"citing city officials"}, 1},
        {"Kanal-7", true, {"The channel, citing city officials, reported"}, 1}}},
      {"A source close to the president said talks had stalled.",
       {{"a source close to the president", false, {"A source close to the president said"}, 1}}},
      {"Talks had stalled, according to people familiar with the matter.",
       {{"people familiar with the matter", false, {"according to people familiar with the matter"}, 1}}},
      {"Tass said the square was cleared. Later, Tass said gunfire continued. Tass has said little since.",
       {{"Tass", true, {"Tass said", "Tass said", "Tass has said"}, 3}}},
      {"Mayor Ann Coyle left early. She said the roads were safe.", {{"Ann Coyle", true, {"She said"}, 1}}},
      // A verb introducing a quote belongs to the quote.
      {"Officials said it was calm. \"It is calm,\" the mayor said.", {{"officials", false, {"Officials said"}, 1}}},
      // "was reported" names nobody; "announced" is an act, not a source.
      {"The city, which was reported to be calm, announced a curfew.", {}},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const ai::Document doc = ai::analyze_text(c.input);
    const ai::Layout layout = ai::analyze_layout(doc);
    const std::vector<ai::Quote> quotes = ai::find_quotes(doc, layout, {});
    const std::vector<ai::Source> sources = ai::find_sources(doc, layout, {}, quotes);
    REQUIRE(sources.size() == c.sources.size());
    for (size_t i = 0; i < sources.size(); ++i) {
      INFO("source " << i);
      CHECK(sources[i].name == c.sources[i].name);
      CHECK(sources[i].named == c.sources[i].named);
      CHECK(sources[i].sentences == c.sources[i].sentences);
      REQUIRE(sources[i].citations.size() == c.sources[i].citations.size());
      for (size_t k = 0; k < sources[i].citations.size(); ++k)
        CHECK(doc.span_text(sources[i].citations[k]) == c.sources[i].citations[k]);
    }
  }
}

TEST_CASE("sources link to entities and merge by entity", "[sources]") {
  const std::string text = "The Interior Ministry said 200 were held. Later, the MVD said 50 were freed.";
  const std::vector<ai::Entity> entities = {entity(text, "e1", ai::EntityType::kOrganization,
                                                   "Ministry of Internal Affairs", {"Interior Ministry", "MVD"})};
  const ai::Document doc = ai::analyze_text(text);
  const std::vector<ai::Source> sources = ai::find_sources(doc, ai::analyze_layout(doc), entities);
  REQUIRE(sources.size() == 1);
  CHECK(sources[0].name == "Ministry of Internal Affairs");
  CHECK(sources[0].entity_id == "e1");
  CHECK(sources[0].named);
  CHECK(sources[0].citations.size() == 2);
  CHECK(sources[0].sentences == 2);
}
