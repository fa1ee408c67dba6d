// Layout: headline, dateline, byline and page clutter; body statistics.
#include <algorithm>
#include <catch2/catch.hpp>
#include <string>

#include "structure.h"
#include "test_helpers.h"

namespace {

std::string text_of(const ai::Document& doc, const std::optional<ai::Span>& span) {
  return span ? std::string(doc.span_text(*span)) : std::string("<none>");
}

}  // namespace

TEST_CASE("headline: a short first line without a final period, then a blank line", "[structure][layout]") {
  struct Case {
    const char* input;
    const char* headline;  // "<none>" when there is none
  };
  const Case cases[] = {
      {"Storm closes schools across the north\n\nSchools in three counties shut on Monday.",
       "Storm closes schools across the north"},
      {"  Can the harbour be saved?  \n\nThe council meets today.", "Can the harbour be saved?"},
      {"Schools shut on Monday after the storm.\n\nMore follows.", "<none>"},   // a sentence, not a title
      {"Storm closes schools\nSchools in three counties shut.", "<none>"},       // no blank line after it
      {"Storm\n\nOne word is a label, not a headline.", "<none>"},
      {"", "<none>"},
      {"Storm closes schools across the north", "<none>"},                       // nothing follows it
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const ai::Document doc = ai::analyze_text(c.input);
    CHECK(text_of(doc, ai::analyze_layout(doc).headline) == c.headline);
  }
}

TEST_CASE("dateline: place, agency and date at the start of the story", "[structure][layout]") {
  struct Case {
    const char* input;
    const char* dateline;
    const char* place;
    const char* agency;
    const char* date_text;
    int year, month, day;  // 0 when the date is not resolved
  };
  const Case cases[] = {
      {"MOSCOW (AP) \xE2\x80\x93 Troops moved in overnight.", "MOSCOW (AP) \xE2\x80\x93", "MOSCOW", "AP", "<none>", 0, 0, 0},
      {"LONDON, Jan 5 (Reuters) - Shares fell.", "LONDON, Jan 5 (Reuters) -", "LONDON", "Reuters", "Jan 5", 0, 0, 0},
      {"WASHINGTON \xE2\x80\x94 The vote passed.", "WASHINGTON \xE2\x80\x94", "WASHINGTON", "<none>", "<none>", 0, 0, 0},
      {"NEW YORK, March 3, 2023 (Reuters) - Oil rose.", "NEW YORK, March 3, 2023 (Reuters) -", "NEW YORK", "Reuters",
       "March 3, 2023", 2023, 3, 3},
      {"ST. LOUIS, Missouri (AP) \xE2\x80\x94 Rain fell.", "ST. LOUIS, Missouri (AP) \xE2\x80\x94", "ST. LOUIS", "AP",
       "<none>", 0, 0, 0},
      {"Headline about a vote\n\nPARIS (AFP) - The vote passed.", "PARIS (AFP) -", "PARIS", "AFP", "<none>", 0, 0, 0},
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const ai::Document doc = ai::analyze_text(c.input);
    const ai::Layout layout = ai::analyze_layout(doc);
    REQUIRE(layout.dateline);
    CHECK(doc.span_text(layout.dateline->span) == c.dateline);
    CHECK(text_of(doc, layout.dateline->place) == c.place);
    CHECK(text_of(doc, layout.dateline->agency) == c.agency);
    CHECK(text_of(doc, layout.dateline->date_span) == c.date_text);
    CHECK(layout.dateline->date.has_value() == (c.year != 0));
    if (layout.dateline->date) {
      CHECK(layout.dateline->date->year == c.year);
      CHECK(layout.dateline->date->month == c.month);
      CHECK(layout.dateline->date->day == c.day);
    }
  }
  for (const char* input : {"Moscow - the city was calm.", "NATO leaders met on Monday.", "MOSCOW (AP) -",
                            "The army said MOSCOW (AP) - was wrong."}) {
    INFO(input);
    const ai::Document doc = ai::analyze_text(input);
    CHECK_FALSE(ai::analyze_layout(doc).dateline);
  }
}

TEST_CASE("the dateline date is the reference date for relative dates", "[structure][layout]") {
  const ai::Result<ai::Report> report =
      ai_test::inspector().inspect("NEW YORK, March 3, 2023 (Reuters) - Oil rose yesterday.", {});
  REQUIRE(report.ok());
  REQUIRE(report.value().layout.dateline);
  REQUIRE(report.value().layout.dateline->date);
  CHECK(report.value().layout.dateline->date->year == 2023);
  const auto yesterday = std::find_if(report.value().figures.begin(), report.value().figures.end(),
                                      [&](const ai::Figure& f) { return report.value().text.substr(f.span.start, f.span.size()) == "yesterday"; });
  REQUIRE(yesterday != report.value().figures.end());
  REQUIRE(yesterday->date);
  CHECK(yesterday->date->year == 2023);
  CHECK(yesterday->date->month == 3);
  CHECK(yesterday->date->day == 2);
}

TEST_CASE("byline: 'By Name' or 'Name, Role' near the top", "[structure][layout]") {
  struct Case {
    const char* input;
    const char* byline;
  };
  const Case cases[] = {
      {"Storm closes schools\n\nBy Jane Smith\n\nSchools shut on Monday.", "By Jane Smith"},
      {"Storm closes schools\n\nJane Smith, Political Editor\n\nSchools shut on Monday.", "Jane Smith, Political Editor"},
      {"By Jane Smith and Tom Brown\n\nSchools shut on Monday.", "By Jane Smith and Tom Brown"},
      {"By JANE SMITH, BBC News\n\nSchools shut on Monday.", "By JANE SMITH, BBC News"},
      {"Storm closes schools\n\nBy the time help came, it was over.\n\nMore.", "<none>"},
      {"Schools shut on Monday.\n\nJane Smith, Political Editor", "<none>"},  // not near the top
  };
  for (const Case& c : cases) {
    INFO(c.input);
    const ai::Document doc = ai::analyze_text(c.input);
    CHECK(text_of(doc, ai::analyze_layout(doc).byline) == c.byline);
  }
}

TEST_CASE("page furniture lines are clutter, each with a reason", "[structure][layout]") {
  struct Case {
    const char* line;
    const char* reason;  // "" when the line is article text
  };
  const Case cases[] = {
      {"Watch: The minister answers questions on the budget", "teaser"},
      {"Read more: Why the harbour flooded", "teaser"},
      {"READ MORE Why the harbour flooded", "teaser"},
      {"See also: Five things to know", "teaser"},
      {"Most Viewed", "navigation"},
      {"Related Stories", "navigation"},
      {"Share this", "navigation"},
      {"Share this article on Facebook", "navigation"},
      {"Sign up for our morning newsletter", "promo"},
      {"Get the best of the Gazette delivered to your inbox daily", "promo"},
      {"Subscribe now for unlimited access.", "promo"},
      {"We use cookies to give you the best experience.", "legal"},
      {"\xC2\xA9 2024 Example Media Group", "legal"},
      {"Copyright 2024 The Example Herald. All rights reserved.", "legal"},
      {"Image caption: Rescuers at the scene on Monday", "caption"},
      {"Photo: Jane Doe/Reuters", "credit"},
      {"(AP Photo/Tom Roe)", "credit"},
      {"Emergency crews at work (Jane Doe/Getty Images)", "credit"},
      // Article sentences that mention the same words stay article.
      {"The paper lost 2,000 subscribers last year, the company said.", ""},
      {"Watchdogs said the plan was flawed.", ""},
      {"Related companies reported losses in the third quarter.", ""},
      {"Readers shared the story widely.", ""},
      {"The cookie maker said sales rose by a third", ""},
      {"Streaming service raises subscription prices again", ""},
      {"Council launches a newsletter for tenants", ""},
      {"Our weekly newsletter: the best of the week", "promo"},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    const std::string input = std::string("Schools shut on Monday.\n\n") + c.line + "\n\nThey reopen on Friday.";
    const ai::Document doc = ai::analyze_text(input);
    const ai::Layout layout = ai::analyze_layout(doc);
    if (*c.reason == '\0') {
      CHECK(layout.boilerplate.empty());
      continue;
    }
    REQUIRE(layout.boilerplate.size() == 1);
    CHECK(layout.boilerplate[0].reason == c.reason);
    CHECK(doc.span_text(layout.boilerplate[0].span) == c.line);
    CHECK(layout.is_clutter(layout.boilerplate[0].span.start));
    CHECK_FALSE(layout.is_clutter(0));
    CHECK_FALSE(layout.is_clutter(layout.boilerplate[0].span.end));
  }
}

TEST_CASE("statistics leave the clutter out but its entities are still found", "[structure][stats]") {
  const std::string input =
      "Schools shut on Monday, officials said.\n\n"
      "Watch: One two three four five six seven eight\n\n"
      "\"We are ready,\" Mayor Ann Coyle said. Tass reported the same.";
  const ai::Result<ai::Report> made = ai_test::inspector().inspect(input, {});
  REQUIRE(made.ok());
  const ai::Report& report = made.value();
  REQUIRE(report.layout.boilerplate.size() == 1);
  const ai::Stats& stats = report.stats;
  CHECK(stats.words == 17);  // 6 + 11; the teaser's 9 are left out
  CHECK(stats.sentences == 3);
  CHECK(stats.paragraphs == 2);
  CHECK(stats.quotes == 1);
  CHECK(stats.named_sources == 1);
  CHECK(stats.anonymous_sources == 1);
}

TEST_CASE("quotes and sources inside clutter are not reported", "[structure][stats]") {
  const std::string input =
      "Schools shut on Monday.\n\n"
      "Read more: \"We are ready,\" the mayor said\n\n"
      "They reopen on Friday.";
  const ai::Result<ai::Report> made = ai_test::inspector().inspect(input, {});
  REQUIRE(made.ok());
  CHECK(made.value().quotes.empty());
  CHECK(made.value().sources.empty());
  CHECK(made.value().stats.quotes == 0);
}
