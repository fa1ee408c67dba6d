// Layout: headline, byline, dateline and page furniture, read line by line.
//
// Pasted pages keep their line structure, and page furniture is always whole
// lines ("Watch: ...", "Most Viewed"), so every decision here is about one
// trimmed line. Lines are classified by their opening words and a few
// phrases; a line only counts as furniture when it is short, so an article
// sentence that happens to mention a newsletter stays article.
#include <algorithm>
#include <iterator>
#include <cstdlib>
#include <cstring>

#include "line_patterns.h"
#include "phrase_set.h"
#include "structure.h"
#include "thread_scratch.h"
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
  size_t words = 0;  // word_count_up_to(its text, kWordCountCap), once the furniture pass has counted
};

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v'; }

// Splits on '\n' and trims into `lines` (emptied first); a line of only
// spaces (including U+00A0) is blank.
void split_lines(std::string_view text, std::vector<Line>* lines) {
  lines->clear();
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
    lines->push_back({{first, first < last ? last : first}});
    if (end == text.size()) break;
    start = end + 1;
  }
}

// Byte by byte: nearly every line differs from the prefix at its first byte,
// where a library comparison would already have paid for a call.
bool starts_with(std::string_view s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (size_t i = 0; i < prefix.size(); ++i)
    if (s[i] != prefix[i]) return false;
  return true;
}
bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

char fold_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// A line read with ASCII letters in lower case, without copying it: every
// furniture test compares against lower-case phrases, and most lines are
// article paragraphs that no test matches.
class Folded {
 public:
  explicit Folded(std::string_view text) : text_(text) {}
  size_t size() const { return text_.size(); }
  bool empty() const { return text_.empty(); }
  char operator[](size_t i) const { return fold_ascii(text_[i]); }
  char back() const { return fold_ascii(text_.back()); }
  void remove_suffix(size_t n) { text_.remove_suffix(n); }
  std::string_view text() const { return text_; }

  // The phrase arguments below are lower case.
  bool equals(std::string_view phrase) const { return size() == phrase.size() && matches_at(0, phrase); }
  bool starts_with(std::string_view phrase) const { return size() >= phrase.size() && matches_at(0, phrase); }
  bool ends_with(std::string_view phrase) const {
    return size() >= phrase.size() && matches_at(size() - phrase.size(), phrase);
  }
  size_t find(std::string_view phrase, size_t from) const {
    if (phrase.empty() || phrase.size() > size()) return phrase.empty() ? from : std::string_view::npos;
    for (size_t at = from; at + phrase.size() <= size(); ++at)
      if ((*this)[at] == phrase[0] && matches_at(at, phrase)) return at;
    return std::string_view::npos;
  }
  // Whether `word` occurs with a space or the line's edge on both sides.
  bool has_word(std::string_view word) const {
    for (size_t at = find(word, 0); at != std::string_view::npos; at = find(word, at + 1)) {
      const size_t end = at + word.size();
      if ((at == 0 || text_[at - 1] == ' ') && (end == size() || text_[end] == ' ')) return true;
    }
    return false;
  }

 private:
  bool matches_at(size_t at, std::string_view phrase) const {
    for (size_t i = 0; i < phrase.size(); ++i)
      if ((*this)[at + i] != phrase[i]) return false;
    return true;
  }

  std::string_view text_;
};

// The number of words (runs of bytes other than space and tab) in `s`, or
// `cap` when that is smaller: every test here only asks whether a line is
// short, and most lines are long paragraphs. Eight bytes a step, counting
// the non-space bytes that follow a space (or the line's start) without a
// branch per byte.
size_t word_count_up_to(std::string_view s, size_t cap) {
  constexpr uint64_t kLows = 0x7F7F7F7F7F7F7F7Full, kHighs = 0x8080808080808080ull, kOnes = 0x0101010101010101ull;
  // Bit 7 of each byte of `bytes` that equals `c`, exactly (no carries across bytes).
  auto bytes_equal = [&](uint64_t bytes, char c) {
    const uint64_t t = bytes ^ (kOnes * static_cast<unsigned char>(c));
    return ~(((t & kLows) + kLows) | t) & kHighs;
  };
  size_t words = 0;
  uint64_t space_before = 0x80;  // bit 7 of byte 0: whether the byte before the chunk is a space
  size_t at = 0;
  for (; at + 8 <= s.size() && words < cap; at += 8) {
    uint64_t bytes;
    std::memcpy(&bytes, s.data() + at, 8);
    const uint64_t spaces = bytes_equal(bytes, ' ') | bytes_equal(bytes, '\t');
    const uint64_t starts = ~spaces & kHighs & ((spaces << 8) | space_before);
    // Bit 7 of each word start moved to bit 0; the multiply sums the bytes
    // into the top one, cheaper than a population count without POPCNT.
    words += static_cast<size_t>(((starts >> 7) * kOnes) >> 56);
    space_before = (spaces >> 56) & 0x80;
  }
  bool in_word = space_before == 0;
  for (; at < s.size() && words < cap; ++at) {
    const bool space = s[at] == ' ' || s[at] == '\t';
    words += !space && !in_word;
    in_word = !space;
  }
  return std::min(words, cap);
}

// The most words any test of a line asks about, plus one: lines are counted
// once, up to this, and every test reads the count.
constexpr size_t kWordCountCap = 41;

// The phrases furniture lines contain anywhere in them, found in one pass per
// line: bits of PhraseSet::find_in, tested with the masks below.
const PhraseSet& furniture_phrases() {
  static const PhraseSet phrases({
      // legal: bits 0-11
      "all rights reserved", "use cookies", "uses cookies", "use of cookies", "cookie policy", "cookie settings",
      "accept cookies", "accept all cookies", "privacy policy", "terms of use", "terms of service",
      "may not be published, broadcast",
      // promo: bits 12-23
      "newsletter", "sign up", "subscribe", "subscription", "to your inbox", "support our journalism",
      "support independent journalism", "unlimited access", "download our app", "become a member", "free trial",
      "register now",
      // credit: bit 24
      "ap photo/"});
  return phrases;
}
constexpr uint64_t kLegalPhrases = 0xFFF;
constexpr uint64_t kPromoPhrases = uint64_t{0xFFF} << 12;
constexpr uint64_t kCreditPhrases = uint64_t{1} << 24;

// "Watch: ...", "Read more: ...", "READ MORE ...": links to other stories.
bool is_teaser(std::string_view line, const Folded& lower) {
  static constexpr std::string_view kLabels[] = {"watch", "read more", "read also", "also read", "see also",
                                                 "related", "listen", "video", "more", "opinion", "live"};
  for (const std::string_view l : kLabels) {
    if (!lower.starts_with(l)) continue;
    size_t rest = l.size();
    while (rest < lower.size() && lower[rest] == ' ') ++rest;
    if (rest < lower.size() && (lower[rest] == ':' || lower[rest] == '|')) return true;
  }
  // Upper-case labels need no colon: "READ MORE Kazakhstan's ...".
  return starts_with(line, "READ MORE") || starts_with(line, "SEE ALSO") || starts_with(line, "WATCH ") ||
         starts_with(line, "RELATED ") || lower.equals("read more");
}

// "Most Viewed", "Related Stories", "Share this": site navigation.
bool is_navigation(const Folded& lower) {
  static constexpr std::string_view kLabels[] = {
      "most viewed",      "most read",          "most popular",     "related stories",   "related articles",
      "related topics",   "related content",    "related coverage", "share this",        "share this article",
      "share this story", "share",              "share on facebook", "share on twitter", "skip to content",
      "skip to main content", "advertisement",  "trending",         "more on this story", "top stories",
      "you may also like", "recommended",       "next article",     "previous article",  "back to top",
      "more stories"};
  Folded key(lower);
  while (!key.empty() && (key.back() == ':' || key.back() == '.' || key.back() == ' ')) key.remove_suffix(1);
  // The longest label is 20 bytes: a longer line can only match a prefix.
  if (key.size() <= 20 && std::any_of(std::begin(kLabels), std::end(kLabels), [&](std::string_view l) { return key.equals(l); }))
    return true;
  return (key.starts_with("share this") || key.starts_with("share on ") || key.starts_with("follow us")) &&
         word_count_up_to(key.text(), 9) <= 8;
}

// Newsletter and subscription pleas. The keyword alone is not enough (a
// headline may report on a newsletter or on subscription prices): the line
// must also be short and speak to the reader, as an imperative ("Sign up",
// "Get the best of ...") or with "you", "your" or "our".
// `phrases`: furniture_phrases() found in the line.
bool is_promo(const Folded& lower, size_t words, uint64_t phrases) {
  if (words > 25 || (phrases & kPromoPhrases) == 0) return false;
  static constexpr std::string_view kImperatives[] = {"sign up",  "subscribe", "get ",   "join ",     "support",
                                                      "download", "register",  "click ", "don't miss"};
  if (std::any_of(std::begin(kImperatives), std::end(kImperatives), [&](std::string_view p) { return lower.starts_with(p); }))
    return true;
  return lower.has_word("you") || lower.has_word("your") || lower.has_word("our");
}

// Cookie notices and copyright lines. `phrases` as for is_promo.
bool is_legal(std::string_view line, const Folded& lower, size_t words, uint64_t phrases) {
  if (words > 40) return false;
  return line.find("\xC2\xA9") != std::string_view::npos || lower.starts_with("copyright") ||
         (phrases & kLegalPhrases) != 0;
}

// "Image caption ..." lines.
bool is_caption(const Folded& lower) {
  return lower.starts_with("image caption") || lower.starts_with("media caption") || lower.starts_with("caption:") ||
         lower.starts_with("pictured:");
}

// "Photo: Reuters", "(Jane Doe/Getty Images)", "Image copyright AFP".
// `phrases` as for is_promo.
bool is_credit(const Folded& lower, size_t words, uint64_t phrases) {
  if (words > 20) return false;
  static constexpr std::string_view kLabels[] = {"photo:",          "photograph:",  "image:",       "picture:", "credit:",
                                                 "image copyright", "image source", "photo credit", "photos:"};
  if (std::any_of(std::begin(kLabels), std::end(kLabels), [&](std::string_view l) { return lower.starts_with(l); })) return true;
  Folded key(lower);
  while (!key.empty() && (key.back() == ')' || key.back() == '.')) key.remove_suffix(1);
  return key.ends_with("getty images") || (phrases & kCreditPhrases) != 0 || key.ends_with("/ap") ||
         key.ends_with("/reuters") || key.ends_with("/afp") || key.ends_with("/shutterstock");
}

// The reason a line is page furniture, or nullptr if it reads as article.
// `words`: word_count_up_to(line, kWordCountCap).
const char* furniture_reason(std::string_view line, size_t words) {
  const Folded lower(line);
  if (is_teaser(line, lower)) return "teaser";
  if (is_navigation(lower)) return "navigation";
  if (is_caption(lower)) return "caption";
  // The tests below all fail for lines of more than 40 words.
  if (words > 40) return nullptr;
  const uint64_t phrases = furniture_phrases().find_in(line);
  if (is_credit(lower, words, phrases)) return "credit";
  if (is_legal(line, lower, words, phrases)) return "legal";
  if (is_promo(lower, words, phrases)) return "promo";
  return nullptr;
}

// A title: 2 to 25 words, no final period or colon. `words` as for furniture_reason.
bool looks_like_headline(std::string_view line, size_t words) {
  if (words < 2 || words > 25 || line.size() > 250) return false;
  const char last = line.back();
  return last != '.' && last != ',' && last != ':' && last != ';';
}

int month_number(std::string_view name) {
  static constexpr const char* kMonths[] = {"jan", "feb", "mar", "apr", "may", "jun",
                                            "jul", "aug", "sep", "oct", "nov", "dec"};
  const Folded key(name.substr(0, 3));
  for (size_t i = 0; i < std::size(kMonths); ++i)
    if (key.equals(kMonths[i])) return static_cast<int>(i) + 1;
  return 0;
}

// Lines a thread keeps room for: an article's, not a long text's (24 bytes a line).
constexpr size_t kKeptLines = size_t{1} << 12;

class LayoutReader {
 public:
  explicit LayoutReader(const Document& doc) : doc_(doc) {}

  Layout read() {
    Layout layout;
    // Kept per thread: a document's lines need no allocation once a
    // document with as many has been read.
    AI_THREAD_SCRATCH std::vector<Line> lines;
    split_lines(doc_.text, &lines);
    for (Line& line : lines) {
      if (line.span.empty()) continue;
      const std::string_view text = doc_.span_text(line.span);
      line.words = word_count_up_to(text, kWordCountCap);
      if (const char* reason = furniture_reason(text, line.words)) layout.boilerplate.push_back({line.span, reason});
    }
    size_t i = next_article_line(lines, 0, layout);
    if (i < lines.size() && i + 1 < lines.size() && lines[i + 1].span.empty() &&
        looks_like_headline(doc_.span_text(lines[i].span), lines[i].words) && !has_dateline(lines[i].span) &&
        !is_byline(lines[i])) {
      layout.headline = lines[i].span;
      i = next_article_line(lines, i + 1, layout);
    }
    // A byline may sit above or below the dateline paragraph's first line.
    for (size_t tries = 0; tries < 2 && i < lines.size(); ++tries) {
      if (!layout.byline && is_byline(lines[i])) {
        layout.byline = lines[i].span;
        i = next_article_line(lines, i + 1, layout);
      }
    }
    if (i < lines.size()) layout.dateline = read_dateline(lines[i].span);
    release_if_longer(&lines, kKeptLines);
    return layout;
  }

 private:
  size_t next_article_line(const std::vector<Line>& lines, size_t from, const Layout& layout) const {
    while (from < lines.size() && (lines[from].span.empty() || layout.is_clutter(lines[from].span.start))) ++from;
    return from;
  }

  // Precondition: `line` is not blank, so its words are counted.
  bool is_byline(const Line& line) const {
    const std::string_view text = doc_.span_text(line.span);
    if (line.words > 12 || ends_with(text, ".")) return false;
    return has_byline_form(text);
  }

  bool has_dateline(Span line) const { return match_dateline(doc_.span_text(line)).has_value(); }

  std::optional<Dateline> read_dateline(Span line) const {
    const std::string_view text = doc_.span_text(line);
    const std::optional<DatelineMatch> match = match_dateline(text);
    // A dateline is followed by the story, not the end of the line.
    if (!match || match->length == text.size()) return std::nullopt;
    auto in_text = [&](Span part) { return Span{line.start + part.start, line.start + part.end}; };
    Dateline dateline;
    dateline.span = {line.start, line.start + match->length};
    while (dateline.span.end > dateline.span.start && doc_.text[dateline.span.end - 1] == ' ') --dateline.span.end;
    dateline.place = in_text(match->place);
    if (match->agency) dateline.agency = in_text(*match->agency);
    if (match->month) {
      dateline.date_span = Span{line.start + match->month->start, line.start + (match->year ? match->year : match->day)->end};
      if (match->year) {
        CivilDate date;
        date.year = std::atoi(std::string(text.substr(match->year->start, match->year->size())).c_str());
        date.month = month_number(text.substr(match->month->start, match->month->size()));
        date.day = std::atoi(std::string(text.substr(match->day->start, match->day->size())).c_str());
        if (date.month > 0 && date.day >= 1 && date.day <= 31) dateline.date = date;
      }
    }
    return dateline;
  }

  const Document& doc_;
};

}  // namespace

Layout analyze_layout(const Document& doc) { return LayoutReader(doc).read(); }

}  // namespace ai
