// Golden texts for the figure finder: whole articles written for these tests
// (tests/golden/figures/<name>.txt) with every expected figure, in order, in
// <name>.tsv and the expected checks in <name>.checks.
#include <cstdlib>
#include <sstream>

#include "test_figures_helpers.h"
#include "test_helpers.h"

namespace {

std::vector<std::vector<std::string>> read_tsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields;
    size_t start = 0;
    for (size_t tab = line.find('\t'); tab != std::string::npos; tab = line.find('\t', start)) {
      fields.push_back(line.substr(start, tab - start));
      start = tab + 1;
    }
    fields.push_back(line.substr(start));
    rows.push_back(std::move(fields));
  }
  return rows;
}

double number(const std::string& field) { return field == "inf" ? figures_test::kInf : std::strtod(field.c_str(), nullptr); }

}  // namespace

TEST_CASE("golden figure texts", "[figures][golden]") {
  for (const char* name : {"harbour"}) {
    const std::string base = ai_test::golden_dir("figures") + "/" + name;
    const std::optional<std::string> text = ai_test::read_file(base + ".txt");
    const std::optional<std::string> expected = ai_test::read_file(base + ".tsv");
    const std::optional<std::string> checks = ai_test::read_file(base + ".checks");
    REQUIRE(text);
    REQUIRE(expected);
    REQUIRE(checks);
    const figures_test::Found found = figures_test::find(*text);
    const auto rows = read_tsv(*expected);
    CHECK(found.figures.size() == rows.size());
    for (size_t i = 0; i < std::min(rows.size(), found.figures.size()); ++i) {
      const ai::Figure& f = found.figures[i];
      const std::vector<std::string>& row = rows[i];
      REQUIRE(row.size() == 6);
      INFO(name << " figure " << i << ": expected " << row[0] << ", found " << figures_test::span_of(found, f));
      CHECK(figures_test::span_of(found, f) == row[0]);
      CHECK(ai::figure_kind_name(f.kind) == row[1]);
      CHECK(figures_test::same_number(f.value.min, number(row[2])));
      CHECK(figures_test::same_number(f.value.max, number(row[3])));
      CHECK(f.unit == row[4]);
      CHECK(f.counted == row[5]);
    }
    const std::vector<ai::Check> found_checks = ai::check_figures(found.doc, found.figures);
    const auto expected_checks = read_tsv(*checks);
    REQUIRE(found_checks.size() == expected_checks.size());
    for (size_t i = 0; i < found_checks.size(); ++i) {
      INFO(found_checks[i].message);
      CHECK(found_checks[i].kind == expected_checks[i][0]);
      CHECK((found_checks[i].ok ? "ok" : "flagged") == expected_checks[i][1]);
    }
  }
}
