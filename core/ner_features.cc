#include "ner_features.h"

#include <algorithm>
#include <array>
#include <cstring>

#include "hash64.h"
#include "thread_scratch.h"
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

// Gazetteer marks kept per token, and so the most ids one token can get:
// 18 word and shape ids, 4 word classes, 8 prefixes and suffixes, the
// capitalisation context, 2 per own mark, 1 per neighbour's mark, 2 document
// ids and the acronym id.
constexpr int kMaxMarks = 6;
constexpr size_t kMaxIdsPerToken = 18 + 4 + 8 + 1 + 2 * kMaxMarks + 2 * kMaxMarks + 2 + 1;
static_assert(kMaxIdsPerToken == kMaxFeaturesPerToken, "ner_features.h states the bound");
// Of those, the token's own (OwnScoreCache): bias, word, exact word, shape,
// length, 2 word classes, 8 prefixes and suffixes, capitalisation in context.
constexpr size_t kMaxOwnIdsPerToken = 5 + 2 + 8 + 1;

constexpr uint64_t kFnvBasis = 0xcbf29ce484222325ULL;
constexpr uint64_t kFnvPrime = 0x100000001b3ULL;

constexpr uint64_t combine(uint64_t a, uint64_t b) { return mix64(a * 0x9E3779B97F4A7C15ULL + b); }

constexpr uint32_t feature_id(uint32_t tmpl, uint64_t value) { return static_cast<uint32_t>(mix64(value + tmpl * 0x9E3779B97F4A7C15ULL)); }

// A template's ids over the N values value_of(0 .. N-1): features whose
// values are few (labels, gazetteer marks, flags, lengths) are looked up by
// their index, not hashed, and so agree with feature_id by construction.
template <size_t N, typename ValueOf>
constexpr std::array<uint32_t, N> ids_by_index(uint32_t tmpl, ValueOf value_of) {
  std::array<uint32_t, N> ids{};
  for (size_t k = 0; k < N; ++k) ids[k] = feature_id(tmpl, value_of(k));
  return ids;
}
constexpr uint64_t same_value(size_t k) { return k; }

constexpr uint32_t kBiasId = feature_id(kBias, 0);
// Lengths are capped at 12 code points.
constexpr std::array<uint32_t, 13> kLengthIds = ids_by_index<13>(kLength, same_value);
constexpr std::array<uint32_t, 2> kAcronymIds = ids_by_index<2>(kAcronym, same_value);
// Gazetteer marks are labels other than O, so below kLabelCount.
constexpr std::array<uint32_t, kLabelCount> kGazetteerIds = ids_by_index<kLabelCount>(kGazetteer, same_value);
constexpr std::array<uint32_t, kLabelCount> kGazetteerPrevIds = ids_by_index<kLabelCount>(kGazetteerPrev, same_value);
constexpr std::array<uint32_t, kLabelCount> kGazetteerNextIds = ids_by_index<kLabelCount>(kGazetteerNext, same_value);

// A token's capitalisation flags (kCapitalized, kAllCaps, kSentenceStart,
// kHeadline: bits 0, 1, 4 and 5) packed into 4 bits, and back.
constexpr size_t cap_index(uint8_t cap_flags) { return (cap_flags & 3u) | (cap_flags >> 2); }
constexpr uint8_t cap_flags_of(size_t index) { return static_cast<uint8_t>((index & 3u) | ((index & 12u) << 2)); }
static_assert(cap_index(kCapitalized | kAllCaps | kSentenceStart | kHeadline) == 15 && cap_flags_of(cap_index(kAllCaps | kHeadline)) == (kAllCaps | kHeadline),
              "cap_index packs the four capitalisation flags");
// kGazetteerCap at [mark * 16 + cap_index(flags)].
constexpr std::array<uint32_t, kLabelCount * 16> kGazetteerCapIds =
    ids_by_index<kLabelCount * 16>(kGazetteerCap, [](size_t k) { return combine(k / 16, cap_flags_of(k % 16)); });
// A token's capitalisation context (0, kSentenceStart, kHeadline or both)
// and a yes or no, at [context / kSentenceStart * 2 + yes].
constexpr size_t context_index(uint8_t context, bool yes) { return context / kSentenceStart * 2 + yes; }
constexpr uint64_t context_and_yes(size_t k) { return combine(k / 2 * kSentenceStart, k % 2); }
constexpr std::array<uint32_t, 8> kDocLowerSeenIds = ids_by_index<8>(kDocLowerSeen, context_and_yes);
constexpr std::array<uint32_t, 8> kDocCapSeenIds = ids_by_index<8>(kDocCapSeen, context_and_yes);
// The second pass's: first-pass labels (out-of-range ones are hashed), and
// entity type classes (type_class).
constexpr std::array<uint32_t, kLabelCount> kFirstPassSelfIds = ids_by_index<kLabelCount>(kFirstPassSelf, same_value);
constexpr std::array<uint32_t, 10> kFirstPassOthersIds =
    ids_by_index<10>(kFirstPassOthers, [](size_t k) { return combine(k / 2, k % 2); });
constexpr std::array<uint32_t, 5> kFirstPassAcronymIds = ids_by_index<5>(kFirstPassAcronym, same_value);

constexpr unsigned char fold_ascii(unsigned char u) { return u >= 'A' && u <= 'Z' ? static_cast<unsigned char>(u + 32) : u; }

constexpr uint64_t fnv_step(uint64_t h, unsigned char u) { return (h ^ u) * kFnvPrime; }

// What describe() needs of an ASCII byte: its shape character (X upper,
// x lower, d digit, the byte itself otherwise) and its letter case.
enum LetterCase : uint8_t { kNoLetter = 0, kUpperLetter = 1, kLowerLetter = 2 };
struct CharClass {
  char shape = 0;
  uint8_t letter_case = kNoLetter;
  unsigned char folded = 0;  // an ASCII byte with A-Z lowered (0 for wider characters)
};
constexpr std::array<CharClass, 128> make_ascii_classes() {
  std::array<CharClass, 128> classes{};
  for (int c = 0; c < 128; ++c) {
    const bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    classes[c].shape = upper ? 'X' : lower ? 'x' : c >= '0' && c <= '9' ? 'd' : static_cast<char>(c);
    classes[c].letter_case = upper ? kUpperLetter : lower ? kLowerLetter : kNoLetter;
    classes[c].folded = static_cast<unsigned char>(upper ? c + 32 : c);
  }
  return classes;
}
constexpr std::array<CharClass, 128> kAsciiClasses = make_ascii_classes();

// The class of a character encoded in more than one byte.
CharClass classify_wide(char32_t cp) {
  // A malformed sequence can decode below 0x80: classify it as ASCII.
  if (cp < 0x80) return kAsciiClasses[cp];
  if (!is_letter(cp)) return {'o', kNoLetter};
  return is_upper(cp) ? CharClass{'X', kUpperLetter} : CharClass{'x', kLowerLetter};
}

struct TokenInfo {
  uint64_t lower = 0;  // FNV-1a, ASCII folded: also the token's part of a gazetteer key
  uint64_t shape = 0;
  uint8_t flags = 0;
  uint8_t length = 0;  // code points, capped
};

// The facts of a range of a document's tokens, indexed by token.
struct TokenFacts {
  TokenInfo* facts;
  size_t first;  // the token of facts[0]
  TokenInfo& operator[](size_t token) const { return facts[token - first]; }
};

// A token's case flags (kHasUpper, kCapitalized, kLowerStart, kHasLetter,
// kAllCaps) by the letter cases seen in it (a LetterCase bit set) and the
// case of its first letter: one load instead of five tests per token.
constexpr std::array<std::array<uint8_t, 3>, 4> make_case_flags() {
  std::array<std::array<uint8_t, 3>, 4> flags{};
  for (int seen = 0; seen < 4; ++seen)
    for (int first = 0; first < 3; ++first)
      flags[seen][first] = static_cast<uint8_t>((seen & kUpperLetter ? kHasUpper : 0) | (first == kUpperLetter ? kCapitalized : 0) |
                                                (first == kLowerLetter ? kLowerStart : 0) | (seen != kNoLetter ? kHasLetter : 0) |
                                                (seen == kUpperLetter ? kAllCaps : 0));
  return flags;
}
constexpr std::array<std::array<uint8_t, 3>, 4> kCaseFlags = make_case_flags();

// Word shape with runs collapsed: "Tokayev" -> "Xx", "CSTO" -> "X",
// "Khabar-24" -> "Xx-d", "U.S." -> "X.X.", one character at a time: the
// definition of a token's facts, used as such for the tokens describe()
// cannot tell apart by their kinds of byte alone.
TokenInfo describe_by_character(std::string_view token) {
  uint64_t lower = kFnvBasis, shape = kFnvBasis;
  char last = 0;
  uint32_t shape_chars = 0;
  uint8_t cases_seen = kNoLetter;
  uint8_t first_case = kNoLetter;
  auto add = [&](CharClass cls) {
    cases_seen |= cls.letter_case;
    first_case = first_case != kNoLetter ? first_case : cls.letter_case;
    const bool new_run = cls.shape != last && shape_chars < 12;
    const uint64_t extended = fnv_step(shape, static_cast<unsigned char>(cls.shape));
    shape = new_run ? extended : shape;
    shape_chars += new_run;
    last = cls.shape;
  };
  // ASCII is most of news text: its bytes are classified and folded by
  // table, without decoding, and each is one character. Most tokens are
  // ASCII throughout, and never leave this loop.
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(token.data());
  size_t pos = 0;
  for (; pos < token.size() && bytes[pos] < 0x80; ++pos) {
    const CharClass cls = kAsciiClasses[bytes[pos]];
    lower = fnv_step(lower, cls.folded);
    add(cls);
  }
  size_t length = pos;
  for (; pos < token.size(); ++length) {
    const unsigned char lead = bytes[pos];
    if (lead < 0x80) {
      lower = fnv_step(lower, kAsciiClasses[lead].folded);
      ++pos;
      add(kAsciiClasses[lead]);
    } else {
      size_t len = 1;
      const char32_t cp = decode_code_point(token, pos, &len);
      for (size_t k = pos; k < pos + len; ++k) lower = fnv_step(lower, fold_ascii(bytes[k]));
      pos += len;
      add(classify_wide(cp));
    }
  }
  TokenInfo info;
  info.lower = lower;
  info.shape = shape;
  info.flags = kCaseFlags[cases_seen][first_case];
  info.length = static_cast<uint8_t>(std::min<size_t>(length, 12));
  return info;
}

// What describe() reads of any byte: its ASCII fold, and its kind as one
// bit, so that the kinds of a token's bytes OR together. The letter kinds
// are the LetterCase bits.
enum ByteKind : uint8_t {
  kUpperByte = kUpperLetter,
  kLowerByte = kLowerLetter,
  kDigitByte = 4,
  kOtherByte = 8,      // ASCII punctuation and symbols: their own shape character
  kUnusualByte = 16,   // beyond ASCII, or NUL (whose shape character is no run)
};
struct ByteFacts {
  unsigned char folded = 0;
  uint8_t kind = 0;
};
constexpr std::array<ByteFacts, 256> make_byte_facts() {
  std::array<ByteFacts, 256> facts{};
  for (int c = 0; c < 256; ++c) {
    facts[c].folded = fold_ascii(static_cast<unsigned char>(c));
    facts[c].kind = c == 0 || c >= 0x80 ? kUnusualByte
                    : c >= 'A' && c <= 'Z' ? kUpperByte
                    : c >= 'a' && c <= 'z' ? kLowerByte
                    : c >= '0' && c <= '9' ? kDigitByte
                                           : kOtherByte;
  }
  return facts;
}
constexpr std::array<ByteFacts, 256> kByteFacts = make_byte_facts();

// The shape hash of a token of a first ASCII byte and one run after it (0:
// none, 1: upper case, 2: lower case, 3: digits), by table: whether the run
// adds a shape character is unpredictable from token to token.
constexpr std::array<std::array<uint64_t, 4>, 128> make_short_shapes() {
  std::array<std::array<uint64_t, 4>, 128> shapes{};
  constexpr char kRunShapes[4] = {0, 'X', 'x', 'd'};
  for (int c = 0; c < 128; ++c) {
    const char first_shape = kAsciiClasses[c].shape;
    const uint64_t first_run = fnv_step(kFnvBasis, static_cast<unsigned char>(first_shape));
    shapes[c][0] = first_run;
    for (int run = 1; run < 4; ++run)
      shapes[c][run] = kRunShapes[run] == first_shape ? first_run : fnv_step(first_run, static_cast<unsigned char>(kRunShapes[run]));
  }
  return shapes;
}
constexpr std::array<std::array<uint64_t, 4>, 128> kShortShapes = make_short_shapes();

// What describe() concludes from the kind of a token's first byte and the
// kinds of the rest ORed together (below kUnusualByte * 2), by table: the
// token's case flags and its run after the first character (0: none, 1:
// upper case, 2: lower case, 3: digits), or kByCharacter when its shape is
// more than that or it has unusual bytes.
struct ShortTokenFacts {
  uint8_t flags = 0;
  uint8_t run = 0;
};
constexpr uint8_t kByCharacter = 0x80;  // no case flag
constexpr std::array<std::array<ShortTokenFacts, kUnusualByte * 2>, kUnusualByte + 1> make_short_token_facts() {
  std::array<std::array<ShortTokenFacts, kUnusualByte * 2>, kUnusualByte + 1> facts{};
  for (auto& row : facts)
    for (ShortTokenFacts& f : row) f.flags = kByCharacter;
  for (const int first : {kUpperByte, kLowerByte, kDigitByte, kOtherByte}) {
    for (const int rest : {0, int{kUpperByte}, int{kLowerByte}, int{kDigitByte}}) {
      const int kinds = first | rest;
      // The first letter is the first byte, or else begins the run after it.
      const int cases = kinds & (kUpperLetter | kLowerLetter);
      const int first_case = (first & (kUpperLetter | kLowerLetter)) != 0 ? first : cases;
      facts[first][rest].flags = kCaseFlags[cases][first_case];
      facts[first][rest].run = static_cast<uint8_t>(rest - (rest >> 2));
    }
  }
  return facts;
}
constexpr std::array<std::array<ShortTokenFacts, kUnusualByte * 2>, kUnusualByte + 1> kShortTokenFacts = make_short_token_facts();

// describe_by_character's facts, from one pass that only folds and hashes
// each byte and ORs its kind: in news nearly every token is ASCII and its
// shape is one run ("the", "CSTO", "2023", ",") or a first character and one
// run ("Tokayev", "'s"), which the kinds of its bytes tell; other tokens are
// described character by character. Always inline: it runs once per token,
// and GCC left it a call once it had more than one caller.
__attribute__((always_inline)) inline TokenInfo describe(std::string_view token) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(token.data());
  const size_t size = token.size();
  if (size == 0) return describe_by_character(token);
  const ByteFacts first = kByteFacts[bytes[0]];
  uint64_t lower = fnv_step(kFnvBasis, first.folded);
  uint8_t rest_kinds = 0;
  for (size_t pos = 1; pos < size; ++pos) {
    const ByteFacts b = kByteFacts[bytes[pos]];
    lower = fnv_step(lower, b.folded);
    rest_kinds |= b.kind;
  }
  const ShortTokenFacts facts = kShortTokenFacts[first.kind][rest_kinds];
  if (facts.flags == kByCharacter) return describe_by_character(token);
  TokenInfo info;
  info.lower = lower;
  info.shape = kShortShapes[bytes[0]][facts.run];
  info.flags = facts.flags;
  info.length = static_cast<uint8_t>(std::min<size_t>(size, 12));
  return info;
}

// describe(), called apart: for the tokens of a long text that are described
// again, so that the loop that describes each token once keeps it inline.
__attribute__((noinline)) TokenInfo describe_again(std::string_view token) { return describe(token); }

// Of describe()'s facts, only the folded hash (into *lower) and whether the
// first letter is lower case (kLowerStart): for every token of a long text,
// described again for its lower-case sightings. An ASCII token's first letter
// is its first byte of a letter kind; others are described in full.
bool starts_lower(std::string_view token, uint64_t* lower) {
  uint64_t hash = kFnvBasis;
  uint8_t first_case = 0, kinds = 0;
  for (const char c : token) {
    const ByteFacts b = kByteFacts[static_cast<unsigned char>(c)];
    hash = fnv_step(hash, b.folded);
    first_case = first_case != 0 ? first_case : static_cast<uint8_t>(b.kind & (kUpperByte | kLowerByte));
    kinds |= b.kind;
  }
  if (kinds & kUnusualByte) {
    const TokenInfo t = describe_again(token);
    *lower = t.lower;
    return (t.flags & kLowerStart) != 0;
  }
  *lower = hash;
  return first_case == kLowerByte;
}

// Open-addressing table from a 64-bit key to a small value. reset() sizes it
// for a document, reusing the storage of earlier documents.
template <typename Value>
class KeyTable {
 public:
  // Sized for `keys` distinct keys, up to a cap: a bound like the number of
  // candidates overstates the distinct keys of a long text many times (its
  // names recur), and a table beyond the caches makes every lookup a miss.
  // Past the cap the table grows as keys are added.
  void reset(size_t keys) {
    constexpr size_t kMaxPresized = size_t{1} << 14;
    size_t size = 64;
    while (size < std::min(keys, kMaxPresized) * kSlotsPerKey) size *= 2;
    keys_.assign(size, 0);
    // Values are set when their key is added: only the keys need clearing.
    if (values_.size() < size) values_.resize(size);
    used_ = 0;
  }
  Value& at(uint64_t key) {
    if (key == 0) key = 1;
    for (size_t i = key & mask();; i = (i + 1) & mask()) {
      if (keys_[i] == key) return values_[i];
      if (keys_[i] == 0) {
        if ((used_ + 1) * kSlotsPerKey > keys_.size()) {
          grow();
          return at(key);
        }
        ++used_;
        keys_[i] = key;
        values_[i] = Value{};
        return values_[i];
      }
    }
  }
  // False only when `key` was never added; one probe, no loop.
  bool may_contain(uint64_t key) const { return keys_[(key == 0 ? 1 : key) & mask()] != 0; }
  // Null when `key` was never added.
  Value* find(uint64_t key) {
    if (key == 0) key = 1;
    for (size_t i = key & mask();; i = (i + 1) & mask()) {
      if (keys_[i] == key) return &values_[i];
      if (keys_[i] == 0) return nullptr;
    }
  }

 private:
  // At most 1/8 full: lookups of absent keys (most of them) then almost
  // always stop at the first slot, a well-predicted branch.
  static constexpr size_t kSlotsPerKey = 8;
  size_t mask() const { return keys_.size() - 1; }
  void grow() {
    std::vector<uint64_t> old_keys(keys_.size() * 2, 0);
    old_keys.swap(keys_);
    std::vector<Value> old_values(keys_.size());
    old_values.swap(values_);
    for (size_t k = 0; k < old_keys.size(); ++k) {
      if (old_keys[k] == 0) continue;
      size_t i = old_keys[k] & mask();
      while (keys_[i] != 0) i = (i + 1) & mask();
      keys_[i] = old_keys[k];
      values_[i] = old_values[k];
    }
  }

  std::vector<uint64_t> keys_;
  std::vector<Value> values_;
  size_t used_ = 0;
};

struct Spelling {
  uint32_t lower = 0;    // sightings starting with a lower-case letter
  uint32_t cap_mid = 0;  // capitalised, not sentence-initial, not in a headline
  uint32_t word = 0;     // 1 + the word's index in TokenFeatures::word_ids
};

// A candidate's word classes, and the coarse classes of its neighbours
// (read only where the neighbour is in the candidate's sentence).
struct CandidateClasses {
  WordClass own;
  uint16_t prev_coarse = WordClass::kNone;
  uint16_t next_coarse = WordClass::kNone;
};

// A word of up to 8 bytes as one integer (little-endian, zero padded); words
// of one length compare as integers.
constexpr uint64_t pack(std::string_view w) {
  uint64_t v = 0;
  for (size_t k = 0; k < w.size() && k < 8; ++k) v |= uint64_t{static_cast<unsigned char>(w[k])} << (8 * k);
  return v;
}

template <size_t N>
bool contains(const uint64_t (&packed_words)[N], uint64_t packed) {
  for (uint64_t w : packed_words)
    if (w == packed) return true;
  return false;
}

// Lower-case words that join capitalised words into one name: "Bank of
// England". Compared exactly.
bool is_connector(std::string_view w) {
  static constexpr uint64_t kTwo[] = {pack("of"), pack("on"), pack("de")};
  static constexpr uint64_t kThree[] = {pack("and"), pack("for"), pack("the")};
  if (w.size() == 2) return contains(kTwo, pack(w));
  if (w.size() == 3) return contains(kThree, pack(w));
  return false;
}

// Lower-case words that occur inside names: "Bank of England", "Charles de
// Gaulle". Compared exactly.
bool is_name_infix(std::string_view w) {
  static constexpr uint64_t kOne[] = {pack("&"), pack("y"), pack("-"), pack(".")};
  static constexpr uint64_t kTwo[] = {pack("of"), pack("on"), pack("de"), pack("da"), pack("du"), pack("la"),
                                      pack("le"), pack("al"), pack("di"), pack("in"), pack("'s")};
  static constexpr uint64_t kThree[] = {pack("and"), pack("for"), pack("the"), pack("van"), pack("von"),
                                        pack("del"), pack("der"), pack("bin"), pack("dos")};
  switch (w.size()) {
    case 1: return contains(kOne, pack(w));
    case 2: return contains(kTwo, pack(w));
    case 3: return contains(kThree, pack(w));
    default: return false;
  }
}

// Words that start sentences far more often than names (compared with ASCII
// letters folded), grouped by length.
bool is_function_word(std::string_view w) {
  static constexpr uint64_t kOne[] = {pack("a"), pack("i")};
  static constexpr uint64_t kTwo[] = {pack("an"), pack("in"), pack("on"), pack("at"), pack("or"), pack("he"), pack("it"), pack("we"),
                                      pack("as"), pack("if"), pack("by"), pack("to"), pack("of"), pack("so"), pack("no")};
  static constexpr uint64_t kThree[] = {pack("the"), pack("but"), pack("and"), pack("she"), pack("you"), pack("his"), pack("her"),
                                        pack("its"), pack("our"), pack("for"), pack("why"), pack("how"), pack("who"), pack("all"),
                                        pack("one"), pack("two"), pack("yet"), pack("now"), pack("not")};
  static constexpr uint64_t kFour[] = {pack("they"), pack("this"), pack("that"), pack("when"), pack("what"), pack("some"),
                                       pack("many"), pack("most"), pack("with"), pack("from"), pack("also"), pack("then"),
                                       pack("last"), pack("more"), pack("both"), pack("each"), pack("over")};
  static constexpr uint64_t kFive[] = {pack("these"), pack("those"), pack("there"), pack("their"), pack("after"),
                                       pack("while"), pack("three"), pack("since"), pack("other"), pack("under"),
                                       pack("about"), pack("until"), pack("still")};
  static constexpr uint64_t kSix[] = {pack("before"), pack("during")};
  static constexpr uint64_t kSeven[] = {pack("however"), pack("despite"), pack("several"), pack("because"), pack("instead")};
  static constexpr uint64_t kEight[] = {pack("although")};
  if (w.empty() || w.size() > 9) return false;
  char folded[9];
  for (size_t k = 0; k < w.size(); ++k) folded[k] = static_cast<char>(fold_ascii(static_cast<unsigned char>(w[k])));
  const std::string_view f(folded, w.size());
  switch (f.size()) {
    case 1: return contains(kOne, pack(f));
    case 2: return contains(kTwo, pack(f));
    case 3: return contains(kThree, pack(f));
    case 4: return contains(kFour, pack(f));
    case 5: return contains(kFive, pack(f));
    case 6: return contains(kSix, pack(f));
    case 7: return contains(kSeven, pack(f));
    case 8: return contains(kEight, pack(f));
    default: return f == "meanwhile";
  }
}

// doc.token_text(i) without substr's range check (tokens lie inside the
// text), for the loops over every token and every candidate.
std::string_view token_bytes(const Document& doc, size_t i) {
  const Token& token = doc.tokens[i];
  return std::string_view(doc.text.data() + token.start, token.end - token.start);
}

// Where a run of candidates ends at `at` (in the sentence that ends before
// token `sentence_end`), makes up to two name infixes that lead to another
// candidate candidates too: "Bank of England", "Charles de Gaulle". Returns
// whether it did.
bool join_name_infixes(const Document& doc, size_t sentence_end, size_t at, uint8_t* c) {
  if (at + 1 >= sentence_end || c[at] || !c[at - 1]) return false;
  for (size_t j = at; j < at + 2 && !c[j]; ++j) {
    if (!is_name_infix(token_bytes(doc, j))) return false;
    if (j + 1 < sentence_end && c[j + 1]) {
      std::fill(c + at, c + j + 1, uint8_t{1});
      return true;
    }
  }
  return false;
}

// A label's entity type as 1 + EntityType, 0 for O (and for any byte that
// is no label), by table: labels vary unpredictably from token to token.
constexpr std::array<uint8_t, 256> make_type_classes() {
  std::array<uint8_t, 256> classes{};
  for (int label = 1; label < kLabelCount; ++label) classes[label] = static_cast<uint8_t>(1 + (label - 1) / 4);
  return classes;
}
constexpr std::array<uint8_t, 256> kTypeClasses = make_type_classes();
int type_class(uint8_t label) { return kTypeClasses[label]; }

// Token offsets from candidate offsets: token t of the c-th candidate gets
// candidate_offsets[c], and every other token an empty range where the next
// candidate's starts (so offsets[t + 1] ends each token's range).
void spread_offsets(const std::vector<std::pair<uint32_t, uint32_t>>& segments, const std::vector<uint32_t>& candidate_offsets,
                    size_t token_count, std::vector<uint32_t>* offsets) {
  offsets->resize(token_count + 1);
  uint32_t* const out = offsets->data();
  const uint32_t* at = candidate_offsets.data();
  size_t t = 0;
  for (const auto& [first, end] : segments) {
    for (; t < first; ++t) out[t] = *at;
    for (; t < end; ++t) out[t] = *at++;
  }
  for (; t <= token_count; ++t) out[t] = *at;
}

uint64_t initial_hash_step(uint64_t h, unsigned char c) { return fnv_step(h, fold_ascii(c)); }

// Whether a token (its facts and byte size) may be an acronym defined in the
// text: all capitals, 2 to 8 bytes.
bool may_be_acronym(const TokenInfo& t, size_t size) { return (t.flags & kAllCaps) && size >= 2 && size <= 8; }

// The initials hash of an all-capitals token, to match against the initials
// of capitalised runs: "CSTO" and "Collective Security Treaty Organization".
uint64_t acronym_initials(std::string_view text) {
  uint64_t initials = kFnvBasis;
  for (char c : text) {
    const unsigned char u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z')) initials = initial_hash_step(initials, u);
  }
  return initials;
}

}  // namespace

OwnScoreCache::OwnScoreCache(int bits)
    : entries_(size_t{1} << bits), slot_mask_((uint32_t{1} << bits) - 1), shift_(64 - std::max(bits, 1)) {}

void OwnScoreCache::serve(uint64_t owner) {
  if (owner == owner_) return;
  forget();
  owner_ = owner;
}

void OwnScoreCache::forget() {
  for (Entry& e : entries_) e.size = 0;
}

uint32_t OwnScoreCache::slot_of(size_t word_size, uint8_t context, uint64_t folded) const {
  // Contexts, and spellings of one folded word of different sizes, spread over slots.
  const uint64_t spread = (folded + context * 0x9E3779B97F4A7C15ULL + word_size) * 0xBF58476D1CE4E5B9ULL;
  return static_cast<uint32_t>(spread >> shift_) & slot_mask_;
}

void OwnScoreCache::prefetch(size_t word_size, uint8_t context, uint64_t folded) const {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(&entries_[slot_of(word_size, context, folded)]);
#else
  (void)word_size, (void)context, (void)folded;
#endif
}

namespace {

template <typename Word>
Word load(const char* at) {
  Word w;
  std::memcpy(&w, at, sizeof w);
  return w;
}

// Whether the `size` bytes (1 or more) at `a` and at `b` are equal: for the
// short words of a claim, by a few loads of up to 8 bytes that may overlap
// (reading no byte beyond `size`), inline, where memcmp is a call.
bool same_bytes(const char* a, const char* b, size_t size) {
  if (size >= 8) {
    for (size_t k = 0; k + 8 < size; k += 8)
      if (load<uint64_t>(a + k) != load<uint64_t>(b + k)) return false;
    return load<uint64_t>(a + size - 8) == load<uint64_t>(b + size - 8);
  }
  if (size >= 4) return ((load<uint32_t>(a) ^ load<uint32_t>(b)) | (load<uint32_t>(a + size - 4) ^ load<uint32_t>(b + size - 4))) == 0;
  // 1 to 3 bytes: the first, middle and last cover them all.
  return a[0] == b[0] && a[size / 2] == b[size / 2] && a[size - 1] == b[size - 1];
}

}  // namespace

uint32_t OwnScoreCache::claim(std::string_view word, uint8_t context, uint64_t folded) {
  if (word.empty() || word.size() > kMaxWordBytes) return kUncached;
  const uint32_t slot = slot_of(word.size(), context, folded);
  Entry& e = entries_[slot];
  // The entry names the word by its bytes, not a hash: no two words can share sums.
  if (e.size == word.size() && e.context == context && same_bytes(e.word, word.data(), word.size())) return slot | kHit;
  e.size = static_cast<uint8_t>(word.size());
  e.context = context;
  std::memcpy(e.word, word.data(), word.size());
  return slot;
}

// What FeatureWriter::write needs of the started document, besides `out`;
// kept from one document to the next, so that a long-lived writer
// allocates only while documents keep getting longer.
struct FeatureWriter::Facts {
  const Document* doc = nullptr;
  const WordClusters* clusters = nullptr;
  // The facts of tokens [described_first, described_end): of the whole text,
  // or of a window of its sentences (windowed: then write() describes the
  // tokens its run reads anew).
  std::vector<TokenInfo> info;
  size_t described_first = 0;
  size_t described_end = 0;
  bool windowed = false;
  // Per sentence, what describing it found: its first word and whether it is
  // a headline, so that a token can be described again by itself.
  struct SentenceContext {
    uint32_t start_token = UINT32_MAX;  // none
    bool headline = false;
  };
  std::vector<SentenceContext> sentence_contexts;
  std::vector<uint8_t> candidate;
  std::vector<uint32_t> segment_sentences;  // per segment, its sentence
  // Per candidate (only candidates and their neighbours in a segment have
  // marks, and a neighbour with marks is a candidate of its own).
  std::vector<std::array<uint8_t, kMaxMarks>> marks;
  std::vector<uint8_t> mark_count;
  std::vector<CandidateClasses> classes;
  KeyTable<Spelling> spellings;
  std::vector<uint32_t> run_starts;       // capitalised tokens outside headlines
  std::vector<uint64_t> gazetteer_keys;  // per candidate, the key of the one-token name it starts
  KeyTable<uint32_t> acronyms;  // initials of all-caps candidates -> 1 + last token of their expansion
  std::vector<std::pair<uint64_t, uint32_t>> run_initials;  // see start()
  // Where the last write ended: a run that starts there starts at this
  // candidate, without counting the candidates before it.
  size_t written_segments = 0;
  size_t written_candidates = 0;

  TokenFacts described() { return {info.data(), described_first}; }
  // Describes the tokens of sentences [first_sentence, end_sentence) of
  // `doc`, each by itself and in its sentence (headline, sentence start).
  TokenFacts describe_sentences(size_t first_sentence, size_t end_sentence) {
    // The first and last windows reach the ends of the text, so that a loop
    // over all tokens stays in the room of a text of one window whatever its
    // sentences cover (the facts of a token outside every sentence are left
    // as they were).
    described_first = first_sentence == 0 ? 0 : doc->sentences[first_sentence].first_token;
    described_end = end_sentence == doc->sentences.size() ? doc->tokens.size() : doc->sentences[end_sentence - 1].end_token;
    // Only grows: every token's entry is written before it is read.
    if (info.size() < described_end - described_first) info.resize(described_end - described_first);
    const TokenFacts facts = described();
    for (size_t s = first_sentence; s < end_sentence; ++s) {
      const size_t first = doc->sentences[s].first_token, end = doc->sentences[s].end_token;
      // The flags themselves are summed (kHasLetter times the letters, kAllCaps
      // times the all-caps tokens): a mask and an add each per token.
      size_t letter_flags = 0, caps_flags = 0;
      for (size_t i = first; i < end; ++i) {
        facts[i] = describe(token_bytes(*doc, i));
        letter_flags += facts[i].flags & kHasLetter;
        caps_flags += facts[i].flags & kAllCaps;
      }
      const size_t letters = letter_flags / kHasLetter, caps = caps_flags / kAllCaps;
      const bool headline = letters >= 2 && caps * 10 >= letters * 9;
      if (headline)
        for (size_t i = first; i < end; ++i) facts[i].flags |= kHeadline;
      SentenceContext& context = sentence_contexts[s];
      context = SentenceContext{};
      context.headline = headline;
      // Sentence start: the first word, also after opening quotes or brackets.
      for (size_t i = first; i < end; ++i) {
        if (facts[i].flags & kHasLetter) {
          facts[i].flags |= kSentenceStart;
          context.start_token = static_cast<uint32_t>(i);
          break;
        }
        if (doc->tokens[i].kind == TokenKind::kNumber) break;
      }
    }
    return facts;
  }
  // Describes again what write() reads of segments [first_segment,
  // end_segment): their tokens and two on either side, within the sentence,
  // as describe_sentences() did.
  TokenFacts describe_near(const std::vector<std::pair<uint32_t, uint32_t>>& segments, size_t first_segment, size_t end_segment) {
    described_first = doc->sentences[segment_sentences[first_segment]].first_token;
    described_end = doc->sentences[segment_sentences[end_segment - 1]].end_token;
    if (info.size() < described_end - described_first) info.resize(described_end - described_first);
    const TokenFacts facts = described();
    size_t next = described_first;  // tokens before it are described
    for (size_t seg = first_segment; seg < end_segment; ++seg) {
      const Sentence& sentence = doc->sentences[segment_sentences[seg]];
      const SentenceContext context = sentence_contexts[segment_sentences[seg]];
      const size_t near_first = std::max<size_t>(next, std::max<size_t>(segments[seg].first, sentence.first_token + 2) - 2);
      const size_t near_end = std::min<size_t>(segments[seg].second + 2, sentence.end_token);
      for (size_t i = near_first; i < near_end; ++i) {
        facts[i] = describe(token_bytes(*doc, i));
        facts[i].flags |= (context.headline ? kHeadline : 0) | (i == context.start_token ? kSentenceStart : 0);
      }
      next = std::max(next, near_end);
    }
    return facts;
  }
};

FeatureWriter::FeatureWriter() : facts_(new Facts) {}
FeatureWriter::~FeatureWriter() = default;

void FeatureWriter::start(const Document& doc, const Gazetteer& gazetteer, const WordClusters* clusters, const Gazetteer* held_out,
                          TokenFeatures* out, size_t window_tokens) {
  Facts& scratch = *facts_;
  scratch.doc = &doc;
  scratch.clusters = clusters;
  const size_t n = doc.tokens.size();
  scratch.written_segments = 0;
  scratch.written_candidates = 0;
  scratch.described_first = scratch.described_end = 0;
  scratch.segment_sentences.clear();
  out->segments.clear();
  out->word_keys.clear();
  out->contexts.clear();
  out->expansions.clear();
  out->word_ids.clear();
  out->word_count = 0;
  out->own_slots.clear();
  out->own_ids.clear();
  out->own_offsets.assign(1, 0);
  if (n == 0 || doc.sentences.empty()) return;

  // A text of more than `window_tokens` tokens is described a window of
  // sentences at a time, so that its token facts take a window's room, not
  // the text's: what the document-wide tables need of a window is per
  // candidate. The lower-case sightings and the acronyms' all-caps tokens are
  // then described again after the last window, and write() describes its
  // run's sentences anew. A shorter text is one window, described once.
  const bool windowed = n > window_tokens;
  scratch.windowed = windowed;
  if (scratch.sentence_contexts.size() < doc.sentences.size()) scratch.sentence_contexts.resize(doc.sentences.size());
  std::vector<uint8_t>& candidate_of = scratch.candidate;
  if (candidate_of.size() < n) candidate_of.resize(n);
  uint8_t* const candidate = candidate_of.data();
  KeyTable<Spelling>& spellings = scratch.spellings;
  KeyTable<uint32_t>& acronyms = scratch.acronyms;
  std::vector<uint32_t>& run_starts_of = scratch.run_starts;
  // Per window of a longer text, each (initials, 1 + last token) of a
  // capitalised run, to match after the last window, in text order.
  std::vector<std::pair<uint64_t, uint32_t>>& run_initials = scratch.run_initials;
  run_initials.clear();
  size_t candidates = 0;
  size_t acronym_candidates = 0;
  for (size_t window_first = 0; window_first < doc.sentences.size();) {
    size_t window_end = window_first + 1;
    const size_t first_token = doc.sentences[window_first].first_token;
    while (window_end < doc.sentences.size() && doc.sentences[window_end].end_token - first_token <= window_tokens) ++window_end;
    const TokenFacts info = scratch.describe_sentences(window_first, window_end);

    // One pass over the sentences: their candidates and segments, while
    // their tokens are in cache. Run starts are listed without a branch,
    // into room for every token of the sentence at hand: the list grows with
    // the run starts, not the tokens.
    size_t run_start_count = 0;
    const size_t segments_before = out->segments.size();
    const size_t candidates_before = candidates;
    for (size_t s = window_first; s < window_end; ++s) {
      const size_t first = doc.sentences[s].first_token, end = doc.sentences[s].end_token;
      // Only tokens that can be part of a name are scored: those with a
      // capital letter, and name infixes between two of them. Everything else
      // is O. In news that is about one token in five, which is what makes
      // tagging fast.
      if (run_starts_of.size() < run_start_count + (end - first)) run_starts_of.resize(run_start_count + (end - first));
      uint32_t* const run_starts = run_starts_of.data();
      for (size_t i = first; i < end; ++i) {
        const uint8_t flags = info[i].flags;
        // Where a capitalised run may spell out an acronym (below), listed
        // without a branch: capitalised words outside headlines.
        run_starts[run_start_count] = static_cast<uint32_t>(i);
        run_start_count += (flags & (kCapitalized | kHeadline)) == kCapitalized;
        candidate[i] = (flags & kHasUpper) != 0;
        // A function word capitalised only because it starts a sentence ("The
        // talks", "But he", "I") is not a name unless a capitalised word follows.
        if ((flags & (kHasUpper | kSentenceStart | kHeadline)) == (kHasUpper | kSentenceStart) && is_function_word(token_bytes(doc, i))) {
          const bool name_follows = i + 1 < end && (info[i + 1].flags & kHasUpper);
          if (!name_follows) candidate[i] = 0;
        }
      }
      // Segments: runs of candidates, joined across name infixes where a run
      // ends, and cut when longer than any name (which bounds mentions and
      // decoding).
      constexpr size_t kMaxSegment = 64;
      for (size_t i = first; i < end;) {
        if (!candidate[i]) {
          ++i;
          continue;
        }
        size_t run_end = i + 1;
        while (run_end < end && run_end - i < kMaxSegment) {
          if (!candidate[run_end] && !join_name_infixes(doc, end, run_end, candidate)) break;
          ++run_end;
        }
        // A run cut at the limit may still join what follows, into the next segment.
        if (run_end < end && run_end - i == kMaxSegment) join_name_infixes(doc, end, run_end, candidate);
        out->segments.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(run_end)});
        scratch.segment_sentences.push_back(static_cast<uint32_t>(s));
        candidates += run_end - i;
        i = run_end;
      }
    }
    const auto* const window_segments = out->segments.data() + segments_before;
    const auto* const window_segments_end = out->segments.data() + out->segments.size();
    const size_t window_candidates = candidates - candidates_before;

    // How each candidate word is written across the document.
    if (window_first == 0) spellings.reset(window_candidates);
    out->word_ids.resize(candidates);
    uint32_t* word_id = out->word_ids.data() + candidates_before;
    for (const auto* seg = window_segments; seg != window_segments_end; ++seg) {
      for (size_t i = seg->first; i < seg->second; ++i) {
        Spelling& e = spellings.at(info[i].lower);
        if (e.word == 0) e.word = ++out->word_count;
        *word_id++ = e.word - 1;
        if ((info[i].flags & kCapitalized) && !(info[i].flags & (kSentenceStart | kHeadline))) ++e.cap_mid;
      }
    }

    // Acronyms defined in the text: initials of a run of capitalised words
    // ("Collective Security Treaty Organization" -> CSTO), mapped to the run's
    // last token so the second pass can borrow its label. Only the initials of
    // the document's all-caps candidates are ever looked up, so only those are
    // kept, and (in a text of one window) runs are not scanned at all when
    // there are none. A later run overwrites an earlier one with the same
    // initials.
    const size_t acronyms_before = acronym_candidates;
    for (const auto* seg = window_segments; seg != window_segments_end; ++seg)
      for (size_t i = seg->first; i < seg->second; ++i) acronym_candidates += may_be_acronym(info[i], doc.tokens[i].end - doc.tokens[i].start);
    // The table is sized for those, not for all candidates, so clearing it
    // costs little, and a document without any never touches it.
    if (acronym_candidates > 0) {
      if (acronyms_before == 0) acronyms.reset(acronym_candidates);
      for (const auto* seg = window_segments; seg != window_segments_end; ++seg)
        for (size_t i = seg->first; i < seg->second; ++i)
          if (may_be_acronym(info[i], doc.tokens[i].end - doc.tokens[i].start)) acronyms.at(acronym_initials(doc.token_text(i)));
    }
    const uint32_t* const run_starts = run_starts_of.data();
    size_t run_sentence = window_first;
    for (size_t k = 0; (windowed || acronym_candidates > 0) && k < run_start_count; ++k) {
      const size_t start = run_starts[k];
      while (doc.sentences[run_sentence].end_token <= start) ++run_sentence;
      const size_t sentence_end = doc.sentences[run_sentence].end_token;
      uint64_t initials = kFnvBasis;
      int letters = 0;
      for (size_t j = start; j < sentence_end && j < start + 8; ++j) {
        if (info[j].flags & kCapitalized) {
          initials = initial_hash_step(initials, static_cast<unsigned char>(doc.text[doc.tokens[j].start]));
          if (++letters < 2) continue;
          if (windowed) run_initials.push_back({initials, static_cast<uint32_t>(j + 1)});
          else if (uint32_t* end = acronyms.find(initials)) *end = static_cast<uint32_t>(j + 1);
        } else if (!is_connector(doc.token_text(j))) {
          break;
        }
      }
    }

    // Gazetteer matches, as (type, BILU position) marks per candidate; names
    // are looked up only where they can start and run: over candidate tokens.
    std::vector<std::array<uint8_t, kMaxMarks>>& marks = scratch.marks;
    std::vector<uint8_t>& mark_count = scratch.mark_count;
    if (marks.size() < candidates) marks.resize(candidates);
    if (window_first == 0) mark_count.clear();
    mark_count.resize(candidates, 0);
    // Every candidate starts a lookup: ask for all their slots up front, so
    // that the cache misses overlap instead of coming one after another, and
    // keep their keys for the lookups.
    std::vector<uint64_t>& first_keys = scratch.gazetteer_keys;
    if (first_keys.size() < window_candidates) first_keys.resize(window_candidates);
    size_t candidate_index = 0;  // in the window
    for (const auto* seg = window_segments; seg != window_segments_end; ++seg) {
      for (size_t i = seg->first; i < seg->second; ++i) {
        const uint64_t key = gazetteer_key_extend_folded_hash(gazetteer_key_start(), info[i].lower);
        gazetteer.prefetch(key);
        first_keys[candidate_index++] = key;
      }
    }
    candidate_index = 0;
    for (const auto* seg = window_segments; seg != window_segments_end; ++seg) {
      const size_t seg_first = seg->first, seg_end = seg->second;
      for (size_t start = seg_first; start < seg_end; ++start) {
        // The marks of token k are those of candidate k - start_offset.
        const size_t start_offset = start - (candidates_before + candidate_index);
        uint64_t key = first_keys[candidate_index++];
        for (size_t len = 1; len <= static_cast<size_t>(kGazetteerMaxTokens) && start + len <= seg_end; ++len) {
          const size_t last = start + len - 1;
          if (len > 1) key = gazetteer_key_extend_folded_hash(key, info[last].lower);
          const GazetteerHit hit = gazetteer.lookup(key, held_out);
          // Most lookups find nothing; the types found, lowest first.
          for (unsigned types = hit.types; types != 0; types &= types - 1) {
            const int t = __builtin_ctz(types);
            for (size_t k = start; k <= last; ++k) {
              const TagPosition pos = len == 1 ? TagPosition::kUnit
                                      : k == start ? TagPosition::kBegin
                                      : k == last  ? TagPosition::kLast
                                                   : TagPosition::kInside;
              const size_t c = k - start_offset;
              if (mark_count[c] < kMaxMarks) marks[c][mark_count[c]++] = static_cast<uint8_t>(make_label(static_cast<EntityType>(t), pos));
            }
          }
          if (!hit.is_prefix) break;
        }
      }
    }

    // Word classes of the candidates and their neighbours; inside a segment a
    // neighbour's class is the candidate's before or after it.
    std::vector<CandidateClasses>& classes = scratch.classes;
    if (clusters != nullptr) {
      classes.resize(candidates);
      auto coarse_of = [&](size_t i) { return clusters->lookup(word_key(doc.token_text(i))).coarse; };
      size_t c = candidates_before;
      for (const auto* seg = window_segments; seg != window_segments_end; ++seg) {
        const size_t seg_first = seg->first, seg_end = seg->second;
        for (size_t i = seg_first; i < seg_end; ++i, ++c) classes[c].own = clusters->lookup(word_key(doc.token_text(i)));
        const size_t first_c = c - (seg_end - seg_first);
        classes[first_c].prev_coarse = seg_first > 0 ? coarse_of(seg_first - 1) : WordClass::kNone;
        for (size_t k = first_c + 1; k < c; ++k) classes[k].prev_coarse = classes[k - 1].own.coarse;
        for (size_t k = first_c; k + 1 < c; ++k) classes[k].next_coarse = classes[k + 1].own.coarse;
        classes[c - 1].next_coarse = seg_end < n ? coarse_of(seg_end) : WordClass::kNone;
      }
    }

    // What the second pass reads of each candidate but its expansion.
    out->word_keys.resize(candidates);
    out->contexts.resize(candidates);
    size_t c = candidates_before;
    for (const auto* seg = window_segments; seg != window_segments_end; ++seg) {
      for (size_t i = seg->first; i < seg->second; ++i, ++c) {
        out->word_keys[c] = info[i].lower;
        out->contexts[c] = info[i].flags & (kSentenceStart | kHeadline);
      }
    }
    window_first = window_end;
  }

  // Lower-case sightings of the candidate words. Most words are not
  // candidates: one slot test rules them out. Which words pass is
  // unpredictable, so they are listed without a branch, and looked up after:
  // a block at a time, so that the list takes 16 KB whatever the text's length.
  // (A text of several windows lists their keys, described anew.)
  const TokenFacts info = scratch.described();
  constexpr size_t kLowerBlock = 4096;
  uint32_t lower_words[kLowerBlock];
  uint64_t lower_keys[kLowerBlock];
  for (size_t block = 0; block < n; block += kLowerBlock) {
    const size_t block_end = std::min(n, block + kLowerBlock);
    size_t lower_count = 0;
    if (!windowed) {
      for (size_t i = block; i < block_end; ++i) {
        lower_words[lower_count] = static_cast<uint32_t>(i);
        lower_count += static_cast<size_t>(spellings.may_contain(info[i].lower)) & ((info[i].flags & kLowerStart) != 0);
      }
      for (size_t k = 0; k < lower_count; ++k)
        if (Spelling* e = spellings.find(info[lower_words[k]].lower)) ++e->lower;
      continue;
    }
    for (size_t i = block; i < block_end; ++i) {
      const bool lower_start = starts_lower(token_bytes(doc, i), &lower_keys[lower_count]);
      lower_count += static_cast<size_t>(spellings.may_contain(lower_keys[lower_count])) & lower_start;
    }
    for (size_t k = 0; k < lower_count; ++k)
      if (Spelling* e = spellings.find(lower_keys[k])) ++e->lower;
  }

  // The expansion of each all-caps candidate.
  out->expansions.assign(candidates, 0);
  if (acronym_candidates == 0) return;
  for (const auto& [initials, end] : run_initials)
    if (uint32_t* last = acronyms.find(initials)) *last = end;
  size_t c = 0;
  for (const auto& [seg_first, seg_end] : out->segments) {
    for (size_t i = seg_first; i < seg_end; ++i, ++c) {
      const TokenInfo t = windowed ? describe_again(token_bytes(doc, i)) : info[i];  // all caps or not, in any sentence
      if (may_be_acronym(t, doc.tokens[i].end - doc.tokens[i].start)) out->expansions[c] = *acronyms.find(acronym_initials(token_bytes(doc, i)));
    }
  }
}

void FeatureWriter::write(size_t first_segment, size_t end_segment, TokenFeatures* out, OwnScoreCache* own_cache) {
  Facts& scratch = *facts_;
  const Document& doc = *scratch.doc;
  const WordClusters* clusters = scratch.clusters;
  // A text of several windows: the tokens the run reads, described again.
  if (scratch.windowed && first_segment < end_segment) scratch.describe_near(out->segments, first_segment, end_segment);
  const TokenFacts info = scratch.described();
  const std::vector<std::array<uint8_t, kMaxMarks>>& marks = scratch.marks;
  const std::vector<uint8_t>& mark_count = scratch.mark_count;
  const std::vector<CandidateClasses>& classes = scratch.classes;
  KeyTable<Spelling>& spellings = scratch.spellings;
  const auto* const all_segments_begin = out->segments.data();
  const auto* const all_segments_end = all_segments_begin + out->segments.size();
  const auto* const segments_begin = all_segments_begin + first_segment;
  const auto* const segments_end = all_segments_begin + end_segment;
  size_t first_candidate = 0;
  if (first_segment == scratch.written_segments) {
    first_candidate = scratch.written_candidates;
  } else {
    for (const auto* seg = all_segments_begin; seg != segments_begin; ++seg) first_candidate += seg->second - seg->first;
  }
  size_t candidates = 0;
  for (const auto* seg = segments_begin; seg != segments_end; ++seg) candidates += seg->second - seg->first;
  scratch.written_segments = end_segment;
  scratch.written_candidates = first_candidate + candidates;
  out->own_slots.clear();
  out->own_ids.clear();
  out->own_offsets.assign(1, 0);
  if (own_cache != nullptr) {
    // The entries the run will claim, asked for up front so that their
    // cache misses overlap.
    for (const auto* seg = segments_begin; seg != segments_end; ++seg)
      for (size_t i = seg->first; i < seg->second; ++i)
        own_cache->prefetch(doc.tokens[i].end - doc.tokens[i].start, info[i].flags & (kSentenceStart | kHeadline), info[i].lower);
  }

  // Ids are written through a pointer into storage sized for the most a
  // token can get (FeatureIds: left uninitialised), and trimmed at the end.
  out->ids.resize(candidates * kMaxIdsPerToken);
  uint32_t* const ids_begin = out->ids.data();
  uint32_t* ids = ids_begin;
  out->candidate_offsets.resize(candidates + 1);
  uint32_t* const candidate_offsets = out->candidate_offsets.data();
  if (own_cache != nullptr) {
    out->own_slots.resize(candidates);
    out->own_ids.resize(candidates * kMaxOwnIdsPerToken);
    out->own_offsets.resize(candidates + 1);
  }
  uint32_t* const own_ids_begin = out->own_ids.data();
  uint32_t* own_ids = own_ids_begin;
  size_t candidate_index = 0;  // in the run
  const uint64_t kPad = 0x5bd1e995;
  for (const auto* seg = segments_begin; seg != segments_end; ++seg) {
   const size_t seg_first = seg->first, seg_end = seg->second;
   // A segment lies in one sentence; neighbours outside it read as padding,
   // distinct before and after.
   const Sentence& sentence = doc.sentences[scratch.segment_sentences[static_cast<size_t>(seg - all_segments_begin)]];
   // Whether the tokens just before and after the segment are candidates
   // (of a segment next to it, cut at the longest segment).
   const bool candidate_before = seg != all_segments_begin && seg[-1].second == seg_first;
   const bool candidate_after = seg + 1 != all_segments_end && seg[1].first == seg_end;
   const ptrdiff_t first = static_cast<ptrdiff_t>(sentence.first_token), end = static_cast<ptrdiff_t>(sentence.end_token);
   // The first token's pairs with the one before (see below).
   const bool segment_has_prev = static_cast<ptrdiff_t>(seg_first) - 1 >= first;
   uint64_t shape_pair = combine(segment_has_prev ? info[seg_first - 1].shape : kPad + 1, info[seg_first].shape);
   uint64_t word_pair = combine(segment_has_prev ? info[seg_first - 1].lower : kPad + 1, info[seg_first].lower);
   for (size_t i = seg_first; i < seg_end; ++i, ++candidate_index) {
    const size_t c = first_candidate + candidate_index;  // in the document
    candidate_offsets[candidate_index] = static_cast<uint32_t>(ids - ids_begin);
    const ptrdiff_t ii = static_cast<ptrdiff_t>(i);
    const bool has_prev2 = ii - 2 >= first && ii - 2 < end, has_prev = ii - 1 >= first && ii - 1 < end;
    const bool has_next = ii + 1 >= first && ii + 1 < end, has_next2 = ii + 2 >= first && ii + 2 < end;
    const uint64_t lower_prev2 = has_prev2 ? info[i - 2].lower : kPad + 1, lower_prev = has_prev ? info[i - 1].lower : kPad + 1;
    const uint64_t lower_next = has_next ? info[i + 1].lower : kPad + 2, lower_next2 = has_next2 ? info[i + 2].lower : kPad + 2;
    const uint64_t shape_prev = has_prev ? info[i - 1].shape : kPad + 1, shape_next = has_next ? info[i + 1].shape : kPad + 2;
    const TokenInfo& t = info[i];
    const std::string_view text = token_bytes(doc, i);
    const uint8_t context = t.flags & (kSentenceStart | kHeadline);
    auto add = [&ids](uint32_t tmpl, uint64_t value) { *ids++ = feature_id(tmpl, value); };
    // The token's own ids: left out when the cache has their sums, apart
    // when it is to get them, otherwise among the rest in their usual order.
    uint32_t slot = OwnScoreCache::kUncached;
    if (own_cache != nullptr) {
      slot = own_cache->claim(text, context, t.lower);
      out->own_slots[candidate_index] = slot;
      out->own_offsets[candidate_index] = static_cast<uint32_t>(own_ids - own_ids_begin);
    }
    const bool own_cached = slot != OwnScoreCache::kUncached && (slot & OwnScoreCache::kHit);
    uint32_t*& own_out = slot == OwnScoreCache::kUncached ? ids : own_ids;
    auto add_own = [&own_out](uint32_t tmpl, uint64_t value) { *own_out++ = feature_id(tmpl, value); };

    if (!own_cached) {
      *own_out++ = kBiasId;
      add_own(kWord, t.lower);
      add_own(kWordExact, word_key(text));
    }
    add(kWordPrev, lower_prev);
    add(kWordNext, lower_next);
    add(kWordPrev2, lower_prev2);
    add(kWordNext2, lower_next2);
    if (!own_cached) add_own(kShape, t.shape);
    add(kShapePrev, shape_prev);
    add(kShapeNext, shape_next);
    // A pair of this token and the next is the next token's pair of it and
    // the one before: combined once, and carried.
    const uint64_t shape_prev_cur = shape_pair, bigram_prev = word_pair;
    shape_pair = combine(t.shape, shape_next);
    word_pair = combine(t.lower, lower_next);
    add(kShapePrevCur, shape_prev_cur);
    add(kShapeCurNext, shape_pair);
    add(kShapeTri, combine(shape_prev_cur, shape_next));
    add(kBigramPrev, bigram_prev);
    add(kBigramNext, word_pair);
    add(kWordPrevShape, combine(lower_prev, t.shape));
    add(kShapeWordNext, combine(t.shape, lower_next));
    if (!own_cached) *own_out++ = kLengthIds[t.length];

    if (clusters != nullptr) {
      if (!own_cached) {
        add_own(kClusterFine, classes[c].own.fine);
        add_own(kClusterCoarse, classes[c].own.coarse);
      }
      add(kClusterPrev, has_prev ? classes[c].prev_coarse : kPad);
      add(kClusterNext, has_next ? classes[c].next_coarse : kPad);
    }

    // Prefixes and suffixes of 1..4 bytes, shorter than the token, hashed
    // folded (by table): prefixes extend one hash, each suffix is at most 4 steps.
    uint64_t prefix = kFnvBasis;
    for (size_t k = 1; !own_cached && k <= 4 && k < text.size(); ++k) {
      prefix = fnv_step(prefix, kByteFacts[static_cast<unsigned char>(text[k - 1])].folded);
      uint64_t suffix = kFnvBasis;
      for (size_t s = text.size() - k; s < text.size(); ++s) suffix = fnv_step(suffix, kByteFacts[static_cast<unsigned char>(text[s])].folded);
      add_own(kPrefix, combine(k, prefix));
      add_own(kSuffix, combine(k, suffix));
    }
    if (!own_cached) add_own(kCapContext, combine(context, t.shape));

    const uint32_t* const gazetteer_cap_ids = kGazetteerCapIds.data() + cap_index(t.flags & (kCapitalized | kAllCaps | kSentenceStart | kHeadline));
    for (int m = 0; m < mark_count[c]; ++m) {
      *ids++ = kGazetteerIds[marks[c][m]];
      *ids++ = gazetteer_cap_ids[marks[c][m] * 16];
    }
    if (has_prev && (i > seg_first || candidate_before))
      for (int m = 0; m < mark_count[c - 1]; ++m) *ids++ = kGazetteerPrevIds[marks[c - 1][m]];
    if (has_next && (i + 1 < seg_end || candidate_after))
      for (int m = 0; m < mark_count[c + 1]; ++m) *ids++ = kGazetteerNextIds[marks[c + 1][m]];

    if (t.flags & kCapitalized) {
      const Spelling& e = spellings.at(t.lower);
      const uint32_t own_mid = (t.flags & (kSentenceStart | kHeadline)) ? 0 : 1;
      *ids++ = kDocLowerSeenIds[context_index(context, e.lower > 0)];
      *ids++ = kDocCapSeenIds[context_index(context, e.cap_mid > own_mid)];
    }
    if (may_be_acronym(t, text.size())) *ids++ = kAcronymIds[out->expansions[c] > 0];
   }
  }
  candidate_offsets[candidates] = static_cast<uint32_t>(ids - ids_begin);
  out->ids.resize(static_cast<size_t>(ids - ids_begin));
  if (own_cache != nullptr) {
    out->own_offsets[candidates] = static_cast<uint32_t>(own_ids - own_ids_begin);
    out->own_ids.resize(out->own_offsets[candidates]);
  }
}

void extract_features(const Document& doc, const Gazetteer& gazetteer, const WordClusters* clusters, const Gazetteer* held_out,
                      TokenFeatures* out, OwnScoreCache* own_cache) {
  AI_THREAD_SCRATCH FeatureWriter writer;
  writer.start(doc, gazetteer, clusters, held_out, out);
  writer.write(0, out->segments.size(), out, own_cache);
  spread_offsets(out->segments, out->candidate_offsets, doc.tokens.size(), &out->offsets);
}

void extract_second_pass_candidate_features(const TokenFeatures& base, const std::vector<uint8_t>& first_pass, TokenFeatures* out) {
  const size_t candidates = base.word_ids.size();
  // First-pass label types of each word across the document (32-bit counts:
  // a long text names one word more than 65,535 times).
  AI_THREAD_SCRATCH std::vector<std::array<uint32_t, 5>> votes;
  votes.assign(base.word_count, {});
  const uint32_t* word_id = base.word_ids.data();
  for (const auto& [first, end] : base.segments)
    for (size_t i = first; i < end; ++i) ++votes[*word_id++][type_class(first_pass[i])];
  word_id = base.word_ids.data();
  out->ids.resize(candidates * kMaxSecondPassFeaturesPerToken);
  out->candidate_offsets.resize(candidates + 1);
  uint32_t* const ids_begin = out->ids.data();
  uint32_t* ids = ids_begin;
  auto add = [&ids](uint32_t tmpl, uint64_t value) { *ids++ = feature_id(tmpl, value); };
  uint32_t* const offsets = out->candidate_offsets.data();
  size_t c = 0;
  for (const auto& [first, end] : base.segments) {
    for (size_t i = first; i < end; ++i, ++c) {
      offsets[c] = static_cast<uint32_t>(ids - ids_begin);
      if (first_pass[i] < kLabelCount) *ids++ = kFirstPassSelfIds[first_pass[i]];
      else add(kFirstPassSelf, first_pass[i]);
      std::array<uint32_t, 5> others = votes[*word_id++];
      --others[type_class(first_pass[i])];
      int best = 0;
      for (int k = 1; k < 5; ++k)
        if (others[k] > others[best]) best = k;
      if (others[best] > 0) *ids++ = kFirstPassOthersIds[best * 2 + (base.contexts[c] != 0)];
      if (base.expansions[c] > 0) *ids++ = kFirstPassAcronymIds[type_class(first_pass[base.expansions[c] - 1])];
    }
  }
  offsets[candidates] = static_cast<uint32_t>(ids - ids_begin);
  out->ids.resize(offsets[candidates]);
}

void extract_second_pass_features(const TokenFeatures& base, const std::vector<uint8_t>& first_pass, TokenFeatures* out) {
  extract_second_pass_candidate_features(base, first_pass, out);
  out->segments = base.segments;
  spread_offsets(out->segments, out->candidate_offsets, first_pass.size(), &out->offsets);
}

}  // namespace ai
