// The figure finder: one left-to-right pass over the tokens. At each token
// that can start a figure (a digit, a number word, a qualifier, a currency
// sign, a month...) the matchers below try the longest reading and the scan
// resumes after it, so figures come out sorted and never overlap. Every
// matcher looks at a bounded number of tokens, which keeps the pass linear.
#include "figures.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <memory>

#include "dates.h"
#include "numbers.h"
#include "thread_scratch.h"
#include "units.h"
#include "word_table.h"

namespace ai {

const char* figure_kind_name(FigureKind kind) {
  switch (kind) {
    case FigureKind::kCount: return "count";
    case FigureKind::kMoney: return "money";
    case FigureKind::kPercent: return "percent";
    case FigureKind::kMeasure: return "measure";
    case FigureKind::kDate: return "date";
    case FigureKind::kTime: return "time";
    case FigureKind::kDuration: return "duration";
    case FigureKind::kOrdinal: return "ordinal";
    case FigureKind::kAge: return "age";
    case FigureKind::kRatio: return "ratio";
    case FigureKind::kRange: return "range";
    case FigureKind::kNumber: return "number";
  }
  return "number";
}

namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();

// ---------------------------------------------------------------------------
// The lexicon: every word the finder reacts to, looked up once per token.

enum LexFlag : uint32_t {
  kStop = 1u << 0,         // function word: ends a counted phrase, never part of a name
  kAux = 1u << 1,          // were, was, had been...
  kQualifier = 1u << 2,    // first word of a qualifier phrase
  kYearPrep = 1u << 3,     // in, since, by...: a following 4-digit number is a year
  kArticle = 1u << 4,      // a, an
  kRelDay = 1u << 5,       // yesterday, today, tomorrow, tonight
  kRelMod = 1u << 6,       // last, next, this, coming, past
  kAmPm = 1u << 7,
  kZone = 1u << 8,         // GMT, BST, UTC...
  kComparative = 1u << 9,  // "three times as/more/higher..."
  kAge = 1u << 10,         // aged, age, ages
  kClock = 1u << 11,       // noon, midnight
  kChange = 1u << 12,      // rose, fell...: "from X to Y" after it is a change, not a range
  kFuzzy = 1u << 13,
  kRatioWord = 1u << 14,   // doubled, tripled, halved, twofold
  kPeriod = 1u << 15,      // week, month, year, weekend: "last week"
  kNotAfterNumber = 1u << 16,  // words that make a preceding capitalised word + number a name
  kSignWord = 1u << 17,    // minus, Rs: may start a figure
  kOnlyQualifier = 1u << 18,  // a qualifier and nothing else that starts or measures: "in", "at", "as", "up", "from"
  kOnlyRelMod = 1u << 19,     // likewise for kRelMod: "last", "next", "this"
};

struct FuzzyWord {
  double min = 0, max = kInf;
  double head = 0;      // "hundreds of thousands": head 100 -> min 200 * 1000
  double tail = 0;      // value when it ends "tens of thousands": 1000
  bool standalone = true;
  bool needs_article = false;  // handful, few, couple
};

// Whether a token can start a figure, as far as the token itself tells.
enum StartClass : uint8_t {
  kNeverStarts = 0,
  kStarts = 1,
  kMayStart = 2,  // it depends on the neighbours: Scanner::can_start decides
};

// The StartClass of a punctuation token by its first byte: "$" starts a
// figure; "-", "+", "(", "'" may, if a number follows (they are common, and
// mostly start nothing); of the others, a minus sign, a closing quote or a
// currency symbol may.
constexpr std::array<uint8_t, 256> make_punct_starts() {
  std::array<uint8_t, 256> starts{};
  starts['$'] = kStarts;
  for (const char c : {'-', '+', '(', '\''}) starts[static_cast<unsigned char>(c)] = kMayStart;
  for (size_t c = 0x80; c < 256; ++c) starts[c] = kMayStart;
  return starts;
}
constexpr std::array<uint8_t, 256> kPunctStarts = make_punct_starts();

// The one-byte punctuation tokens looked up in the lexicon.
constexpr std::array<uint8_t, 256> make_symbol_entries() {
  std::array<uint8_t, 256> symbols{};
  for (const char c : {'$', '%', '#'}) symbols[static_cast<unsigned char>(c)] = 1;
  return symbols;
}
constexpr std::array<uint8_t, 256> kSymbolEntries = make_symbol_entries();

// One cache line: the matchers read the entries of scattered tokens, each
// the first time cold.
struct alignas(64) Lex {
  uint32_t flags = 0;
  int8_t month = 0;
  int8_t weekday = -1;
  int8_t rel_day = 0;
  int8_t direction = 0;  // +1 rose, -1 fell
  const NumberWord* number = nullptr;
  const Unit* unit = nullptr;
  const Currency* currency = nullptr;
  const FuzzyWord* fuzzy = nullptr;  // set with kFuzzy
  double ratio = 0;
  uint64_t qualifier_phrases = 0;  // bit p: kQualifierPhrases[p] starts with this word
};
static_assert(sizeof(Lex) == 64, "a lexicon entry fills one cache line");

// Whether a word can start a figure by itself other than as a qualifier.
bool starts_unqualified(const Lex& l) {
  return l.number || l.month || l.weekday >= 0 || l.currency ||
         (l.flags & (kRelDay | kRelMod | kFuzzy | kRatioWord | kAge | kClock | kSignWord));
}

// Whether a word can start a figure by itself, whatever its neighbours.
bool starts_alone(const Lex& l) { return (l.flags & kQualifier) || starts_unqualified(l); }

// A set of folded words that answers "certainly not in it" from one bit,
// chosen by the word's hash: the pass over all tokens asks it instead of
// looking every token up. 2^15 bits hold the few hundred starting words at
// about one false "maybe" in a hundred.
class WordFilter {
 public:
  void add(const FoldedWord& key) { bits_[index(key) / 64] |= uint64_t{1} << (index(key) % 64); }
  // 1 if the word of `key` may be in the set, else 0.
  uint64_t may_hold(const FoldedWord& key) const { return (bits_[index(key) / 64] >> (index(key) % 64)) & 1; }

 private:
  static constexpr unsigned kBits = 15;
  static size_t index(const FoldedWord& key) { return key.hash >> (64 - kBits); }
  std::array<uint64_t, (size_t{1} << kBits) / 64> bits_{};
};

// A qualifier phrase's words, split once rather than at every token that may start the phrase.
struct PhraseWords {
  std::array<std::string_view, 4> words;
  size_t count = 0;
};

// Every word the finder reacts to, in any case. Only the tokens a matcher
// asks about are looked up; `starters` holds the words that can start a
// figure, alone or with the next word's help (starts_alone, articles), for
// the pass that picks the tokens worth a matcher's time.
struct Lexicon {
  WordTable<Lex> words;
  WordFilter starters;
  std::vector<PhraseWords> qualifier_words;  // kQualifierPhrases[p] split into its words
};

// The lexicon while it is built, with every word added, to find the starters once all are in.
struct LexiconBuilder {
  WordTable<Lex> table;
  std::vector<std::string_view> added;
  Lex& add(std::string_view word) {
    added.push_back(word);
    return table.add(word);
  }
};

void add_all(LexiconBuilder& lex, std::initializer_list<const char*> words, uint32_t flags) {
  for (const char* w : words) lex.add(w).flags |= flags;
}

struct QualifierPhrase {
  std::string_view words;
  bool approx;
  int bound;
  bool range_start;
};

const QualifierPhrase kQualifierPhrases[] = {
    {"about", true, 0, false}, {"around", true, 0, false}, {"roughly", true, 0, false},
    {"approximately", true, 0, false}, {"approx.", true, 0, false}, {"approx", true, 0, false},
    {"some", true, 0, false}, {"nearly", true, 0, false}, {"almost", true, 0, false}, {"circa", true, 0, false},
    {"c.", true, 0, false}, {"close to", true, 0, false}, {"an estimated", true, 0, false},
    {"estimated", true, 0, false}, {"more or less", true, 0, false}, {"getting on for", true, 0, false},
    {"maybe", true, 0, false}, {"perhaps", true, 0, false}, {"possibly", true, 0, false},
    {"more than", false, 1, false}, {"over", false, 1, false}, {"above", false, 1, false},
    {"at least", false, 1, false}, {"upwards of", false, 1, false}, {"upward of", false, 1, false},
    {"in excess of", false, 1, false}, {"greater than", false, 1, false}, {"higher than", false, 1, false},
    {"no fewer than", false, 1, false}, {"no less than", false, 1, false}, {"a minimum of", false, 1, false},
    {"well over", false, 1, false}, {"well above", false, 1, false}, {"exceeding", false, 1, false},
    {"just over", true, 1, false}, {"just above", true, 1, false}, {"slightly more than", true, 1, false},
    {"just under", true, -1, false}, {"just below", true, -1, false}, {"slightly less than", true, -1, false},
    {"up to", false, -1, false}, {"at most", false, -1, false}, {"no more than", false, -1, false},
    {"as many as", false, -1, false}, {"as much as", false, -1, false}, {"as high as", false, -1, false},
    {"a maximum of", false, -1, false}, {"fewer than", false, -1, false}, {"less than", false, -1, false},
    {"lower than", false, -1, false}, {"under", false, -1, false}, {"below", false, -1, false},
    {"barely", true, -1, false},
    {"between", false, 0, true}, {"from", false, 0, true},
};

// Precondition: single spaces between at most four words, as kQualifierPhrases has them.
PhraseWords split_phrase(std::string_view phrase) {
  PhraseWords split;
  while (!phrase.empty()) {
    const size_t space = phrase.find(' ');
    split.words[split.count++] = phrase.substr(0, space);
    phrase.remove_prefix(space == std::string_view::npos ? phrase.size() : space + 1);
  }
  return split;
}

Lexicon build_lexicon() {
  LexiconBuilder lex;
  add_all(lex,
          {"the", "a", "an", "and", "or", "but", "of", "in", "on", "at", "to", "for", "from", "by", "with", "as",
           "than", "that", "which", "who", "whom", "whose", "this", "these", "those", "it", "its", "they", "them",
           "their", "he", "she", "his", "her", "we", "our", "you", "your", "i", "my", "me", "us", "into", "onto",
           "over", "under", "after", "before", "during", "since", "until", "till", "about", "around", "some",
           "all", "each", "every", "per", "if", "when", "while", "where", "there", "here", "not", "no", "nor",
           "so", "also", "only", "just", "then", "up", "down", "out", "off", "against", "between", "among",
           "through", "across", "including", "within", "without", "via", "more", "most", "less", "least",
           "fewer", "other", "another", "such", "both", "either", "neither", "said", "says", "say", "told",
           "according", "what", "how", "why", "nearly", "almost", "roughly", "approximately", "least", "than",
           "above", "below", "beyond", "near", "along", "toward", "towards", "upon", "despite", "although",
           "because", "though", "whether", "now", "yet", "still", "already", "again", "ago", "later", "earlier",
           "own", "same", "any", "many", "much", "few", "several", "would", "could", "should", "might", "must",
           "can", "will", "shall", "may", "do", "does", "did", "done", "out", "instead", "plus", "minus",
           "around", "like", "unlike", "apiece", "each", "respectively", "alone", "together", "too", "very"},
          kStop);
  add_all(lex, {"was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "having", "will", "would",
                "could", "reportedly", "also", "later", "then", "now", "reported", "believed", "thought", "feared",
                "still", "since", "already", "subsequently", "officially", "confirmed"},
          kAux);
  add_all(lex, {"was", "were", "is", "are", "be", "been", "being", "had", "has", "have", "having"}, kStop);
  static_assert(sizeof kQualifierPhrases / sizeof kQualifierPhrases[0] <= 64, "one bit per phrase");
  std::vector<PhraseWords> qualifier_words;
  for (size_t p = 0; p < sizeof kQualifierPhrases / sizeof kQualifierPhrases[0]; ++p) {
    qualifier_words.push_back(split_phrase(kQualifierPhrases[p].words));
    Lex& l = lex.add(qualifier_words.back().words[0]);
    l.flags |= kQualifier;
    l.qualifier_phrases |= uint64_t{1} << p;
  }
  add_all(lex, {"in", "since", "by", "until", "till", "from", "of", "during", "before", "after", "between", "to",
                "and", "than", "early", "late", "mid", "summer", "spring", "autumn", "winter", "fall", "year",
                "through", "throughout", "circa", "around", "-", "or", "the", "for", "on", "at", "since", "until"},
          kYearPrep);
  add_all(lex, {"a", "an"}, kArticle);
  add_all(lex, {"minus", "negative", "rs", "rs."}, kSignWord);
  add_all(lex, {"am", "pm", "a.m.", "p.m.", "a.m", "p.m"}, kAmPm);
  add_all(lex, {"gmt", "bst", "utc", "cet", "cest", "est", "edt", "pst", "pdt", "et", "pt", "ct", "msk", "ist", "jst",
                "local", "hrs"},
          kZone);
  add_all(lex, {"as", "more", "higher", "larger", "bigger", "greater", "faster", "the", "over", "than", "less",
                "lower", "smaller", "cheaper", "longer", "slower", "stronger", "heavier", "worse", "better",
                "likelier", "likely", "that", "what", "its", "their", "his", "her", "our", "normal", "average"},
          kComparative);
  add_all(lex, {"aged", "age", "ages"}, kAge);
  add_all(lex, {"week", "month", "year", "weekend", "decade", "century", "summer", "winter", "spring", "autumn",
                "season", "quarter", "night", "morning", "evening", "afternoon"},
          kPeriod);
  add_all(lex, {"version", "v", "no", "no.", "number", "#", "flight", "route", "room", "page", "article", "section",
                "chapter", "line", "platform", "gate", "bus", "model", "level", "grade", "category", "phase",
                "type", "series", "channel", "radio", "studio", "squad", "unit", "apartment", "suite", "floor",
                "block", "highway", "interstate", "road", "street", "lane", "avenue", "ward", "box", "code", "pin",
                "ios", "android", "windows", "mac", "macos", "iphone", "galaxy", "pixel", "playstation", "xbox",
                "boeing", "airbus", "apollo", "formula", "covid", "g", "f", "mp", "windows"},
          kNotAfterNumber);
  for (const char* w : {"yesterday", "today", "tomorrow", "tonight"}) {
    Lex& l = lex.add(w);
    l.flags |= kRelDay;
    l.rel_day = w[0] == 'y' ? -1 : w[2] == 'm' ? 1 : 0;
  }
  add_all(lex, {"last", "next", "this", "coming", "past", "previous", "following"}, kRelMod);
  struct Change {
    const char* word;
    int direction;
  };
  for (const Change& c : std::initializer_list<Change>{
           {"rose", 1}, {"rise", 1}, {"rises", 1}, {"rising", 1}, {"risen", 1}, {"jumped", 1}, {"jump", 1},
           {"jumps", 1}, {"climbed", 1}, {"climb", 1}, {"climbs", 1}, {"increased", 1}, {"increase", 1},
           {"increases", 1}, {"grew", 1}, {"grow", 1}, {"grown", 1}, {"grows", 1}, {"surged", 1}, {"surge", 1},
           {"soared", 1}, {"soar", 1}, {"gained", 1}, {"gain", 1}, {"up", 1}, {"advanced", 1}, {"rallied", 1},
           {"boosted", 1}, {"raised", 1}, {"expanded", 1}, {"higher", 1}, {"doubled", 1}, {"tripled", 1},
           {"fell", -1}, {"fall", -1}, {"falls", -1}, {"fallen", -1}, {"falling", -1}, {"dropped", -1},
           {"drop", -1}, {"drops", -1}, {"declined", -1}, {"decline", -1}, {"declines", -1}, {"decreased", -1},
           {"decrease", -1}, {"slumped", -1}, {"slump", -1}, {"plunged", -1}, {"plunge", -1}, {"slid", -1},
           {"sank", -1}, {"shrank", -1}, {"shrunk", -1}, {"lost", -1}, {"down", -1}, {"tumbled", -1},
           {"dipped", -1}, {"eased", -1}, {"cut", -1}, {"lower", -1}, {"reduced", -1}, {"halved", -1},
           {"contracted", -1}, {"retreated", -1}, {"narrowed", -1}, {"widened", 1}, {"increasing", 1}}) {
    Lex& l = lex.add(c.word);
    l.flags |= kChange;
    l.direction = c.direction;
  }
  struct Ratio {
    const char* word;
    double ratio;
  };
  for (const Ratio& r : std::initializer_list<Ratio>{
           {"doubled", 2}, {"doubling", 2}, {"doubles", 2}, {"tripled", 3}, {"tripling", 3}, {"triples", 3},
           {"trebled", 3}, {"trebling", 3}, {"quadrupled", 4}, {"quadrupling", 4}, {"halved", 0.5},
           {"halving", 0.5}, {"halves", 0.5}, {"twofold", 2}, {"threefold", 3}, {"fourfold", 4},
           {"fivefold", 5}, {"sixfold", 6}, {"sevenfold", 7}, {"eightfold", 8}, {"ninefold", 9}, {"tenfold", 10},
           {"hundredfold", 100}, {"twice", 2}, {"thrice", 3}}) {
    Lex& l = lex.add(r.word);
    l.flags |= kRatioWord;
    l.ratio = r.ratio;
  }
  struct Fuzzy {
    const char* word;
    FuzzyWord fuzzy;
  };
  static const Fuzzy kFuzzyWords[] = {
      {"dozens", {24, kInf, 12, 0, true, false}},
      {"scores", {40, kInf, 20, 0, true, false}},
      {"tens", {20, kInf, 10, 0, false, false}},
      {"hundreds", {200, kInf, 100, 100, true, false}},
      {"thousands", {2000, kInf, 1000, 1e3, true, false}},
      {"millions", {2e6, kInf, 1e6, 1e6, true, false}},
      {"billions", {2e9, kInf, 1e9, 1e9, true, false}},
      {"several", {3, 9, 0, 0, true, false}},
      {"handful", {2, 5, 0, 0, true, true}},
      {"few", {2, 5, 0, 0, true, true}},
      {"couple", {2, 2, 0, 0, true, true}}};
  for (const Fuzzy& f : kFuzzyWords) {
    Lex& l = lex.add(f.word);
    l.flags |= kFuzzy;
    l.fuzzy = &f.fuzzy;
  }
  add_all(lex, {"noon", "midnight", "midday"}, kClock);
  // Number words, units, currencies, months and weekdays come from their modules.
  static const char* const kNumberNames[] = {
      "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
      "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty",
      "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
      "trillion", "bn", "mn", "tn", "trn", "dozen", "first", "second", "third", "fourth", "fifth", "sixth",
      "seventh", "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth",
      "sixteenth", "seventeenth", "eighteenth", "nineteenth", "twentieth", "thirtieth", "fortieth", "fiftieth",
      "sixtieth", "seventieth", "eightieth", "ninetieth", "hundredth", "thousandth", "millionth", "half",
      "halves", "thirds", "quarter", "quarters", "fourths", "fifths", "sixths", "sevenths", "eighths", "ninths",
      "tenths", "hundredths"};
  for (const char* w : kNumberNames) lex.add(w).number = number_word(w);
  static const char* const kUnitWords[] = {
      "mm", "millimetre", "millimetres", "millimeter", "millimeters", "cm", "centimetre", "centimetres",
      "centimeter", "centimeters", "m", "metre", "metres", "meter", "meters", "km", "kms", "kilometre",
      "kilometres", "kilometer", "kilometers", "inch", "inches", "ft", "foot", "feet", "yd", "yard", "yards", "mi",
      "mile", "miles", "nmi", "km2", "m2", "hectare", "hectares", "ha", "acre", "acres", "ml", "millilitre",
      "millilitres", "milliliter", "milliliters", "litre", "litres", "liter", "liters", "m3", "gallon", "gallons",
      "barrel", "barrels", "bbl", "pint", "pints", "mg", "milligram", "milligrams", "g", "gram", "grams", "kg",
      "kgs", "kilogram", "kilograms", "kilo", "kilos", "tonne", "tonnes", "ton", "tons", "lb", "lbs", "oz",
      "ounce", "ounces", "stone", "mph", "kph", "kmh", "kmph", "knot", "knots", "celsius", "centigrade",
      "fahrenheit", "joule", "joules", "kj", "kilojoules", "mj", "megajoules", "kcal", "calories", "kwh", "mwh",
      "gwh", "twh", "watt", "watts", "kw", "kilowatt", "kilowatts", "mw", "megawatt", "megawatts", "gw",
      "gigawatt", "gigawatts", "hp", "horsepower", "bhp", "byte", "bytes", "kb", "kilobytes", "mb", "megabytes",
      "gb", "gigabyte", "gigabytes", "tb", "terabyte", "terabytes", "pb", "petabytes", "bps", "kbps", "mbps",
      "gbps", "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
      "hrs", "day", "days", "week", "weeks", "fortnight", "fortnights", "month", "months", "year", "years", "yr",
      "yrs", "decade", "decades", "century", "centuries", "millennium", "millennia", "percent", "pct", "times",
      "fold"};
  for (const char* w : kUnitWords) lex.add(w).unit = find_unit(w);
  static const char* const kCurrencyWords[] = {
      "dollar", "dollars", "euro", "euros", "pound", "pounds", "sterling", "yen", "yuan", "renminbi", "rouble",
      "roubles", "ruble", "rubles", "tenge", "rupee", "rupees", "franc", "francs", "lira", "hryvnia", "hryvnias",
      "naira", "rand", "krona", "kronor", "cent", "cents", "pence", "penny", "rupiah", "ringgit", "baht", "peso",
      "pesos", "shekel", "shekels", "riyal", "riyals", "dirham", "dirhams", "zloty", "zlotys", "krone", "kroner",
      "forint", "shilling", "shillings", "bucks", "quid"};
  for (const char* w : kCurrencyWords) lex.add(w).currency = find_currency_word(w);
  static const char* const kMonthNames[] = {"january", "jan", "jan.", "february", "feb", "feb.", "march", "mar",
                                            "mar.", "april", "apr", "apr.", "may", "june", "jun", "jun.", "july",
                                            "jul", "jul.", "august", "aug", "aug.", "september", "sep", "sep.",
                                            "sept", "sept.", "october", "oct", "oct.", "november", "nov", "nov.",
                                            "december", "dec", "dec."};
  for (const char* w : kMonthNames) lex.add(w).month = month_number(w);
  static const char* const kWeekdayNames[] = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
                                              "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
                                              "sat", "sun", "mon.", "tue.", "tues.", "wed.", "thu.", "thur.",
                                              "thurs.", "fri.", "sat.", "sun."};
  for (const char* w : kWeekdayNames) lex.add(w).weekday = weekday_number(w);
  WordFilter starters;
  // Through the table: adding through the builder would append to the list being read.
  for (const std::string_view word : lex.added) {
    Lex& l = lex.table.add(word);
    if ((l.flags & kQualifier) && !starts_unqualified(l) && !l.unit && !(l.flags & kArticle)) l.flags |= kOnlyQualifier;
    const bool starts_unless_rel_mod = l.number || l.month || l.weekday >= 0 || l.currency || l.unit ||
                                       (l.flags & (kRelDay | kFuzzy | kRatioWord | kAge | kClock | kSignWord | kQualifier | kArticle));
    if ((l.flags & kRelMod) && !starts_unless_rel_mod) l.flags |= kOnlyRelMod;
    if (starts_alone(l) || (l.flags & kArticle)) starters.add(FoldedWord::of(word));
  }
  return {std::move(lex.table), starters, std::move(qualifier_words)};
}

// ---------------------------------------------------------------------------
// Small text helpers.

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_upper(char c) { return c >= 'A' && c <= 'Z'; }
bool is_ascii_lower(char c) { return c >= 'a' && c <= 'z'; }

bool has_upper(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char c) { return is_ascii_upper(c); });
}

// A loop, not find(): tokens are short, and memchr's call costs more.
bool has_hyphen(std::string_view s) {
  for (const char c : s)
    if (c == '-') return true;
  return false;
}

// has_hyphen for a word read into a folded key: folding leaves '-' as it is
// and turns no other byte a token can hold into one.
bool has_hyphen(const FoldedWord& key) {
  constexpr uint64_t kOnes = 0x0101010101010101ull, kHighs = 0x8080808080808080ull, kHyphens = kOnes * '-';
  const uint64_t a = key.low ^ kHyphens, b = key.high ^ kHyphens;  // a hyphen becomes a zero byte
  return (((a - kOnes) & ~a) | ((b - kOnes) & ~b)) & kHighs;
}

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return is_digit(c); });
}

// Lower-cases ASCII into `buffer`; false if the word is too long to matter.
bool lower_into(std::string_view s, char* buffer, size_t capacity, std::string_view* out) {
  if (s.size() > capacity) return false;
  for (size_t i = 0; i < s.size(); ++i) buffer[i] = is_ascii_upper(s[i]) ? static_cast<char>(s[i] + 32) : s[i];
  *out = std::string_view(buffer, s.size());
  return true;
}

std::string lower_copy(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (is_ascii_upper(c)) c = static_cast<char>(c + 32);
  return out;
}

// Splits "a-b-c" on hyphens into at most `max` parts; false if more.
size_t split_hyphens(std::string_view s, std::string_view* parts, size_t max) {
  size_t n = 0, start = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == '-') {
      if (n == max) return 0;
      parts[n++] = s.substr(start, i - start);
      start = i + 1;
    }
  }
  return n;
}

// The same rounding rule as read_numeral: trailing zeros may be rounding,
// the first two digits always count.
double step_of_integer(double value) {
  if (value <= 0 || value != std::floor(value) || value > 1e18) return 1;
  double step = 1;
  while (std::fmod(value, step * 10) == 0 && value >= step * 1000) step *= 10;
  return step;
}

// ---------------------------------------------------------------------------
// The pieces a figure is assembled from.

// A number read from one or more tokens, before units.
struct Quantity {
  size_t begin = 0, end = 0;  // tokens [begin, end)
  double lo = 0, hi = 0;      // lo == hi unless a range or fuzzy bound
  double step = 1;
  bool fuzzy = false;         // dozens, several...
  bool scaled = false;        // million, bn, k applied
  double scale = 1;           // the multiplier applied: 1e6 for "5m"
  bool words = false;         // spelt out
  bool plain_integer = false; // digits only, no comma or point: "747", "2022"
  int integer_digits = 0;
  bool m_suffix = false;      // "600m": million after a currency, metres before "high"/"race"
  const Unit* unit = nullptr; // glued unit: "20ft", "180-day"
  const Currency* currency = nullptr;  // glued currency: "20p"
  bool ordinal = false;       // "21st", "twenty-first"
  bool decade = false;        // "1990s"
  bool age = false;           // "34-year-old"
  bool range = false;
  bool approx_suffix = false; // "40-odd"
  bool plus_suffix = false;   // "5,000-plus"
  bool year_range = false;    // "2004-05"
  bool time = false;          // "3pm", "10.30am": lo = hours
  bool iso_date = false;
  CivilDate date;
  double ratio_fraction = 0;  // "three-quarters": the fraction
  std::string_view noun_tail; // "60,000-seat": what the number counts
  Numeral numeral;            // the digits as read, for exact scaling
};

struct Qualifier {
  size_t begin = 0, end = 0;
  std::string text;  // lower-case
  bool approx = false;
  int bound = 0;     // +1 lower bound ("more than"), -1 upper bound ("up to")
  bool range_start = false;  // between, from
};

struct UnitMatch {
  size_t end = 0;
  const Unit* unit = nullptr;
  const Currency* currency = nullptr;
  bool age = false;
};

// ---------------------------------------------------------------------------

// The per-token arrays of a Scanner. A thread keeps one set, only ever
// grown, so that a document allocates them only when it has more tokens than
// any before it on the thread; a text longer than kKeptScannerTokens gets
// its own, freed with its scanner, so that a long text's (13 bytes a token)
// do not stay beside the later stages and the next texts. The line is low,
// some 350 KB of text: an article is far below it, and past it a text's
// tagging and quotes cost far more than allocating its arrays (a 5 MB
// text's 12.6 MB were alive at its peak, beside the quote finder's arrays).
struct ScannerArrays {
  static constexpr size_t kKeptScannerTokens = size_t{1} << 16;

  // Makes room for `tokens` tokens.
  void reserve(size_t tokens) {
    if (tokens <= capacity) return;
    lex.reset(new const Lex*[tokens]);
    facts.reset(new uint8_t[tokens]);
    candidates.reset(new uint32_t[tokens]);
    capacity = tokens;
  }

  std::unique_ptr<const Lex*[]> lex;
  std::unique_ptr<uint8_t[]> facts;
  std::unique_ptr<uint32_t[]> candidates;
  size_t capacity = 0;
};

ScannerArrays& thread_scanner_arrays() {
  AI_THREAD_SCRATCH ScannerArrays arrays;
  return arrays;
}

// Out of line, as push_back's own growth is: inlined, it cost the scan loop
// instructions on every article.
__attribute__((noinline)) void grow_by_a_quarter(std::vector<Figure>* figures) {
  figures->reserve(figures->size() + figures->size() / 4 + 4);
}

class Scanner {
 public:
  Scanner(const Lexicon& lexicon, const Document& doc, const FigureOptions& options)
      : lexicon_(lexicon), doc_(doc), options_(options), n_(doc.tokens.size()) {
    ScannerArrays& arrays = n_ <= ScannerArrays::kKeptScannerTokens ? thread_scanner_arrays() : own_arrays_;
    arrays.reserve(n_);
    lex_ = arrays.lex.get();
    facts_ = arrays.facts.get();
    candidates_ = arrays.candidates.get();
  }

  std::vector<Figure> run() {
    const size_t candidates = classify_tokens();
    // The candidates' entries, looked up back to back before any matching,
    // so that the lookups' cache misses overlap rather than come one at a time.
    for (size_t c = 0; c < candidates; ++c)
      if (const Lex* l = lex(candidates_[c])) __builtin_prefetch(l);
    std::vector<Figure> figures;
    // News text states a figure every 30-40 tokens (BBC text: 30 to 32);
    // room for one every 24 rarely needs to grow, which would hold the old
    // figures and the new room at once. Room never written is never touched.
    figures.reserve(n_ / 24 + 4);
    size_t resume = 0;  // the token after the last figure, name or code taken
    for (size_t c = 0; c < candidates; ++c) {
      const size_t i = candidates_[c];
      if (i < resume || ((facts_[i] & kMayStart) && !can_start(i))) continue;
      Figure figure;
      size_t end = 0;
      if (match(i, &figure, &end) && figure.span.end > figure.span.start) {
        // The report keeps the figures to the end, beside the later stages'
        // arrays: past the estimate, grow by a quarter rather than double,
        // which left a 5 MB text 17 MB for 9 MB of figures.
        if (figures.size() == figures.capacity()) grow_by_a_quarter(&figures);
        figures.push_back(std::move(figure));
      }
      resume = std::max(end, i + 1);  // past a figure, or a name, code or phone number taken whole
    }
    return figures;
  }

 private:
  // --- token access -------------------------------------------------------
  const NumberWord* word_number(std::string_view lower) const {
    const Lex* l = lexicon_.words.find(lower);
    return l ? l->number : nullptr;
  }
  const Unit* word_unit(std::string_view lower) const {
    const Lex* l = lexicon_.words.find(lower);
    return l ? l->unit : nullptr;
  }
  std::string_view text(size_t i) const {
    if (i >= n_) return {};
    const Token& t = doc_.tokens[i];
    return std::string_view(doc_.text.data() + t.start, t.end - t.start);
  }
  TokenKind kind(size_t i) const { return doc_.tokens[i].kind; }
  // Token i's lexicon entry, or nullptr; looked up on the first question.
  const Lex* lex(size_t i) const {
    if (i >= n_) return nullptr;
    return (facts_[i] & kLookedUp) ? lex_[i] : look_up(i);
  }
  uint32_t flags(size_t i) const {
    const Lex* l = lex(i);
    return l ? l->flags : 0;
  }
  bool adjacent(size_t i) const { return i > 0 && i < n_ && doc_.tokens[i].start == doc_.tokens[i - 1].end; }
  // Token text `t` equals `word` (lower case) in any ASCII case.
  static bool equals_lower(std::string_view t, std::string_view word) {
    if (t.size() != word.size()) return false;
    for (size_t k = 0; k < t.size(); ++k)
      if ((is_ascii_upper(t[k]) ? t[k] + 32 : t[k]) != word[k]) return false;
    return true;
  }
  bool is(size_t i, std::string_view word) const { return i < n_ && equals_lower(text(i), word); }
  // A template on the list's length rather than an initializer_list: the
  // token is read once and each call site's loop unrolls over its literal
  // words, most of which the length comparison rejects.
  template <size_t N>
  bool is_any(size_t i, const std::string_view (&words)[N]) const {
    if (i >= n_) return false;
    return is_any_lower(text(i), words);
  }
  template <size_t N>
  static bool is_any_lower(std::string_view s, const std::string_view (&words)[N]) {
    for (const std::string_view w : words)
      if (equals_lower(s, w)) return true;
    return false;
  }
  bool is_number_token(size_t i) const { return i < n_ && kind(i) == TokenKind::kNumber; }
  bool starts_with_digit(size_t i) const {
    if (i >= n_) return false;
    const std::string_view t = text(i);
    return is_digit(t[0]) || (t.size() > 1 && t[0] == '.' && is_digit(t[1]));
  }
  bool is_dash(size_t i) const {
    return is_any(i, {"-", "--", "\xE2\x80\x93", "\xE2\x80\x94"});  // hyphen, en dash, em dash
  }
  bool capitalised(size_t i) const { return i < n_ && kind(i) == TokenKind::kWord && is_ascii_upper(text(i)[0]); }
  bool is_sentence_start(size_t i) const { return i < n_ && (facts_[i] & kSentenceStart); }

  // One pass over the tokens for the list of those that can start a figure:
  // every token can_start accepts, and some it may reject (their facts say
  // kMayStart). Words are not looked up here: the lexicon's starter filter
  // rules out most of them, and the rest are left to can_start. Returns the
  // list's length.
  size_t classify_tokens() {
    // Everything the loop reads but does not change, in locals: its byte
    // stores could alias anything reached through a pointer or reference.
    const WordFilter& starters = lexicon_.starters;
    const char* const text = doc_.text.data();
    const Token* const tokens = doc_.tokens.data();
    uint8_t* const facts = facts_;
    uint32_t* const list = candidates_;
    // The tokens with 16 readable bytes at their start, whose keys take
    // two plain loads; the last few are read with care below.
    size_t padded = n_;
    while (padded > 0 && doc_.text.size() - tokens[padded - 1].start < 16) --padded;
    size_t candidates = 0;
    // Token kinds and filter answers follow no pattern: every token is
    // classified as a word, a number and a punctuation mark, and masks keep
    // the right answer, rather than branches that would mispredict.
    for (size_t i = 0; i < n_; ++i) {
      const Token& token = tokens[i];
      const char* const p = text + token.start;
      const size_t size = token.end - token.start;
      const auto first = static_cast<unsigned char>(p[0]);
      FoldedWord key;
      bool hyphen;
      if (__builtin_expect(i < padded, 1)) {
        key = FoldedWord::of_padded(p, size);  // no word's key past 16 bytes
        hyphen = has_hyphen(key);
        if (__builtin_expect(size > kMaxWordTableWord, 0)) hyphen = has_hyphen(std::string_view(p, size));
      } else {
        if (size <= kMaxWordTableWord) key = FoldedWord::of(std::string_view(p, size));
        hyphen = has_hyphen(std::string_view(p, size));
      }
      const uint32_t word = 0 - static_cast<uint32_t>(token.kind == TokenKind::kWord);
      const uint32_t punct = 0 - static_cast<uint32_t>(token.kind == TokenKind::kPunct);
      // A word may start a figure if it may be a starting word, a
      // hyphenated compound ("twenty-one", "two-hour") or a currency code
      // ("USD 5"): can_start decides; it starts if its first byte is a digit.
      const uint32_t code = static_cast<uint32_t>(size == 3) & static_cast<uint32_t>(is_ascii_upper(p[0])) & static_cast<uint32_t>(is_ascii_upper(p[1]));
      const uint32_t maybe = static_cast<uint32_t>(starters.may_hold(key)) | static_cast<uint32_t>(hyphen) | code;
      const uint32_t as_word = (maybe * kMayStart) | static_cast<uint32_t>(is_digit(p[0]));
      const uint32_t start = (as_word & word) | (kPunctStarts[first] & punct) | (kStarts & ~(word | punct));
      // "US$", "HK$": the word before a glued "$" may start a figure.
      if (__builtin_expect(first == '$', 0) && size == 1 && i > 0 && facts[i - 1] == kNeverStarts &&
          tokens[i - 1].kind == TokenKind::kWord && tokens[i - 1].end == token.start) {
        facts[i - 1] = kMayStart;
        list[candidates++] = static_cast<uint32_t>(i - 1);
      }
      facts[i] = static_cast<uint8_t>(start);
      list[candidates] = static_cast<uint32_t>(i);
      candidates += start != kNeverStarts;
    }
    for (const Sentence& s : doc_.sentences)
      if (s.first_token < n_) facts[s.first_token] |= kSentenceStart;
    return candidates;
  }

  // Looks token i up in the lexicon and keeps the answer. Numbers and most
  // single punctuation marks have no entry, whatever their text. Kept out of
  // line so that lex(), called everywhere, inlines to a load and a compare.
  __attribute__((noinline)) const Lex* look_up(size_t i) const {
    const Token& token = doc_.tokens[i];
    const std::string_view t(doc_.text.data() + token.start, token.end - token.start);
    const bool symbol = t.size() > 1 || kSymbolEntries[static_cast<unsigned char>(t[0])];
    const bool listed = token.kind == TokenKind::kWord || (token.kind == TokenKind::kPunct && symbol);
    const Lex* l = listed ? lexicon_.words.find(t) : nullptr;
    lex_[i] = l;
    facts_[i] |= kLookedUp;
    return l;
  }

  // Token i + 1 is "$" with no space before it.
  bool glued_dollar_after(size_t i) const {
    if (i + 1 >= n_) return false;
    const Token& next = doc_.tokens[i + 1];
    return next.end - next.start == 1 && doc_.text[next.start] == '$' && next.start == doc_.tokens[i].end;
  }

  // Whether `head`, the part of an unlisted word before its first hyphen,
  // lets the word start a figure: a number word ("twenty-one", "two-hour",
  // "third-largest") or a year's prefix ("mid-2020"). Most hyphenated words
  // ("so-called", "well-known") fail here rather than in every matcher.
  bool may_head_compound(std::string_view head) const {
    const Lex* l = head.empty() ? nullptr : lexicon_.words.find(head);
    return (l && l->number) || is_any_lower(head, {"mid", "pre", "post", "early", "late"});
  }

  bool can_start(size_t i) const { return can_start(i, true); }

  // With `look_past_qualifiers` false, a word that is only a qualifier counts
  // as a start without looking at what follows its phrase: "about more than
  // about more than ..." would otherwise recurse once per phrase, as deep as
  // the text is long (a stack overflow in wasm) and as often as it has
  // phrases (quadratic). Looking one phrase ahead is only a filter: the
  // matchers read the whole chain themselves.
  bool can_start(size_t i, bool look_past_qualifiers) const {
    const std::string_view t = text(i);
    if (kind(i) == TokenKind::kNumber || is_digit(t[0])) return true;
    if (kind(i) == TokenKind::kPunct) {
      const unsigned char c = static_cast<unsigned char>(t[0]);
      if (c >= 0x80) return t == "\xE2\x88\x92" || t == "\xE2\x80\x99" || find_currency_symbol(t) != nullptr;
      switch (c) {
        case '$': return true;
        case '-': return adjacent(i + 1) && (starts_with_digit(i + 1) || find_currency_symbol(text(i + 1)));  // "-5", "-$3m"
        case '+':
        case '(': return is_number_token(i + 1);  // phone numbers: "+44 20 7946 0958", "(020) 7946 0958"
        case '\'': return adjacent(i + 1) && starts_with_digit(i + 1);  // "'90s"
        default: return false;
      }
    }
    // "US$", "A$", "HK$" (the rare glued "$" tested first: it predicts well)
    if (glued_dollar_after(i) && t.size() <= 3 && is_ascii_upper(t[0])) return true;
    const Lex* l = lex(i);
    if (l == nullptr) {
      // Hyphenated compounds: "twenty-one", "two-hour", "third-largest", "mid-2020"; codes: "USD 5".
      if (t.size() == 3 && is_ascii_upper(t[0]) && is_ascii_upper(t[1])) return starts_with_digit(i + 1) && find_currency_code(t);
      return has_hyphen(t) && may_head_compound(t.substr(0, t.find('-')));
    }
    if (l->flags & kArticle) {
      // "a dozen", "a day", "a handful", "an estimated"
      const Lex* next = lex(i + 1);
      return next && (next->number || next->unit || next->currency || (next->flags & (kFuzzy | kQualifier)));
    }
    // Words that are only qualifiers ("in", "at", "more") start a figure only
    // as a whole phrase before a number: most of them are neither.
    if (l->flags & kOnlyQualifier) {
      if (!look_past_qualifiers) return true;
      size_t end = 0;
      return qualifier_at(i, &end, false) != nullptr;
    }
    // Likewise "last", "next", "this": only before a weekday, a month or a period ("last week").
    if (l->flags & kOnlyRelMod) {
      const Lex* next = lex(i + 1);
      return next && (next->weekday >= 0 || next->month > 0 || (next->flags & kPeriod));
    }
    return starts_alone(*l);
  }

  // --- matching -------------------------------------------------------------
  bool match(size_t i, Figure* out, size_t* end) {
    *end = i;
    // Codes and fractions begin with digits or signs, never with a qualifier word.
    const bool only_qualifier = flags(i) & kOnlyQualifier;
    if (!only_qualifier && skip_code(i, end)) {
      if (options_.phone_numbers && phone_or_ip_) {
        emit_code(i, *end, out);
        return true;
      }
      return false;
    }
    if (!only_qualifier && match_fraction(i, out, end)) return true;
    Qualifier q;
    if (match_qualifier(i, &q)) {
      if (q.range_start) {
        if (match_explicit_range(q, out, end)) return true;
        return false;
      }
      if (q.end >= n_) return false;
      if (match_amount(q.end, &q, out, end)) {
        if (out->kind != FigureKind::kOrdinal) return true;
        *end = q.end;  // "about 1st century": the qualifier does not qualify an ordinal
        return false;
      }
      // "around 5pm", "nearly doubling", "almost a third of": the qualifier joins the span.
      if (match_time(q.end, out, end) || (match_word_figure(q.end, out, end) && out->kind != FigureKind::kOrdinal)) {
        out->span.start = doc_.tokens[q.begin].start;
        out->qualifier = q.text;
        out->approx = out->approx || q.approx;
        return true;
      }
      return false;
    }
    // Most qualifier words ("in", "at", "as", "up", "from") are only that.
    if (only_qualifier) return false;
    if (match_date(i, out, end)) return true;
    if (match_time(i, out, end)) return true;
    if (match_amount(i, nullptr, out, end)) return true;
    if (match_word_figure(i, out, end)) return true;
    return false;
  }

  // Phone numbers, IP addresses and version numbers: never figures unless
  // phone numbers were asked for. Sets *end past the code.
  bool phone_or_ip_ = false;
  bool skip_code(size_t i, size_t* end) {
    phone_or_ip_ = false;
    const std::string_view t = text(i);
    if (kind(i) == TokenKind::kNumber) {
      size_t dots = 0, hyphens = 0, digits = 0;
      for (char c : t) {
        dots += c == '.';
        hyphens += c == '-';
        digits += is_digit(c);
      }
      if (dots >= 2) {  // 1.2.3 or 192.168.1.1
        phone_or_ip_ = dots == 3 && hyphens == 0;
        *end = i + 1;
        return true;
      }
      if (hyphens >= 2 && !(hyphens == 2 && t.size() == 10 && t[4] == '-' && t[7] == '-')) {  // not ISO date
        phone_or_ip_ = digits >= 7;
        *end = i + 1;
        return true;
      }
      // "020 7946 0958": a leading zero and another digit group.
      if (t.size() >= 3 && t[0] == '0' && all_digits(t) && is_number_token(i + 1) && all_digits(text(i + 1)) &&
          text(i + 1).size() >= 3) {
        size_t k = i + 1;
        while (k < n_ && is_number_token(k) && all_digits(text(k)) && k < i + 4) ++k;
        phone_or_ip_ = true;
        *end = k;
        return true;
      }
    }
    if (t == "+" && is_number_token(i + 1) && adjacent(i + 1) && !adjacent(i) && text(i + 1).size() <= 3 &&
        all_digits(text(i + 1)) && (is_number_token(i + 2) || is(i + 2, "("))) {
      size_t k = i + 1;
      while (k < n_ && k < i + 8 && (is_number_token(k) || is(k, "(") || is(k, ")"))) ++k;
      phone_or_ip_ = true;
      *end = k;
      return true;
    }
    if (t == "(" && is_number_token(i + 1) && all_digits(text(i + 1)) && text(i + 1).size() >= 3 &&
        is(i + 2, ")") && is_number_token(i + 3) && text(i + 3).size() >= 3) {
      phone_or_ip_ = true;
      *end = i + 4;
      return true;
    }
    // "Boeing 747", "Windows 10", "G7": a capitalised word and a bare number form a name.
    if (starts_with_digit(i) && i > 0 && !adjacent(i) && is_name_part(i - 1) && bare_number(i)) {
      *end = i + 1;
      return true;
    }
    // "5/4 favourite", "24/7": odds and codes, unless a date ("05/01/2022")
    // or a fraction ("1/3", "3/4", read by match_fraction).
    if (kind(i) == TokenKind::kNumber && is(i + 1, "/") && adjacent(i + 1) && is_number_token(i + 2) &&
        adjacent(i + 2) && !(is(i + 3, "/") && adjacent(i + 3)) && !is_fraction(i) && !is_year_pair(i)) {
      *end = i + 3;
      return true;
    }
    // "10 Downing Street": an address.
    if (kind(i) == TokenKind::kNumber && capitalised(i + 1) && capitalised(i + 2) &&
        is_any(i + 2, {"street", "road", "avenue", "lane", "square", "place", "drive", "boulevard", "way"})) {
      *end = i + 1;
      return true;
    }
    return false;
  }

  // Token i begins a sentence or a quotation, where capitals say nothing.
  bool starts_clause(size_t i) const {
    if (is_sentence_start(i) || i == 0) return true;
    const std::string_view prev = text(i - 1);
    return kind(i - 1) == TokenKind::kPunct && prev != "," && prev != "(" && prev != "-";
  }

  bool is_year_pair(size_t i) const {
    int first = 0, second = 0;
    return year_number(i, &first) && year_number(i + 2, &second) && second == first + 1;
  }

  // "1/3", "3/4": a small proper fraction with a common denominator.
  bool is_fraction(size_t i) const {
    if (!all_digits(text(i)) || !all_digits(text(i + 2)) || text(i).size() > 2 || text(i + 2).size() > 2) return false;
    const int top = std::atoi(std::string(text(i)).c_str()), bottom = std::atoi(std::string(text(i + 2)).c_str());
    return top > 0 && top < bottom && (bottom <= 10 || bottom == 12 || bottom == 16 || bottom == 100);
  }

  bool match_fraction(size_t i, Figure* out, size_t* end) const {
    // "1999/2000": a season or financial year.
    int first = 0, second = 0;
    if (year_number(i, &first) && is(i + 1, "/") && adjacent(i + 1) && adjacent(i + 2) && year_number(i + 2, &second) &&
        second == first + 1) {
      out->span = {doc_.tokens[i].start, doc_.tokens[i + 2].end};
      out->kind = FigureKind::kDate;
      out->value = {static_cast<double>(first), static_cast<double>(second)};
      char buffer[24];  // room for any two ints, though years have four digits
      std::snprintf(buffer, sizeof buffer, "%04d/%04d", first, second);
      out->date_text = buffer;
      *end = i + 3;
      return true;
    }
    if (kind(i) != TokenKind::kNumber || !is(i + 1, "/") || !adjacent(i + 1) || !is_number_token(i + 2) ||
        !adjacent(i + 2) || (is(i + 3, "/") && adjacent(i + 3)) || !is_fraction(i))
      return false;
    const double v = std::atof(std::string(text(i)).c_str()) / std::atof(std::string(text(i + 2)).c_str());
    out->span = {doc_.tokens[i].start, doc_.tokens[i + 2].end};
    out->kind = FigureKind::kRatio;
    out->value = {v, v};
    out->counted = counted_after(i + 3, true);
    *end = i + 3;
    return true;
  }

  bool is_name_part(size_t i) const {
    if (kind(i) != TokenKind::kWord) return false;
    const uint32_t f = flags(i);
    if (f & kNotAfterNumber) return true;  // "version 2.1", "type 2 diabetes", "Boeing 747"
    if (!has_upper(text(i))) return false;
    const Lex* l = lex(i);
    if (l && (l->month || l->weekday >= 0 || l->number || l->unit || l->currency)) return false;
    if (f & (kStop | kQualifier | kAux | kYearPrep | kChange | kRelMod | kAge)) return false;
    if (text(i).size() <= 3 && (find_currency_code(text(i)) || find_dollar_prefix(text(i)))) return false;
    return true;
  }

  // A number with nothing after it that makes it a measure: "747 crashed", "10 update".
  bool bare_number(size_t i) const {
    if (kind(i) != TokenKind::kNumber) return false;
    const std::string_view t = text(i);
    if (t.find(',') != std::string_view::npos) return false;
    if (is_any(i + 1, {"%", "per", "percent", "million", "billion", "bn", "m", "people", "years", "year"})) return false;
    const Lex* next = lex(i + 1);
    if (next && (next->unit || next->currency || next->number || next->month)) return false;
    return true;
  }

  void emit_code(size_t i, size_t end, Figure* out) {
    out->span = {doc_.tokens[i].start, doc_.tokens[end - 1].end};
    std::string digits;
    for (char c : doc_.span_text(out->span))
      if (is_digit(c)) digits += c;
    const bool ip = std::count(doc_.span_text(out->span).begin(), doc_.span_text(out->span).end(), '.') == 3;
    out->kind = FigureKind::kNumber;
    out->unit = ip ? "ip" : "tel";
    const double v = digits.size() <= 15 ? std::strtod(digits.c_str(), nullptr) : 0;
    out->value = {v, v};
  }

  // The longest qualifier phrase at token i that is followed by something a
  // figure can start with, or nullptr; *end is the token after the phrase.
  // `look_past_qualifiers` is can_start's, for the token after the phrase.
  const QualifierPhrase* qualifier_at(size_t i, size_t* end, bool look_past_qualifiers) const {
    const Lex* l = lex(i);
    if (l == nullptr || !(l->flags & kQualifier)) return nullptr;
    size_t best_end = 0;
    const QualifierPhrase* best = nullptr;
    for (uint64_t bits = l->qualifier_phrases; bits != 0; bits &= bits - 1) {
      const size_t p = __builtin_ctzll(bits);
      const PhraseWords& phrase = lexicon_.qualifier_words[p];
      size_t matched = 0;
      while (matched < phrase.count && is(i + matched, phrase.words[matched])) ++matched;
      if (matched == phrase.count && i + matched > best_end) {
        best_end = i + matched;
        best = &kQualifierPhrases[p];
      }
    }
    if (best == nullptr || best_end >= n_ || !can_start(best_end, look_past_qualifiers)) return nullptr;
    *end = best_end;
    return best;
  }

  bool match_qualifier(size_t i, Qualifier* q) const {
    size_t best_end = 0;
    const QualifierPhrase* best = qualifier_at(i, &best_end, true);
    if (best == nullptr) return false;
    q->begin = i;
    q->end = best_end;
    q->text = best->words;
    q->approx = best->approx;
    q->bound = best->bound;
    q->range_start = best->range_start;
    return true;
  }

  // --- quantities -------------------------------------------------------------

  // A number at token i, in digits or words, with scale words applied.
  bool read_quantity(size_t i, Quantity* q) const {
    if (i >= n_) return false;
    if (starts_with_digit(i)) {
      if (!read_digit_token(i, q)) return false;
      if (q->plain_integer || q->integer_digits > 0) apply_following_scale(q);
      return true;
    }
    return read_words(i, q);
  }

  // Applies "million", "bn", "hundred", "dozen" after a number: "1.5 million",
  // "3 hundred and 21".
  void apply_following_scale(Quantity* q) const {
    if (q->scaled || q->ordinal || q->decade || q->age || q->time || q->unit || q->currency || q->iso_date ||
        q->year_range)
      return;
    const Lex* l = lex(q->end);
    if (l == nullptr || l->number == nullptr) return;
    const NumberWord& w = *l->number;
    if (w.kind == WordKind::kScale || w.kind == WordKind::kHundred || w.kind == WordKind::kDozen) {
      if (w.kind == WordKind::kHundred && is(q->end + 1, "and") &&
        ((lex(q->end + 2) && lex(q->end + 2)->number && lex(q->end + 2)->number->kind == WordKind::kCardinal) ||
         is_number_token(q->end + 2))) {
        Quantity rest;
        if (read_words(q->end + 2, &rest) || (is_number_token(q->end + 2) && read_digit_token(q->end + 2, &rest) &&
                                              rest.plain_integer && rest.lo < 100)) {
          q->lo = q->lo * 100 + rest.lo;
          q->hi = q->lo;
          q->end = rest.end;
          q->step = 1;
          q->scaled = true;
          return;
        }
      }
      const bool single = q->lo == q->hi && q->numeral.length > 0;
      q->lo = single ? q->numeral.scaled(w.value) : q->lo * w.value;  // "3.3 million" is exactly 3300000
      q->hi = single ? q->lo : q->hi * w.value;
      q->step *= w.value;
      q->scale = w.value;
      q->end += 1;
      q->scaled = true;
      // "1.5 million" may go on: "2 hundred thousand"
      const Lex* more = lex(q->end);
      if (more && more->number && more->number->kind == WordKind::kScale && more->number->value > w.value) {
        q->lo *= more->number->value;
        q->hi *= more->number->value;
        q->step *= more->number->value;
        q->scale *= more->number->value;
        q->end += 1;
      }
    }
  }

  // Reads a token that starts with a digit: "2,000", "1.13bn", "10-15",
  // "180-day", "21st", "1990s", "3pm", "20ft", "2004-05", "1996-08-22".
  bool read_digit_token(size_t i, Quantity* q) const {
    const std::string_view t = text(i);
    q->begin = i;
    q->end = i + 1;
    std::string_view parts[4];
    const size_t count = split_hyphens(t, parts, 4);
    if (count == 0) return false;
    const Numeral first = read_numeral(parts[0]);
    if (first.length == 0) return false;
    q->numeral = first;
    q->lo = q->hi = first.value;
    q->step = first.step;
    q->integer_digits = first.integer_digits;
    std::string_view suffix = parts[0].substr(first.length);
    q->plain_integer = suffix.empty() && !first.grouped && first.decimals == 0;
    if (!suffix.empty() && !read_suffix(suffix, first, q)) return false;
    if (count == 1) return true;
    // Hyphenated: range, ISO date, year range, compound adjective.
    const Numeral second = read_numeral(parts[1]);
    if (second.length > 0 && suffix.empty()) {
      const std::string_view suffix2 = parts[1].substr(second.length);
      if (count == 3 && suffix2.empty() && first.integer_digits == 4 && second.integer_digits == 2 &&
          all_digits(parts[2]) && parts[2].size() == 2) {
        q->iso_date = true;
        q->date = {static_cast<int>(first.value), static_cast<int>(second.value), std::atoi(std::string(parts[2]).c_str())};
        return is_valid_date(q->date);
      }
      if (count > 2 && !(count == 3 && (parts[2] == "year" || parts[2] == "years"))) return false;
      if (suffix2.empty() && first.integer_digits == 4 && q->plain_integer && second.integer_digits == 2 &&
          second.decimals == 0 && first.value >= 1000 && first.value <= 2100) {
        // "2004-05": a season or fiscal year.
        const double century = std::floor(first.value / 100) * 100;
        double upper = century + second.value;
        if (upper <= first.value) upper += 100;
        if (upper - first.value > 50) return false;
        q->lo = first.value;
        q->hi = upper;
        q->year_range = true;
        return true;
      }
      if (second.value <= first.value) return false;  // "3-1" is a score, not a range
      q->hi = second.value;
      q->range = true;
      q->step = std::min(q->step, second.step);
      q->plain_integer = false;
      if (!suffix2.empty()) {
        // "10-15km", "3-5m"
        Quantity tail;
        if (!read_suffix(suffix2, second, &tail)) return false;
        if (tail.scaled) {
          q->lo *= tail.scale;
          q->hi = tail.lo;
          q->step *= tail.scale;
          q->scale = tail.scale;
          q->scaled = true;
          q->m_suffix = tail.m_suffix;
        } else if (tail.unit) {
          q->unit = tail.unit;
        } else {
          return false;
        }
      }
      if (count == 3) {
        q->unit = unit_by_code("year");
        q->age = parts[2] == "year" || parts[2] == "years";
      }
      return true;
    }
    if (q->ordinal && count == 2) return true;  // "79th-minute", "21st-century"
    if (!suffix.empty() && !(count == 2 && (parts[1] == "plus" || parts[1] == "odd"))) return false;
    return read_compound_tail(parts + 1, count - 1, q);
  }

  // What follows "180-", "34-", "5,000-", "2-": a unit, "year-old", "plus", "odd", "fold".
  bool read_compound_tail(const std::string_view* parts, size_t count, Quantity* q) const {
    char buffer[24];
    std::string_view word;
    if (!lower_into(parts[0], buffer, sizeof buffer, &word)) return false;
    if (count == 1 && word == "plus") {
      q->plus_suffix = true;
      q->plain_integer = false;
      return true;
    }
    if (count == 1 && (word == "odd" || word == "something" || word == "ish")) {
      q->approx_suffix = true;
      q->plain_integer = false;
      return true;
    }
    if (count == 1 && word == "fold") {
      q->unit = unit_by_code("times");
      q->plain_integer = false;
      return true;
    }
    const Unit* unit = word_unit(word);
    if (unit == nullptr && count == 1 && word.size() >= 3 &&
        std::all_of(word.begin(), word.end(), [](char c) { return is_ascii_lower(c); })) {
      q->noun_tail = parts[0];  // "60,000-seat": a count of seats
      q->plain_integer = false;
      return true;
    }
    if (unit == nullptr || unit->dimension == Dimension::kPercent) return false;
    q->unit = unit;
    q->plain_integer = false;
    if (count == 1) return true;
    char buffer2[24];
    std::string_view old;
    if (count == 2 && unit->dimension == Dimension::kDuration && lower_into(parts[1], buffer2, sizeof buffer2, &old) &&
        old == "old") {
      q->age = true;
      return true;
    }
    return false;
  }

  // Letters glued to digits: "bn", "m", "k", "st", "s", "pm", "ft", "p".
  bool read_suffix(std::string_view suffix, const Numeral& n, Quantity* q) const {
    char buffer[16];
    std::string_view s;
    if (!lower_into(suffix, buffer, sizeof buffer, &s)) return false;
    // "4G", "3D", "5S": codes; only a few capitals are units or multipliers.
    if (suffix.size() == 1 && is_ascii_upper(suffix[0]) && std::strchr("CFMBK", suffix[0]) == nullptr) return false;
    double scale = 0;
    if (s == "bn" || s == "b" || s == "billion") scale = 1e9;
    else if (s == "m" || s == "mn" || s == "mln" || s == "million") scale = 1e6;
    else if (s == "k" || s == "000") scale = 1e3;
    else if (s == "tn" || s == "trn" || s == "trillion") scale = 1e12;
    if (scale > 0) {
      if (s == "b" && !is_digit(suffix[0]) && suffix[0] != 'b') return false;
      q->lo = q->hi = n.scaled(scale);
      q->step = n.step * scale;
      q->scale = scale;
      q->scaled = true;
      q->m_suffix = s == "m";
      return true;
    }
    const double v = n.value;
    const bool whole = n.decimals == 0 && !n.grouped;
    // Ordinals stop at 15 digits: beyond that a double no longer holds the
    // last two digits the suffix must agree with, and converting the value to
    // an integer would overflow.
    if ((s == "st" || s == "nd" || s == "rd" || s == "th") && whole && n.integer_digits <= 15) {
      const long last = static_cast<long>(v) % 10, tens = static_cast<long>(v) % 100 / 10;
      const char* expected = tens == 1 ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
      if (s != expected) return false;
      q->ordinal = true;
      return true;
    }
    if (s == "s" && whole && ((n.integer_digits == 4 && std::fmod(v, 10) == 0) || (n.integer_digits == 2 && std::fmod(v, 10) == 0))) {
      q->decade = true;
      return true;
    }
    if ((s == "am" || s == "pm" || s == "a.m." || s == "p.m.") && v < 13 && (n.decimals == 0 || n.decimals == 2)) {
      double hours = std::floor(v);
      const double minutes = std::round((v - hours) * 100);
      if (hours < 1 || minutes >= 60) return false;
      if (s[0] == 'p' && hours < 12) hours += 12;
      if (s[0] == 'a' && hours == 12) hours = 0;
      q->time = true;
      q->lo = q->hi = hours + minutes / 60;
      return true;
    }
    if (s == "p") {
      q->currency = find_currency_word("pence");
      return true;
    }
    if (const Unit* unit = find_suffix_unit(s)) {
      q->unit = unit;
      return true;
    }
    return false;
  }

  // Number words: "twelve", "two hundred and five", "twenty-one", "a dozen",
  // "one and a half", "a million", "three hundred thousand".
  bool read_words(size_t i, Quantity* q) const {
    double total = 0, current = 0, last_scale = kInf;
    bool any = false, last_was_tens = false, last_was_unit = false, article = false;
    size_t k = i;
    size_t end = i;
    if (flags(k) & kArticle) {
      const Lex* next = lex(k + 1);
      if (!next || !next->number ||
          !(next->number->kind == WordKind::kScale || next->number->kind == WordKind::kHundred ||
            next->number->kind == WordKind::kDozen))
        return false;
      article = true;
      current = 1;
      ++k;
    }
    for (; k < n_ && k < i + 12; ++k) {
      const std::string_view t = text(k);
      if (has_hyphen(t)) {
        // "twenty-one", "forty-five": tens and a unit in one token.
        if (any && (last_was_unit || last_was_tens)) break;
        std::string_view parts[3];
        if (split_hyphens(t, parts, 3) != 2) break;
        char b1[16], b2[16];
        std::string_view w1, w2;
        if (!lower_into(parts[0], b1, sizeof b1, &w1) || !lower_into(parts[1], b2, sizeof b2, &w2)) break;
        const NumberWord* tens = word_number(w1);
        const NumberWord* unit = word_number(w2);
        if (!tens || !unit || tens->kind != WordKind::kCardinal || unit->kind != WordKind::kCardinal ||
            tens->value < 20 || std::fmod(tens->value, 10) != 0 || unit->value >= 10 || unit->value == 0)
          break;
        if (any && current != 0 && std::fmod(current, 100) != 0) break;
        current += tens->value + unit->value;
        any = true;
        last_was_tens = false;
        last_was_unit = true;
        end = k + 1;
        continue;
      }
      const Lex* l = lex(k);
      if (is(k, "and") && any && k + 1 < n_) {
        const Lex* next = lex(k + 1);
        // "one and a half"
        if ((flags(k + 1) & kArticle) && lex(k + 2) && lex(k + 2)->number &&
            lex(k + 2)->number->kind == WordKind::kFraction && !is(k + 2, "halves") && !is(k + 2, "quarters")) {
          current += lex(k + 2)->number->value;
          end = k + 3;
          k += 2;
          last_was_unit = true;
          last_was_tens = false;
          // "one and a half million"
          const Lex* scale = lex(k + 1);
          if (scale && scale->number && scale->number->kind == WordKind::kScale) {
            total += current * scale->number->value;
            current = 0;
            end = k + 2;
          }
          break;
        }
        const bool after_hundred_or_scale = std::fmod(current, 100) == 0 || current == 0;
        const bool compound_next = !next && has_hyphen(text(k + 1));  // "and twenty-three"
        if (((next && next->number && next->number->kind == WordKind::kCardinal) || compound_next) &&
            after_hundred_or_scale)
          continue;
        break;
      }
      if (!l || !l->number) break;
      const NumberWord& w = *l->number;
      if (w.kind == WordKind::kCardinal) {
        if (last_was_unit) break;
        if (last_was_tens && (w.value >= 10 || w.value == 0)) break;
        if (any && !last_was_tens && current != 0 && std::fmod(current, 100) != 0) break;
        if (any && !last_was_tens && current != 0 && w.value >= 100) break;
        current += w.value;
        last_was_tens = w.value >= 20;
        last_was_unit = !last_was_tens;
      } else if (w.kind == WordKind::kHundred) {
        if (!any && !article) break;
        if (current >= 100 || current == 0) break;
        current *= 100;
        last_was_tens = last_was_unit = false;
      } else if (w.kind == WordKind::kScale) {
        if (!any && !article) break;
        if (current == 0) break;
        if (t == "bn" || t == "mn" || t == "tn" || t == "trn") {
          if (!any) break;
        }
        if (w.value >= last_scale) break;  // "thousand ... thousand" starts a new number
        last_scale = w.value;
        total += current * w.value;
        current = 0;
        last_was_tens = last_was_unit = false;
      } else if (w.kind == WordKind::kDozen) {
        if (!any && !article) break;
        if (current == 0) current = 1;
        if (current > 12 || current != std::floor(current)) break;
        current *= 12;
        last_was_tens = last_was_unit = false;
        any = true;
        end = k + 1;
        break;
      } else {
        break;
      }
      any = true;
      end = k + 1;
      // "one" alone after "no"/"the" is a pronoun, handled by the caller.
    }
    if (!any) return false;
    q->begin = i;
    q->lo = q->hi = total + current;
    q->step = step_of_integer(q->lo);
    q->words = true;
    // "three point five (million)"
    if (is(end, "point") && total == 0 && !article) {
      double place = 0.1, fraction = 0;
      size_t m = end + 1;
      for (; m < n_ && m < end + 8; ++m) {
        const Lex* d = lex(m);
        if (!d || !d->number || d->number->kind != WordKind::kCardinal || d->number->value > 9) break;
        fraction += d->number->value * place;
        place /= 10;
      }
      if (m > end + 1) {
        q->lo = q->hi = q->lo + fraction;
        q->step = place * 10;
        end = m;
        const Lex* scale = lex(end);
        if (scale && scale->number && scale->number->kind == WordKind::kScale && !is(end, "bn")) {
          q->lo *= scale->number->value;
          q->hi = q->lo;
          q->step *= scale->number->value;
          q->scale = scale->number->value;
          q->scaled = true;
          ++end;
        }
      }
    }
    q->end = end;
    return true;
  }

  // Fuzzy amounts: "dozens", "tens of thousands", "hundreds of millions",
  // "several hundred", "a handful", "a few thousand", "scores".
  bool read_fuzzy(size_t i, Quantity* q) const {
    size_t k = i;
    bool article = false;
    if (flags(k) & kArticle) {
      article = true;
      ++k;
    }
    const Lex* l = lex(k);
    if (!l || !(l->flags & kFuzzy)) return false;
    const FuzzyWord& f = *l->fuzzy;
    if (f.needs_article != article) return false;
    double lo = f.min, hi = f.max;
    size_t end = k + 1;
    // "tens of thousands", "hundreds of millions", "dozens of thousands"
    if (f.head > 0 && is(k + 1, "of") && lex(k + 2) && (lex(k + 2)->flags & kFuzzy) && lex(k + 2)->fuzzy->tail > 0 &&
        lex(k + 2)->fuzzy->tail > f.head) {
      lo = 2 * f.head * lex(k + 2)->fuzzy->tail;
      hi = kInf;
      end = k + 3;
    } else if (!f.standalone) {
      return false;
    } else if (f.head == 0 && lex(k + 1) && lex(k + 1)->number &&
               (lex(k + 1)->number->kind == WordKind::kScale || lex(k + 1)->number->kind == WordKind::kHundred ||
                lex(k + 1)->number->kind == WordKind::kDozen) &&
               !is(k + 1, "bn")) {
      // "several hundred", "a few thousand", "a couple of hundred"
      const double scale = lex(k + 1)->number->value;
      lo *= scale;
      hi = std::isfinite(hi) ? hi * scale : hi;
      end = k + 2;
    } else if (f.head == 0 && is(k + 1, "of") && lex(k + 2) && lex(k + 2)->number &&
               (lex(k + 2)->number->kind == WordKind::kScale || lex(k + 2)->number->kind == WordKind::kHundred)) {
      const double scale = lex(k + 2)->number->value;
      lo *= scale;
      hi = std::isfinite(hi) ? hi * scale : hi;
      end = k + 3;
    }
    q->begin = i;
    q->end = end;
    q->lo = lo;
    q->hi = hi;
    q->fuzzy = true;
    q->words = true;
    q->step = 1;
    return true;
  }

  // --- units --------------------------------------------------------------------

  // A unit starting at token k, after a number.
  bool read_unit(size_t k, const Quantity& q, bool has_currency, UnitMatch* u) const {
    if (k >= n_) return false;
    const std::string_view t = text(k);
    if (t == "%") {
      *u = {k + 1, unit_by_code("%")};
      return true;
    }
    // "°C", "ºF", "℃", "° C"
    if (t == "\xC2\xB0" || t == "\xC2\xBA") {
      if (is(k + 1, "c") && adjacent(k + 1)) *u = {k + 2, unit_by_code("C")};
      else if (is(k + 1, "f") && adjacent(k + 1)) *u = {k + 2, unit_by_code("F")};
      else return false;
      return true;
    }
    if (t == "\xE2\x84\x83") {
      *u = {k + 1, unit_by_code("C")};
      return true;
    }
    if (kind(k) != TokenKind::kWord) return false;
    if (is(k, "per") && is(k + 1, "cent")) {
      *u = {k + 2, unit_by_code("%")};
      return true;
    }
    if (is(k, "percentage") && is_any(k + 1, {"points", "point"})) {
      *u = {k + 2, unit_by_code("pp")};
      return true;
    }
    if (is(k, "basis") && is_any(k + 1, {"points", "point"})) {
      *u = {k + 2, unit_by_code("bp")};
      return true;
    }
    if (is(k, "degrees") || is(k, "degree")) {
      if (is_any(k + 1, {"celsius", "centigrade", "c"})) *u = {k + 2, unit_by_code("C")};
      else if (is_any(k + 1, {"fahrenheit", "f"})) *u = {k + 2, unit_by_code("F")};
      else *u = {k + 1, unit_by_code("deg")};
      return true;
    }
    if (is_any(k, {"square", "sq", "sq."})) {
      const Lex* l = lex(k + 1);
      if (!l || !l->unit || l->unit->dimension != Dimension::kLength) return false;
      const std::string code = std::string(l->unit->code) + "2";
      const Unit* area = unit_by_code(code);
      if (!area) return false;
      *u = {k + 2, area};
      return true;
    }
    if (is(k, "cubic") && is_any(k + 1, {"metres", "meters", "metre", "meter"})) {
      *u = {k + 2, unit_by_code("m3")};
      return true;
    }
    if (is(k, "nautical") && is_any(k + 1, {"miles", "mile"})) {
      *u = {k + 2, unit_by_code("nmi")};
      return true;
    }
    // "US dollars", "Canadian dollars"
    static const struct {
      std::string_view adjective;
      const char* code;
    } kDollarNations[] = {{"us", "USD"}, {"u.s.", "USD"}, {"american", "USD"}, {"canadian", "CAD"},
                          {"australian", "AUD"}, {"singapore", "SGD"}, {"hong", "HKD"}, {"zimbabwean", "ZWL"},
                          {"taiwan", "TWD"}, {"new", "NZD"}};
    // "... dollar(s)", "Hong Kong ...", "New Zealand ...": the next word rules most tokens out.
    if (is_any(k + 1, {"dollars", "dollar", "kong", "zealand"})) {
      for (const auto& d : kDollarNations) {
        if (is(k, d.adjective)) {
          size_t m = k + 1;
          // The two-word nations name no currency by their first word alone ("7 new dollars").
          if (is(k, "hong") || is(k, "new")) {
            if (!is(m, is(k, "hong") ? "kong" : "zealand")) break;
            ++m;
          }
          if (is_any(m, {"dollars", "dollar"})) {
            static const Currency usd{"USD"}, cad{"CAD"}, aud{"AUD"}, sgd{"SGD"}, hkd{"HKD"}, zwl{"ZWL"}, twd{"TWD"},
                nzd{"NZD"};
            const Currency* all[] = {&usd, &usd, &usd, &cad, &aud, &sgd, &hkd, &zwl, &twd, &nzd};
            u->end = m + 1;
            u->currency = all[&d - kDollarNations];
            return true;
          }
        }
      }
    }
    if (const Currency* c = t.size() == 3 && is_ascii_upper(t[0]) ? find_currency_code(t) : nullptr) {
      {
        *u = {k + 1, nullptr, c};
        return true;
      }
    }
    const Lex* l = lex(k);
    if (!l) return false;
    if (l->currency) {
      if (is(k, "p")) return false;
      if (is(k, "pound") || is(k, "pounds")) {
        // "300 pounds of explosives" weighs; money is "pounds" on its own.
        if (is(k + 1, "of") || is_any(k + 1, {"heavier", "lighter", "weight"})) {
          *u = {k + 1, unit_by_code("lb")};
          return true;
        }
      }
      *u = {k + 1, nullptr, l->currency};
      return true;
    }
    if (!l->unit) return false;
    const Unit* unit = l->unit;
    // Single letters are units only in the clear: "5 m" but never "5 g" mid-sentence guesses.
    if (t.size() == 1 && !(t == "m" || t == "g" || t == "M")) return false;
    if (is(k, "second") && !q.words && q.lo != 1) {
      // "5 second" is rare; "5 seconds" is the unit. Allow it anyway as "a 5 second delay".
    }
    if (is(k, "m") && (has_currency || q.m_suffix)) return false;
    if (unit->dimension == Dimension::kTimes) {
      // "three times as many" is a ratio; "met three times" counts occasions.
      if (!(flags(k + 1) & kComparative) && !is(k, "fold")) return false;
    }
    size_t end = k + 1;
    // "km/h", "m/s", "Mb/s", "miles per hour", "km2", "km ²"
    if (is(end, "/") && adjacent(end) && (is(end + 1, "h") || is(end + 1, "hr")) && adjacent(end + 1) &&
        unit->dimension == Dimension::kLength) {
      if (is(k, "km")) unit = unit_by_code("km/h");
      else if (is(k, "m")) unit = unit_by_code("km/h") == nullptr ? unit : unit;
      else return false;
      end += 2;
    } else if (is(end, "/") && adjacent(end) && is(end + 1, "s") && adjacent(end + 1)) {
      if (is(k, "m")) unit = unit_by_code("m/s");
      else if (is(k, "mb")) unit = unit_by_code("Mbit/s");
      else if (is(k, "gb")) unit = unit_by_code("Gbit/s");
      else if (is(k, "kb")) unit = unit_by_code("kbit/s");
      else return false;
      end += 2;
    } else if (is(end, "per") && is(end + 1, "hour") && unit->dimension == Dimension::kLength) {
      if (unit == unit_by_code("mi")) unit = unit_by_code("mph");
      else if (unit == unit_by_code("km")) unit = unit_by_code("km/h");
      else return false;
      end += 2;
    } else if (is(end, "\xC2\xB2") && adjacent(end) && unit->dimension == Dimension::kLength) {
      const Unit* area = unit_by_code(std::string(unit->code) + "2");
      if (!area) return false;
      unit = area;
      end += 1;
    } else if (is(end, "squared") && unit->dimension == Dimension::kLength) {
      const Unit* area = unit_by_code(std::string(unit->code) + "2");
      if (!area) return false;
      unit = area;
      end += 1;
    }
    // "34 years old", "six months old"
    if (unit->dimension == Dimension::kDuration && is(end, "old")) {
      *u = {end + 1, unit, nullptr, true};
      return true;
    }
    *u = {end, unit};
    return true;
  }

  // A currency written before the number: "$", "US$", "£", "USD", "Rs".
  bool read_currency_prefix(size_t k, const Currency** currency, size_t* end) const {
    if (k >= n_) return false;
    const std::string_view t = text(k);
    if (kind(k) == TokenKind::kPunct) {
      if (const Currency* c = find_currency_symbol(t)) {
        *currency = c;
        *end = k + 1;
        return true;
      }
      return false;
    }
    if (is(k + 1, "$") && adjacent(k + 1)) {
      if (const Currency* c = find_dollar_prefix(t)) {
        *currency = c;
        *end = k + 2;
        return true;
      }
    }
    if ((t.size() == 3 && is_ascii_upper(t[1])) || t == "Rs" || t == "Rs.") {
      if (const Currency* c = find_currency_code(t)) {
        *currency = c;
        *end = k + 1;
        return true;
      }
    }
    return false;
  }

  // --- assembling a figure from an amount --------------------------------------

  struct Amounted {
    size_t begin = 0, end = 0;
    Quantity q;
    const Currency* currency = nullptr;
    const Unit* unit = nullptr;
    bool age = false;
    bool negative = false;
    const char* suffix_qualifier = nullptr;  // "or more", "or so", "and above", "or less"
  };

  // [sign] [currency] quantity [range tail] [unit]: one side of a figure.
  bool read_amounted(size_t i, Amounted* a, bool allow_range) const {
    size_t k = i;
    a->begin = i;
    const bool sign_ok = !(k > 0 && adjacent(k) && kind(k - 1) != TokenKind::kPunct);
    if ((is(k, "-") || is(k, "\xE2\x88\x92")) && adjacent(k + 1) && sign_ok &&
        (starts_with_digit(k + 1) ||
         (k + 2 < n_ && find_currency_symbol(text(k + 1)) && adjacent(k + 2) && starts_with_digit(k + 2)))) {
      a->negative = true;
      ++k;
    } else if (is_any(k, {"minus", "negative"}) && (starts_with_digit(k + 1) || (lex(k + 1) && lex(k + 1)->number))) {
      a->negative = true;
      ++k;
    }
    size_t after_currency = k;
    if (read_currency_prefix(k, &a->currency, &after_currency)) {
      k = after_currency;
      if ((is(k, "-") || is(k, "\xE2\x88\x92")) && adjacent(k + 1) && starts_with_digit(k + 1)) {
        a->negative = true;
        ++k;
      }
      if (!starts_with_digit(k) && !(lex(k) && lex(k)->number)) return false;
    }
    Quantity& q = a->q;
    if (read_fuzzy(k, &q)) {
      // "millions of dollars", "a couple of days"
      UnitMatch u;
      if (!a->currency && is(q.end, "of") && read_unit(q.end + 1, q, false, &u) && !u.age &&
          (u.currency || (u.unit && u.unit->dimension != Dimension::kPercent && u.unit->dimension != Dimension::kTimes))) {
        a->currency = u.currency;
        a->unit = u.unit;
        a->end = u.end;
      } else {
        a->end = q.end;
      }
      return true;
    }
    if (!read_quantity(k, &q)) return false;
    if (q.ordinal || q.decade || q.time || q.iso_date || q.year_range) {
      if (a->currency || a->negative) return false;
      a->end = q.end;
      return true;
    }
    if (a->currency && q.m_suffix) q.m_suffix = false;  // "$5m": million, settled
    if (q.m_suffix && m_means_metres(q)) {
      q.lo /= 1e6;
      q.hi /= 1e6;
      q.step /= 1e6;
      q.scaled = false;
      q.unit = unit_by_code("m");
    }
    if (q.currency) a->currency = q.currency;
    a->unit = q.unit;
    a->age = q.age;
    size_t end = q.end;
    // Range tail before the unit: "10 to 15 km", "$3-5m", "5-7%".
    if (allow_range && !q.range && !q.fuzzy && !a->unit) {
      size_t m = end;
      // "two or three weeks": "or" joins small neighbours only.
      const bool or_range = is(m, "or") && q.lo < 100 && (q.words || q.plain_integer);
      if (is_dash(m) || is(m, "to") || or_range) {
        const bool dash = is_dash(m);
        ++m;
        const Currency* c2 = nullptr;
        size_t after = m;
        if (read_currency_prefix(m, &c2, &after)) {
          if (!a->currency || std::strcmp(c2->code, a->currency->code) != 0) c2 = nullptr, after = n_;
          m = after;
        }
        Quantity q2;
        if (m < n_ && (starts_with_digit(m) || (!dash && lex(m) && lex(m)->number)) && read_quantity(m, &q2) &&
            !q2.ordinal && !q2.decade && !q2.time && !q2.iso_date && !q2.year_range && !q2.range) {
          double lo = q.lo;
          double step = q.step;
          // "$3-5m", "3 to 5 million": the scale of the second side applies to both.
          if (!q.scaled && q2.scaled && lo * q2.scale <= q2.lo) {
            lo *= q2.scale;
            step *= q2.scale;
          }
          if (q2.lo > lo && (dash || !in_change_context(a->begin)) &&
              (!or_range || (q2.lo <= 2 * lo + 2 && q2.words == q.words))) {
            q.lo = lo;
            q.hi = q2.lo;
            q.step = std::min(step, q2.step);
            q.range = true;
            q.scaled = q.scaled || q2.scaled;
            q.end = q2.end;
            q.plain_integer = false;
            if (q2.unit) a->unit = q2.unit;
            if (q2.currency) a->currency = q2.currency;
            a->age = q2.age;
            end = q2.end;
          }
        }
      }
    }
    if (!a->unit && !q.currency) {
      UnitMatch u;
      if (read_unit(end, q, a->currency != nullptr, &u)) {
        if (u.currency && a->currency) {
          // "$5 million dollars" is fine; "$5 euros" is not a unit.
          if (std::strcmp(u.currency->code, a->currency->code) == 0) end = u.end;
        } else if (u.currency) {
          a->currency = u.currency;
          end = u.end;
        } else if (u.unit && !a->currency) {
          a->unit = u.unit;
          a->age = u.age;
          end = u.end;
        }
      }
    }
    // Suffix qualifiers: "100 or more", "50 or so", "18 and over", "5 or less".
    if (is(end, "or") && is_any(end + 1, {"more", "over", "above"})) a->suffix_qualifier = "or more";
    else if (is(end, "or") && is(end + 1, "so")) a->suffix_qualifier = "or so";
    else if (is(end, "or") && is_any(end + 1, {"less", "fewer", "under"})) a->suffix_qualifier = "or less";
    else if (is(end, "and") && is_any(end + 1, {"above", "over", "up"})) a->suffix_qualifier = "and above";
    if (a->suffix_qualifier) end += 2;
    a->end = end;
    return true;
  }

  // "a 600m race", "20m high": metres, where the m is otherwise million.
  // "600m" without a currency: metres or million? Million before a noun
  // ("5m people", "1.2m barrels"); metres for athletics distances ("10,000m",
  // "the 200m at", "60m hurdles") and heights ("300m high", "20ft (6m)").
  bool m_means_metres(const Quantity& q) const {
    const size_t k = q.end;
    if (is(k, ")") && k >= 4 && is(k - 2, "(") && length_before(k - 3)) return true;
    if (is_any(k, {"high", "tall", "long", "wide", "deep", "away", "race", "sprint", "hurdles", "freestyle",
                   "butterfly", "backstroke", "breaststroke", "medley", "relay", "final", "title", "record",
                   "above", "below", "underground", "underwater", "depth", "height", "swim", "dash", "run",
                   "champion", "event", "bronze", "silver", "gold", "heats", "semi-final", "crown", "metres"}))
      return true;
    if (text(q.begin).find(',') != std::string_view::npos) return true;  // "10,000m"
    if (k >= n_ || kind(k) != TokenKind::kWord) return true;
    if (is_any(k, {"of", "more", "fewer", "extra", "additional", "new", "a"}))
      return false;
    return (flags(k) & (kStop | kAux)) != 0 || capitalised(k);
  }

  // Token k ends a length: "miles", "ft", "20ft".
  bool length_before(size_t k) const {
    const Lex* l = lex(k);
    if (l && l->unit) return l->unit->dimension == Dimension::kLength;
    const std::string_view t = text(k);
    if (!starts_with_digit(k)) return false;
    const Numeral n = read_numeral(t);
    char buffer[8];
    std::string_view suffix;
    if (!lower_into(t.substr(n.length), buffer, sizeof buffer, &suffix)) return false;
    const Unit* u = find_suffix_unit(suffix);
    return u && u->dimension == Dimension::kLength;
  }

  bool in_change_context(size_t begin) const {
    for (size_t back = 1; back <= 3 && begin >= back; ++back) {
      const size_t k = begin - back;
      if (flags(k) & kChange) return true;
      if (kind(k) == TokenKind::kPunct) return false;
    }
    return false;
  }

  // "between 5 and 7", "from $3m to $5m".
  bool match_explicit_range(const Qualifier& q, Figure* out, size_t* end) {
    if (is(q.begin, "from") && in_change_context(q.begin)) return false;
    Amounted a;
    if (!read_amounted(q.end, &a, false)) return false;
    if (a.q.range || a.q.fuzzy || a.q.ordinal || a.q.time || a.q.iso_date) return false;
    const size_t joint = a.end;
    if (!(is(q.begin, "between") ? is(joint, "and") : (is(joint, "to") || is_dash(joint)))) return false;
    Amounted b;
    if (!read_amounted(joint + 1, &b, false)) return false;
    if (b.q.range || b.q.fuzzy || b.q.ordinal || b.q.time || b.q.iso_date) return false;
    // Units carry across: "between 5 and 7%", "from 3 to 5 million".
    if (!a.unit && b.unit) a.unit = b.unit;
    if (!a.currency && b.currency) a.currency = b.currency;
    if (!b.currency && a.currency) b.currency = a.currency;
    if ((a.unit != b.unit && a.unit && b.unit) ||
        (a.currency && b.currency && std::strcmp(a.currency->code, b.currency->code) != 0))
      return false;
    double lo = a.q.lo * (a.negative ? -1 : 1), hi = b.q.lo * (b.negative ? -1 : 1);
    if (!a.q.scaled && b.q.scaled && lo * b.q.scale <= hi) lo *= b.q.scale;
    if (hi < lo) return false;
    Amounted whole = a;
    whole.begin = q.begin;
    whole.end = b.end;
    whole.unit = a.unit ? a.unit : b.unit;
    whole.q.lo = lo;
    whole.q.hi = hi;
    whole.q.range = true;
    whole.q.step = std::min(a.q.step, b.q.step);
    whole.q.plain_integer = false;
    whole.negative = false;
    // "between 2010 and 2015": years.
    const bool years = a.q.plain_integer && b.q.plain_integer && !a.unit && !a.currency && lo >= 1000 &&
                       hi <= 2100 && a.q.integer_digits == 4 && b.q.integer_digits == 4;
    Qualifier none;
    none.text = q.text;
    build_figure(whole, &none, out);
    if (years) {
      out->kind = FigureKind::kDate;
      out->counted.clear();
      out->counted_span.reset();
    }
    out->span.start = doc_.tokens[q.begin].start;
    *end = whole.end;
    return true;
  }

  bool match_amount(size_t i, Qualifier* qualifier, Figure* out, size_t* end) {
    // Ages: "aged 34", "age 12 to 15"
    if (flags(i) & kAge) {
      Amounted a;
      if (!read_amounted(i + 1, &a, true) || a.currency || a.unit || a.q.fuzzy || a.q.ordinal || a.q.time ||
          a.q.decade || a.q.lo > 130)
        return false;
      a.begin = i;
      a.age = true;
      a.unit = unit_by_code("year");
      build_figure(a, qualifier, out);
      *end = a.end;
      return true;
    }
    if (flags(i) & kRatioWord) return false;
    Amounted a;
    if (!read_amounted(i, &a, true)) return false;
    // "one" as a pronoun: "no one", "the one", "one another", "one of the".
    if (a.q.words && !a.q.fuzzy && a.q.lo == 1 && a.q.end == a.q.begin + 1 && !a.unit && !a.currency &&
        is(a.q.begin, "one") && !qualifier) {
      if ((a.q.begin > 0 && is_any(a.q.begin - 1, {"no", "the", "this", "that", "any", "every", "each", "which",
                                                  "someone", "everyone", "only", "last", "another"})) ||
          is_any(a.q.begin + 1, {"another", "'s", "\xE2\x80\x99s", "who", "which", "that"}))
        return false;
    }
    // Capitalised number words mid-sentence are names: "World War Two", "Channel Four".
    if (a.q.words && !a.q.fuzzy && capitalised(a.q.begin) && !qualifier && !starts_clause(a.q.begin)) return false;
    // "X out of Y", "one in five": a proportion.
    if ((a.q.words || a.q.plain_integer) && !a.unit && !a.currency && !a.q.range && !a.q.fuzzy) {
      size_t of = 0;
      if (is(a.end, "out") && is(a.end + 1, "of")) of = a.end + 2;
      else if (is(a.end, "in") && (a.q.words || a.q.plain_integer) && a.q.lo >= 1 && a.q.lo < 10) of = a.end + 1;
      Quantity whole;
      // After "in", only a round denominator: "4 in 10", "one in five", never "5 in 2019".
      if (of != 0 && read_quantity(of, &whole) && !whole.range && !whole.ordinal && whole.lo > a.q.lo &&
          (whole.words || whole.plain_integer) && !whole.unit && !whole.currency &&
          (is(a.end, "out") || whole.lo <= 10 || whole.lo == 100 || whole.lo == 1000)) {
        a.end = whole.end;
        build_figure(a, qualifier, out);
        out->kind = FigureKind::kRatio;
        out->value = {a.q.lo / whole.lo, a.q.lo / whole.lo};
        out->unit.clear();
        out->counted = counted_after(whole.end, false);
        *end = a.end;
        return true;
      }
    }
    // A quantity followed by a fraction word is a fraction: "two thirds", "three quarters".
    if (a.q.words && !a.q.fuzzy && !a.unit && !a.currency && lex(a.end) && lex(a.end)->number &&
        (lex(a.end)->number->kind == WordKind::kFraction || lex(a.end)->number->fraction > 0) &&
        !is(a.end, "half") && !is(a.end, "second") && a.q.lo < 20) {
      const NumberWord& w = *lex(a.end)->number;
      const double fraction = w.kind == WordKind::kFraction ? w.value : w.fraction;
      a.q.lo = a.q.hi = a.q.lo * fraction;
      a.end += 1;
      a.q.ratio_fraction = fraction;
      build_figure(a, qualifier, out);
      out->kind = FigureKind::kRatio;
      out->unit.clear();
      *end = a.end;
      return true;
    }
    build_figure(a, qualifier, out);
    *end = a.end;
    // "five dollars and fifty cents": one sum.
    if (out->kind == FigureKind::kMoney && !out->value.is_range() && is(a.end, "and") &&
        (out->unit == "USD" || out->unit == "EUR" || out->unit == "GBP")) {
      Amounted minor;
      if (read_amounted(a.end + 1, &minor, false) && minor.currency && !minor.q.range && !minor.q.fuzzy &&
          (std::strcmp(minor.currency->code, "cent") == 0 || std::strcmp(minor.currency->code, "pence") == 0) &&
          minor.q.lo < 100) {
        out->value.min += minor.q.lo / 100;
        out->value.max = out->value.min;
        out->step = 0.01;
        out->span.end = doc_.tokens[minor.end - 1].end;
        *end = minor.end;
      }
    }
    return true;
  }

  void build_figure(const Amounted& a, const Qualifier* qualifier, Figure* out) const {
    const Quantity& q = a.q;
    Figure& f = *out;
    const size_t begin = qualifier ? qualifier->begin : a.begin;
    f.span = {doc_.tokens[begin].start, doc_.tokens[a.end - 1].end};
    const double sign = a.negative ? -1 : 1;
    double lo = q.lo * sign, hi = q.hi * sign;
    if (lo > hi) std::swap(lo, hi);
    f.value = {lo, hi};
    f.step = q.step;
    f.approx = q.fuzzy || q.approx_suffix;
    if (q.plus_suffix) f.value.max = kInf;
    if (q.approx_suffix) f.qualifier = "odd";
    if (q.plus_suffix) f.qualifier = "plus";
    if (qualifier && !qualifier->text.empty()) {
      f.qualifier = qualifier->text;
      f.approx = f.approx || qualifier->approx;
      if (!q.range && !q.fuzzy) {
        const bool signed_scale = a.unit && a.unit->dimension == Dimension::kTemperature;
        if (qualifier->bound > 0) f.value.max = kInf;
        if (qualifier->bound < 0) f.value.min = signed_scale || lo < 0 ? -kInf : 0;
      }
    }
    if (a.suffix_qualifier) {
      f.qualifier = a.suffix_qualifier;
      if (f.qualifier == "or so") f.approx = true;
      else if (f.qualifier == "or less") f.value.min = 0;
      else f.value.max = kInf;
    }
    if (q.time) {
      f.kind = FigureKind::kTime;
      set_time(lo, &f);
      return;
    }
    if (q.ordinal) {
      f.kind = FigureKind::kOrdinal;
      return;
    }
    if (q.decade) {
      set_decade(lo, q.integer_digits, &f);
      return;
    }
    if (q.iso_date) {
      f.kind = FigureKind::kDate;
      f.date = q.date;
      f.value = {static_cast<double>(q.date.year), static_cast<double>(q.date.year)};
      return;
    }
    if (q.year_range) {
      f.kind = FigureKind::kDate;
      char buffer[24];  // room for any two ints, though years have four digits
      std::snprintf(buffer, sizeof buffer, "%04d/%04d", static_cast<int>(q.lo), static_cast<int>(q.hi));
      f.date_text = buffer;
      return;
    }
    if (a.currency) {
      f.kind = FigureKind::kMoney;
      f.unit = a.currency->code;
      return;
    }
    if (a.age) {
      f.kind = FigureKind::kAge;
      f.unit = a.unit ? a.unit->code : "year";
      f.counted = counted_after(a.end, false);
      return;
    }
    if (a.unit) {
      const Unit& u = *a.unit;
      f.unit = u.code;
      switch (u.dimension) {
        case Dimension::kPercent:
        case Dimension::kPercentagePoint:
        case Dimension::kBasisPoint:
          f.kind = FigureKind::kPercent;
          if (is(a.end, "of")) f.counted = counted_after(a.end, true);
          return;
        case Dimension::kTimes:
          f.kind = FigureKind::kRatio;
          return;
        case Dimension::kDuration:
          f.kind = FigureKind::kDuration;
          break;
        default:
          f.kind = FigureKind::kMeasure;
      }
      f.normalized = Amount{u.to_base(f.value.min), u.to_base(f.value.max)};
      f.normalized_unit = base_unit_code(u.dimension);
      f.counted = counted_before(begin);
      return;
    }
    // A bare number: a year, a count or just a number.
    if (q.plain_integer && !q.scaled && !a.negative && q.integer_digits == 4 && lo >= 1000 && lo <= 2100 &&
        looks_like_year(begin, a.end, qualifier != nullptr)) {
      f.kind = FigureKind::kDate;
      f.date_text = std::to_string(static_cast<int>(lo));
      return;
    }
    f.counted = q.noun_tail.empty() ? counted_after(a.end, q.fuzzy) : std::string(q.noun_tail);
    if (!f.counted.empty()) f.kind = q.range ? FigureKind::kRange : FigureKind::kCount;
    else f.kind = q.range ? FigureKind::kRange : q.fuzzy ? FigureKind::kCount : FigureKind::kNumber;
  }

  bool looks_like_year(size_t begin, size_t end, bool qualified) const {
    if (begin > 0 && (flags(begin - 1) & kYearPrep)) return true;
    if (qualified) return false;
    // "2000 people" counts; "2022 was a difficult year" is a year.
    if (end < n_ && kind(end) == TokenKind::kWord && !(flags(end) & (kStop | kAux)) && !capitalised(end)) return false;
    return true;
  }

  void set_time(double hours, Figure* f) const {
    f->unit = "h";
    char buffer[16];
    const int h = static_cast<int>(hours);
    const int m = static_cast<int>(std::lround((hours - h) * 60));
    std::snprintf(buffer, sizeof buffer, "T%02d:%02d", h, m);
    f->date_text = buffer;
    f->step = 1.0 / 60;
  }

  void set_decade(double value, int digits, Figure* f) const {
    f->kind = FigureKind::kDate;
    int year = static_cast<int>(value);
    if (digits == 2) year += 1900;
    f->value = {static_cast<double>(year), static_cast<double>(year + 9)};
    f->unit = "decade";
    f->date_text = std::to_string(year) + "s";
    f->step = 10;
  }

  // --- counted ----------------------------------------------------------------

  // The noun phrase after a figure: "12 police officers" -> "police officers";
  // "353 were injured" -> "injured"; "dozens of demonstrators" -> "demonstrators".
  std::string counted_after(size_t k, bool allow_of) const {
    if (k >= n_) return {};
    if (is(k, "of")) {
      if (!allow_of) return {};
      ++k;
      if (is_any(k, {"the", "these", "those", "his", "her", "their", "its", "our", "my", "your"})) ++k;
    } else if (flags(k) & kAux) {
      // "353 were injured", "2,000 had been arrested"
      size_t m = k;
      while (m < n_ && m < k + 3 && (flags(m) & kAux)) ++m;
      if (m < n_ && kind(m) == TokenKind::kWord && !(flags(m) & kStop) && is_ascii_lower(text(m)[0]) &&
          is_participle(m))
        return std::string(text(m));
      return {};
    }
    if (is_any(k, {"more", "fewer", "extra", "additional", "other", "further"})) ++k;  // "400 more jobs"
    const size_t first = k;
    size_t last = k;
    for (size_t m = k; m < n_ && m < k + 4; ++m) {
      if (kind(m) != TokenKind::kWord) break;
      const std::string_view t = text(m);
      const uint32_t f = flags(m);
      if (f & (kStop | kAux)) break;
      const Lex* l = lex(m);
      if (l && (l->number || l->month || l->weekday >= 0 || l->unit || l->currency || (l->flags & kRelDay))) break;
      if (is_digit(t[0])) break;
      if (ends_with(t, "ly") || is_any(m, {"overnight", "apiece", "altogether", "instead", "away", "back"})) break;
      if (m > first && (is_participle(m) || ends_with(t, "ing"))) break;
      // "2 billion users log in": a plural noun ends the phrase unless another plural follows ("news agencies").
      if (m > first && (plural(text(m - 1)) || is_any(m - 1, {"people", "men", "women", "children", "police", "staff",
                                                              "cattle", "personnel", "feet", "teeth", "mice"})) &&
          !plural(t))
        break;
      if (m > first && capitalised(m) && !capitalised(m - 1)) break;
      last = m + 1;
    }
    if (last == first) return {};
    return std::string(doc_.span_text({doc_.tokens[first].start, doc_.tokens[last - 1].end}));
  }

  // "a border of 4,700 miles" -> "border".
  std::string counted_before(size_t begin) const {
    if (begin < 2 || !is(begin - 1, "of")) return {};
    const size_t noun = begin - 2;
    if (kind(noun) != TokenKind::kWord || (flags(noun) & (kStop | kAux)) || !is_ascii_lower(text(noun)[0])) return {};
    return std::string(text(noun));
  }

  static bool plural(std::string_view w) {
    return w.size() > 3 && w.back() == 's' && w[w.size() - 2] != 's' && w[w.size() - 2] != 'u' && w[w.size() - 2] != 'i';
  }
  static bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
  }
  bool is_participle(size_t m) const {
    const std::string_view t = text(m);
    return ends_with(t, "ed") ||
           is_any(m, {"taken", "given", "broken", "stolen", "beaten", "driven", "fallen", "hidden", "written",
                      "chosen", "frozen", "shaken", "sworn", "torn", "seen", "been", "proven", "forgotten", "hurt", "dead", "missing", "held", "shot", "killed", "left", "lost", "found", "born", "caught",
                      "kept", "sent", "taken", "struck", "hit", "built", "sold", "paid", "made", "put", "cut",
                      "won", "spent", "bought", "brought", "set", "led", "fed", "alive", "homeless", "unemployed"});
  }

  // --- dates ------------------------------------------------------------------

  bool day_number(size_t k, int* day, size_t* end) const {
    if (k >= n_ || !starts_with_digit(k)) return false;
    const std::string_view t = text(k);
    const Numeral n = read_numeral(t);
    if (n.length == 0 || n.decimals > 0 || n.grouped || n.integer_digits > 2 || n.value < 1 || n.value > 31) return false;
    const std::string_view rest = t.substr(n.length);
    if (!rest.empty()) {
      Quantity q;
      if (!read_suffix(rest, n, &q) || !q.ordinal) return false;
    }
    *day = static_cast<int>(n.value);
    *end = k + 1;
    // "the 5th of January"
    return true;
  }

  bool year_number(size_t k, int* year) const {
    if (k >= n_ || kind(k) != TokenKind::kNumber) return false;
    const std::string_view t = text(k);
    if (t.size() != 4 || !all_digits(t)) return false;
    *year = std::atoi(std::string(t).c_str());
    return *year >= 1000 && *year <= 2200;
  }

  bool is_month(size_t k) const { return lex(k) && lex(k)->month > 0; }

  // Month names that are also ordinary words need context to be months.
  bool month_needs_context(size_t k) const {
    return is_any(k, {"may", "march", "jan", "mar", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "feb",
                      "apr"}) ||
           !capitalised(k);
  }

  void finish_date(size_t begin, size_t end, CivilDate date, bool has_day, bool has_year, Figure* out) const {
    out->span = {doc_.tokens[begin].start, doc_.tokens[end - 1].end};
    out->kind = FigureKind::kDate;
    out->step = 1;
    if (!has_year && options_.reference_date) date.year = options_.reference_date->year;
    char buffer[24];
    if (has_day && date.year > 0) {
      if (is_valid_date(date)) out->date = date;
      out->value = {static_cast<double>(date.year), static_cast<double>(date.year)};
    } else if (has_day) {
      std::snprintf(buffer, sizeof buffer, "--%02d-%02d", date.month, date.day);
      out->date_text = buffer;
      out->value = {static_cast<double>(date.day), static_cast<double>(date.day)};
    } else if (date.year > 0) {
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", date.year, date.month);
      out->date_text = buffer;
      out->value = {static_cast<double>(date.year), static_cast<double>(date.year)};
    } else {
      std::snprintf(buffer, sizeof buffer, "--%02d", date.month);
      out->date_text = buffer;
      out->value = {static_cast<double>(date.month), static_cast<double>(date.month)};
    }
  }

  bool match_date(size_t i, Figure* out, size_t* end) {
    const Lex* l = lex(i);
    // "5 January 2022", "5th of January", "the 5th of January"
    int day = 0;
    size_t k = 0;
    if (day_number(i, &day, &k)) {
      if (is(k, "of") && is_month(k + 1)) ++k;
      if (is_month(k) && !(is_any(k, {"may", "march"}) && !capitalised(k))) {
        CivilDate date{0, lex(k)->month, day};
        size_t e = k + 1;
        int year = 0;
        if (is(e, ",") && year_number(e + 1, &year)) e += 2;
        else if (year_number(e, &year)) e += 1;
        date.year = year;
        finish_date(i, e, date, true, year > 0, out);
        *end = e;
        return true;
      }
      // "05/01/2022": day first unless that cannot be.
      if (is(k, "/") && adjacent(k) && starts_with_digit(k + 1) && adjacent(k + 1) && is(k + 2, "/") &&
          adjacent(k + 2) && year_number(k + 3, &day) && adjacent(k + 3)) {
        const int a = std::atoi(std::string(text(i)).c_str()), b = std::atoi(std::string(text(k + 1)).c_str());
        CivilDate date{day, b, a};
        if (!is_valid_date(date)) date = {day, a, b};
        if (!is_valid_date(date)) return false;
        finish_date(i, k + 4, date, true, true, out);
        *end = k + 4;
        return true;
      }
      return false;
    }
    if (!l) {
      // "'90s"
      if ((is(i, "'") || is(i, "\xE2\x80\x99")) && adjacent(i + 1) && i + 1 < n_ && text(i + 1).size() == 3 &&
          is_digit(text(i + 1)[0]) && text(i + 1)[2] == 's' && text(i + 1)[1] == '0') {
        const int tens = text(i + 1)[0] - '0';
        set_decade(1900 + tens * 10, 4, out);
        out->span = {doc_.tokens[i].start, doc_.tokens[i + 1].end};
        *end = i + 2;
        return true;
      }
      return match_prefixed_year(i, out, end);
    }
    if (l->weekday >= 0) return match_weekday(i, out, end);
    if (l->month > 0) {
      const int month = l->month;
      size_t e = i + 1;
      if (is(e, ".") && adjacent(e)) ++e;  // "Jun."
      if (day_number(e, &day, &k) && !(is(k, ",") ? false : false)) {
        int year = 0;
        size_t after = k;
        if (is(after, ",") && year_number(after + 1, &year)) after += 2;
        else if (year_number(after, &year)) after += 1;
        // "May 5" needs the number to not be a count: "March 5 people" is odd enough to ignore.
        CivilDate date{year, month, day};
        finish_date(i, after, date, true, year > 0, out);
        *end = after;
        return true;
      }
      int year = 0;
      if (year_number(e, &year) || (is(e, ",") && year_number(e + 1, &year))) {
        const size_t after = is(e, ",") ? e + 2 : e + 1;
        finish_date(i, after, {year, month, 1}, false, true, out);
        *end = after;
        return true;
      }
      if (month_needs_context(i)) {
        if (!(i > 0 && is_any(i - 1, {"in", "since", "until", "till", "by", "early", "late", "mid", "last", "next",
                                       "this", "of", "from", "through", "during", "before", "after", "end"})))
          return false;
        if (!capitalised(i)) return false;
      }
      CivilDate date{0, month, 1};
      if (options_.reference_date) {
        date.year = options_.reference_date->year;
        finish_date(i, i + 1, date, false, true, out);
      } else {
        finish_date(i, i + 1, date, false, false, out);
      }
      *end = i + 1;
      return true;
    }
    if ((l->flags & kRelDay) && !(capitalised(i) && !starts_clause(i))) {  // not "Radio 4's Today programme"
      out->span = {doc_.tokens[i].start, doc_.tokens[i].end};
      out->kind = FigureKind::kDate;
      out->value = {static_cast<double>(l->rel_day), static_cast<double>(l->rel_day)};
      out->unit = "day";
      if (options_.reference_date) out->date = add_days(*options_.reference_date, l->rel_day);
      *end = i + 1;
      return true;
    }
    if ((l->flags & kRelMod) && i + 1 < n_ && !(capitalised(i) && !starts_clause(i))) {  // not "Suddenly Last Summer"
      const Lex* next = lex(i + 1);
      if (next && next->weekday >= 0 && next->weekday <= 6 && text(i + 1).size() > 4) return match_weekday(i, out, end);
      if (next && ((next->flags & kPeriod) || next->month > 0) && is_period_word(i + 1)) {
        return match_relative_period(i, out, end);
      }
    }
    return match_prefixed_year(i, out, end);
  }

  bool is_period_word(size_t k) const {
    return is_any(k, {"week", "month", "year", "weekend", "decade", "century", "summer", "winter", "spring",
                      "autumn", "night", "season"}) ||
           (lex(k) && lex(k)->month > 0 && capitalised(k) && text(k).size() > 3);
  }

  // "last week", "next year", "this month", "last summer", "last January".
  bool match_relative_period(size_t i, Figure* out, size_t* end) const {
    const int offset = is_any(i, {"last", "past", "previous"}) ? -1 : is_any(i, {"next", "coming", "following"}) ? 1 : 0;
    out->span = {doc_.tokens[i].start, doc_.tokens[i + 1].end};
    out->kind = FigureKind::kDate;
    out->value = {static_cast<double>(offset), static_cast<double>(offset)};
    *end = i + 2;
    const Lex* period = lex(i + 1);
    if (period->month > 0) out->unit = "month";
    else out->unit = lower_copy(text(i + 1));
    if (!options_.reference_date) return true;
    const CivilDate ref = *options_.reference_date;
    char buffer[24];
    if (is(i + 1, "week")) {
      out->date_text = iso_week(add_days(ref, 7 * offset));
    } else if (is(i + 1, "month")) {
      int y = ref.year, m = ref.month + offset;
      if (m == 0) m = 12, --y;
      if (m == 13) m = 1, ++y;
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", y, m);
      out->date_text = buffer;
    } else if (is(i + 1, "year")) {
      out->date_text = std::to_string(ref.year + offset);
    } else if (period->month > 0) {
      int y = ref.year;
      if (offset < 0 && period->month >= ref.month) --y;
      if (offset > 0 && period->month <= ref.month) ++y;
      std::snprintf(buffer, sizeof buffer, "%04d-%02d", y, period->month);
      out->date_text = buffer;
    }
    return true;
  }

  // "Thursday", "last Thursday", "Thursday, January 6", "Thursday 6 January 2022".
  bool match_weekday(size_t i, Figure* out, size_t* end) const {
    size_t k = i;
    int offset = 0;
    if (flags(k) & kRelMod) {
      offset = is_any(k, {"last", "past", "previous"}) ? -1 : is_any(k, {"next", "coming", "following"}) ? 1 : 0;
      ++k;
    }
    const Lex* l = lex(k);
    const bool full_name = text(k).size() >= 6;
    if (!capitalised(k)) return false;
    size_t e = k + 1;
    size_t after_comma = is(e, ",") ? e + 1 : e;
    int day = 0;
    size_t m = 0;
    // Followed by a date: the date is the figure, the weekday part of its span.
    if (day_number(after_comma, &day, &m) && is_month(m)) {
      Figure date;
      size_t date_end = 0;
      Scanner* self = const_cast<Scanner*>(this);
      if (self->match_date(after_comma, &date, &date_end)) {
        *out = date;
        out->span.start = doc_.tokens[i].start;
        *end = date_end;
        return true;
      }
    }
    if (is_month(after_comma) && day_number(after_comma + 1, &day, &m)) {
      Figure date;
      size_t date_end = 0;
      Scanner* self = const_cast<Scanner*>(this);
      if (self->match_date(after_comma, &date, &date_end)) {
        *out = date;
        out->span.start = doc_.tokens[i].start;
        *end = date_end;
        return true;
      }
    }
    if (!full_name) return false;
    out->span = {doc_.tokens[i].start, doc_.tokens[k].end};
    out->kind = FigureKind::kDate;
    out->unit = "weekday";
    out->value = {static_cast<double>(l->weekday + 1), static_cast<double>(l->weekday + 1)};
    *end = k + 1;
    if (options_.reference_date) {
      const CivilDate ref = *options_.reference_date;
      const int today = weekday_of(ref);
      long delta = l->weekday - today;
      if (offset > 0) {
        if (delta <= 0) delta += 7;
      } else {
        // News speaks of the recent past: the latest such day on or before the reference.
        if (delta > 0) delta -= 7;
        if (offset < 0 && delta == 0) delta = -7;
      }
      out->date = add_days(ref, delta);
    }
    return true;
  }

  // "mid-2020", "mid-1990s", "pre-2008", "early-2021".
  bool match_prefixed_year(size_t i, Figure* out, size_t* end) const {
    const std::string_view t = text(i);
    const size_t dash = t.find('-');
    if (dash == std::string_view::npos || kind(i) != TokenKind::kWord) return false;
    char buffer[8];
    std::string_view prefix;
    if (!lower_into(t.substr(0, dash), buffer, sizeof buffer, &prefix)) return false;
    if (prefix != "mid" && prefix != "pre" && prefix != "post" && prefix != "early" && prefix != "late") return false;
    const std::string_view rest = t.substr(dash + 1);
    const Numeral n = read_numeral(rest);
    if (n.length == 0 || n.integer_digits != 4 || n.grouped || n.decimals > 0) return false;
    const std::string_view tail = rest.substr(n.length);
    if (tail == "s" && std::fmod(n.value, 10) == 0) {
      set_decade(n.value, 4, out);
    } else if (tail.empty() && n.value >= 1000 && n.value <= 2100) {
      out->kind = FigureKind::kDate;
      out->value = {n.value, n.value};
      out->date_text = std::to_string(static_cast<int>(n.value));
    } else {
      return false;
    }
    out->qualifier = std::string(prefix);
    out->approx = prefix != "pre" && prefix != "post";
    out->span = {doc_.tokens[i].start, doc_.tokens[i].end};
    *end = i + 1;
    return true;
  }

  // --- times ------------------------------------------------------------------

  bool match_time(size_t i, Figure* out, size_t* end) const {
    if (flags(i) & kClock) {
      out->span = {doc_.tokens[i].start, doc_.tokens[i].end};
      out->kind = FigureKind::kTime;
      const double h = is(i, "midnight") ? 0 : 12;
      out->value = {h, h};
      set_time(h, out);
      *end = i + 1;
      return true;
    }
    const Lex* word = lex(i);
    if (word && word->number && word->number->kind == WordKind::kCardinal && word->number->value >= 1 &&
        word->number->value <= 12 && is_any(i + 1, {"o'clock", "o\xE2\x80\x99" "clock"})) {
      out->span = {doc_.tokens[i].start, doc_.tokens[i + 1].end};
      out->kind = FigureKind::kTime;
      out->value = {word->number->value, word->number->value};
      set_time(word->number->value, out);
      *end = i + 2;
      return true;
    }
    if (kind(i) != TokenKind::kNumber) return false;
    const std::string_view t = text(i);
    const Numeral n = read_numeral(t);
    if (n.length != t.size() || n.grouped) return false;
    double hours = -1;
    size_t e = i + 1;
    // "1:48.32", "3:45.87": a race time in minutes and seconds.
    if (n.decimals == 0 && n.integer_digits <= 2 && is(e, ":") && adjacent(e) && is_number_token(e + 1) &&
        adjacent(e + 1)) {
      const Numeral seconds = read_numeral(text(e + 1));
      if (seconds.length == text(e + 1).size() && seconds.decimals > 0 && seconds.integer_digits == 2 &&
          seconds.value < 60) {
        const double total = n.value * 60 + seconds.value;
        out->span = {doc_.tokens[i].start, doc_.tokens[e + 1].end};
        fill_unit_figure(i, e + 2, total, unit_by_code("s"), out);
        out->step = seconds.step;
        *end = e + 2;
        return true;
      }
    }
    const std::string_view after_colon = text(e + 1);
    if (n.decimals == 0 && n.integer_digits <= 2 && n.value <= 24 && is(e, ":") && adjacent(e) && adjacent(e + 1) &&
        after_colon.size() >= 2 && is_digit(after_colon[0]) && is_digit(after_colon[1]) &&
        (after_colon.size() == 2 || is_any_lower(after_colon.substr(2), {"am", "pm"}))) {
      const int minutes = (after_colon[0] - '0') * 10 + (after_colon[1] - '0');
      if (minutes >= 60) return false;
      hours = n.value + minutes / 60.0;
      e += 2;
      if (after_colon.size() > 2) {  // "11:45pm"
        const bool pm = after_colon[2] == 'p' || after_colon[2] == 'P';
        if (hours >= 13) return false;
        if (pm && hours < 12) hours += 12;
        if (!pm && hours >= 12) hours -= 12;
      }
      if (is(e, ":") && adjacent(e) && is_number_token(e + 1) && text(e + 1).size() == 2) e += 2;  // seconds
    } else if (n.decimals == 2 && n.value < 13 && (flags(e) & kAmPm)) {
      const double h = std::floor(n.value);
      const double minutes = std::round((n.value - h) * 100);
      if (minutes >= 60) return false;
      hours = h + minutes / 60;
    } else if (n.decimals == 0 && n.integer_digits <= 2 && n.value >= 1 && n.value <= 12 &&
               ((flags(e) & kAmPm) || is(e, "o'clock") || is(e, "o\xE2\x80\x99" "clock"))) {
      hours = n.value;
    } else if (n.decimals == 0 && n.integer_digits == 4 && t[0] <= '2' && (flags(e) & kZone) && !is(e, "local") &&
               std::fmod(n.value, 100) < 60 && n.value < 2400) {
      hours = std::floor(n.value / 100) + std::fmod(n.value, 100) / 60;  // "0900 GMT"
    } else {
      return false;
    }
    if (flags(e) & kAmPm) {
      const bool pm = text(e)[0] == 'p' || text(e)[0] == 'P';
      if (hours >= 13) return false;
      if (pm && hours < 12) hours += 12;
      if (!pm && hours >= 12) hours -= 12;
      ++e;
    } else if (is(e, "o'clock") || is(e, "o\xE2\x80\x99" "clock")) {
      ++e;
    }
    if (flags(e) & kZone) {
      if (is(e, "local")) {
        if (is(e + 1, "time")) e += 2;
      } else {
        ++e;
      }
    }
    out->span = {doc_.tokens[i].start, doc_.tokens[e - 1].end};
    out->kind = FigureKind::kTime;
    out->value = {hours, hours};
    set_time(hours, out);
    *end = e;
    return true;
  }

  // --- figures made of words alone -------------------------------------------

  // Ordinals, ratios, fractions and compounds: "first", "third-largest",
  // "doubling", "two-thirds", "half of", "a third of", "two-hour", "180-day".
  bool match_word_figure(size_t i, Figure* out, size_t* end) const {
    const Lex* l = lex(i);
    const std::string_view t = text(i);
    if (l && (l->flags & kRatioWord)) {
      if (is(i, "halves") || (is_any(i, {"twice", "thrice"}) && !(flags(i + 1) & kComparative))) return false;
      out->span = {doc_.tokens[i].start, doc_.tokens[i].end};
      out->kind = FigureKind::kRatio;
      out->value = {l->ratio, l->ratio};
      out->unit = "times";
      *end = i + 1;
      return true;
    }
    if (l && l->number) {
      const NumberWord& w = *l->number;
      if (w.kind == WordKind::kOrdinal) {
        // "a second" is a duration when nothing follows it as a noun.
        if (is(i, "second") && i > 0 && (flags(i - 1) & kArticle) && (i + 1 >= n_ || kind(i + 1) != TokenKind::kWord ||
                                                                      (flags(i + 1) & kStop))) {
          fill_unit_figure(i - 1, i + 1, 1, unit_by_code("s"), out);
          *end = i + 1;
          return true;
        }
        // "a third of", "one fifth of": fractions.
        if (w.fraction > 0 && i > 0 && (flags(i - 1) & kArticle) && is(i + 1, "of")) {
          out->span = {doc_.tokens[i - 1].start, doc_.tokens[i].end};
          out->kind = FigureKind::kRatio;
          out->value = {w.fraction, w.fraction};
          out->counted = counted_after(i + 1, true);
          *end = i + 1;
          return true;
        }
        if (capitalised(i) && !is_sentence_start(i) && i > 0 && is_name_part(i - 1)) return false;
        out->span = {doc_.tokens[i].start, doc_.tokens[i].end};
        out->kind = FigureKind::kOrdinal;
        out->value = {w.value, w.value};
        *end = i + 1;
        return true;
      }
      if (w.kind == WordKind::kFraction) {
        // "half of", "half the", "half a million", "a quarter of", "half an hour"
        size_t begin = i;
        if (i > 0 && (flags(i - 1) & kArticle) && !is(i, "half")) begin = i - 1;
        if (is(i, "half") && (flags(i + 1) & kArticle)) {
          const Lex* next = lex(i + 2);
          if (next && next->number && (next->number->kind == WordKind::kScale || next->number->kind == WordKind::kDozen ||
                                       next->number->kind == WordKind::kHundred)) {
            Quantity q;
            q.lo = q.hi = 0.5 * next->number->value;
            Amounted a;
            a.begin = i;
            a.q = q;
            a.q.begin = i;
            a.q.end = i + 3;
            a.q.words = true;
            a.q.scaled = true;
            a.q.step = 0.5 * next->number->value;
            a.end = i + 3;
            UnitMatch u;
            if (read_unit(a.end, a.q, false, &u)) {
              a.end = u.end;
              a.currency = u.currency;
              a.unit = u.unit;
            }
            build_figure(a, nullptr, out);
            *end = a.end;
            return true;
          }
          if (next && next->unit && next->unit->dimension == Dimension::kDuration) {
            fill_unit_figure(i, i + 3, 0.5, next->unit, out);
            *end = i + 3;
            return true;
          }
        }
        if (!is_any(i + 1, {"of", "the", "a", "an", "his", "her", "their", "its", "our", "all", "that", "this",
                            "those", "these"}))
          return false;
        if (is_any(i, {"halves", "quarters", "thirds"})) return false;
        if (is(i, "quarter") && begin == i) return false;
        out->span = {doc_.tokens[begin].start, doc_.tokens[i].end};
        out->kind = FigureKind::kRatio;
        out->value = {w.value, w.value};
        out->counted = is(i + 1, "of") ? counted_after(i + 1, true) : std::string();
        *end = i + 1;
        return true;
      }
    }
    // "a day", "an hour": a duration of one; "a dollar": money.
    if (l && (l->flags & kArticle)) {
      if (is_any(i + 1, {"dollar", "pound", "euro", "penny", "cent", "rouble", "yuan", "rupee"})) {
        out->span = {doc_.tokens[i].start, doc_.tokens[i + 1].end};
        out->kind = FigureKind::kMoney;
        out->value = {1, 1};
        out->unit = lex(i + 1)->currency->code;
        *end = i + 2;
        return true;
      }
      const Lex* next = lex(i + 1);
      if (next && next->unit && next->unit->dimension == Dimension::kDuration && !is(i + 1, "second") &&
          !is(i + 1, "min") && !(i > 0 && is_any(i - 1, {"once", "twice", "times", "per"}))) {
        fill_unit_figure(i, i + 2, 1, next->unit, out);
        *end = i + 2;
        return true;
      }
      Amounted a;
      if (read_amounted(i, &a, true)) {
        build_figure(a, nullptr, out);
        *end = a.end;
        return true;
      }
      return false;
    }
    if (!has_hyphen(t) || kind(i) != TokenKind::kWord) return false;
    return match_hyphen_compound(i, out, end);
  }

  void fill_unit_figure(size_t begin, size_t end, double value, const Unit* unit, Figure* out) const {
    out->span = {doc_.tokens[begin].start, doc_.tokens[end - 1].end};
    out->kind = unit->dimension == Dimension::kDuration ? FigureKind::kDuration : FigureKind::kMeasure;
    out->value = {value, value};
    out->unit = unit->code;
    out->normalized = Amount{unit->to_base(value), unit->to_base(value)};
    out->normalized_unit = base_unit_code(unit->dimension);
  }

  // Word compounds: "two-hour", "three-year-old", "third-largest",
  // "twenty-first", "two-thirds", "three-quarters", "two-fold", "twenty-one".
  bool match_hyphen_compound(size_t i, Figure* out, size_t* end) const {
    std::string_view parts[4];
    const size_t count = split_hyphens(text(i), parts, 4);
    if (count < 2) return false;
    char b0[24], b1[24];
    std::string_view w0, w1;
    if (!lower_into(parts[0], b0, sizeof b0, &w0) || !lower_into(parts[1], b1, sizeof b1, &w1)) return false;
    const NumberWord* first = word_number(w0);
    if (!first) return false;
    const NumberWord* second = word_number(w1);
    out->span = {doc_.tokens[i].start, doc_.tokens[i].end};
    *end = i + 1;
    double value = first->value;
    size_t rest = 1;
    // "twenty-one-year-old", "twenty-first"
    if (first->kind == WordKind::kCardinal && value >= 20 && second && second->value < 10 &&
        (second->kind == WordKind::kCardinal || second->kind == WordKind::kOrdinal)) {
      value += second->value;
      if (second->kind == WordKind::kOrdinal) {
        if (count == 2) {
          out->kind = FigureKind::kOrdinal;
          out->value = {value, value};
          return true;
        }
        first = second;
      } else if (count == 2) {
        return false;  // plain "twenty-one" is read by read_words
      }
      rest = 2;
    } else if (first->kind == WordKind::kCardinal && second &&
               (second->kind == WordKind::kFraction || second->fraction > 0) && count == 2) {
      // "two-thirds", "three-quarters"
      const double fraction = second->kind == WordKind::kFraction ? second->value : second->fraction;
      out->kind = FigureKind::kRatio;
      out->value = {value * fraction, value * fraction};
      out->counted = is(i + 1, "of") ? counted_after(i + 1, true) : std::string();
      return true;
    }
    if (rest >= count) return false;
    char b2[24];
    std::string_view tail;
    if (!lower_into(parts[rest], b2, sizeof b2, &tail)) return false;
    if (first->kind == WordKind::kOrdinal) {
      // "third-largest", "first-ever", "second-quarter"
      out->kind = FigureKind::kOrdinal;
      out->value = {value, value};
      return true;
    }
    if (first->kind != WordKind::kCardinal && first->kind != WordKind::kDozen) return false;
    if (tail == "fold") {
      out->kind = FigureKind::kRatio;
      out->value = {value, value};
      out->unit = "times";
      return true;
    }
    const Unit* unit = word_unit(tail);
    if (!unit || unit->dimension == Dimension::kTimes) return false;
    if (rest + 1 < count) {
      char b3[24];
      std::string_view old;
      if (rest + 2 == count && lower_into(parts[rest + 1], b3, sizeof b3, &old) && old == "old" &&
          unit->dimension == Dimension::kDuration) {
        out->kind = FigureKind::kAge;
        out->value = {value, value};
        out->unit = unit->code;
        out->counted = counted_after(i + 1, false);
        return true;
      }
      return false;
    }
    if (unit->dimension == Dimension::kPercent) {
      out->kind = FigureKind::kPercent;
      out->value = {value, value};
      out->unit = "%";
      return true;
    }
    fill_unit_figure(i, i + 1, value, unit, out);
    return true;
  }

  const Lexicon& lexicon_;
  const Document& doc_;
  const FigureOptions& options_;
  size_t n_;
  // Per token: its StartClass, kSentenceStart, and kLookedUp once lex_ holds its entry.
  static constexpr uint8_t kSentenceStart = 4;
  static constexpr uint8_t kLookedUp = 8;
  // Left uninitialised (zeroing them cost more than filling): classify_tokens
  // fills facts_, and lex() fills lex_ token by token, as matchers ask, so the
  // pass over all tokens does not write eight bytes for each.
  // They live in the thread's ScannerArrays, or in own_arrays_ for a huge text.
  ScannerArrays own_arrays_;
  const Lex** lex_ = nullptr;
  uint8_t* facts_ = nullptr;
  uint32_t* candidates_ = nullptr;  // tokens that may start a figure, ascending
};

// Figures from digit tokens with units glued ("180-day", "34-year-old", "20ft")
// and words ("two-hour") take their normalisation here, once, for every path.
void normalise(Figure* f) {
  if (f->normalized || f->unit.empty()) return;
  if (f->kind != FigureKind::kMeasure && f->kind != FigureKind::kDuration) return;
  const Unit* u = unit_by_code(f->unit);
  if (!u) return;
  const char* base = base_unit_code(u->dimension);
  if (*base == 0) return;
  f->normalized = Amount{u->to_base(f->value.min), u->to_base(f->value.max)};
  f->normalized_unit = base;
}

}  // namespace

struct FigureFinder::Impl {
  Lexicon lexicon = build_lexicon();
};

FigureFinder::FigureFinder(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
FigureFinder::FigureFinder(FigureFinder&&) noexcept = default;
FigureFinder& FigureFinder::operator=(FigureFinder&&) noexcept = default;
FigureFinder::~FigureFinder() = default;

Result<FigureFinder> FigureFinder::create() { return FigureFinder(std::make_unique<Impl>()); }

std::vector<Figure> FigureFinder::find(const Document& doc, const FigureOptions& options) const {
  std::vector<Figure> figures = Scanner(impl_->lexicon, doc, options).run();
  for (Figure& f : figures) normalise(&f);
  return figures;
}

}  // namespace ai
