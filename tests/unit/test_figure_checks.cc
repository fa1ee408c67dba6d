// check_figures: unit pairs, changes with endpoints, repeated figures.
#include "test_figures_helpers.h"

namespace {

std::vector<ai::Check> checks_of(const std::string& text) {
  const figures_test::Found found = figures_test::find(text);
  return ai::check_figures(found.doc, found.figures);
}

}  // namespace

TEST_CASE("figure checks", "[figures][checks]") {
  struct Case {
    const char* text;
    const char* kind;
    bool ok;
    const char* message_part;
  };
  const Case cases[] = {
      {"They share a border of 4,700 miles (7,600 km).", "unit-conversion", true, "7,564 km"},
      {"The border is 4,700 miles (9,600 km) long.", "unit-conversion", false, "beyond"},
      {"It is 10 km (6 miles) away.", "unit-conversion", true, "6.21 mi"},
      {"It is 10 km (8 miles) away.", "unit-conversion", false, "6.21 mi"},
      {"It was 30C (86F) today.", "unit-conversion", true, "86 F"},
      {"It was 30C (95F) today.", "unit-conversion", false, "86 F"},
      {"The fish weighed 10 kg (22 lb).", "unit-conversion", true, "22 lb"},
      {"A wall 20ft (6m) high.", "unit-conversion", true, "6.1 m"},
      {"Revenue jumped 76% to $1.13bn in the quarter from $639m.", "change", true, "+76.8%"},
      {"Revenue jumped 56% to $1.13bn in the quarter from $639m.", "change", false, "+76.8%"},
      {"Sales rose 2% to $11.1bn from $10.9bn.", "change", true, "consistent"},
      {"Sales rose 20% to $11.1bn from $10.9bn.", "change", false, "inconsistent"},
      {"Profits fell 10% to \xC2\xA3" "90m from \xC2\xA3" "100m.", "change", true, "-10.0%"},
      {"Profits fell 10% to \xC2\xA3" "110m from \xC2\xA3" "100m.", "change", false, "inconsistent"},
      {"Unemployment rose 0.5 percentage points to 4.5% from 4%.", "change", true, "consistent"},
      {"Unemployment rose 1.5 percentage points to 4.5% from 4%.", "change", false, "inconsistent"},
      {"Output doubled to 200 tonnes from 100 tonnes.", "change", true, "factor of 2.00"},
      {"Output doubled to 300 tonnes from 100 tonnes.", "change", false, "factor of 3.00"},
      {"Exports rose by $2m to $10m from $8m.", "change", true, "consistent"},
      {"Exports rose by $5m to $10m from $8m.", "change", false, "inconsistent"},
      {"Prices rose to $12 from $15.", "change", false, "against the stated direction"},
      {"Police said 12 officers were killed. Later, 14 officers were reported killed.", "repeated-figure", false,
       "12 and 14"},
      {"Police said 12 officers were killed. Reports confirmed 12 officers were killed.", "repeated-figure", true,
       "the same"},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const std::vector<ai::Check> checks = checks_of(c.text);
    const auto it = std::find_if(checks.begin(), checks.end(), [&](const ai::Check& k) { return k.kind == c.kind; });
    CHECK(it != checks.end());
    if (it == checks.end()) continue;
    INFO(it->message);
    CHECK(it->ok == c.ok);
    CHECK(it->message.find(c.message_part) != std::string::npos);
    CHECK(it->spans.size() >= 2);
  }
}

TEST_CASE("no checks where there is nothing to compare", "[figures][checks]") {
  for (const char* text : {"12 officers were killed and 14 civilians were killed.",
                           "It is 10 km from the border and 6 miles from the sea.",
                           "Sales rose 5% this year.",
                           "Police said 12 officers were killed. Another 3 protesters were arrested.",
                           "He paid \xC2\xA3" "5 ($7) for it."}) {
    INFO(text);
    CHECK(checks_of(text).empty());
  }
}
