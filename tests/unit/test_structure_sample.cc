// The user's sample article (../shared/samples/kazakhstan-unrest.txt): its
// layout, clutter and quotes. The file is not ours, so nothing of its text is
// copied here; the test skips when the shared folder is absent.
#include <catch2/catch.hpp>
#include <algorithm>
#include <optional>
#include <string>
#include <vector>

#include "structure.h"
#include "test_helpers.h"

namespace {

std::optional<std::string> sample_article() {
  return ai_test::read_file(ai_test::shared_dir() + "/samples/kazakhstan-unrest.txt");
}

struct ExpectedQuote {
  const char* speaker;
  const char* verb;
  bool fragment;
};

// Speakers in order of the quotes; two of them are only "he said" / "she said".
const ExpectedQuote kSampleQuotes[] = {
    {"Sultanat Azirbek", "told", false},      {"Kassym-Jomart Tokayev", "blamed", true},
    {"Stanislav Zass", "rejected", true},     {"Stanislav Zass", "said", false},  // "he said"
    {"Jen Psaki", "said", false},             {"Jen Psaki", "said", false},       // "she said"
    {"Stephane Dujarric", "called on", false},
};

}  // namespace

TEST_CASE("sample article: headline, dateline and the six clutter lines", "[structure][sample]") {
  const std::optional<std::string> text = sample_article();
  if (!text) {
    WARN("skipped: " << ai_test::shared_dir() << "/samples/kazakhstan-unrest.txt is absent");
    return;
  }
  const ai::Document doc = ai::analyze_text(*text);
  const ai::Layout layout = ai::analyze_layout(doc);
  REQUIRE(layout.headline);
  CHECK(layout.headline->start == 0);
  CHECK(layout.headline->end == text->find('\n'));
  REQUIRE(layout.dateline);
  REQUIRE(layout.dateline->place);
  CHECK(doc.span_text(*layout.dateline->place) == "MOSCOW");
  REQUIRE(layout.dateline->agency);
  CHECK(doc.span_text(*layout.dateline->agency) == "AP");
  CHECK_FALSE(layout.byline);
  struct ExpectedClutter {
    const char* reason;
    const char* opening;
  };
  const ExpectedClutter clutter[] = {{"teaser", "Watch:"},       {"teaser", "Read more:"},   {"teaser", "Watch:"},
                                     {"promo", "Get the best"}, {"navigation", "Most Viewed"}, {"navigation", "Related Stories"}};
  REQUIRE(layout.boilerplate.size() == 6);
  for (size_t i = 0; i < 6; ++i) {
    INFO("clutter " << i);
    CHECK(layout.boilerplate[i].reason == clutter[i].reason);
    CHECK(doc.span_text(layout.boilerplate[i].span).substr(0, std::string(clutter[i].opening).size()) == clutter[i].opening);
  }
}

TEST_CASE("sample article: seven quotes with their speakers, from the text alone", "[structure][sample]") {
  const std::optional<std::string> text = sample_article();
  if (!text) {
    WARN("skipped: " << ai_test::shared_dir() << "/samples/kazakhstan-unrest.txt is absent");
    return;
  }
  const ai::Document doc = ai::analyze_text(*text);
  const std::vector<ai::Quote> quotes = ai::find_quotes(doc, ai::analyze_layout(doc), {});
  REQUIRE(quotes.size() == 7);
  for (size_t i = 0; i < 7; ++i) {
    INFO("quote " << i << ": " << doc.span_text(quotes[i].span));
    REQUIRE(quotes[i].speaker);
    CHECK(quotes[i].speaker->name == kSampleQuotes[i].speaker);
    CHECK(quotes[i].verb == kSampleQuotes[i].verb);
    CHECK(quotes[i].fragment == kSampleQuotes[i].fragment);
  }
}

TEST_CASE("sample article through the pipeline: at least 6 of 7 speakers, both pronouns right", "[structure][sample]") {
  const std::optional<std::string> text = sample_article();
  if (!text) {
    WARN("skipped: " << ai_test::shared_dir() << "/samples/kazakhstan-unrest.txt is absent");
    return;
  }
  const ai::Result<ai::Report> made = ai_test::inspector().inspect(*text, {});
  REQUIRE(made.ok());
  const ai::Report& report = made.value();
  REQUIRE(report.quotes.size() == 7);
  size_t right = 0;
  for (size_t i = 0; i < 7; ++i) {
    const ai::Quote& q = report.quotes[i];
    const bool ok = q.speaker && q.speaker->name == kSampleQuotes[i].speaker;
    if (!ok) WARN("quote " << i << " speaker: " << (q.speaker ? q.speaker->name : std::string("none")));
    right += ok;
  }
  CHECK(right >= 6);
  REQUIRE(report.quotes[3].speaker);
  CHECK(report.quotes[3].speaker->name == "Stanislav Zass");
  REQUIRE(report.quotes[5].speaker);
  CHECK(report.quotes[5].speaker->name == "Jen Psaki");
  CHECK(report.layout.boilerplate.size() == 6);
  // Sources the article rests on without quotation marks.
  std::vector<std::string> names;
  for (const ai::Source& s : report.sources) names.push_back(s.name);
  for (const char* expected : {"officials", "Tass", "Sputnik", "city officials", "Khabar-24", "Home Ministry"}) {
    INFO(expected);
    CHECK(std::find(names.begin(), names.end(), expected) != names.end());
  }
  CHECK(report.stats.quotes == 7);
}
