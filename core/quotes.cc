// Quotations and their speakers.
//
// Quote marks are paired in one pass over the tokens. Curly marks say which
// way they face; a straight double mark closes when one is open and opens
// otherwise; a lone right single mark (also the apostrophe of "protesters’")
// only closes a single quote that is open. A quote still open at the end of
// a paragraph continues when the next paragraph opens with a quote mark (the
// convention for multi-paragraph quotes) and is dropped otherwise.
//
// The speaker is read from the sentence around the quote: after it first
// when the quote ends with a comma ("“...,” he said"), before it otherwise
// ("X said: “...”", "X called on Y to “...”").
#include <algorithm>
#include <optional>

#include "attribution.h"
#include "structure.h"

namespace ai {

namespace {

enum class Mark { kNone, kOpenDouble, kCloseDouble, kStraightDouble, kOpenSingle, kCloseSingle, kStraightSingle };

// True when a token starting with byte `lead` may be a quote mark.
bool may_be_mark(char lead) { return lead == '"' || lead == '\'' || lead == '\xE2' || lead == '\xC2'; }

Mark mark_of(std::string_view t) {
  if (t.empty() || !may_be_mark(t[0])) return Mark::kNone;
  if (t == "\"") return Mark::kStraightDouble;
  if (t == "\xE2\x80\x9C" || t == "\xE2\x80\x9E" || t == "\xC2\xAB") return Mark::kOpenDouble;   // “ „ «
  if (t == "\xE2\x80\x9D" || t == "\xC2\xBB") return Mark::kCloseDouble;                         // ” »
  if (t == "\xE2\x80\x98") return Mark::kOpenSingle;                                              // ‘
  if (t == "\xE2\x80\x99") return Mark::kCloseSingle;                                             // ’
  if (t == "'") return Mark::kStraightSingle;
  return Mark::kNone;
}

bool opens_double(Mark m) { return m == Mark::kOpenDouble || m == Mark::kStraightDouble; }
bool opens_single(Mark m) { return m == Mark::kOpenSingle || m == Mark::kStraightSingle; }

struct Pair {
  size_t open = 0;   // token of the opening mark
  size_t close = 0;  // token of the closing mark
  // Where the quote sits, read once (find_quotes): the speaker search asks
  // many times. The sentences of the two marks, and starts_sentence.
  size_t open_sentence = 0;
  size_t close_sentence = 0;
  bool opens_sentence = false;
};

class QuotePairer {
 public:
  explicit QuotePairer(const Document& doc) : doc_(doc) {}

  std::vector<Pair> run() {
    // Read through locals: the calls below could change the document for
    // all the compiler knows, which would reload the vector's bounds at
    // every token.
    const Token* const tokens = doc_.tokens.data();
    const size_t count = doc_.tokens.size();
    const char* const text = doc_.text.data();
    for (size_t i = 0; i < count; ++i) {
      // Most tokens are no quote mark and only matter at a paragraph
      // break, which drops the quotes left open: skip them, and apply the
      // break when the next mark comes (a paragraph that starts before the
      // token ahead of the mark started before the mark too). A mark is one
      // punctuation code point, so words and numbers are skipped unread.
      const Token& token = tokens[i];
      if (token.kind != TokenKind::kPunct || token.end == token.start || !may_be_mark(text[token.start])) continue;
      if (i > 0 && enters_paragraph(tokens[i - 1].start)) at_paragraph_break(Mark::kNone);
      const Mark mark = mark_of(doc_.token_text(i));
      if (enters_paragraph(token.start) && at_paragraph_break(mark)) continue;
      switch (mark) {
        case Mark::kNone: break;
        case Mark::kStraightDouble:
          if (double_open_) close_double(i);
          else open_double(i);
          break;
        case Mark::kOpenDouble: open_double(i); break;
        case Mark::kCloseDouble:
          if (double_open_) close_double(i);
          break;
        case Mark::kOpenSingle:
          if (!single_open_) single_open_ = i;
          break;
        case Mark::kCloseSingle:
          if (single_open_) close_single(i);
          break;
        case Mark::kStraightSingle:
          if (single_open_ && !space_before(i)) close_single(i);
          else if (!single_open_ && !space_after(i)) single_open_ = i;
          break;
      }
    }
    return std::move(pairs_);
  }

 private:
  // Called at the first token of a paragraph, whose quote mark is `mark`:
  // drops quotes left open unless the mark continues them, and returns true
  // when it does (the mark then opens nothing new).
  bool at_paragraph_break(Mark mark) {
    if (single_open_ && (double_open_ || !opens_single(mark))) single_open_.reset();
    if (double_open_ && !opens_double(mark)) double_open_.reset();
    return (double_open_ && opens_double(mark)) || (single_open_ && opens_single(mark));
  }
  // Moves past the paragraphs that end at or before byte `at`; true when
  // there were any.
  bool enters_paragraph(size_t at) {
    const size_t before = paragraph_;
    while (paragraph_ < doc_.paragraphs.size() && at >= doc_.paragraphs[paragraph_].end) ++paragraph_;
    return paragraph_ != before;
  }
  void open_double(size_t i) {
    double_open_ = i;
    single_open_.reset();
  }
  void close_double(size_t i) {
    if (i > *double_open_ + 1) pairs_.push_back({*double_open_, i});
    double_open_.reset();
    single_open_.reset();
  }
  void close_single(size_t i) {
    // A single quote inside a double one belongs to the outer quotation.
    if (!double_open_ && i > *single_open_ + 1) pairs_.push_back({*single_open_, i});
    single_open_.reset();
  }
  bool space_before(size_t i) const { return i == 0 || doc_.tokens[i - 1].end < doc_.tokens[i].start; }
  bool space_after(size_t i) const { return i + 1 >= doc_.tokens.size() || doc_.tokens[i + 1].start > doc_.tokens[i].end; }

  const Document& doc_;
  size_t paragraph_ = 0;  // the first paragraph not wholly before the last token seen
  std::optional<size_t> double_open_;
  std::optional<size_t> single_open_;
  std::vector<Pair> pairs_;
};

constexpr size_t kFragmentMaxWords = 5;
constexpr size_t kVerbSearchBefore = 15;  // tokens between a speech verb and the quote it introduces
constexpr size_t kVerbSearchAfter = 10;   // tokens between a quote and the verb that follows it

size_t sentence_of(const Document& doc, size_t token) {
  const size_t s = doc.sentence_at(doc.tokens[token].start);
  return s < doc.sentences.size() ? s : 0;
}

// True when the quote opening at token `open`, in sentence `sentence`,
// starts a sentence. The sentence splitter keeps a straight mark after a
// period with the sentence before (it cannot tell an opening '"' from a
// closing one), so an opening mark that ends its sentence starts the next one.
bool starts_sentence(const Document& doc, size_t open, size_t sentence) {
  const Sentence& s = doc.sentences[sentence];
  return open == s.first_token || open + 1 == s.end_token;
}

bool is_clause_end(std::string_view t) { return t == "," || t == "." || t == "!" || t == "?" || t == "..." || t == ";"; }

class SpeakerFinder {
 public:
  SpeakerFinder(const Attributor& words, const People& people) : doc_(words.doc()), words_(words), people_(people) {}

  // Fills the speaker and verb of the quote `pair`; `previous_close` and
  // `next_open` bound the words the quote may take its attribution from.
  void attribute(const Pair& pair, size_t previous_close, size_t next_open, Quote* quote) const {
    const Sentence& opening = doc_.sentences[pair.open_sentence];
    const Sentence& closing = doc_.sentences[pair.close_sentence];
    size_t prefix_start = pair.opens_sentence ? pair.open : std::max(opening.first_token, previous_close);
    // "Smith said:" on the line before a quote that opens a paragraph.
    if (pair.opens_sentence && pair.open > previous_close && pair.open > 0 &&
        doc_.token_text(pair.open - 1) == ":")
      prefix_start = std::max(doc_.sentences[sentence_of(doc_, pair.open - 1)].first_token, previous_close);
    const size_t suffix_end = std::min(closing.end_token, next_open);
    const std::string_view last_inside = doc_.token_text(pair.close - 1);
    const bool comma_after = pair.close + 1 < suffix_end && doc_.token_text(pair.close + 1) == ",";
    const bool suffix_first = last_inside == "," || last_inside == "?" || last_inside == "!" || comma_after;
    const size_t quote_start = doc_.tokens[pair.open].start;
    if (suffix_first) {
      if (after(pair.close + 1, suffix_end, quote_start, quote)) return;
      before(pair.open, prefix_start, quote_start, quote);
    } else {
      if (before(pair.open, prefix_start, quote_start, quote)) return;
      after(pair.close + 1, suffix_end, quote_start, quote);
    }
  }

  // "She added that the gap remained. “The average ...”": a quote opening a
  // sentence, with no attribution of its own, belongs to whoever the
  // sentence before reports on.
  void from_previous_sentence(const Pair& pair, size_t previous_close, Quote* quote) const {
    if (!pair.opens_sentence) return;
    const size_t own = pair.open_sentence;
    const bool glued = pair.open != doc_.sentences[own].first_token;
    if (!glued && own == 0) return;
    const Sentence& before = doc_.sentences[glued ? own : own - 1];
    const size_t end = glued ? pair.open : before.end_token;
    for (size_t k = words_.next_verb_candidate(std::max(before.first_token, previous_close), end); k < end;
         k = words_.next_verb_candidate(k + 1, end)) {
      std::optional<SpeechVerb> verb = words_.speech_verb_at(k, end);
      if (!verb || !verb->reporting || verb->text == "according to" || verb->text == "citing") continue;
      if (std::optional<Attribution> who = words_.subject_before(k, before.first_token)) {
        take(*verb, who, doc_.tokens[pair.open].start, quote);
        return;
      }
    }
  }

 private:

  // "X said: “...”", "X called on Y to “...”": the nearest verb before.
  bool before(size_t open, size_t start, size_t quote_start, Quote* quote) const {
    // Tokens from `start` on, at most kVerbSearchBefore back; the scan
    // visits only the words a verb may start at.
    const size_t first = start >= open ? open : std::max(start, open > kVerbSearchBefore ? open - kVerbSearchBefore : 0);
    for (size_t scanned_from = open;;) {
      const size_t k = words_.last_verb_candidate(first, scanned_from);
      if (k == scanned_from) break;
      scanned_from = k;
      std::optional<SpeechVerb> verb = words_.speech_verb_at(k, open);
      if (!verb) continue;
      std::optional<Attribution> who = verb->text == "according to" ? words_.phrase_after(verb->end_token, open)
                                                                     : words_.subject_before(k, start);
      // "X rejected claims of “...”": "claims" is a noun here; read on.
      if (who) return take(*verb, who, quote_start, quote);
    }
    return false;
  }

  // "“...,” X said", "“...,” said X": the first verb after.
  bool after(size_t from, size_t end, size_t quote_start, Quote* quote) const {
    size_t first_word = from;
    while (first_word < end && doc_.token_text(first_word) == ",") ++first_word;
    size_t candidate = words_.next_verb_candidate(from, end);
    for (size_t k = from; k < end && k - from < kVerbSearchAfter; ++k) {
      if (is_clause_end(doc_.token_text(k)) && k >= first_word) {
        // An appositive comma may sit between subject and verb; a period may not.
        if (doc_.token_text(k) != ",") return false;
      }
      if (k < candidate) continue;
      candidate = words_.next_verb_candidate(k + 1, end);
      std::optional<SpeechVerb> verb = words_.speech_verb_at(k, end);
      if (!verb) continue;
      std::optional<Attribution> who = (k == first_word || verb->text == "according to")
                                           ? words_.phrase_after(verb->end_token, end)
                                           : words_.subject_before(k, from);
      return take(*verb, who, quote_start, quote);
    }
    return false;
  }

  bool take(const SpeechVerb& verb, const std::optional<Attribution>& who, size_t quote_start, Quote* quote) const {
    if (!who) return false;
    const size_t at = who->kind == Attribution::Kind::kPronoun ? std::min(who->span.start, quote_start) : who->span.start;
    if (std::optional<People::Resolved> resolved = people_.resolve(*who, at)) quote->speaker = resolved->speaker;
    quote->verb = verb.text;
    quote->verb_span = Span{doc_.tokens[verb.first_token].start, doc_.tokens[verb.end_token - 1].end};
    return true;
  }

  const Document& doc_;
  const Attributor& words_;
  const People& people_;
};

}  // namespace

std::vector<Quote> find_quotes(const AttributionContext& attribution, const Layout& layout) {
  const Document& doc = attribution.words.doc();
  std::vector<Pair> pairs = QuotePairer(doc).run();
  pairs.erase(std::remove_if(pairs.begin(), pairs.end(),
                             [&](const Pair& p) { return layout.is_clutter(doc.tokens[p.open].start); }),
              pairs.end());
  for (Pair& pair : pairs) {
    pair.open_sentence = sentence_of(doc, pair.open);
    pair.close_sentence = sentence_of(doc, pair.close);
    pair.opens_sentence = starts_sentence(doc, pair.open, pair.open_sentence);
  }
  const SpeakerFinder speakers(attribution.words, attribution.people);
  std::vector<Quote> quotes;
  quotes.reserve(pairs.size());
  for (size_t q = 0; q < pairs.size(); ++q) {
    const Pair& pair = pairs[q];
    Quote quote;
    quote.span = {doc.tokens[pair.open].start, doc.tokens[pair.close].end};
    size_t words = 0;
    for (size_t i = pair.open + 1; i < pair.close; ++i) words += doc.tokens[i].kind != TokenKind::kPunct;
    quote.fragment = words <= kFragmentMaxWords && !is_clause_end(doc.token_text(pair.close - 1));
    const size_t previous_close = q > 0 ? pairs[q - 1].close + 1 : 0;
    const size_t next_open = q + 1 < pairs.size() ? pairs[q + 1].open : doc.tokens.size();
    speakers.attribute(pair, previous_close, next_open, &quote);
    if (!quote.speaker && !quote.fragment) speakers.from_previous_sentence(pair, previous_close, &quote);
    // A quote standing alone right after another keeps that quote's speaker.
    if (!quote.speaker && q > 0 && !quotes.empty() && quotes.back().speaker && !quote.fragment) {
      const size_t gap_sentences = pair.open_sentence - pairs[q - 1].close_sentence;
      if (pair.opens_sentence && gap_sentences <= 2) {
        quote.speaker = quotes.back().speaker;
        quote.verb = quotes.back().verb;
        quote.verb_span = quotes.back().verb_span;
      }
    }
    quotes.push_back(std::move(quote));
  }
  return quotes;
}

std::vector<Quote> find_quotes(const Document& doc, const Layout& layout, const std::vector<Entity>& entities) {
  return find_quotes(AttributionContext(doc, entities), layout);
}

}  // namespace ai
