// Pathological input: the figures pass must finish and stay sane on a
// megabyte of digits, of "1,1,1,", of number words, of qualifiers and signs.
// No timing assertions here; tools/figures_bench measures speed.
#include "test_figures_helpers.h"

namespace {

bool sorted_and_disjoint(const std::vector<ai::Figure>& figures) {
  for (size_t i = 1; i < figures.size(); ++i)
    if (figures[i - 1].span.end > figures[i].span.start) return false;
  return true;
}

std::string repeat(const std::string& unit, size_t bytes) {
  std::string out;
  out.reserve(bytes + unit.size());
  while (out.size() < bytes) out += unit;
  return out;
}

}  // namespace

TEST_CASE("pathological inputs complete with sane output", "[figures][linear]") {
  constexpr size_t kMegabyte = 1 << 20;
  SECTION("a megabyte of digits is one number") {
    const figures_test::Found found = figures_test::find(std::string(kMegabyte, '7'));
    REQUIRE(found.figures.size() == 1);
    CHECK(found.figures[0].span.size() == kMegabyte);
    CHECK(found.figures[0].value.min > 1e300);
  }
  SECTION("a megabyte of 1,1,1,") {
    const figures_test::Found found = figures_test::find(repeat("1,", kMegabyte));
    CHECK(found.figures.size() == kMegabyte / 2);
    CHECK(sorted_and_disjoint(found.figures));
    CHECK(ai::check_figures(found.doc, found.figures).empty());
  }
  SECTION("a megabyte of number words") {
    const figures_test::Found found = figures_test::find(repeat("one hundred and twenty three thousand ", kMegabyte));
    REQUIRE_FALSE(found.figures.empty());
    CHECK(found.figures[0].value.min == 123123);  // "...thousand one hundred and twenty three"
    CHECK(sorted_and_disjoint(found.figures));
  }
  SECTION("a megabyte of hyphenated digits, dots and signs") {
    for (const char* unit : {"1-", "1.", "-$", "$-", "about more than ", "between 5 and ", "5 people killed ",
                             "rose 5% to $5m from ", "5 miles (8 km) ", "twenty-one-", "a a dozen ", "'90s "}) {
      INFO(unit);
      const figures_test::Found found = figures_test::find(repeat(unit, kMegabyte / 4));
      CHECK(sorted_and_disjoint(found.figures));
      const std::vector<ai::Check> checks = ai::check_figures(found.doc, found.figures);
      CHECK(checks.size() <= found.figures.size());
    }
  }
}
