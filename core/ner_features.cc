#include "ner_features.h"

#include <algorithm>
#include <array>

#include "hash64.h"
#include "utf8.h"
#include "word_clusters.h"

namespace ai {

bool label_transition_allowed(int from, int to) {
  const bool inside_before = from > 0 && (label_position(from) == TagPosition::kBegin || label_position(from) == TagPosition::kInside);
  if (to < 0) return !inside_before;
  const bool continues = to > 0 && (label_position(to) == TagPosition::kInside || label_position(to) == TagPosition::kLast);
  if (inside_before) return continues && label_type(to) == label_type(from);
  return !continues;
}

namespace {

// Feature templates; the numbers only need to be distinct and stable.
enum Template : uint32_t {
  kBias = 1, kWord, kWordExact, kWordPrev, kWordNext, kWordPrev2, kWordNext2, kShape, kShapePrev, kShapeNext,
  kShapePrevCur, kShapeCurNext, kShapeTri, kPrefix, kSuffix, kBigramPrev, kBigramNext, kCapContext,
  kGazetteer, kGazetteerCap, kDocLowerSeen, kDocCapSeen, kAcronym, kFirstPassSelf, kFirstPassOthers,
  kFirstPassAcronym, kWordPrevShape, kShapeWordNext, kLength, kGazetteerPrev, kGazetteerNext, kClusterFine,
  kClusterCoarse, kClusterPrev, kClusterNext,
};

enum : uint8_t {
  kCapitalized = 1,   // first letter upper case
  kAllCaps = 2,       // letters, none lower case
  kLowerStart = 4,    // first letter lower case
  kHasLetter = 8,
  kSentenceStart = 16,
  kHeadline = 32,     // in a sentence written all in capitals
  kHasUpper = 64,     // an upper-case letter anywhere: "Almaty", "iPhone"
};

uint64_t combine(uint64_t a, uint64_t b) { return mix64(a * 0x9E3779B97F4A7C15ULL + b); }

uint32_t feature_id(uint32_t tmpl, uint64_t value) { return static_cast<uint32_t>(mix64(value + tmpl * 0x9E3779B97F4A7C15ULL)); }

uint64_t fnv(std::string_view s, bool fold) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : s) {
    unsigned char u = static_cast<unsigned char>(c);
    if (fold && u >= 'A' && u <= 'Z') u = static_cast<unsigned char>(u + 32);
    h = (h ^ u) * 0x100000001b3ULL;
  }
  return h;
}

struct TokenInfo {
  uint64_t lower = 0;
  uint64_t exact = 0;
  uint64_t shape = 0;
  uint8_t flags = 0;
  uint8_t length = 0;  // code points, capped
};

// Word shape with runs collapsed: "Tokayev" -> "Xx", "CSTO" -> "X",
// "Khabar-24" -> "Xx-d", "U.S." -> "X.X.".
void describe(std::string_view token, TokenInfo* info) {
  constexpr uint64_t kPrime = 0x100000001b3ULL;
  uint64_t lower = 0xcbf29ce484222325ULL, exact = lower, shape = lower;
  char last = 0;
  int shape_chars = 0;
  bool first_letter_seen = false;
  bool any_lower = false;
  size_t length = 0;
  for (size_t pos = 0; pos < token.size();) {
    const unsigned char lead = static_cast<unsigned char>(token[pos]);
    size_t len = 1;
    // ASCII is most of news text: classify it without decoding.
    const char32_t cp = lead < 0x80 ? lead : decode_code_point(token, pos, &len);
    for (size_t k = pos; k < pos + len; ++k) {
      const unsigned char u = static_cast<unsigned char>(token[k]);
      exact = (exact ^ u) * kPrime;
      lower = (lower ^ (u >= 'A' && u <= 'Z' ? u + 32u : u)) * kPrime;
    }
    pos += len;
    ++length;
    char c;
    const bool ascii_letter = (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
    if (ascii_letter || (cp >= 0x80 && is_letter(cp))) {
      const bool upper = ascii_letter ? cp <= 'Z' : is_upper(cp);
      c = upper ? 'X' : 'x';
      if (upper) info->flags |= kHasUpper;
      if (!first_letter_seen) info->flags |= upper ? kCapitalized : kLowerStart;
      first_letter_seen = true;
      any_lower |= !upper;
    } else if (cp >= '0' && cp <= '9') {
      c = 'd';
    } else {
      c = cp < 0x80 ? static_cast<char>(cp) : 'o';
    }
    if (c != last && shape_chars < 12) {
      shape = (shape ^ static_cast<unsigned char>(c)) * kPrime;
      ++shape_chars;
    }
    last = c;
  }
  info->lower = lower;
  info->exact = exact == 0 ? 1 : exact;  // as word_key()
  info->shape = shape;
  info->length = static_cast<uint8_t>(std::min<size_t>(length, 12));
  if (first_letter_seen) info->flags |= kHasLetter;
  if (first_letter_seen && !any_lower) info->flags |= kAllCaps;
}

// Open-addressing table from a 64-bit key to a small value, sized once per
// document so that filling it allocates nothing per token.
template <typename Value>
class KeyTable {
 public:
  explicit KeyTable(size_t keys) {
    size_t size = 16;
    while (size < keys * 2) size *= 2;
    keys_.assign(size, 0);
    values_.assign(size, Value{});
  }
  Value& at(uint64_t key) {
    if (key == 0) key = 1;
    const size_t mask = keys_.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) {
        keys_[i] = key;
        return values_[i];
      }
    }
  }
  // Null when `key` was never added.
  Value* find(uint64_t key) {
    if (key == 0) key = 1;
    const size_t mask = keys_.size() - 1;
    for (size_t i = key & mask;; i = (i + 1) & mask) {
      if (keys_[i] == key) return &values_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }

 private:
  std::vector<uint64_t> keys_;
  std::vector<Value> values_;
};

struct Spelling {
  uint32_t lower = 0;    // sightings starting with a lower-case letter
  uint32_t cap_mid = 0;  // capitalised, not sentence-initial, not in a headline
};

bool is_connector(std::string_view w) { return w == "of" || w == "and" || w == "for" || w == "the" || w == "on" || w == "de"; }

// Lower-case words that occur inside names: "Bank of England", "Charles de Gaulle".
bool is_name_infix(std::string_view w) {
  static constexpr std::string_view kInfixes[] = {"of", "and", "for", "the", "on", "de", "&", "van", "von", "da", "del",
                                                  "der", "du", "la", "le", "al", "bin", "di", "dos", "y", "in", "-", "'s", "."};
  for (std::string_view infix : kInfixes)
    if (w == infix) return true;
  return false;
}

// Words that start sentences far more often than names (compared folded).
bool is_function_word(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "the", "a", "an", "in", "on", "at", "but", "and", "or", "he", "she", "it", "they", "we", "i", "you", "this", "that",
      "these", "those", "there", "his", "her", "its", "their", "our", "for", "as", "after", "before", "when", "if", "while",
      "what", "why", "how", "who", "some", "many", "most", "all", "one", "two", "three", "by", "with", "from", "to", "of",
      "so", "yet", "also", "however", "meanwhile", "now", "then", "last", "since", "although", "despite", "other", "more",
      "no", "not", "both", "each", "several", "under", "over", "about", "during", "until", "because", "instead", "still"};
  if (w.size() > 9) return false;
  char folded[10];
  for (size_t k = 0; k < w.size(); ++k) folded[k] = (w[k] >= 'A' && w[k] <= 'Z') ? static_cast<char>(w[k] + 32) : w[k];
  const std::string_view f(folded, w.size());
  for (std::string_view word : kWords)
    if (f == word) return true;
  return false;
}

int type_class(uint8_t label) { return label == kOutside || label >= kLabelCount ? 0 : 1 + static_cast<int>(label_type(label)); }

uint64_t initial_hash_step(uint64_t h, unsigned char c) {
  if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
  return (h ^ c) * 0x100000001b3ULL;
}

}  // namespace

void extract_features(const Document& doc, const Gazetteer& gazetteer, const WordClusters* clusters, const Gazetteer* held_out,
                      TokenFeatures* out) {
  const size_t n = doc.tokens.size();
  out->ids.clear();
  out->segments.clear();
  out->offsets.assign(n + 1, 0);
  out->word_keys.assign(n, 0);
  out->contexts.assign(n, 0);
  out->expansions.assign(n, 0);
  if (n == 0 || doc.sentences.empty()) return;

  std::vector<TokenInfo> info(n);
  for (size_t i = 0; i < n; ++i) describe(doc.token_text(i), &info[i]);
  std::vector<uint32_t> sentence_of(n, 0);
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    size_t letters = 0, caps = 0;
    for (size_t i = sentence.first_token; i < sentence.end_token; ++i) {
      sentence_of[i] = static_cast<uint32_t>(s);
      if (info[i].flags & kHasLetter) ++letters;
      if (info[i].flags & kAllCaps) ++caps;
    }
    const bool headline = letters >= 2 && caps * 10 >= letters * 9;
    for (size_t i = sentence.first_token; i < sentence.end_token; ++i) {
      if (headline) info[i].flags |= kHeadline;
    }
    // Sentence start: the first word, also after opening quotes or brackets.
    for (size_t i = sentence.first_token; i < sentence.end_token; ++i) {
      if (info[i].flags & kHasLetter) {
        info[i].flags |= kSentenceStart;
        break;
      }
      if (doc.tokens[i].kind == TokenKind::kNumber) break;
    }
  }

  // Only tokens that can be part of a name are scored: those with a capital
  // letter, and name infixes between two of them. Everything else is O.
  // In news that is about one token in five, which is what makes tagging fast.
  std::vector<uint8_t> candidate(n, 0);
  size_t candidates = 0;
  for (size_t i = 0; i < n; ++i) {
    candidate[i] = (info[i].flags & kHasUpper) != 0;
    // A function word capitalised only because it starts a sentence ("The
    // talks", "But he", "I") is not a name unless a capitalised word follows.
    if (candidate[i] && (info[i].flags & kSentenceStart) && !(info[i].flags & kHeadline) && is_function_word(doc.token_text(i))) {
      const bool name_follows = i + 1 < n && sentence_of[i + 1] == sentence_of[i] && (info[i + 1].flags & kHasUpper);
      if (!name_follows) candidate[i] = 0;
    }
  }
  for (size_t i = 1; i + 1 < n; ++i) {
    if (candidate[i] || !candidate[i - 1] || sentence_of[i - 1] != sentence_of[i]) continue;
    for (size_t j = i; j < n && j < i + 2 && sentence_of[j] == sentence_of[i] && !candidate[j]; ++j) {
      if (!is_name_infix(doc.token_text(j))) break;
      if (j + 1 < n && candidate[j + 1] && sentence_of[j + 1] == sentence_of[i]) {
        for (size_t k = i; k <= j; ++k) candidate[k] = 1;
        break;
      }
    }
  }
  for (size_t i = 0; i < n;) {
    if (!candidate[i]) {
      ++i;
      continue;
    }
    // Runs longer than any name are cut, which bounds mentions and decoding.
    constexpr size_t kMaxSegment = 64;
    size_t end = i + 1;
    while (end < n && end - i < kMaxSegment && candidate[end] && sentence_of[end] == sentence_of[i]) ++end;
    out->segments.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(end)});
    candidates += end - i;
    i = end;
  }

  // How each candidate word is written across the document.
  KeyTable<Spelling> spellings(candidates);
  for (size_t i = 0; i < n; ++i) {
    if (!candidate[i]) continue;
    Spelling& e = spellings.at(info[i].lower);
    if ((info[i].flags & kCapitalized) && !(info[i].flags & (kSentenceStart | kHeadline))) ++e.cap_mid;
  }
  for (size_t i = 0; i < n; ++i) {
    if (!(info[i].flags & kLowerStart)) continue;
    if (Spelling* e = spellings.find(info[i].lower)) ++e->lower;
  }

  // Acronyms defined in the text: initials of a run of capitalised words
  // ("Collective Security Treaty Organization" -> CSTO), mapped to the run's
  // last token so the second pass can borrow its label.
  KeyTable<uint32_t> acronyms(candidates * 4);
  for (size_t start = 0; start < n; ++start) {
    if (!(info[start].flags & kCapitalized) || (info[start].flags & kHeadline)) continue;
    uint64_t initials = 0xcbf29ce484222325ULL;
    int letters = 0;
    for (size_t j = start; j < n && j < start + 8; ++j) {
      if (sentence_of[j] != sentence_of[start]) break;
      const std::string_view w = doc.token_text(j);
      if (info[j].flags & kCapitalized) {
        initials = initial_hash_step(initials, static_cast<unsigned char>(w[0]));
        if (++letters >= 2) acronyms.at(initials) = static_cast<uint32_t>(j + 1);
      } else if (!is_connector(w)) {
        break;
      }
    }
  }

  // Gazetteer matches, as (type, BILU position) marks per token; names are
  // looked up only where they can start and run: over candidate tokens.
  constexpr int kMaxMarks = 6;
  std::vector<std::array<uint8_t, kMaxMarks>> marks(n);
  std::vector<uint8_t> mark_count(n, 0);
  for (const auto& [seg_first, seg_end] : out->segments) {
    for (size_t start = seg_first; start < seg_end; ++start) {
      uint64_t key = gazetteer_key_start();
      for (size_t len = 1; len <= static_cast<size_t>(kGazetteerMaxTokens) && start + len <= seg_end; ++len) {
        const size_t last = start + len - 1;
        key = gazetteer_key_extend(key, doc.token_text(last));
        const GazetteerHit hit = gazetteer.lookup(key, held_out);
        for (int t = 0; t < 4; ++t) {
          if (!(hit.types & (1u << t))) continue;
          for (size_t k = start; k <= last; ++k) {
            const TagPosition pos = len == 1 ? TagPosition::kUnit
                                    : k == start ? TagPosition::kBegin
                                    : k == last  ? TagPosition::kLast
                                                 : TagPosition::kInside;
            if (mark_count[k] < kMaxMarks) marks[k][mark_count[k]++] = static_cast<uint8_t>(make_label(static_cast<EntityType>(t), pos));
          }
        }
        if (!hit.is_prefix) break;
      }
    }
  }

  // Word classes of the candidates and their neighbours.
  std::vector<WordClass> classes(clusters != nullptr ? n : 0);
  if (clusters != nullptr) {
    for (size_t i = 0; i < n; ++i)
      if (candidate[i] || (i > 0 && candidate[i - 1]) || (i + 1 < n && candidate[i + 1])) classes[i] = clusters->lookup(info[i].exact);
  }

  const uint64_t kPad = 0x5bd1e995;
  out->ids.reserve(candidates * 52);
  for (size_t i = 0; i < n; ++i) {
    out->offsets[i] = static_cast<uint32_t>(out->ids.size());
    if (!candidate[i]) continue;
    const Sentence& sentence = doc.sentences[sentence_of[i]];
    auto in_sentence = [&](ptrdiff_t j) {
      return j >= static_cast<ptrdiff_t>(sentence.first_token) && j < static_cast<ptrdiff_t>(sentence.end_token);
    };
    const ptrdiff_t ii = static_cast<ptrdiff_t>(i);
    auto lower_at = [&](ptrdiff_t j) { return in_sentence(j) ? info[j].lower : kPad + static_cast<uint64_t>(j < ii ? 1 : 2); };
    auto shape_at = [&](ptrdiff_t j) { return in_sentence(j) ? info[j].shape : kPad + static_cast<uint64_t>(j < ii ? 1 : 2); };
    const TokenInfo& t = info[i];
    auto add = [&](uint32_t tmpl, uint64_t value) { out->ids.push_back(feature_id(tmpl, value)); };

    add(kBias, 0);
    add(kWord, t.lower);
    add(kWordExact, t.exact);
    add(kWordPrev, lower_at(ii - 1));
    add(kWordNext, lower_at(ii + 1));
    add(kWordPrev2, lower_at(ii - 2));
    add(kWordNext2, lower_at(ii + 2));
    add(kShape, t.shape);
    add(kShapePrev, shape_at(ii - 1));
    add(kShapeNext, shape_at(ii + 1));
    add(kShapePrevCur, combine(shape_at(ii - 1), t.shape));
    add(kShapeCurNext, combine(t.shape, shape_at(ii + 1)));
    add(kShapeTri, combine(combine(shape_at(ii - 1), t.shape), shape_at(ii + 1)));
    add(kBigramPrev, combine(lower_at(ii - 1), t.lower));
    add(kBigramNext, combine(t.lower, lower_at(ii + 1)));
    add(kWordPrevShape, combine(lower_at(ii - 1), t.shape));
    add(kShapeWordNext, combine(t.shape, lower_at(ii + 1)));
    add(kLength, t.length);

    if (clusters != nullptr) {
      add(kClusterFine, classes[i].fine);
      add(kClusterCoarse, classes[i].coarse);
      add(kClusterPrev, in_sentence(ii - 1) ? classes[i - 1].coarse : kPad);
      add(kClusterNext, in_sentence(ii + 1) ? classes[i + 1].coarse : kPad);
    }

    const std::string_view text = doc.token_text(i);
    for (size_t k = 1; k <= 4 && k < text.size(); ++k) {
      add(kPrefix, combine(k, fnv(text.substr(0, k), true)));
      add(kSuffix, combine(k, fnv(text.substr(text.size() - k), true)));
    }
    const uint8_t context = t.flags & (kSentenceStart | kHeadline);
    add(kCapContext, combine(context, t.shape));

    for (int m = 0; m < mark_count[i]; ++m) {
      add(kGazetteer, marks[i][m]);
      add(kGazetteerCap, combine(marks[i][m], t.flags & (kCapitalized | kAllCaps | kSentenceStart | kHeadline)));
    }
    if (i > 0 && in_sentence(ii - 1))
      for (int m = 0; m < mark_count[i - 1]; ++m) add(kGazetteerPrev, marks[i - 1][m]);
    if (in_sentence(ii + 1))
      for (int m = 0; m < mark_count[i + 1]; ++m) add(kGazetteerNext, marks[i + 1][m]);

    if (t.flags & kCapitalized) {
      const Spelling& e = spellings.at(t.lower);
      const uint32_t own_mid = (t.flags & (kSentenceStart | kHeadline)) ? 0 : 1;
      add(kDocLowerSeen, combine(context, e.lower > 0));
      add(kDocCapSeen, combine(context, e.cap_mid > own_mid));
    }
    if ((t.flags & kAllCaps) && text.size() >= 2 && text.size() <= 8) {
      uint64_t initials = 0xcbf29ce484222325ULL;
      for (char c : text) {
        const unsigned char u = static_cast<unsigned char>(c);
        if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z')) initials = initial_hash_step(initials, u);
      }
      if (const uint32_t* end = acronyms.find(initials)) out->expansions[i] = *end;
      add(kAcronym, out->expansions[i] > 0);
    }
    out->word_keys[i] = t.lower;
    out->contexts[i] = context;
  }
  out->offsets[n] = static_cast<uint32_t>(out->ids.size());
}

void extract_second_pass_features(const TokenFeatures& base, const std::vector<uint8_t>& first_pass, TokenFeatures* out) {
  const size_t n = base.word_keys.size();
  out->ids.clear();
  out->segments = base.segments;
  out->offsets.assign(n + 1, 0);
  size_t candidates = 0;
  for (const auto& [first, end] : base.segments) candidates += end - first;
  // First-pass label types of each word across the document.
  KeyTable<std::array<uint16_t, 5>> votes(candidates);
  for (const auto& [first, end] : base.segments)
    for (size_t i = first; i < end; ++i) ++votes.at(base.word_keys[i])[type_class(first_pass[i])];
  out->ids.reserve(candidates * 3);
  size_t next_segment = 0;
  for (size_t i = 0; i < n; ++i) {
    out->offsets[i] = static_cast<uint32_t>(out->ids.size());
    while (next_segment < base.segments.size() && base.segments[next_segment].second <= i) ++next_segment;
    if (next_segment == base.segments.size() || i < base.segments[next_segment].first) continue;
    auto add = [&](uint32_t tmpl, uint64_t value) { out->ids.push_back(feature_id(tmpl, value)); };
    add(kFirstPassSelf, first_pass[i]);
    std::array<uint16_t, 5> others = votes.at(base.word_keys[i]);
    --others[type_class(first_pass[i])];
    int best = 0;
    for (int c = 1; c < 5; ++c)
      if (others[c] > others[best]) best = c;
    if (others[best] > 0) add(kFirstPassOthers, combine(best, base.contexts[i] != 0));
    if (base.expansions[i] > 0) add(kFirstPassAcronym, type_class(first_pass[base.expansions[i] - 1]));
  }
  out->offsets[n] = static_cast<uint32_t>(out->ids.size());
}

}  // namespace ai
