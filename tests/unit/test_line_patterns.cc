// Datelines and bylines by their form (core/line_patterns.h). The expected
// readings are the ones the regular expressions these matchers replaced gave;
// the two agreed on every line of the BBC corpus and on three million
// generated lines when the matchers were written.
#include <catch2/catch.hpp>

#include <string>

#include "line_patterns.h"

namespace {

std::string part(std::string_view line, const std::optional<ai::Span>& span) {
  return span ? std::string(line.substr(span->start, span->size())) : "-";
}

}  // namespace

TEST_CASE("match_dateline reads place, date, agency and dash", "[line_patterns]") {
  struct Row {
    const char* line;
    const char* consumed;  // the dateline with its dash and spaces; "" when none
    const char* place;
    const char* month;
    const char* day;
    const char* year;
    const char* agency;
  };
  const Row rows[] = {
      {"MOSCOW (AP) — Protesters gathered.", "MOSCOW (AP) — ", "MOSCOW", "-", "-", "-", "AP"},
      {"MOSCOW, Jan. 5, 2022 (AP) -- Talks", "MOSCOW, Jan. 5, 2022 (AP) -- ", "MOSCOW", "Jan.", "5", "2022", "AP"},
      {"ST. LOUIS, Sept 12 - Rain fell", "ST. LOUIS, Sept 12 - ", "ST. LOUIS", "Sept", "12", "-", "-"},
      {"RIO DE JANEIRO (Reuters) – Fans", "RIO DE JANEIRO (Reuters) – ", "RIO DE JANEIRO", "-", "-", "-", "Reuters"},
      {"AUSTIN, Texas, May 3 2021 — Voters", "AUSTIN, Texas, May 3 2021 — ", "AUSTIN", "May", "3", "2021", "-"},
      {"AUSTIN, Texas (AP) — Voters", "AUSTIN, Texas (AP) — ", "AUSTIN", "-", "-", "-", "AP"},
      {"SAN JOSE, Calif. - Chips", "SAN JOSE, Calif. - ", "SAN JOSE", "-", "-", "-", "-"},
      {"O\u2019HARE-WEST — Planes", "O\u2019HARE-WEST — ", "O\u2019HARE-WEST", "-", "-", "-", "-"},
      // Backing off from the longest place steps back over the three bytes
      // of U+2019 whole, to the '-' before it, which is the dash.
      {"AB-\u2019x - y", "AB-", "AB", "-", "-", "-", "-"},
      // Hyphens belong to place words, so a place glued to its dash keeps
      // all but the last one.
      {"LONDON--Shares rose", "LONDON--", "LONDON-", "-", "-", "-", "-"},
      {"LONDON -- Shares rose", "LONDON -- ", "LONDON", "-", "-", "-", "-"},
      // A three-digit "day" is no date, and then nothing reaches a dash.
      {"PARIS, Jan 123 - x", "", "", "", "", "", ""},
      // An agency over 40 characters is not one.
      {"PARIS (0123456789012345678901234567890123456789) - x", "PARIS (0123456789012345678901234567890123456789) - ", "PARIS",
       "-", "-", "-", "0123456789012345678901234567890123456789"},
      {"PARIS (01234567890123456789012345678901234567890) - x", "", "", "", "", "", ""},
      {"Paris - x", "", "", "", "", "", ""},
      {"P - x", "", "", "", "", "", ""},
      {"PARIS", "", "", "", "", "", ""},
      {"", "", "", "", "", "", ""},
      // Five capitalised words are more than a place.
      {"ONE TWO THREE FOUR FIVE - x", "", "", "", "", "", ""},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    const std::string_view line(row.line);
    const std::optional<ai::DatelineMatch> match = ai::match_dateline(line);
    if (std::string_view(row.consumed).empty()) {
      CHECK_FALSE(match);
      continue;
    }
    REQUIRE(match);
    CHECK(line.substr(0, match->length) == row.consumed);
    CHECK(part(line, match->place) == row.place);
    CHECK(part(line, match->month) == row.month);
    CHECK(part(line, match->day) == row.day);
    CHECK(part(line, match->year) == row.year);
    CHECK(part(line, match->agency) == row.agency);
  }
}

TEST_CASE("has_byline_form knows a byline by its shape", "[line_patterns]") {
  struct Row {
    const char* line;
    bool byline;
  };
  const Row rows[] = {
      {"By Jane Doe", true},
      {"BY: Jane Doe and John Roe", true},
      {"by Ana de la Cruz", false},  // "la" joins no names
      {"By Ludwig van Beethoven", true},
      {"By Jane Doe, BBC News", true},
      {"By Jane O\u2019Neil-Smith", true},
      {"By \u00c9mile Zola", false},  // the first name's capital must be A to Z
      {"By Jean-Pi\u00e8rre Dupont", true},
      {"By jane doe", false},
      {"By Jane Doe ", false},
      {"By Jane andrew", false},
      {"Bye Jane", false},
      {"By", false},
      {"Jane Doe, Moscow correspondent", true},
      {"Jane Doe, Staff Writer", true},
      {"Jane Q. Doe, senior analyst", true},
      {"Jane Doe, a keen gardener", false},
      {"Jane Doe, editor at large", true},
      {"Jane Doe, editor, Moscow", false},
      {"J. Doe, editor", false},  // no period in the first word
      {"Jane, editor", false},    // one word is no name
      {"Jane Ann Mary Lou Doe, editor", false},
      {"Jane Doe,", false},
  };
  for (const Row& row : rows) {
    CAPTURE(row.line);
    CHECK(ai::has_byline_form(row.line) == row.byline);
  }
}
