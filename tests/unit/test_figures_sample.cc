// The user's sample article (../shared/samples/kazakhstan-unrest.txt): every
// figure in it, with its value, and the miles/km pair checked. The article is
// read at test time and never copied into the repository.
#include "test_figures_helpers.h"
#include "test_helpers.h"

TEST_CASE("the sample article's figures", "[figures][sample]") {
  const std::string path = ai_test::shared_dir() + "/samples/kazakhstan-unrest.txt";
  const std::optional<std::string> text = ai_test::read_file(path);
  if (!text) {
    WARN("skipped: " << path << " is not there");
    return;
  }
  ai::FigureOptions options;
  options.reference_date = ai::CivilDate{2022, 1, 6};  // the Thursday of the events
  const figures_test::Found found = figures_test::find(*text, options);
  struct Expect {
    const char* span;
    ai::FigureKind kind;
    double min, max;
    const char* unit;
    const char* counted;
  };
  using K = ai::FigureKind;
  const double inf = figures_test::kInf;
  const Expect expected[] = {
      {"Dozens", K::kCount, 24, inf, "", "killed"},
      {"thousands", K::kCount, 2000, inf, "", "arrested"},
      {"dozens", K::kCount, 24, inf, "", "demonstrators"},
      {"12", K::kCount, 12, 12, "", "police officers"},
      {"Thursday", K::kDate, 4, 4, "weekday", ""},
      {"Thursday", K::kDate, 4, 4, "weekday", ""},
      {"a day", K::kDuration, 1, 1, "day", ""},
      {"Thursday", K::kDate, 4, 4, "weekday", ""},
      {"about 200", K::kCount, 200, 200, "", "demonstrators"},
      {"Wednesday", K::kDate, 3, 3, "weekday", ""},
      {"dozens", K::kCount, 24, inf, "", "attackers"},
      {"12", K::kCount, 12, 12, "", "police officers"},
      {"353", K::kCount, 353, 353, "", "injured"},
      {"2,000", K::kCount, 2000, 2000, "", "people"},
      {"Tens of thousands", K::kCount, 20000, inf, "", "people"},
      {"three decades", K::kDuration, 3, 3, "decade", ""},
      {"nearly doubling", K::kRatio, 2, 2, "times", ""},
      {"one", K::kCount, 1, 1, "", "type"},
      {"Thursday", K::kDate, 4, 4, "weekday", ""},
      {"180-day", K::kDuration, 180, 180, "day", ""},
      {"first", K::kOrdinal, 1, 1, "", ""},
      {"4,700 miles", K::kMeasure, 4700, 4700, "mi", "border"},
      {"7,600 km", K::kMeasure, 7600, 7600, "km", ""},
      {"around 2,500", K::kNumber, 2500, 2500, "", ""},
  };
  REQUIRE(found.figures.size() == sizeof expected / sizeof expected[0]);
  for (size_t i = 0; i < found.figures.size(); ++i) {
    const ai::Figure& f = found.figures[i];
    const Expect& e = expected[i];
    INFO("figure " << i << ": " << figures_test::span_of(found, f));
    CHECK(figures_test::span_of(found, f) == e.span);
    CHECK(f.kind == e.kind);
    CHECK(figures_test::same_number(f.value.min, e.min));
    CHECK(figures_test::same_number(f.value.max, e.max));
    CHECK(f.unit == e.unit);
    CHECK(f.counted == e.counted);
  }
  // The weekdays resolve against the reference date: Thursday 6, Wednesday 5 January 2022.
  REQUIRE(found.figures[4].date);
  CHECK(found.figures[4].date->day == 6);
  REQUIRE(found.figures[9].date);
  CHECK(found.figures[9].date->day == 5);

  const std::vector<ai::Check> checks = ai::check_figures(found.doc, found.figures);
  const auto conversion = std::find_if(checks.begin(), checks.end(), [](const ai::Check& c) { return c.kind == "unit-conversion"; });
  REQUIRE(conversion != checks.end());
  CHECK(conversion->ok);
  CHECK(conversion->message.find("7,564 km") != std::string::npos);
  REQUIRE(conversion->spans.size() == 2);
  CHECK(found.doc.span_text(conversion->spans[0]) == "4,700 miles");
  CHECK(found.doc.span_text(conversion->spans[1]) == "7,600 km");
  const auto repeat = std::find_if(checks.begin(), checks.end(), [](const ai::Check& c) { return c.kind == "repeated-figure"; });
  REQUIRE(repeat != checks.end());
  CHECK(repeat->ok);
  for (const ai::Check& c : checks) {
    INFO(c.message);
    CHECK(c.ok);
  }
}
