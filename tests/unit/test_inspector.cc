#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <functional>
#include <string>

#include "inspector.h"
#include "options_json.h"
#include "report_json.h"
#include "test_helpers.h"

using nlohmann::json;

TEST_CASE("empty input gives an empty report", "[inspector]") {
  const ai::Result<ai::Report> report = ai_test::inspector().inspect("", {});
  REQUIRE(report.ok());
  CHECK(report.value().figures.empty());
  CHECK(report.value().entities.empty());
  CHECK(report.value().warnings.empty());
  CHECK(report.value().stats.words == 0);
  const json out = json::parse(ai::report_to_json(report.value(), ai::OffsetUnit::kUtf16));
  for (const char* key : {"entities", "figures", "quotes", "sources", "boilerplate", "checks", "warnings"}) {
    INFO(key);
    CHECK(out.at(key).is_array());
  }
  CHECK(out.at("stats").at("words") == 0);
  CHECK(out.at("layout").at("headline").is_null());
}

TEST_CASE("invalid UTF-8 is repaired and reported, never lost", "[inspector]") {
  const std::string input = "Caf\xE9 owners in Par\xC3\xADs \xE2\x82 said.";
  const ai::Result<ai::Report> report = ai_test::inspector().inspect(input, {});
  REQUIRE(report.ok());
  REQUIRE(report.value().warnings.size() == 1);
  CHECK(report.value().warnings[0].code == "invalid-utf8");
  CHECK(report.value().warnings[0].message.find("2 invalid") != std::string::npos);
  CHECK(report.value().text == "Caf\xEF\xBF\xBD owners in Par\xC3\xADs \xEF\xBF\xBD said.");
}

TEST_CASE("input over the size limit is an error value", "[inspector]") {
  ai::InspectorConfig config;
  config.max_input_bytes = 10;
  const ai::Result<ai::Inspector> made = ai::Inspector::create(config);
  REQUIRE(made.ok());
  const ai::Inspector& inspector = made.value();
  // inspect copies the input and inspect_owned takes it over: the same limit.
  const std::function<ai::Result<ai::Report>(std::string)> entry_points[] = {
      [&](std::string input) { return inspector.inspect(input, {}); },
      [&](std::string input) { return inspector.inspect_owned(std::move(input), {}); },
  };
  for (const auto& inspect : entry_points) {
    const ai::Result<ai::Report> refused = inspect("eleven byte");
    REQUIRE_FALSE(refused.ok());
    CHECK(refused.error() == "input is 11 bytes; the limit is 10 bytes");
    CHECK(inspect("ten bytes!").ok());
  }
}

TEST_CASE("inspect_owned reports what inspect does", "[inspector]") {
  const std::string inputs[] = {
      "",
      "Prime Minister Lena Varga said on Monday that 12 police officers were hurt.",
      "Caf\xE9 owners in Par\xC3\xADs \xE2\x82 said 40% more.",
      std::string("NUL \0 bytes are kept.", 22),
  };
  for (const std::string& input : inputs) {
    INFO(input);
    const ai::Result<ai::Report> copied = ai_test::inspector().inspect(input, {});
    const ai::Result<ai::Report> owned = ai_test::inspector().inspect_owned(input, {});
    REQUIRE(copied.ok());
    REQUIRE(owned.ok());
    CHECK(owned.value().text == copied.value().text);
    CHECK(ai::report_to_json(owned.value(), ai::OffsetUnit::kUtf16) ==
          ai::report_to_json(copied.value(), ai::OffsetUnit::kUtf16));
  }
}

TEST_CASE("statistics count words, sentences and paragraphs", "[inspector]") {
  const ai::Result<ai::Report> report = ai_test::inspector().inspect("One two three. Four five.\n\nSix seven.", {});
  REQUIRE(report.ok());
  const ai::Stats& stats = report.value().stats;
  CHECK(stats.words == 7);
  CHECK(stats.sentences == 3);
  CHECK(stats.paragraphs == 2);
  CHECK(stats.characters == 37);
}

TEST_CASE("statistics leave out boilerplate lines", "[inspector]") {
  const std::string body1 = "Mayor In\xC3\xA9s Okafor opened the bridge.";  // 36 characters
  const std::string caption = "Image caption: The bridge at dusk";
  const std::string body2 = "She said it cost five million.";  // 30 characters
  const std::string teaser = "Read more: Other news";
  const std::string text = body1 + "\n\n" + caption + "\n\n" + body2 + "\n\n" + teaser;
  const ai::Result<ai::Report> report = ai_test::inspector().inspect(text, {});
  REQUIRE(report.ok());
  REQUIRE(report.value().layout.boilerplate.size() == 2);
  const ai::Stats& stats = report.value().stats;
  CHECK(stats.words == 12);
  CHECK(stats.sentences == 2);
  CHECK(stats.paragraphs == 2);
  CHECK(stats.characters == 36 + 2 + 2 + 30 + 2);  // the blank lines between count
}

TEST_CASE("options JSON: accepted forms", "[options]") {
  const ai::Result<ai::ParsedOptions> empty = ai::parse_options_json("");
  REQUIRE(empty.ok());
  CHECK(empty.value().offsets == ai::OffsetUnit::kUtf16);
  CHECK(empty.value().inspect.kinds.entities);

  const ai::Result<ai::ParsedOptions> full = ai::parse_options_json(
      R"({"kinds":["figures"],"referenceDate":"2024-02-29","offsets":"codepoint","phoneNumbers":true})");
  REQUIRE(full.ok());
  const ai::ParsedOptions& o = full.value();
  CHECK(o.offsets == ai::OffsetUnit::kCodePoint);
  CHECK(o.inspect.kinds.figures);
  CHECK_FALSE(o.inspect.kinds.entities);
  REQUIRE(o.inspect.reference_date);
  CHECK(o.inspect.reference_date->year == 2024);
  CHECK(o.inspect.reference_date->month == 2);
  CHECK(o.inspect.reference_date->day == 29);
  CHECK(o.inspect.phone_numbers);
}

TEST_CASE("options JSON: every mistake is a clear error", "[options]") {
  struct Case {
    const char* json;
    const char* error;
  };
  const Case cases[] = {
      {"[1]", "options must be a JSON object"},
      {"{bad", "options must be a JSON object"},
      {R"({"kinds":"figures"})", "options.kinds must be an array of strings"},
      {R"({"kinds":["people"]})", "options.kinds: unknown kind \"people\" (expected entities, figures, quotes, sources, boilerplate, checks)"},
      {R"({"referenceDate":"2023-02-29"})", "options.referenceDate must be a date written YYYY-MM-DD, got \"2023-02-29\""},
      {R"({"referenceDate":"5 Jan"})", "options.referenceDate must be a date written YYYY-MM-DD, got \"5 Jan\""},
      {R"({"referenceDate":20240101})", "options.referenceDate must be a string YYYY-MM-DD"},
      {R"({"offsets":"utf8"})", "options.offsets must be \"utf16\", \"codepoint\" or \"byte\""},
      {R"({"phoneNumbers":"yes"})", "options.phoneNumbers must be a boolean"},
      {R"({"offset":"utf16"})", "unknown option \"offset\""},
  };
  for (const Case& c : cases) {
    INFO(c.json);
    const ai::Result<ai::ParsedOptions> parsed = ai::parse_options_json(c.json);
    REQUIRE_FALSE(parsed.ok());
    CHECK(parsed.error() == c.error);
  }
}

TEST_CASE("report JSON converts offsets to the requested unit", "[report]") {
  ai::Report report;
  report.text = "\xF0\x9F\x98\x80 caf\xC3\xA9";  // emoji (4 bytes, 2 UTF-16 units), space, "café"
  ai::Boilerplate clutter;
  clutter.span = {5, 10};  // "café"
  clutter.reason = "teaser";
  report.layout.boilerplate.push_back(clutter);
  struct Case {
    ai::OffsetUnit unit;
    int start;
    int end;
  };
  for (const Case& c : {Case{ai::OffsetUnit::kUtf16, 3, 7}, Case{ai::OffsetUnit::kCodePoint, 2, 6},
                        Case{ai::OffsetUnit::kByte, 5, 10}}) {
    const json out = json::parse(ai::report_to_json(report, c.unit));
    const json& span = out.at("boilerplate").at(0);
    CHECK(span.at("start") == c.start);
    CHECK(span.at("end") == c.end);
    CHECK(span.at("text") == "caf\xC3\xA9");
    CHECK(span.at("reason") == "teaser");
  }
}

TEST_CASE("navigation lines are clutter, not names", "[inspector]") {
  const std::string text =
      "Mayor Ines Okafor opened the bridge on Monday.\n\n"
      "Okafor said the crossing had cost the city a great deal.\n\n"
      "Most Viewed\n\n"
      "Related Stories";
  const ai::Result<ai::Report> report = ai_test::inspector().inspect(text, {});
  REQUIRE(report.ok());
  REQUIRE(report.value().layout.boilerplate.size() == 2);
  for (size_t i = 0; i < report.value().entities.size(); ++i) {
    const ai::Entity& entity = report.value().entities[i];
    INFO(entity.name);
    CHECK(entity.name != "Most Viewed");
    CHECK(entity.name != "Related Stories");
    CHECK(entity.id == "e" + std::to_string(i + 1));
  }
}
