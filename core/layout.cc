// Layout: headline, byline, dateline and page furniture, read line by line.
//
// Pasted pages keep their line structure, and page furniture is always whole
// lines ("Watch: ...", "Most Viewed"), so every decision here is about one
// trimmed line. Lines are classified by their opening words and a few
// phrases; a line only counts as furniture when it is short, so an article
// sentence that happens to mention a newsletter stays article.
#include <re2/re2.h>

#include <algorithm>
#include <iterator>
#include <cstdlib>

#include "structure.h"
#include "utf8.h"

namespace ai {

bool Layout::is_clutter(size_t at) const {
  auto it = std::upper_bound(boilerplate.begin(), boilerplate.end(), at,
                             [](size_t offset, const Boilerplate& b) { return offset < b.span.start; });
  return it != boilerplate.begin() && at < std::prev(it)->span.end;
}

namespace {

struct Line {
  Span span;  // trimmed of surrounding white space; empty for a blank line
};

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Splits on '\n' and trims; a line of only spaces (including U+00A0) is blank.
std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  size_t start = 0;
  while (start <= text.size()) {
    size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    size_t first = start;
    size_t last = end;
    while (first < last) {
      size_t len;
      const char32_t cp = decode_code_point(text, first, &len);
      if (!is_space(cp)) break;
      first += len;
    }
    while (last > first && (is_ascii_space(text[last - 1]))) --last;
    // Trailing U+00A0 (C2 A0) is common in pasted pages.
    while (last >= first + 2 && static_cast<unsigned char>(text[last - 2]) == 0xC2 &&
           static_cast<unsigned char>(text[last - 1]) == 0xA0)
      last -= 2;
    lines.push_back({{first, first < last ? last : first}});
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return out;
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}
bool contains(std::string_view s, std::string_view part) { return s.find(part) != std::string_view::npos; }

size_t word_count(std::string_view s) {
  size_t words = 0;
  bool in_word = false;
  for (char c : s) {
    const bool space = c == ' ' || c == '\t';
    if (!space && !in_word) ++words;
    in_word = !space;
  }
  return words;
}

// "Watch: ...", "Read more: ...", "READ MORE ...": links to other stories.
bool is_teaser(std::string_view line, const std::string& lower) {
  static constexpr const char* kLabels[] = {"watch", "read more", "read also", "also read", "see also",
                                                           "related",  "listen",  "video",    "more",  "opinion",
                                                           "live"};
  for (const char* label : kLabels) {
    const std::string_view l(label);
    if (!starts_with(lower, l)) continue;
    size_t rest = l.size();
    while (rest < lower.size() && lower[rest] == ' ') ++rest;
    if (rest < lower.size() && (lower[rest] == ':' || lower[rest] == '|')) return true;
  }
  // Upper-case labels need no colon: "READ MORE Kazakhstan's ...".
  return starts_with(line, "READ MORE") || starts_with(line, "SEE ALSO") || starts_with(line, "WATCH ") ||
         starts_with(line, "RELATED ") || lower == "read more";
}

// "Most Viewed", "Related Stories", "Share this": site navigation.
bool is_navigation(const std::string& lower) {
  static constexpr const char* kLabels[] = {
      "most viewed",      "most read",          "most popular",     "related stories",   "related articles",
      "related topics",   "related content",    "related coverage", "share this",        "share this article",
      "share this story", "share",              "share on facebook", "share on twitter", "skip to content",
      "skip to main content", "advertisement",  "trending",         "more on this story", "top stories",
      "you may also like", "recommended",       "next article",     "previous article",  "back to top",
      "more stories"};
  std::string_view key(lower);
  while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == ' ')) key.remove_suffix(1);
  if (std::any_of(std::begin(kLabels), std::end(kLabels), [&](const char* l) { return key == l; })) return true;
  return (starts_with(key, "share this") || starts_with(key, "share on ") || starts_with(key, "follow us")) &&
         word_count(key) <= 8;
}

// Newsletter and subscription pleas. The keyword alone is not enough (a
// headline may report on a newsletter or on subscription prices): the line
// must also be short and speak to the reader, as an imperative ("Sign up",
// "Get the best of ...") or with "you", "your" or "our".
bool is_promo(const std::string& lower) {
  static constexpr const char* kPhrases[] = {
      "newsletter", "sign up", "subscribe", "subscription", "to your inbox", "support our journalism",
      "support independent journalism", "unlimited access", "download our app", "become a member",
      "free trial", "register now"};
  if (word_count(lower) > 25) return false;
  if (!std::any_of(std::begin(kPhrases), std::end(kPhrases), [&](const char* p) { return contains(lower, p); })) return false;
  static constexpr const char* kImperatives[] = {"sign up", "subscribe", "get ",     "join ",    "support",
                                                 "download", "register", "click ", "don't miss"};
  if (std::any_of(std::begin(kImperatives), std::end(kImperatives), [&](const char* p) { return starts_with(lower, p); }))
    return true;
  const std::string padded = " " + lower + " ";
  return contains(padded, " you ") || contains(padded, " your ") || contains(padded, " our ");
}

// Cookie notices and copyright lines.
bool is_legal(std::string_view line, const std::string& lower) {
  if (word_count(lower) > 40) return false;
  return contains(line, "\xC2\xA9") || starts_with(lower, "copyright") || contains(lower, "all rights reserved") ||
         contains(lower, "use cookies") || contains(lower, "uses cookies") || contains(lower, "use of cookies") ||
         contains(lower, "cookie policy") || contains(lower, "cookie settings") || contains(lower, "accept cookies") ||
         contains(lower, "accept all cookies") || contains(lower, "privacy policy") || contains(lower, "terms of use") ||
         contains(lower, "terms of service") || contains(lower, "may not be published, broadcast");
}

// "Image caption ..." lines.
bool is_caption(const std::string& lower) {
  return starts_with(lower, "image caption") || starts_with(lower, "media caption") || starts_with(lower, "caption:") ||
         starts_with(lower, "pictured:");
}

// "Photo: Reuters", "(Jane Doe/Getty Images)", "Image copyright AFP".
bool is_credit(const std::string& lower) {
  if (word_count(lower) > 20) return false;
  static constexpr const char* kLabels[] = {"photo:", "photograph:", "image:",      "picture:",  "credit:",
                                                         "image copyright", "image source", "photo credit", "photos:"};
  if (std::any_of(std::begin(kLabels), std::end(kLabels), [&](const char* l) { return starts_with(lower, l); })) return true;
  std::string_view key(lower);
  while (!key.empty() && (key.back() == ')' || key.back() == '.')) key.remove_suffix(1);
  return ends_with(key, "getty images") || contains(lower, "ap photo/") || ends_with(key, "/ap") ||
         ends_with(key, "/reuters") || ends_with(key, "/afp") || ends_with(key, "/shutterstock");
}

// The reason a line is page furniture, or nullptr if it reads as article.
const char* furniture_reason(std::string_view line) {
  const std::string lower = lower_ascii(line);
  if (is_teaser(line, lower)) return "teaser";
  if (is_navigation(lower)) return "navigation";
  if (is_caption(lower)) return "caption";
  if (is_credit(lower)) return "credit";
  if (is_legal(line, lower)) return "legal";
  if (is_promo(lower)) return "promo";
  return nullptr;
}

// A title: 2 to 25 words, no final period or colon.
bool looks_like_headline(std::string_view line) {
  const size_t words = word_count(line);
  if (words < 2 || words > 25 || line.size() > 250) return false;
  const char last = line.back();
  return last != '.' && last != ',' && last != ':' && last != ';';
}

const char* const kMonthPattern =
    R"((Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|Aug(?:ust|\.)?|Sep(?:tember|t\.?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?))";

int month_number(std::string_view name) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                                          "jul", "aug", "sep", "oct", "nov", "dec"};
  const std::string key = lower_ascii(name.substr(0, 3));
  for (size_t i = 0; i < std::size(kMonths); ++i)
    if (key == kMonths[i]) return static_cast<int>(i) + 1;
  return 0;
}

// PLACE[, State][, Month Day[, Year]] [(Agency)] dash. The place is in
// capitals ("MOSCOW", "ST. LOUIS", "RIO DE JANEIRO"). Groups: place, month,
// day, year, agency.
std::string dateline_pattern() {
  return std::string(R"(^((?:[A-Z][A-Z.'\x{2019}-]+)(?: [A-Z][A-Z.'\x{2019}-]*){0,3}))") +
         R"((?:, [A-Z][a-z]+\.?(?: [A-Z][a-z]+)?)??)" + R"((?:,? )" + kMonthPattern +
         R"( (\d{1,2})(?:,? (\d{4}))?)?)" + R"( *(?:\(([^()\n]{1,40})\))? *(?:-{1,2}|\x{2013}|\x{2014}) *)";
}

// Compiled once per process (thread-safe static initialisation): compiling
// them per article used to cost more than all the other stages together.
struct LayoutPatterns {
  RE2 dateline{dateline_pattern()};
  RE2 by_prefix{R"(^[Bb][Yy]:? +[A-Z][\pL'\x{2019}.-]*(?: +(?:[A-Z][\pL'\x{2019}.-]*|and|de|van|von|al|bin))*(?:,.*)?$)"};
  RE2 name_comma_role{
      R"(^[A-Z][\pL'\x{2019}-]+(?: [A-Z][\pL'\x{2019}.-]*){1,3}, *[\pL ]*)"
      R"((?:[Ee]ditor|[Cc]orrespondent|[Rr]eporter|[Ww]riter|[Cc]olumnist|[Ss]taff|[Pp]roducer|[Aa]nalyst|[Cc]ontributor)[\pL ]*$)"};
};

const LayoutPatterns& layout_patterns() {
  static const LayoutPatterns patterns;
  return patterns;
}

class LayoutReader {
 public:
  explicit LayoutReader(const Document& doc)
      : doc_(doc),
        dateline_(layout_patterns().dateline),
        by_prefix_(layout_patterns().by_prefix),
        name_comma_role_(layout_patterns().name_comma_role) {}

  Layout read() {
    Layout layout;
    const std::vector<Line> lines = split_lines(doc_.text);
    for (const Line& line : lines) {
      if (line.span.empty()) continue;
      if (const char* reason = furniture_reason(doc_.span_text(line.span)))
        layout.boilerplate.push_back({line.span, reason});
    }
    size_t i = next_article_line(lines, 0, layout);
    if (i < lines.size() && i + 1 < lines.size() && lines[i + 1].span.empty() &&
        looks_like_headline(doc_.span_text(lines[i].span)) && !has_dateline(lines[i].span) &&
        !is_byline(lines[i].span)) {
      layout.headline = lines[i].span;
      i = next_article_line(lines, i + 1, layout);
    }
    // A byline may sit above or below the dateline paragraph's first line.
    for (size_t tries = 0; tries < 2 && i < lines.size(); ++tries) {
      if (!layout.byline && is_byline(lines[i].span)) {
        layout.byline = lines[i].span;
        i = next_article_line(lines, i + 1, layout);
      }
    }
    if (i < lines.size()) layout.dateline = read_dateline(lines[i].span);
    return layout;
  }

 private:
  size_t next_article_line(const std::vector<Line>& lines, size_t from, const Layout& layout) const {
    while (from < lines.size() && (lines[from].span.empty() || layout.is_clutter(lines[from].span.start))) ++from;
    return from;
  }

  bool is_byline(Span line) const {
    const std::string_view text = doc_.span_text(line);
    if (word_count(text) > 12 || ends_with(text, ".")) return false;
    return RE2::FullMatch(text, by_prefix_) || RE2::FullMatch(text, name_comma_role_);
  }

  bool has_dateline(Span line) const {
    re2::StringPiece input(doc_.text.data() + line.start, line.size());
    return RE2::Consume(&input, dateline_);
  }

  std::optional<Dateline> read_dateline(Span line) const {
    const char* base = doc_.text.data();
    re2::StringPiece input(base + line.start, line.size());
    re2::StringPiece place, month, day, year, agency;
    const re2::StringPiece before = input;
    if (!RE2::Consume(&input, dateline_, &place, &month, &day, &year, &agency)) return std::nullopt;
    // A dateline is followed by the story, not the end of the line.
    if (input.empty()) return std::nullopt;
    auto span_of = [&](re2::StringPiece piece) {
      const size_t start = static_cast<size_t>(piece.data() - base);
      return Span{start, start + piece.size()};
    };
    Dateline dateline;
    dateline.span = {line.start, line.start + static_cast<size_t>(input.data() - before.data())};
    while (dateline.span.end > dateline.span.start && doc_.text[dateline.span.end - 1] == ' ') --dateline.span.end;
    dateline.place = span_of(place);
    if (agency.data() != nullptr) dateline.agency = span_of(agency);
    if (month.data() != nullptr) {
      const Span date_span{span_of(month).start, span_of(year.data() != nullptr ? year : day).end};
      dateline.date_span = date_span;
      if (year.data() != nullptr) {
        CivilDate date;
        date.year = std::atoi(std::string(year.data(), year.size()).c_str());
        date.month = month_number({month.data(), month.size()});
        date.day = std::atoi(std::string(day.data(), day.size()).c_str());
        if (date.month > 0 && date.day >= 1 && date.day <= 31) dateline.date = date;
      }
    }
    return dateline;
  }

  const Document& doc_;
  const RE2& dateline_;
  const RE2& by_prefix_;
  const RE2& name_comma_role_;
};

}  // namespace

Layout analyze_layout(const Document& doc) { return LayoutReader(doc).read(); }

}  // namespace ai
