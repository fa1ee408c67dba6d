#include "text.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "utf8.h"

namespace ai {

bool is_letter(char32_t cp) {
  if (cp < 0x80) return (cp | 0x20) >= 'a' && (cp | 0x20) <= 'z';
  if (cp < 0xC0) return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
  if (cp <= 0x24F) return cp != 0xD7 && cp != 0xF7;  // Latin-1 letters, Latin Extended-A/B
  if (cp <= 0x2AF) return true;                      // IPA
  if (cp >= 0x300 && cp <= 0x36F) return true;       // combining marks travel with their letter
  if (cp >= 0x370 && cp <= 0x3FF) return cp != 0x37E && cp != 0x387;  // Greek
  if (cp >= 0x400 && cp <= 0x52F) return true;       // Cyrillic
  if (cp >= 0x531 && cp <= 0x587) return true;       // Armenian
  if (cp >= 0x5D0 && cp <= 0x5EA) return true;       // Hebrew
  if (cp >= 0x620 && cp <= 0x64A) return true;       // Arabic
  if (cp >= 0x900 && cp <= 0xDFF) return true;       // Indic scripts
  if (cp >= 0xE00 && cp <= 0xE7F) return true;       // Thai
  if (cp >= 0x1E00 && cp <= 0x1FFF) return true;     // Latin Extended Additional, Greek Extended
  if (cp >= 0x3040 && cp <= 0x30FF) return true;     // Hiragana, Katakana
  if (cp >= 0x3400 && cp <= 0x9FFF) return true;     // CJK
  if (cp >= 0xAC00 && cp <= 0xD7A3) return true;     // Hangul
  return false;
}

bool is_upper(char32_t cp) {
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE) return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x17F) return cp % 2 == 0;  // Latin Extended-A alternates upper, lower
  if (cp >= 0x391 && cp <= 0x3AB) return true;
  if (cp >= 0x400 && cp <= 0x42F) return true;
  return false;
}

bool is_space(char32_t cp) {
  return cp == ' ' || (cp >= 0x09 && cp <= 0x0D) || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200B) ||
         cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

namespace {

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_alnum(char32_t cp) { return is_digit(cp) || is_letter(cp); }
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool is_newline(char32_t cp) { return cp == '\n' || cp == 0x2028 || cp == 0x2029; }

// Abbreviations whose final period belongs to the word, lower-cased.
constexpr std::array<const char*, 43> kAbbreviations = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "st", "jr",
    "sr", "inc", "corp", "ltd", "co", "bros", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
    "nov", "dec", "vs", "etc", "approx", "dept", "est", "fig", "mt", "ft", "rev", "hon", "adm", "cmdr"};

// "U.S" or "a.m" or "J" (an upper-case initial): single letters joined by periods.
bool is_initials(std::string_view word) {
  if (word.size() % 2 == 0) return false;
  if (word.size() == 1) return word[0] >= 'A' && word[0] <= 'Z';
  for (size_t i = 0; i < word.size(); ++i) {
    const char c = word[i];
    const bool letter = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
    if (i % 2 == 0 ? !letter : c != '.') return false;
  }
  return true;
}

bool is_abbreviation(std::string_view word) {
  if (word.size() > 6) return false;
  char lower[8];
  for (size_t i = 0; i < word.size(); ++i) lower[i] = static_cast<char>((word[i] >= 'A' && word[i] <= 'Z') ? word[i] + 32 : word[i]);
  std::string_view key(lower, word.size());
  return std::any_of(kAbbreviations.begin(), kAbbreviations.end(), [&](const char* a) { return key == a; });
}

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view text) : text_(text) {}

  std::vector<Token> run() {
    std::vector<Token> tokens;
    tokens.reserve(text_.size() / 5 + 1);
    size_t pos = 0;
    unsigned newlines = 0;
    while (pos < text_.size()) {
      size_t len;
      const char32_t cp = at(pos, &len);
      if (is_space(cp)) {
        if (is_newline(cp)) ++newlines;
        pos += len;
        continue;
      }
      Token token;
      token.start = static_cast<uint32_t>(pos);
      token.newlines_before = static_cast<uint8_t>(std::min(newlines, 255u));
      newlines = 0;
      size_t end;
      if (is_alnum(cp) || (cp == '.' && pos + 1 < text_.size() && is_digit(peek(pos + 1)) && !prev_is_alnum(pos))) {
        end = scan_word(pos, &token.kind);
      } else if (is_apostrophe(cp) && starts_clitic(pos + len)) {
        end = pos + len + clitic_length(pos + len);
        token.kind = TokenKind::kWord;
      } else {
        end = scan_punct(pos, cp, len);
        token.kind = TokenKind::kPunct;
      }
      token.end = static_cast<uint32_t>(end);
      tokens.push_back(token);
      pos = end;
    }
    return tokens;
  }

 private:
  char32_t at(size_t pos, size_t* len) const { return decode_code_point(text_, pos, len); }
  char32_t peek(size_t pos) const {
    size_t len;
    return pos < text_.size() ? at(pos, &len) : 0;
  }
  bool prev_is_alnum(size_t pos) const {
    if (pos == 0) return false;
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(text_[start]) & 0xC0) == 0x80) --start;
    return is_alnum(peek(start));
  }

  // "'s", "'S" or "'" + "re"/"ve"/"ll"/"d"/"m" followed by a non-letter.
  size_t clitic_length(size_t pos) const {
    static constexpr const char* kClitics[] = {"s", "re", "ve", "ll", "d", "m"};
    for (const char* c : kClitics) {
      const size_t n = std::strlen(c);
      if (pos + n > text_.size()) continue;
      bool same = true;
      for (size_t i = 0; i < n; ++i) same = same && ((text_[pos + i] | 0x20) == c[i]);
      if (same && !is_alnum(peek(pos + n))) return n;
    }
    return 0;
  }
  bool starts_clitic(size_t pos) const { return clitic_length(pos) > 0; }

  // A word or number: alphanumerics joined by the connectors news text uses
  // inside one name or figure.
  size_t scan_word(size_t pos, TokenKind* kind) {
    const size_t start = pos;
    bool has_letter = false;
    size_t segment_length = 0;
    while (pos < text_.size()) {
      size_t len;
      const char32_t cp = at(pos, &len);
      if (is_alnum(cp)) {
        has_letter = has_letter || is_letter(cp);
        ++segment_length;
        pos += len;
        continue;
      }
      const char32_t next = peek(pos + len);
      const char32_t prev = pos > start ? peek_back(pos) : 0;
      if (cp == '-' && is_alnum(next) && pos > start) {
        segment_length = 0;
        pos += len;
        continue;
      }
      if ((cp == '.' || cp == ',') && is_digit(next) && (pos == start || is_digit(prev))) {
        if (cp == ',' && !three_digits_follow(pos + 1)) break;
        pos += len;
        continue;
      }
      if (cp == '.' && is_letter(next) && segment_length == 1 && is_letter(prev) && peek(pos + len + next_len(pos + len)) == '.') {
        segment_length = 0;
        pos += len;
        continue;
      }
      if (cp == '&' && is_upper(prev) && is_upper(next)) {  // AT&T, S&P
        pos += len;
        continue;
      }
      if (is_apostrophe(cp) && is_letter(next) && has_letter) {
        // "Russia's" splits; "don't" splits before n't; "O'Brien" stays whole.
        if (starts_clitic(pos + len)) break;
        if ((next == 't' || next == 'T') && (prev == 'n' || prev == 'N') && !is_alnum(peek(pos + len + 1))) {
          if (back_one(pos) > start) {
            pos = back_one(pos);  // give "n" to the clitic "n't"
            break;
          }
          pos += len;  // this token is the clitic "n't" itself
          continue;
        }
        pos += len;
        continue;
      }
      break;
    }
    // A final period belongs to initials ("U.S.", "J.") and known abbreviations.
    if (has_letter && pos < text_.size() && text_[pos] == '.') {
      const std::string_view word = text_.substr(start, pos - start);
      // "No. 10" is an abbreviation; "said no." ends a sentence.
      const bool number_sign = (word == "No" || word == "no") && pos + 2 < text_.size() && text_[pos + 1] == ' ' &&
                               is_digit(static_cast<unsigned char>(text_[pos + 2]));
      if (is_initials(word) || is_abbreviation(word) || number_sign) ++pos;
    }
    *kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
    return pos;
  }

  size_t next_len(size_t pos) const {
    size_t len = 1;
    if (pos < text_.size()) at(pos, &len);
    return len;
  }
  size_t back_one(size_t pos) const {
    size_t p = pos - 1;
    while (p > 0 && (static_cast<unsigned char>(text_[p]) & 0xC0) == 0x80) --p;
    return p;
  }
  char32_t peek_back(size_t pos) const { return peek(back_one(pos)); }
  bool three_digits_follow(size_t pos) const {
    for (size_t i = 0; i < 3; ++i)
      if (pos + i >= text_.size() || !is_digit(static_cast<unsigned char>(text_[pos + i]))) return false;
    return pos + 3 >= text_.size() || !is_digit(static_cast<unsigned char>(text_[pos + 3]));
  }

  // One punctuation code point, or a run of the same one for "...", "--", "!!".
  size_t scan_punct(size_t pos, char32_t cp, size_t len) const {
    size_t end = pos + len;
    if (cp == '.' || cp == '-' || cp == '!' || cp == '?' || cp == '*' || cp == '=' || cp == '_' || cp == '#') {
      while (end < text_.size() && static_cast<char32_t>(static_cast<unsigned char>(text_[end])) == cp) ++end;
    }
    return end;
  }

  std::string_view text_;
};

bool is_sentence_final(std::string_view token) {
  if (token.empty()) return false;
  const char c = token[0];
  return c == '.' || c == '!' || c == '?' || token == "\xE2\x80\xA6";  // … ellipsis
}

// Closing marks that stay with the sentence they end: ." ') ”
bool is_closer(std::string_view token) {
  return token == "\"" || token == "'" || token == ")" || token == "]" || token == "\xE2\x80\x9D" || token == "\xE2\x80\x99" ||
         token == "\xC2\xBB";
}

bool starts_like_sentence(std::string_view text, const Token& token) {
  size_t len;
  const char32_t cp = decode_code_point(text, token.start, &len);
  return !is_letter(cp) || is_upper(cp);
}

std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens) {
  std::vector<Sentence> sentences;
  size_t first = 0;
  auto close = [&](size_t end_token) {
    if (end_token <= first) return;
    sentences.push_back({first, end_token, {tokens[first].start, tokens[end_token - 1].end}});
    first = end_token;
  };
  for (size_t i = 0; i < tokens.size(); ++i) {
    if (i > first && tokens[i].newlines_before > 0) {
      // A line break ends a sentence unless the line was hard-wrapped mid-sentence.
      const std::string_view prev = text.substr(tokens[i - 1].start, tokens[i - 1].end - tokens[i - 1].start);
      const bool wrapped = tokens[i].newlines_before == 1 && !is_sentence_final(prev) && !is_closer(prev) &&
                           !starts_like_sentence(text, tokens[i]);
      if (!wrapped) close(i);
    }
    const std::string_view t = text.substr(tokens[i].start, tokens[i].end - tokens[i].start);
    if (!is_sentence_final(t)) continue;
    size_t end = i + 1;
    while (end < tokens.size() && tokens[end].newlines_before == 0 &&
           is_closer(text.substr(tokens[end].start, tokens[end].end - tokens[end].start)))
      ++end;
    if (end == tokens.size() || tokens[end].newlines_before > 0 || starts_like_sentence(text, tokens[end])) {
      close(end);
      i = end - 1;
    }
  }
  close(tokens.size());
  return sentences;
}

std::vector<Span> split_paragraphs(const std::vector<Token>& tokens) {
  const bool has_blank_lines =
      std::any_of(tokens.begin(), tokens.end(), [](const Token& t) { return t.newlines_before >= 2; });
  const unsigned breaks_at = has_blank_lines ? 2 : 1;
  std::vector<Span> paragraphs;
  size_t first = 0;
  for (size_t i = 1; i <= tokens.size(); ++i) {
    if (i == tokens.size() || tokens[i].newlines_before >= breaks_at) {
      paragraphs.push_back({tokens[first].start, tokens[i - 1].end});
      first = i;
    }
  }
  return paragraphs;
}

}  // namespace

size_t Document::sentence_at(size_t offset) const {
  auto it = std::upper_bound(sentences.begin(), sentences.end(), offset,
                             [](size_t off, const Sentence& s) { return off < s.span.start; });
  if (it == sentences.begin()) return sentences.size();
  --it;
  return offset < it->span.end ? static_cast<size_t>(it - sentences.begin()) : sentences.size();
}

Document analyze_text(std::string_view text) {
  Document doc;
  doc.text = text;
  doc.tokens = Tokenizer(text).run();
  doc.sentences = split_sentences(text, doc.tokens);
  doc.paragraphs = split_paragraphs(doc.tokens);
  return doc;
}

}  // namespace ai
