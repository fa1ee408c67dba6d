#include "line_patterns.h"

#include <iterator>

#include "utf8.h"

namespace ai {

namespace {

constexpr char32_t kRightQuote = 0x2019;

bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }

// Characters of a word in a dateline's place: capitals, '.', apostrophes, '-'.
bool is_place_char(char32_t cp) { return (cp >= 'A' && cp <= 'Z') || cp == '.' || cp == '\'' || cp == kRightQuote || cp == '-'; }

// Tries `attempt` at each byte offset where a run of `accepts` characters
// starting at `pos` may end, longest first (as a greedy quantifier would),
// down to `pos` itself when `may_be_empty`; returns whether an attempt
// succeeded. The ends are found by stepping back from the longest one, a code
// point at a time (the run's code points decoded whole, so stepping over
// continuation bytes finds each start), rather than listed in a vector.
template <typename Accepts, typename Attempt>
bool try_run_ends(std::string_view line, size_t pos, bool may_be_empty, Accepts accepts, Attempt attempt) {
  size_t end = pos;
  while (end < line.size()) {
    size_t length = 0;
    if (!accepts(decode_code_point(line, end, &length))) break;
    end += length;
  }
  for (;;) {
    if (end == pos && !may_be_empty) return false;
    if (attempt(end)) return true;
    if (end == pos) return false;
    do --end;
    while ((static_cast<unsigned char>(line[end]) & 0xC0) == 0x80);
  }
}

bool is_ascii_lower_cp(char32_t cp) { return cp >= 'a' && cp <= 'z'; }

// Every form of every month name, each month's forms in the order its
// pattern preferred them ("January" before "Jan." before "Jan"). No two
// months share a prefix, so one flat list keeps that order.
constexpr const char* kMonthForms[] = {
    "January", "Jan.", "Jan", "February", "Feb.", "Feb", "March",    "Mar.",  "Mar",  "April", "Apr.",
    "Apr",     "May",  "June", "Jun",     "July", "Jul", "August",   "Aug.",  "Aug",  "September",
    "Sept.",   "Sept", "Sep.", "Sep",     "October", "Oct.", "Oct", "November", "Nov.", "Nov",
    "December", "Dec.", "Dec"};

bool starts_with_at(std::string_view line, size_t pos, std::string_view word) {
  return line.size() >= pos + word.size() && line.compare(pos, word.size(), word) == 0;
}

// Reads a dateline by trying every reading in the order a backtracking
// regex would, stopping at the first that reaches a dash.
class DatelineReader {
 public:
  explicit DatelineReader(std::string_view line) : line_(line) {}

  std::optional<DatelineMatch> read() {
    if (line_.empty() || !is_ascii_upper(line_[0])) return std::nullopt;
    // The first word needs at least one character after its capital.
    if (try_run_ends(line_, 1, false, is_place_char, [&](size_t end) { return place_words(end, 0); })) return match_;
    return std::nullopt;
  }

 private:
  // After `words` extra place words ending at `pos`: one more word first, then stop.
  bool place_words(size_t pos, int words) {
    if (words < 3 && pos + 1 < line_.size() && line_[pos] == ' ' && is_ascii_upper(line_[pos + 1]) &&
        try_run_ends(line_, pos + 2, true, is_place_char, [&](size_t end) { return place_words(end, words + 1); }))
      return true;
    match_ = DatelineMatch{};
    match_.place = {0, pos};
    return after_place(pos);
  }

  // The state is optional and tried last ("??").
  bool after_place(size_t pos) {
    if (date_part(pos)) return true;
    if (!starts_with_at(line_, pos, ", ") || pos + 2 >= line_.size() || !is_ascii_upper(line_[pos + 2])) return false;
    return try_run_ends(line_, pos + 3, false, is_ascii_lower_cp, [&](size_t word_end) {
      // "\.?" greedy, then an optional second title-case word, greedy.
      for (int dot = (word_end < line_.size() && line_[word_end] == '.') ? 1 : 0; dot >= 0; --dot) {
        const size_t after_dot = word_end + static_cast<size_t>(dot);
        if (after_dot + 1 < line_.size() && line_[after_dot] == ' ' && is_ascii_upper(line_[after_dot + 1]) &&
            try_run_ends(line_, after_dot + 2, false, is_ascii_lower_cp, [&](size_t end) { return date_part(end); }))
          return true;
        if (date_part(after_dot)) return true;
      }
      return false;
    });
  }

  // "[,] Month Day [[,] Year]", optional and tried first.
  bool date_part(size_t pos) {
    for (int comma = 1; comma >= 0; --comma) {
      size_t at = pos;
      if (comma) {
        if (at >= line_.size() || line_[at] != ',') continue;
        ++at;
      }
      if (at >= line_.size() || line_[at] != ' ') continue;
      ++at;
      if (month_forms(at)) return true;
    }
    match_.month = match_.day = match_.year = std::nullopt;
    return agency_part(pos);
  }

  bool month_forms(size_t at) {
    for (const char* form : kMonthForms)
      if (starts_with_at(line_, at, form) && month_rest(at, std::string_view(form).size())) return true;
    return false;
  }

  // After a month name of `length` bytes at `at`: " Day" then an optional year.
  bool month_rest(size_t at, size_t length) {
    size_t pos = at + length;
    if (pos >= line_.size() || line_[pos] != ' ') return false;
    ++pos;
    for (size_t digits = 2; digits >= 1; --digits) {
      if (pos + digits > line_.size()) continue;
      bool all_digits = true;
      for (size_t i = 0; i < digits; ++i) all_digits = all_digits && is_ascii_digit(line_[pos + i]);
      if (!all_digits) continue;
      const size_t day_end = pos + digits;
      match_.month = Span{at, at + length};
      match_.day = Span{pos, day_end};
      for (int comma = 1; comma >= 0; --comma) {
        size_t y = day_end + static_cast<size_t>(comma);
        if (comma && (day_end >= line_.size() || line_[day_end] != ',')) continue;
        if (y + 5 > line_.size() || line_[y] != ' ') continue;
        ++y;
        bool year_digits = true;
        for (size_t i = 0; i < 4; ++i) year_digits = year_digits && is_ascii_digit(line_[y + i]);
        if (!year_digits) continue;
        match_.year = Span{y, y + 4};
        if (agency_part(y + 4)) return true;
      }
      match_.year = std::nullopt;
      if (agency_part(day_end)) return true;
    }
    match_.month = match_.day = std::nullopt;
    return false;
  }

  // " *(?:\(([^()\n]{1,40})\))? *" then the dash.
  bool agency_part(size_t pos) {
    while (pos < line_.size() && line_[pos] == ' ') ++pos;
    if (pos < line_.size() && line_[pos] == '(') {
      size_t at = pos + 1;
      size_t characters = 0;
      while (at < line_.size() && characters < 40) {
        size_t length = 0;
        const char32_t cp = decode_code_point(line_, at, &length);
        if (cp == '(' || cp == ')' || cp == '\n') break;
        at += length;
        ++characters;
      }
      if (characters >= 1 && at < line_.size() && line_[at] == ')') {
        match_.agency = Span{pos + 1, at};
        if (dash(at + 1)) return true;
      }
    }
    match_.agency = std::nullopt;
    return dash(pos);
  }

  bool dash(size_t pos) {
    while (pos < line_.size() && line_[pos] == ' ') ++pos;
    if (pos >= line_.size()) return false;
    size_t length = 0;
    const char32_t cp = decode_code_point(line_, pos, &length);
    if (cp == '-') {
      length = (pos + 1 < line_.size() && line_[pos + 1] == '-') ? 2 : 1;
    } else if (cp != 0x2013 && cp != 0x2014) {
      return false;
    }
    pos += length;
    while (pos < line_.size() && line_[pos] == ' ') ++pos;
    match_.length = pos;
    return true;
  }

  std::string_view line_;
  DatelineMatch match_;
};

// A capitalised name word at `pos`: [A-Z] then letters, apostrophes, '-'
// and (when `periods`) '.'. Returns its end, or npos.
size_t name_word_end(std::string_view line, size_t pos, bool periods) {
  if (pos >= line.size() || !is_ascii_upper(line[pos])) return std::string_view::npos;
  ++pos;
  while (pos < line.size()) {
    size_t length = 0;
    const char32_t cp = decode_code_point(line, pos, &length);
    if (!(is_letter(cp) || cp == '\'' || cp == kRightQuote || cp == '-' || (periods && cp == '.'))) break;
    pos += length;
  }
  return pos;
}

// "By[:] Name( +(Name|and|de|van|von|al|bin))*(,.*)?"
bool is_by_line(std::string_view line) {
  if (line.size() < 3 || (line[0] != 'B' && line[0] != 'b') || (line[1] != 'Y' && line[1] != 'y')) return false;
  size_t pos = 2;
  if (line[pos] == ':') ++pos;
  if (pos >= line.size() || line[pos] != ' ') return false;
  while (pos < line.size() && line[pos] == ' ') ++pos;
  pos = name_word_end(line, pos, true);
  if (pos == std::string_view::npos) return false;
  while (pos < line.size()) {
    if (line[pos] == ',') return true;
    if (line[pos] != ' ') return false;
    while (pos < line.size() && line[pos] == ' ') ++pos;
    const size_t name_end = name_word_end(line, pos, true);
    if (name_end != std::string_view::npos) {
      pos = name_end;
      continue;
    }
    bool joined = false;
    for (std::string_view joiner : {"and", "de", "van", "von", "al", "bin"}) {
      if (starts_with_at(line, pos, joiner)) {
        const size_t end = pos + joiner.size();
        if (end == line.size() || line[end] == ' ' || line[end] == ',') {
          pos = end;
          joined = true;
          break;
        }
      }
    }
    if (!joined) return false;
  }
  return true;
}

// "Name Name{1,3}, <letters and spaces naming a newsroom job>"
bool is_name_and_role(std::string_view line) {
  size_t pos = name_word_end(line, 0, false);
  // The first word has at least one character after its capital.
  if (pos == std::string_view::npos || pos < 2) return false;
  int words = 1;
  while (pos < line.size() && line[pos] == ' ' && words < 4) {
    const size_t end = name_word_end(line, pos + 1, true);
    if (end == std::string_view::npos) return false;
    pos = end;
    ++words;
  }
  if (words < 2 || pos >= line.size() || line[pos] != ',') return false;
  const std::string_view role = line.substr(pos + 1);
  for (size_t at = 0; at < role.size();) {
    size_t length = 0;
    const char32_t cp = decode_code_point(role, at, &length);
    if (cp != ' ' && !is_letter(cp)) return false;
    at += length;
  }
  static constexpr const char* kJobs[] = {"ditor",     "orrespondent", "eporter", "riter",      "olumnist",
                                          "taff",      "roducer",      "nalyst",  "ontributor"};
  static constexpr char kJobInitials[] = {'e', 'c', 'r', 'w', 'c', 's', 'p', 'a', 'c'};
  for (size_t j = 0; j < std::size(kJobs); ++j) {
    const std::string_view rest(kJobs[j]);
    for (size_t at = role.find(rest, 1); at != std::string_view::npos; at = role.find(rest, at + 1)) {
      const char initial = role[at - 1];
      if (initial == kJobInitials[j] || initial == kJobInitials[j] - ('a' - 'A')) return true;
    }
  }
  return false;
}

}  // namespace

std::optional<DatelineMatch> match_dateline(std::string_view line) { return DatelineReader(line).read(); }

bool has_byline_form(std::string_view line) { return is_by_line(line) || is_name_and_role(line); }

}  // namespace ai
