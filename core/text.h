// text.h — tokens, sentences and paragraphs of a valid UTF-8 text.
//
// `analyze_text` runs once per inspection and gives every extractor the same
// view of the text: tokens with byte offsets, sentences as token ranges, and
// paragraphs as byte spans. Tokens follow news-prose conventions close to the
// CoNLL-2003 tokenisation the entity tagger was trained on:
//
//   "Russia's"     -> "Russia" "'s"        (possessive split off)
//   "don't"        -> "do" "n't"
//   "Khabar-24"    -> "Khabar-24"          (hyphenated words stay whole)
//   "2,000" "1.13" -> one number token each; ".25" is a number too
//   "U.S." "Mr."   -> the period belongs to the abbreviation
//   "(7,600 km)."  -> "(" "7,600" "km" ")" "."
//   "$1.13bn"      -> "$" "1.13bn"
//
// Usage:
//
//   ai::Document doc = ai::analyze_text(valid_utf8);
//   for (const ai::Sentence& s : doc.sentences)
//     for (size_t i = s.first_token; i < s.end_token; ++i) use(doc.token_text(i));
//
// The text must be valid UTF-8 (see utf8.h) and must outlive the Document.
// Everything here is linear in the input and never throws.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace ai {

// A half-open byte range [start, end) into the inspected text.
struct Span {
  size_t start = 0;
  size_t end = 0;
  size_t size() const { return end - start; }
  bool empty() const { return end <= start; }
  friend bool operator==(const Span& a, const Span& b) { return a.start == b.start && a.end == b.end; }
};

enum class TokenKind : uint8_t {
  kWord,    // contains a letter: "Almaty", "Khabar-24", "U.S.", "'s", "n't"
  kNumber,  // starts with a digit or ".digit" and has no letters: "2,000", "1996-08-22"
  kPunct,   // one punctuation or symbol code point, or a run like "..." or "--"
};

struct Token {
  uint32_t start = 0;
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  uint8_t newlines_before = 0;  // line breaks in the gap before this token, capped at 255
};

// A sentence as the token range [first_token, end_token) and its byte span.
struct Sentence {
  size_t first_token = 0;
  size_t end_token = 0;
  Span span;
};

struct Document {
  std::string_view text;
  std::vector<Token> tokens;
  std::vector<Sentence> sentences;
  std::vector<Span> paragraphs;  // blank-line separated blocks; lines when the text has no blank line

  std::string_view token_text(size_t i) const { return text.substr(tokens[i].start, tokens[i].end - tokens[i].start); }
  std::string_view span_text(Span s) const { return text.substr(s.start, s.end - s.start); }
  // Index of the sentence containing byte `offset`, or sentences.size() if none.
  size_t sentence_at(size_t offset) const;
};

// Tokenises `text` (valid UTF-8) and finds sentence and paragraph boundaries.
Document analyze_text(std::string_view text);

// Character classes the tokenizer uses, exposed for extractors that scan raw
// text. They accept any code point; the Unicode coverage is the scripts news
// text meets (Latin, Greek, Cyrillic, Arabic, Hebrew, CJK), not the full UCD.
bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
bool is_space(char32_t cp);

}  // namespace ai
