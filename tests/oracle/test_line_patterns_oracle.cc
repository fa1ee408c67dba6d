// Differential test: the hand-written dateline and byline readers
// (core/line_patterns.h) against the regular expressions they replaced, run
// by RE2 (Debian's libre2; native builds only). Both must read every line
// the same way: the same dateline parts, the same byline verdict. Lines come
// from a seeded generator that glues together the pieces these patterns care
// about, and from the BBC corpus when ../shared is present.
#include <re2/re2.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>
#include <vector>

#include "line_patterns.h"
#include "utf8.h"

namespace {

const char* const kMonth =
    R"((Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?))";

struct Patterns {
  RE2 dateline{std::string(R"(^((?:[A-Z][A-Z.'\x{2019}-]+)(?: [A-Z][A-Z.'\x{2019}-]*){0,3}))") +
               R"((?:, [A-Z][a-z]+\.?(?: [A-Z][a-z]+)?)??)" + R"((?:,? )" + kMonth + R"( (\d{1,2})(?:,? (\d{4}))?)?)" +
               R"( *(?:\(([^()\n]{1,40})\))? *(?:-{1,2}|\x{2013}|\x{2014}) *)"};
  RE2 by_prefix{R"(^[Bb][Yy]:? +[A-Z][\pL'\x{2019}.-]*(?: +(?:[A-Z][\pL'\x{2019}.-]*|and|de|van|von|al|bin))*(?:,.*)?$)"};
  RE2 name_comma_role{
      R"(^[A-Z][\pL'\x{2019}-]+(?: [A-Z][\pL'\x{2019}.-]*){1,3}, *[\pL ]*)"
      R"((?:[Ee]ditor|[Cc]orrespondent|[Rr]eporter|[Ww]riter|[Cc]olumnist|[Ss]taff|[Pp]roducer|[Aa]nalyst|[Cc]ontributor)[\pL ]*$)"};
};

std::string describe(const char* base, re2::StringPiece piece) {
  if (piece.data() == nullptr) return "-";
  return std::to_string(piece.data() - base) + ":" + std::to_string(piece.data() - base + piece.size());
}

std::string describe(const std::optional<ai::Span>& span) {
  return span ? std::to_string(span->start) + ":" + std::to_string(span->end) : "-";
}

// Both readings of `line` as comparable strings.
void compare(const Patterns& patterns, const std::string& line) {
  re2::StringPiece input(line), place, month, day, year, agency;
  std::string expected = "none";
  if (RE2::Consume(&input, patterns.dateline, &place, &month, &day, &year, &agency)) {
    const char* base = line.data();
    expected = std::to_string(input.data() - base) + " " + describe(base, place) + " " + describe(base, month) + " " +
               describe(base, day) + " " + describe(base, year) + " " + describe(base, agency);
  }
  std::string found = "none";
  if (const std::optional<ai::DatelineMatch> match = ai::match_dateline(line)) {
    found = std::to_string(match->length) + " " + describe(match->place) + " " + describe(match->month) + " " +
            describe(match->day) + " " + describe(match->year) + " " + describe(match->agency);
  }
  INFO(line);
  REQUIRE(found == expected);
  const bool byline = RE2::FullMatch(line, patterns.by_prefix) || RE2::FullMatch(line, patterns.name_comma_role);
  REQUIRE(ai::has_byline_form(line) == byline);
}

}  // namespace

TEST_CASE("dateline and byline readers agree with the regexes on generated lines", "[line_patterns][oracle]") {
  const Patterns patterns;
  // The regexes' \pL is Unicode's letter class and the readers use the
  // core's is_letter; the pieces keep to letters both agree on.
  const std::vector<std::string> pieces = {
      "MOSCOW", "ST.", "LOUIS", "RIO", "DE", "LONDON--", "LONDON-", "A", "B-", "O'NEIL", "O\u2019NEIL", ",", " ", "  ",
      "Jan", "Jan.", "January", "Sept.", "Sept", "Sep", "Sep.", "September", "June", "Jun", "May", "Dec.", "5", "12",
      "123", "2022", "20221", ", ", "(AP)", "(Reuters)", "(", "(A)", ")", "-", "--", "---", "\u2014", "\u2013", "By",
      "by:", "BY", "and", "de", "van", "al", "bin", "andrew", "John", "Smith", "O\u2019Neil", "editor", "Staff",
      "correspondent", "Writer", "\u00d1o\u00f1o", "x", "Texas", "Calif.", "New", "York", "Ga", "a", "Z",
      "(0123456789012345678901234567890123456789)", "(012345678901234567890123456789012345678)", "Jane", "Doe,",
      "Editor", "reporter", "staff", "Chief", "\u00c9LYS\u00c9E", "PARIS", "Foo.", "Bar"};
  const char* const separators[] = {" ", ", ", "", " "};
  std::mt19937 random(20261126);
  for (int n = 0; n < 300000; ++n) {
    std::string line;
    const int count = 1 + static_cast<int>(random() % 9);
    for (int k = 0; k < count; ++k) {
      line += pieces[random() % pieces.size()];
      line += separators[random() % 4];
    }
    compare(patterns, line);
  }
}

TEST_CASE("dateline and byline readers agree with the regexes on the BBC corpus", "[line_patterns][oracle][shared]") {
  const std::filesystem::path corpus = std::filesystem::path(AI_SHARED_DIR) / "corpora" / "bbc";
  if (!std::filesystem::is_directory(corpus)) {
    WARN("skipped: " << corpus.string() << " not found (the shared data is not on this machine)");
    return;
  }
  const Patterns patterns;
  size_t lines = 0;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(corpus)) {
    if (!entry.is_regular_file() || entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::string line;
    while (std::getline(in, line)) {
      // The corpus has a few Latin-1 files; the readers only ever see repaired text.
      if (line.empty() || ai::repair_utf8(line).replacements > 0) continue;
      compare(patterns, line);
      ++lines;
    }
  }
  CHECK(lines > 10000);
}
