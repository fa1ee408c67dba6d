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
  SECTION("qualifier phrases chained the length of the text") {
    // Each phrase's start was tested by looking past the next phrase, and that
    // one's past the next: a recursion as deep as the text (4 MB overflowed
    // the native stack; 256 KB the wasm one) and quadratic in time.
    const figures_test::Found found = figures_test::find(repeat("about more than ", 4 * kMegabyte) + "5");
    REQUIRE(found.figures.size() == 1);
    CHECK(found.figures[0].value.min == 5);
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

TEST_CASE("figures at the very end of a text read as they do mid-text", "[figures][linear]") {
  // The last tokens of a text are looked up without reading past its end;
  // the answer must not change. Each text is tried bare and then padded.
  const char* const texts[] = {"It cost US$5", "It cost USD 5", "a two-hour", "twenty-one", "a dozen",
                               "the mid-2020", "about 40%", "It was 3pm", "fell 5"};
  for (const char* text : texts) {
    INFO(text);
    const figures_test::Found bare = figures_test::find(text);
    const figures_test::Found padded = figures_test::find(std::string(text) + " and so on, and so on.");
    REQUIRE(bare.figures.size() >= 1);
    REQUIRE(padded.figures.size() >= bare.figures.size());
    for (size_t i = 0; i < bare.figures.size(); ++i) {
      CHECK(figures_test::span_of(bare, bare.figures[i]) == figures_test::span_of(padded, padded.figures[i]));
      CHECK(bare.figures[i].kind == padded.figures[i].kind);
      CHECK(bare.figures[i].value.min == padded.figures[i].value.min);
    }
  }
}

// Past 2^16 tokens the scanner's per-token arrays are the text's own, not the
// thread's kept ones: the figures must come out the same either side of that
// line, and a short text after a huge one must still read right.
TEST_CASE("texts either side of the kept-storage size read the same", "[figures][linear]") {
  const std::string unit = "5 cats. ";  // three tokens, one figure
  for (const size_t copies : {size_t{1000}, size_t{30000}, size_t{3}}) {
    INFO(copies << " copies");
    const figures_test::Found found = figures_test::find(repeat(unit, copies * unit.size()));
    REQUIRE(found.doc.tokens.size() == 3 * copies);
    REQUIRE(found.figures.size() == copies);
    CHECK(figures_test::span_of(found, found.figures.back()) == "5");
    CHECK(found.figures.back().span.start == (copies - 1) * unit.size());
  }
}
