// Which tokens start a figure. The finder looks tokens up in its lexicon only
// when a matcher asks, after a hash filter has picked the words that may start
// one; these cases cover each way in: a starting word in any case, at the very
// end of a text (where fewer than 16 bytes follow) and elsewhere, articles,
// hyphenated compounds, currency codes and glued dollar prefixes, and words
// the filter lets through that start nothing.
#include "test_figures_helpers.h"

using figures_test::spans;
using Strings = std::vector<std::string>;

TEST_CASE("figures start at the words that can start them, wherever they are", "[figures]") {
  struct StartCase {
    std::string text;
    Strings expected;
  };
  const std::vector<StartCase> cases = {
      // Starting words at the end of the text, with fewer than 16 bytes after them.
      {"They met on Tuesday", {"Tuesday"}},
      {"Signed in MAY", {"MAY"}},
      {"Aged 34", {"Aged 34"}},
      {"Expected: a dozen", {"a dozen"}},
      {"he said this week", {"this week"}},
      // The same words with text after them.
      {"They met on Tuesday and again on Friday, as the minutes of the meeting show.", {"Tuesday", "Friday"}},
      {"He said this week that a dozen people, aged 34 to 40, had applied for the post.",
       {"this week", "a dozen", "aged 34 to 40"}},
      // Qualifiers and ranges: several words, then the number.
      {"no more than five", {"no more than five"}},
      {"between 5 and 7", {"between 5 and 7"}},
      {"A well-known figure of about 300", {"about 300"}},
      {"Prices fell about a third", {"third"}},
      // Hyphenated compounds and codes, which no lexicon entry names.
      {"A twenty-one-gun salute lasted two-hour", {"two-hour"}},
      {"It cost USD 5 and THE 5.", {"USD 5", "5"}},
      // A hyphenated word starts a figure only if a number word or a year's prefix heads it.
      {"In mid-2020 the so-called third-largest bank made a two-thirds cut", {"mid-2020", "third-largest", "two-thirds"}},
      {"A Twenty-Five-year-old won a three-day event", {"Twenty-Five-year-old", "three-day"}},
      {"Nearly well-known, about half-empty, over pre-war", {}},
      // A sign, a quote or a bracket starts a figure only before a number.
      {"It fell -5 and -$3m to -- in (the) '90s - or the 'real' -fake", {"-5", "-$3m", "'90s"}},
      {"It fell to about -5 (or so)", {"about -5"}},
      {"It cost US$5 and HK$7.", {"US$5", "HK$7"}},
      // Capitalised number words mid-sentence are names, not figures.
      {"Sales rose TWENTY percent", {}},
      // Words that are only qualifiers start a figure only with the rest of their phrase and a number.
      {"At least 20 people came, more than 30 left and up to 5 stayed.", {"At least 20", "more than 30", "up to 5"}},
      {"in excess of 40 miles", {"in excess of 40 miles"}},
      // Common words the filter may let through start nothing on their own.
      {"He was in at the start, as ever, from the off.", {}},
      {"It was about more than 5, then up to the hilt, in excess of the rest", {"more than 5"}},
      // "last", "this", "next" start a figure only with the weekday, month or period after them.
      {"This time, last week and next Friday, unlike the past few, this January", {"last week", "next Friday", "this January"}},
  };
  for (const StartCase& c : cases) {
    INFO(c.text);
    CHECK(spans(c.text) == c.expected);
  }
}

TEST_CASE("a nation's dollars are read whole, two-word nations included", "[figures]") {
  struct DollarCase {
    std::string text, span, currency;
  };
  const std::vector<DollarCase> cases = {
      {"It cost 5 Hong Kong dollars.", "5 Hong Kong dollars", "HKD"},
      {"It cost 5 New Zealand dollars.", "5 New Zealand dollars", "NZD"},
      {"He paid 20 US dollars", "20 US dollars", "USD"},
      {"He paid 20 Australian dollar", "20 Australian dollar", "AUD"},
      {"He paid 20 Australian coins", "20", ""},
      // Their first word alone names no nation's dollar.
      {"It cost 7 new dollars.", "7", ""},
      {"It cost 7 Hong dollars.", "7", ""},
  };
  for (const DollarCase& c : cases) {
    INFO(c.text);
    const figures_test::Found found = figures_test::find(c.text);
    REQUIRE(found.figures.size() == 1);
    CHECK(figures_test::span_of(found, found.figures[0]) == c.span);
    CHECK(found.figures[0].unit == c.currency);
  }
}
