#include "text.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <utility>

#include "thread_scratch.h"
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

// Byte classes: the tokenizer's fast path classifies a byte with one table
// lookup and decodes UTF-8 only at bytes >= 0x80, whose class is 0.
enum ByteClass : uint8_t {
  kSpaceByte = 1,
  kDigitByte = 2,
  kLetterByte = 4,
  kConnectorByte = 8,     // may join two parts of a word: - . , & '
  kSentenceEndByte = 16,  // . ! ?
  kEndsWordByte = 32,     // ASCII, no letter, digit or connector: a word ends before it
};

constexpr std::array<uint8_t, 256> make_byte_classes() {
  std::array<uint8_t, 256> classes{};
  for (int c = 0; c < 128; ++c) {
    uint8_t k = 0;
    if (c == ' ' || (c >= 0x09 && c <= 0x0D)) k |= kSpaceByte;
    if (c >= '0' && c <= '9') k |= kDigitByte;
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') k |= kLetterByte;
    if (c == '-' || c == '.' || c == ',' || c == '&' || c == '\'') k |= kConnectorByte;
    if (c == '.' || c == '!' || c == '?') k |= kSentenceEndByte;
    if (!(k & (kConnectorByte | kDigitByte | kLetterByte))) k |= kEndsWordByte;
    classes[static_cast<size_t>(c)] = k;
  }
  return classes;
}
constexpr std::array<uint8_t, 256> kByteClasses = make_byte_classes();

bool is_digit(char32_t cp) { return cp >= '0' && cp <= '9'; }
bool is_alnum(char32_t cp) {
  return cp < 0x80 ? (kByteClasses[cp] & (kDigitByte | kLetterByte)) != 0 : is_letter(cp);
}
bool is_apostrophe(char32_t cp) { return cp == '\'' || cp == 0x2019; }
bool is_newline(char32_t cp) { return cp == '\n' || cp == 0x2028 || cp == 0x2029; }

// How many of the 8 bytes at `p` are ASCII letters or digits before the
// first byte that is not, and whether a letter is among them. The byte tests
// of kByteClasses, done on all eight bytes at once: no branch per byte, so
// no mispredicted loop exit at the end of every word.
struct AsciiRun {
  size_t length;
  bool has_letter;
};
AsciiRun ascii_alnum_run(const char* p) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull;
  uint64_t v;
  std::memcpy(&v, p, 8);
  const uint64_t low7 = v & ~kHighs;  // each byte < 0x80, so the sums below never carry across bytes
  // x in [lo, hi] per byte: bit 7 of x + (0x80 - lo) is set, of x + (0x7F - hi) is not.
  const uint64_t digit = (low7 + kOnes * (0x80 - '0')) & ~(low7 + kOnes * (0x7F - '9'));
  const uint64_t folded = low7 | kOnes * 0x20;
  const uint64_t letter = (folded + kOnes * (0x80 - 'a')) & ~(folded + kOnes * (0x7F - 'z'));
  const uint64_t alnum = (digit | letter) & ~v & kHighs;  // bytes >= 0x80 are neither
  const uint64_t stops = ~alnum & kHighs;
  const size_t length = stops == 0 ? 8 : static_cast<size_t>(__builtin_ctzll(stops)) / 8;
  const uint64_t in_run = length == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * length)) - 1;
  return {length, (letter & ~v & kHighs & in_run) != 0};
}

// The code point at `pos` of valid UTF-8, without a call for ASCII.
char32_t code_point_at(std::string_view text, size_t pos, size_t* len) {
  const auto byte = static_cast<unsigned char>(text[pos]);
  if (byte < 0x80) {
    *len = 1;
    return byte;
  }
  return decode_code_point(text, pos, len);
}

// A word of at most 8 bytes as an integer, byte i in bits 8i..8i+7 and
// ASCII letters lower-cased; shorter words end in zero bytes, which no word
// byte is, so equal keys mean equal (folded) words.
constexpr uint64_t short_word_key(std::string_view word) {
  uint64_t key = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    const auto c = static_cast<unsigned char>(word[i]);
    key |= static_cast<uint64_t>(c >= 'A' && c <= 'Z' ? c + 32 : c) << (8 * i);
  }
  return key;
}

// Abbreviations whose final period belongs to the word.
constexpr std::string_view kAbbreviations[] = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "lt", "col", "capt", "sgt", "st", "jr",
    "sr", "inc", "corp", "ltd", "co", "bros", "jan", "feb", "mar", "apr", "aug", "sep", "sept", "oct",
    "nov", "dec", "vs", "etc", "approx", "dept", "est", "fig", "mt", "ft", "rev", "hon", "adm", "cmdr"};

// kAbbreviations as an open-addressed table of short_word_key()s (0 marks a
// free slot; no word has key 0): one is looked up at nearly every period,
// and a probe or two costs less than comparing strings of varying length.
constexpr size_t kAbbreviationSlots = 128;
constexpr size_t abbreviation_slot(uint64_t key) { return (key * 0x9E3779B97F4A7C15ull) >> 57; }
struct AbbreviationTable {
  uint64_t slots[kAbbreviationSlots] = {};
};
constexpr AbbreviationTable make_abbreviation_table() {
  AbbreviationTable table;
  for (const std::string_view word : kAbbreviations) {
    const uint64_t key = short_word_key(word);
    size_t slot = abbreviation_slot(key);
    while (table.slots[slot] != 0) slot = (slot + 1) % kAbbreviationSlots;
    table.slots[slot] = key;
  }
  return table;
}
constexpr AbbreviationTable kAbbreviationTable = make_abbreviation_table();

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
  if (word.empty() || word.size() > 6) return false;
  const uint64_t key = short_word_key(word);
  for (size_t slot = abbreviation_slot(key); kAbbreviationTable.slots[slot] != 0;
       slot = (slot + 1) % kAbbreviationSlots)
    if (kAbbreviationTable.slots[slot] == key) return true;
  return false;
}

class Tokenizer {
 public:
  // `candidate_storage` is emptied and becomes boundary_candidates(): a
  // vector the caller takes back (take_boundary_candidates) to reuse its
  // storage from text to text. The tokenizer owns it meanwhile, so that the
  // loop over the text appends to a member, not through a reference.
  Tokenizer(std::string_view text, std::vector<uint32_t>&& candidate_storage)
      : text_(text), boundary_candidates_(std::move(candidate_storage)) {
    boundary_candidates_.clear();
  }

  // Tokenises the whole text. Also notes, in one pass, the only tokens where
  // a sentence or paragraph can break (see boundary_candidates()).
  std::vector<Token> run() {
    std::vector<Token> tokens;
    // News prose runs four to six bytes a token: room for one per five
    // bytes left a quarter of BBC articles to reallocate (and copy) theirs.
    tokens.reserve(text_.size() / 4 + 1);
    boundary_candidates_.reserve(text_.size() / 32 + 1);  // news prose has one per 100 bytes or so
    const size_t size = text_.size();
    size_t pos = 0;
    unsigned newlines = 0;
    bool has_blank_line = false;
    while (pos < size) {
      const auto byte = static_cast<unsigned char>(text_[pos]);
      const uint8_t byte_class = kByteClasses[byte];
      if (byte_class & kSpaceByte) {
        newlines += byte == '\n';
        ++pos;
        continue;
      }
      size_t len = 1;
      char32_t cp = byte;
      if (byte >= 0x80) {
        cp = decode_code_point(text_, pos, &len);
        if (is_space(cp)) {
          if (is_newline(cp)) ++newlines;
          pos += len;
          continue;
        }
      }
      uint8_t newlines_before = 0;
      if (newlines > 0) {  // one token in twenty or so
        newlines_before = static_cast<uint8_t>(std::min(newlines, 255u));
        has_blank_line |= newlines >= 2;
        newlines = 0;
      }
      size_t end;
      TokenKind kind;
      bool boundary = newlines_before > 0;
      if (byte_class & (kDigitByte | kLetterByte)) {
        // Most tokens are a run of ASCII letters and digits ended by a
        // byte that cannot join (a space, most punctuation): that run is
        // the token, and only the others go through the joining rules.
        // A token that starts with a letter has one: its run need not look.
        bool has_letter = true;
        if (byte_class & kLetterByte)
          end = ascii_alnum_run_end<false>(pos, nullptr);
        else
          end = ascii_alnum_run_end<true>(pos, &has_letter);
        kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
        if (end < size && !(kByteClasses[static_cast<unsigned char>(text_[end])] & kEndsWordByte)) {
          // A connector before a byte that is no letter or digit joins
          // nothing ("word, ", "end.\n"), but a final period may belong
          // to the word; the joining rules read the rest.
          const bool joins_nothing =
              (kByteClasses[static_cast<unsigned char>(text_[end])] & kConnectorByte) &&
              (end + 1 == size || (kByteClasses[static_cast<unsigned char>(text_[end + 1])] & kEndsWordByte));
          if (!joins_nothing) end = scan_word(pos, &kind);
          else if (has_letter && text_[end] == '.') end = with_final_period(pos, end);
        }
      } else {
        end = scan_other(pos, cp, len, &kind);
        // The tokens is_sentence_final accepts: ".", "!", "?" runs, ".25", "…".
        boundary = boundary || (byte < 0x80 ? (byte_class & kSentenceEndByte) != 0 : cp == 0x2026);
      }
      if (boundary) boundary_candidates_.push_back(static_cast<uint32_t>(tokens.size()));
      // Fields stored one by one into the vector: a Token built on the stack
      // and copied costs a store-forwarding stall per token.
      Token& token = tokens.emplace_back();
      token.start = static_cast<uint32_t>(pos);
      token.end = static_cast<uint32_t>(end);
      token.kind = kind;
      token.newlines_before = newlines_before;
      // Most tokens are followed by one space: skip it without a trip
      // through the space loop above.
      pos = end + (end < size && text_[end] == ' ');
    }
    has_blank_line_ = has_blank_line;
    return tokens;
  }

  // Whether some token followed two or more line breaks; valid after run().
  bool has_blank_line() const { return has_blank_line_; }
  // Indices, ascending, of the tokens that follow a line break or are
  // sentence-final: every other token continues its sentence and paragraph.
  const std::vector<uint32_t>& boundary_candidates() const { return boundary_candidates_; }
  std::vector<uint32_t> take_boundary_candidates() { return std::move(boundary_candidates_); }

 private:
  char32_t at(size_t pos, size_t* len) const { return code_point_at(text_, pos, len); }
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
    static constexpr std::string_view kClitics[] = {"s", "re", "ve", "ll", "d", "m"};
    for (const std::string_view c : kClitics) {
      const size_t n = c.size();
      if (pos + n > text_.size()) continue;
      bool same = true;
      for (size_t i = 0; i < n; ++i) same = same && ((text_[pos + i] | 0x20) == c[i]);
      if (same && !is_alnum(peek(pos + n))) return n;
    }
    return 0;
  }
  bool starts_clitic(size_t pos) const { return clitic_length(pos) > 0; }

  // The end of the run of ASCII letters and digits from `pos` on: eight
  // bytes at a time while eight remain, then byte by byte. With
  // kFindLetter, sets `*has_letter` when a letter is among them; without,
  // the run's letters are not looked for.
  template <bool kFindLetter>
  size_t ascii_alnum_run_end(size_t pos, bool* has_letter) const {
    const size_t size = text_.size();
    bool letter = false;
    while (pos + 8 <= size) {
      const AsciiRun run = ascii_alnum_run(text_.data() + pos);
      pos += run.length;
      if (kFindLetter) letter = letter || run.has_letter;
      if (run.length < 8) {
        if (kFindLetter) *has_letter = letter;
        return pos;
      }
    }
    uint8_t seen = 0;
    while (pos < size) {
      const uint8_t ascii = kByteClasses[static_cast<unsigned char>(text_[pos])];
      if (!(ascii & (kDigitByte | kLetterByte))) break;
      seen |= ascii;
      ++pos;
    }
    if (kFindLetter) *has_letter = letter || (seen & kLetterByte) != 0;
    return pos;
  }

  // A token that does not start with an ASCII letter or digit, whose first
  // code point `cp` is `len` bytes long: a word or number starting with
  // another letter or ".digit", a clitic, or punctuation. Kept out of
  // line so that the loop over the common tokens in run() stays small.
  __attribute__((noinline)) size_t scan_other(size_t pos, char32_t cp, size_t len, TokenKind* kind) const {
    if (is_alnum(cp) || (cp == '.' && pos + 1 < text_.size() && is_digit(peek(pos + 1)) && !prev_is_alnum(pos)))
      return scan_word(pos, kind);
    if (is_apostrophe(cp) && starts_clitic(pos + len)) {
      *kind = TokenKind::kWord;
      return pos + len + clitic_length(pos + len);
    }
    *kind = TokenKind::kPunct;
    return scan_punct(pos, cp, len);
  }

  // A word or number: alphanumerics joined by the connectors news text uses
  // inside one name or figure.
  size_t scan_word(size_t pos, TokenKind* kind) const {
    const size_t start = pos;
    const size_t size = text_.size();
    bool has_letter = false;
    size_t segment_length = 0;
    while (pos < size) {
      // The ASCII letters and digits of the current segment.
      const size_t run_start = pos;
      bool run_has_letter;
      pos = ascii_alnum_run_end<true>(pos, &run_has_letter);
      segment_length += pos - run_start;
      has_letter = has_letter || run_has_letter;
      if (pos >= size) break;
      // Most words end at a space or a punctuation mark that cannot join.
      const auto byte = static_cast<unsigned char>(text_[pos]);
      if (byte < 0x80 && !(kByteClasses[byte] & kConnectorByte)) break;
      size_t len;
      const char32_t cp = at(pos, &len);
      if (cp >= 0x80 && is_letter(cp)) {
        has_letter = true;
        ++segment_length;
        pos += len;
        continue;
      }
      // Only these connectors can continue a word; anything else ends it.
      if (cp != '-' && cp != '.' && cp != ',' && cp != '&' && !is_apostrophe(cp)) break;
      const char32_t next = peek(pos + len);
      // Each rule below joins only before a letter or a digit.
      if (!is_alnum(next)) break;
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
    if (has_letter && pos < text_.size() && text_[pos] == '.') pos = with_final_period(start, pos);
    *kind = has_letter ? TokenKind::kWord : TokenKind::kNumber;
    return pos;
  }

  // The end of the word [start, period) with a letter in it, followed by a
  // period: past the period for initials ("U.S.", "J.") and known
  // abbreviations, which keep it, else `period`.
  size_t with_final_period(size_t start, size_t period) const {
    const std::string_view word = text_.substr(start, period - start);
    // "No. 10" is an abbreviation; "said no." ends a sentence.
    const bool number_sign = (word == "No" || word == "no") && period + 2 < text_.size() && text_[period + 1] == ' ' &&
                             is_digit(static_cast<unsigned char>(text_[period + 2]));
    return is_initials(word) || is_abbreviation(word) || number_sign ? period + 1 : period;
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
  bool has_blank_line_ = false;
  std::vector<uint32_t> boundary_candidates_;
};

using namespace std::string_view_literals;

bool is_sentence_final(std::string_view token) {
  if (token.empty()) return false;
  const char c = token[0];
  return c == '.' || c == '!' || c == '?' || token == "\xE2\x80\xA6"sv;  // … ellipsis
}

// Closing marks that stay with the sentence they end: ." ') ”
bool is_closer(std::string_view token) {
  if (token.size() == 1) return token[0] == '"' || token[0] == '\'' || token[0] == ')' || token[0] == ']';
  return token == "\xE2\x80\x9D"sv || token == "\xE2\x80\x99"sv || token == "\xC2\xBB"sv;
}

bool starts_like_sentence(std::string_view text, const Token& token) {
  size_t len;
  const char32_t cp = code_point_at(text, token.start, &len);
  return !is_letter(cp) || is_upper(cp);
}

// `candidates`: Tokenizer::boundary_candidates(); the other tokens can
// neither end a sentence nor follow a break, so they are never visited.
std::vector<Sentence> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                      const std::vector<uint32_t>& candidates) {
  std::vector<Sentence> sentences;
  sentences.reserve(candidates.size() + 1);  // each sentence but the last ends at a candidate
  size_t first = 0;
  auto close = [&](size_t end_token) {
    if (end_token <= first) return;
    sentences.push_back({first, end_token, {tokens[first].start, tokens[end_token - 1].end}});
    first = end_token;
  };
  auto token_text = [&](size_t i) { return text.substr(tokens[i].start, tokens[i].end - tokens[i].start); };
  size_t resume = 0;  // the closing marks before this went with the sentence they end
  for (const uint32_t i : candidates) {
    if (i < resume) continue;
    if (i > first && tokens[i].newlines_before > 0) {
      // A line break ends a sentence unless the line was hard-wrapped mid-sentence.
      const std::string_view prev = token_text(i - 1);
      const bool wrapped = tokens[i].newlines_before == 1 && !is_sentence_final(prev) && !is_closer(prev) &&
                           !starts_like_sentence(text, tokens[i]);
      if (!wrapped) close(i);
    }
    if (!is_sentence_final(token_text(i))) continue;
    size_t end = i + 1;
    while (end < tokens.size() && tokens[end].newlines_before == 0 && is_closer(token_text(end))) ++end;
    if (end == tokens.size() || tokens[end].newlines_before > 0 || starts_like_sentence(text, tokens[end])) {
      close(end);
      resume = end;
    }
  }
  close(tokens.size());
  return sentences;
}

// `candidates` as for split_sentences; `has_blank_lines`: some token has
// newlines_before >= 2.
std::vector<Span> split_paragraphs(const std::vector<Token>& tokens, const std::vector<uint32_t>& candidates,
                                   bool has_blank_lines) {
  const unsigned breaks_at = has_blank_lines ? 2 : 1;
  std::vector<Span> paragraphs;
  if (tokens.empty()) return paragraphs;
  paragraphs.reserve(candidates.size() + 1);  // each paragraph but the last ends at a candidate
  size_t first = 0;
  for (const uint32_t i : candidates) {
    if (i > 0 && tokens[i].newlines_before >= breaks_at) {
      paragraphs.push_back({tokens[first].start, tokens[i - 1].end});
      first = i;
    }
  }
  paragraphs.push_back({tokens[first].start, tokens.back().end});
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

// Boundary candidates a thread keeps room for: an article's (the tokenizer
// reserves one per 32 bytes), not a long text's.
constexpr size_t kKeptBoundaryCandidates = size_t{1} << 14;

Document analyze_text(std::string_view text) {
  Document doc;
  doc.text = text;
  AI_THREAD_SCRATCH std::vector<uint32_t> candidate_storage;
  Tokenizer tokenizer(text, std::move(candidate_storage));
  doc.tokens = tokenizer.run();
  doc.sentences = split_sentences(text, doc.tokens, tokenizer.boundary_candidates());
  doc.paragraphs = split_paragraphs(doc.tokens, tokenizer.boundary_candidates(), tokenizer.has_blank_line());
  candidate_storage = tokenizer.take_boundary_candidates();
  release_if_longer(&candidate_storage, kKeptBoundaryCandidates);
  return doc;
}

}  // namespace ai
