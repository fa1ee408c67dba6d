// line_patterns.h — the two line shapes the layout reader knows by their form:
// a dateline opening the story and a byline.
//
//   "MOSCOW, Jan 5 (AP) — Protesters..."  dateline: place, date, agency, dash
//   "By Jane Doe and John Roe"            byline
//   "Jane Doe, Moscow correspondent"      byline
//
// Hand-written matchers rather than regular expressions: the patterns are
// small, a line is read once, and a regex engine would cost the wasm module
// a few hundred kilobytes and its first call tens of milliseconds of compiling
// Unicode classes.
//
//   if (auto d = ai::match_dateline(line)) place = line.substr(d->place.start, d->place.size());
#pragma once

#include <optional>
#include <string_view>

#include "text.h"

namespace ai {

// Where the parts of a dateline lie, as byte offsets into the matched line.
struct DatelineMatch {
  size_t length = 0;  // the dateline through its dash and the spaces after it
  Span place;         // "MOSCOW", "ST. LOUIS", "RIO DE JANEIRO"
  std::optional<Span> month, day, year, agency;
};

// Matches a dateline at the start of `line`:
//
//   PLACE [, State] [[,] Month Day [[,] Year]] [(Agency)] dash
//
// PLACE is one to four words in capitals (the first at least two characters;
// letters, '.', apostrophes, hyphens), State a title-case word or two after a
// comma, Month an English month name or its abbreviation, Day one or two
// digits, Year four, Agency 1 to 40 characters without parentheses, the dash
// "-", "--", an en or an em dash; spaces may surround the agency and follow
// the dash. When parts can be read more than one way, the reading is the one
// a backtracking regular expression with greedy words and an optional state
// tried last would give. Nullopt when `line` does not start with a dateline.
std::optional<DatelineMatch> match_dateline(std::string_view line);

// Whether the whole of `line` has a byline's form: "By" (":" optional) and
// capitalised names joined by spaces or "and", "de", "van", "von", "al",
// "bin", optionally followed by a comma and anything; or two to four
// capitalised words, a comma, and letters and spaces that name a newsroom
// job (editor, correspondent, reporter, writer, columnist, staff, producer,
// analyst, contributor).
bool has_byline_form(std::string_view line);

}  // namespace ai
