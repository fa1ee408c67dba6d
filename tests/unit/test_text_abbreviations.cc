// The tokenizer's abbreviation list and the word-end rules around periods,
// commas and hyphens: which words keep a final period, and which joiners
// continue a word.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "test_helpers.h"
#include "text.h"

namespace {

using ai_test::tokens_of;

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("known abbreviations keep their period in any case; other words do not", "[text]") {
  struct Case {
    const char* input;
    Strings expected;
  };
  const Case cases[] = {
      {"mr. x", {"mr.", "x"}},
      {"MRS. x", {"MRS.", "x"}},
      {"Approx. x", {"Approx.", "x"}},
      {"CMDR. x", {"CMDR.", "x"}},
      {"Sept. x", {"Sept.", "x"}},
      {"co. x", {"co.", "x"}},
      {"etc. x", {"etc.", "x"}},
      // Near misses: a letter more or less, or a longer word with an abbreviation inside.
      {"mrx. x", {"mrx", ".", "x"}},
      {"approxx. x", {"approxx", ".", "x"}},
      {"sen8. x", {"sen8", ".", "x"}},
      {"sepp. x", {"sepp", ".", "x"}},
      {"rept. x", {"rept", ".", "x"}},
      {"Ms\xC3\xA9. x", {"Ms\xC3\xA9", ".", "x"}},
      {"\xC3\xA9tc. x", {"\xC3\xA9tc", ".", "x"}},
      {"fig-st. x", {"fig-st", ".", "x"}},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(tokens_of(c.input) == c.expected);
  }
}

TEST_CASE("joiners continue a word only before a letter or digit", "[text]") {
  struct Case {
    const char* input;
    Strings expected;
  };
  const Case cases[] = {
      {"well-known", {"well-known"}},
      {"well- known", {"well", "-", "known"}},
      {"well--known", {"well", "--", "known"}},
      {"2,000 and 2, 3", {"2,000", "and", "2", ",", "3"}},
      {"1.5 and 1. 5", {"1.5", "and", "1", ".", "5"}},
      {"AT&T and A& T", {"AT&T", "and", "A", "&", "T"}},
      {"O'Brien's", {"O'Brien", "'s"}},
      {"rock' n", {"rock", "'", "n"}},
      {"end.", {"end", "."}},
      {"end-", {"end", "-"}},
      {"U.S. and", {"U.S.", "and"}},
      {"caf\xC3\xA9-bar", {"caf\xC3\xA9-bar"}},
      {"x-\xC3\xA9t\xC3\xA9", {"x-\xC3\xA9t\xC3\xA9"}},
      {"word,\xE2\x80\x9Cquote", {"word", ",", "\xE2\x80\x9C", "quote"}},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    CHECK(tokens_of(c.input) == c.expected);
  }
}

TEST_CASE("every listed abbreviation keeps its period, in lower, title and upper case", "[text]") {
  const char* abbreviations[] = {"mr",  "mrs", "ms",   "dr",  "prof", "gen",  "sen", "rep", "gov", "lt",     "col",
                                 "capt", "sgt", "st",  "jr",  "sr",   "inc",  "corp", "ltd", "co",  "bros",  "jan",
                                 "feb", "mar", "apr",  "aug", "sep",  "sept", "oct", "nov", "dec", "vs",     "etc",
                                 "approx", "dept", "est", "fig", "mt", "ft",   "rev", "hon", "adm", "cmdr"};
  for (const char* abbreviation : abbreviations) {
    std::string lower = abbreviation, title = lower, upper = lower;
    title[0] = static_cast<char>(title[0] - 32);
    for (char& c : upper) c = static_cast<char>(c - 32);
    for (const std::string& word : {lower, title, upper}) {
      INFO(word);
      CHECK(tokens_of(word + ". x") == Strings{word + ".", "x"});
    }
  }
}
