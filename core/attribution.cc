#include "attribution.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <iterator>
#include <new>
#include <utility>

#include "hash64.h"
#include "utf8.h"

namespace ai {

namespace {

// The word lists. `Lexicon` below merges them into one hashed table, so a
// token is looked up once however many lists it is checked against.

// Words that end a subject phrase going backwards (and never start a name).
constexpr std::string_view kStopWords[] = {
    "the",  "a",    "an",      "of",      "in",     "on",    "at",      "to",     "for",   "with",  "by",
    "from", "and",  "or",      "but",     "that",   "which", "who",     "whom",   "whose", "as",    "after",
    "before", "while", "when", "where",   "it",     "its",   "this",    "these",  "those", "there", "here",
    "is",   "was",  "were",    "are",     "be",     "been",  "has",     "have",   "had",   "not",   "no",
    "than", "then", "if",      "so",      "because", "into", "over",    "under",  "about", "amid",  "despite",
    "during", "including", "also", "however", "his", "her", "their"};

// Capitalised words that start sentences but are not part of a name.
constexpr std::string_view kCapitalStopWords[] = {
    "the",   "a",     "an",     "in",     "on",     "at",   "however", "but",   "and",       "meanwhile",
    "later", "earlier", "also", "then",   "this",   "that", "it",      "he",    "she",       "they",
    "we",    "i",     "his",    "her",    "their",  "its",  "our",     "when",  "while",     "after",
    "before", "as",   "if",     "so",     "yet",    "still", "now",    "today", "yesterday", "last"};

constexpr std::string_view kDeterminers[] = {"the", "a", "an", "its", "their", "his"};

// Between a subject and its verb: "Tokayev has said", "she also told".
constexpr std::string_view kBetweenSubjectAndVerb[] = {
    "has", "have", "had", "was", "is", "were", "also", "later", "then", "again", "earlier", "previously",
    "reportedly", "repeatedly", "once", "would"};

constexpr std::string_view kWeekdays[] = {"monday", "tuesday", "wednesday", "thursday",
                                                  "friday", "saturday", "sunday", "night"};

// Common first names with a clear gender, so that "she said" skips a
// "Tony Blair" named just before it. A name in neither list matches both.
constexpr std::string_view kFemaleNames[] = {
    "ann", "anna", "anne", "barbara", "carol", "caroline", "catherine", "charlotte", "claire", "diane", "elizabeth",
    "emily", "emma", "hannah", "harriet", "helen", "hillary", "jane", "janet", "jen", "jennifer", "jessica", "joan",
    "julia", "julie", "karen", "kate", "laura", "linda", "lisa", "margaret", "maria", "marie", "mary", "michelle",
    "nancy", "natalia", "olga", "patricia", "rachel", "rebecca", "ruth", "sandra", "sarah", "sharon", "sophie",
    "susan", "tessa", "theresa", "ursula", "victoria", "yvette", "angela", "irina", "elena", "fatima", "priya",
    "tatiana", "nicola", "kamala"};
constexpr std::string_view kMaleNames[] = {
    "alan", "andrew", "anthony", "boris", "charles", "chris", "christopher", "daniel", "david", "derek", "donald",
    "edward", "gordon", "george", "harry", "henry", "ian", "jack", "james", "jim", "joe", "john", "joseph", "kenneth",
    "mark", "martin", "michael", "mike", "nick", "nicholas", "patrick", "paul", "peter", "richard", "robert", "ronald",
    "simon", "stephen", "steve", "thomas", "tim", "tom", "tony", "vladimir", "william", "ahmed", "mohammed",
    "muhammad", "sergei", "stanislav", "dmitry", "emmanuel", "olaf", "rishi", "keir", "justin", "alexei", "barack",
    "xi", "recep"};

constexpr std::string_view kPronouns[] = {"he", "she", "they", "it", "we", "i", "you"};

// Titles and roles a person holds; as the last title word of a capitalised
// run they separate the role from the name ("Press Secretary Jen Psaki").
constexpr std::string_view kPersonRoles[] = {
    "clerk", "member", "worker", "employee", "owner", "shopkeeper", "teacher", "nurse", "farmer", "driver",
    "neighbour", "neighbor", "survivor", "soldier", "pilot", "engineer", "historian", "student", "prof", "baroness",
    "rev", "rev.",
    "spokesman", "spokeswoman", "spokesperson", "president", "secretary", "minister", "chancellor", "senator",
    "governor", "mayor", "director", "chief", "chairman", "chairwoman", "chair", "king", "queen", "prince",
    "princess", "pope", "judge", "ambassador", "commissioner", "professor", "general", "colonel", "captain",
    "lieutenant", "sergeant", "officer", "inspector", "detective", "sheriff", "commander", "leader", "premier",
    "envoy", "editor", "correspondent", "analyst", "official", "executive", "ceo", "founder", "attorney", "lawyer",
    "coach", "manager", "economist", "representative", "emir", "sheikh", "aide", "adviser", "advisor", "counsel",
    "deputy", "mp", "congressman", "congresswoman", "diplomat", "researcher", "scientist", "expert", "author",
    "activist", "witness", "resident", "doctor", "prosecutor", "investigator", "negotiator", "candidate",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "sir", "dame", "lord", "lady", "gen.", "prof.", "sen."};

// Heads of phrases naming an outlet or institution: "state news channel Khabar-24".
constexpr std::string_view kOutletRoles[] = {
    "channel",  "agency",     "service",  "newspaper", "broadcaster", "network", "station",  "outlet",
    "website",  "ministry",   "daily",    "paper",     "television",  "radio",   "company",  "firm",
    "office",   "department", "council",  "committee", "bureau",      "institute", "magazine", "publication",
    "tabloid",  "portal",     "government", "army"};

// Anonymous sources: "officials said", "witnesses told".
constexpr std::string_view kGroups[] = {
    "officials", "sources",   "source",     "authorities", "police",      "witnesses",  "residents", "analysts",
    "experts",   "diplomats", "observers",  "aides",       "insiders",    "investigators", "prosecutors", "doctors",
    "activists", "organisers", "organizers", "people",     "reports",     "media",      "officers",  "lawmakers",
    "legislators", "critics", "employees",  "staff",       "protesters",  "rescuers",   "medics",    "spokespeople",
    "services", "campaigners", "firefighters", "opponents", "supporters", "ministers", "mps", "unions", "voters",
    "parents", "teachers", "scientists", "researchers", "economists", "traders", "companies", "families",
    "relatives", "troops", "rebels", "militants", "neighbours"};

// Documents a claim may rest on: "according to a statement".
constexpr std::string_view kDocuments[] = {"statement", "report", "document", "documents", "survey",
                                                   "study", "filing", "letter", "memo"};

// "a source close to", "people familiar with".
constexpr std::string_view kUnnamedSourceNouns[] = {"source", "sources", "person", "people", "official",
                                                             "officials", "aide", "aides", "diplomat", "insider"};

// Words whose last position in a name marks an institution, not a person.
constexpr std::string_view kInstitutionWords[] = {
    "ministry", "agency", "service", "news", "council", "party", "bank", "company", "group", "office",
    "department", "house", "organization", "organisation", "committee", "union", "court", "police",
    "army", "times", "post", "tv"};

// Speech verbs that also attribute an unquoted claim.
constexpr std::string_view kReportingVerbs[] = {
    "said", "says", "say", "told", "tells", "reported", "reports", "stated", "states", "confirmed", "confirms",
    "claimed", "claims", "added", "adds", "wrote", "writes", "tweeted", "warned", "warns", "insisted", "insists",
    "noted", "explained", "declared", "acknowledged", "admitted", "denied", "denies", "estimated", "quoted", "citing",
    "quoting", "cited", "argued", "argues", "explains", "admits", "concedes",
};

// Speech verbs that only introduce a quote.
constexpr std::string_view kQuotingOnlyVerbs[] = {
    "tell", "announced", "asked", "replied", "responded", "continued", "urged", "urges", "rejected", "rejects",
    "blamed", "blames", "described", "describes", "dismissed", "called", "accused", "suggested", "recalled",
    "conceded", "promised", "vowed", "pledged", "predicted", "cautioned", "stressed", "emphasised", "emphasized",
    "concluded", "remarked", "shouted", "quipped", "joked", "condemned", "criticised", "criticized", "labelled",
    "branded", "hailed", "posted", "spoke", "replies", "continues",
};

// Particles inside names: "Ursula von der Leyen", "Ibn al-Haytham".
constexpr std::string_view kNameParticles[] = {"de", "van", "von", "der", "bin", "al",
                                               "da", "del", "la", "le", "du", "ibn"};

// True when every word of `words` is spelled with lower-case ASCII letters
// and bytes below 0x40 only: the bytes fold8 maps nothing else onto.
template <size_t N>
constexpr bool folds_exactly(const std::string_view (&words)[N]) {
  for (std::string_view word : words)
    for (char c : word)
      if (!((c >= 'a' && c <= 'z') || (c >= 0 && c < 0x40))) return false;
  return true;
}
constexpr bool kListsFoldExactly =
    folds_exactly(kStopWords) && folds_exactly(kCapitalStopWords) && folds_exactly(kDeterminers) &&
    folds_exactly(kBetweenSubjectAndVerb) && folds_exactly(kWeekdays) && folds_exactly(kFemaleNames) &&
    folds_exactly(kMaleNames) && folds_exactly(kPronouns) && folds_exactly(kPersonRoles) &&
    folds_exactly(kOutletRoles) && folds_exactly(kGroups) && folds_exactly(kDocuments) &&
    folds_exactly(kUnnamedSourceNouns) && folds_exactly(kInstitutionWords) && folds_exactly(kReportingVerbs) &&
    folds_exactly(kQuotingOnlyVerbs) && folds_exactly(kNameParticles);
static_assert(kListsFoldExactly, "a listed word has a byte that a different byte folds onto");

// Which lists a word is in: bits of Attributor::facts_.
enum WordList : uint32_t {
  kStop = 1u << 0,
  kCapitalStop = 1u << 1,
  kDeterminer = 1u << 2,
  kBetween = 1u << 3,
  kWeekday = 1u << 4,
  kFemaleName = 1u << 5,
  kMaleName = 1u << 6,
  kPronoun = 1u << 7,
  kPersonRole = 1u << 8,
  kOutletRole = 1u << 9,
  kGroup = 1u << 10,
  kDocument = 1u << 11,
  kUnnamedSourceNoun = 1u << 12,
  kInstitution = 1u << 13,
  kParticle = 1u << 14,
  kSpeechVerb = 1u << 15,
  kReporting = 1u << 16,
  // Single words the grammar below asks for by name.
  kTo = 1u << 17,
  kOn = 1u << 18,
  kOf = 1u << 19,
  kFor = 1u << 20,
  kContinued = 1u << 21,
  kWent = 1u << 22,
  kAccording = 1u << 23,
  kCalled = 1u << 24,
  kClose = 1u << 25,
  kFamiliar = 1u << 26,
  kCiting = 1u << 27,
  kQuoting = 1u << 28,
};
constexpr uint32_t kRoleHead = kPersonRole | kOutletRole;
// The lists a speech verb starts with (speech_verb_at):
// verb_starts_and_roles() below must admit every word in them.
constexpr uint32_t kVerbStart = kSpeechVerb | kAccording | kCalled;

// The shape of a token, in Attributor::facts_ next to its lists.
constexpr uint32_t kWordShape = 1u << 29;
constexpr uint32_t kCapitalised = 1u << 30;
constexpr uint32_t kClitic = 1u << 31;
static_assert(kQuoting < kWordShape, "the word lists and the shape bits overlap");

char fold_ascii(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// True when `text` lower-cased (ASCII letters only) is `lower`.
bool equals_folded(std::string_view text, std::string_view lower) {
  if (text.size() != lower.size()) return false;
  for (size_t k = 0; k < text.size(); ++k)
    if (fold_ascii(text[k]) != lower[k]) return false;
  return true;
}

// A word of at most kMaxKeyBytes bytes packed into two machine words: the
// bytes zero-padded and folded by fold8, the length in the top byte. A text
// has the key of a listed word exactly when it is that word ignoring ASCII
// case, so a table keyed by it needs no second comparison of the spelling.
struct WordKey {
  uint64_t low = 0;
  uint64_t high = 0;
  friend bool operator==(const WordKey& a, const WordKey& b) { return ((a.low ^ b.low) | (a.high ^ b.high)) == 0; }
};
constexpr size_t kMaxKeyBytes = 15;

// Sets the case bit (0x20) of each of eight packed bytes whose 0x40 bit is
// set: lower-cases ASCII capitals in three operations. It also folds
// "@[\\]^_" onto "`{|}~" and the bytes from 0xC0 onto those from 0xE0, but the
// listed words have only lower-case letters and bytes below 0x40 (see
// kListsFoldExactly), which no other byte folds onto.
uint64_t fold8(uint64_t bytes) { return bytes | ((bytes & 0x4040404040404040ULL) >> 1); }

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
constexpr bool kLittleEndian = true;
#else
constexpr bool kLittleEndian = false;
#endif

// The first 16 bytes of `text` from byte `start` on (zero past its end),
// packed first byte lowest: on little-endian machines one unaligned load
// when 16 bytes are there to read, one short copy otherwise.
inline void load_packed(std::string_view text, size_t start, uint64_t packed[2]) {
  const size_t readable = text.size() - start;
  if (kLittleEndian && readable >= 16) {
    std::memcpy(packed, text.data() + start, 16);
    return;
  }
  packed[0] = packed[1] = 0;
  if (kLittleEndian) {
    if (readable > 0) std::memcpy(packed, text.data() + start, readable);
    return;
  }
  for (size_t k = 0; k < readable && k < 16; ++k)
    packed[k / 8] |= static_cast<uint64_t>(static_cast<unsigned char>(text[start + k])) << (8 * (k % 8));
}

// The key of the `size` (1 to kMaxKeyBytes) bytes packed in `packed`; the
// bytes after them are ignored.
inline WordKey key_of_packed(const uint64_t packed[2], size_t size) {
  struct Masks {
    uint64_t low[kMaxKeyBytes + 1];
    uint64_t high[kMaxKeyBytes + 1];
    constexpr Masks() : low(), high() {
      for (size_t n = 0; n <= kMaxKeyBytes; ++n) {
        low[n] = n >= 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * n)) - 1;
        high[n] = n <= 8 ? 0 : (uint64_t{1} << (8 * (n - 8))) - 1;
      }
    }
  };
  static constexpr Masks kMasks;
  return {fold8(packed[0] & kMasks.low[size]), fold8(packed[1] & kMasks.high[size]) | (static_cast<uint64_t>(size) << 56)};
}

// The key of `text`, which must be 1 to kMaxKeyBytes bytes long.
WordKey key_of(std::string_view text) {
  uint64_t packed[2];
  load_packed(text, 0, packed);
  return key_of_packed(packed, text.size());
}

// The single words the grammar asks for by name.
constexpr std::pair<std::string_view, WordList> kSingleWords[] = {
    {"to", kTo},         {"on", kOn},         {"of", kOf},           {"for", kFor},       {"continued", kContinued},
    {"went", kWent},     {"according", kAccording}, {"called", kCalled}, {"close", kClose}, {"familiar", kFamiliar},
    {"citing", kCiting}, {"quoting", kQuoting}};

// The length of the single word in `list`.
constexpr size_t single_word_size(WordList list) {
  for (const auto& entry : kSingleWords)
    if (entry.second == list) return entry.first.size();
  return 0;
}
constexpr size_t kCloseSize = single_word_size(kClose);
constexpr size_t kFamiliarSize = single_word_size(kFamiliar);

// How many words the lists hold, some more than once.
constexpr size_t kListedWords =
    std::size(kStopWords) + std::size(kCapitalStopWords) + std::size(kDeterminers) +
    std::size(kBetweenSubjectAndVerb) + std::size(kWeekdays) + std::size(kFemaleNames) + std::size(kMaleNames) +
    std::size(kPronouns) + std::size(kPersonRoles) + std::size(kOutletRoles) + std::size(kGroups) +
    std::size(kDocuments) + std::size(kUnnamedSourceNouns) + std::size(kInstitutionWords) +
    std::size(kReportingVerbs) + std::size(kQuotingOnlyVerbs) + std::size(kNameParticles) + std::size(kSingleWords);

// Every word of the lists above, with the lists it is in, behind a cuckoo
// hash table keyed by the lower-cased word: a word is in one of its two
// slots, so a lookup is two probes and two comparisons, no probing loop.
// The slots hold 16-bit indexes into a dense array of the words, so a
// lookup touches 4 KB of slots and 15 KB of entries rather than a table of
// whole entries several times that size. Built once per process.
class Lexicon {
  static constexpr size_t kSlotBits = 11;
  static constexpr size_t kSlots = size_t{1} << kSlotBits;  // about four times the words
  static constexpr size_t kMask = kSlots - 1;

 public:
  Lexicon() {
    // While the lists are added, the slots index the words added so far
    // (open addressing), so that finding a repeated word is one probe or
    // two, not a scan of every word: the table is built on the first
    // inspect, in wasm before the optimising compiler has seen this code.
    slots_.fill(kNoEntry);
    add(kStopWords, kStop);
    add(kCapitalStopWords, kCapitalStop);
    add(kDeterminers, kDeterminer);
    add(kBetweenSubjectAndVerb, kBetween);
    add(kWeekdays, kWeekday);
    add(kFemaleNames, kFemaleName);
    add(kMaleNames, kMaleName);
    add(kPronouns, kPronoun);
    add(kPersonRoles, kPersonRole);
    add(kOutletRoles, kOutletRole);
    add(kGroups, kGroup);
    add(kDocuments, kDocument);
    add(kUnnamedSourceNouns, kUnnamedSourceNoun);
    add(kInstitutionWords, kInstitution);
    add(kNameParticles, kParticle);
    add(kReportingVerbs, kSpeechVerb | kReporting);
    add(kQuotingOnlyVerbs, kSpeechVerb);
    for (const auto& [word, list] : kSingleWords) add_word(word, list);
    // The last entry is no word: free slots point at it, its key (all zero)
    // matches no word's, and it is in no list.
    entries_[count_++] = Entry{};
    spellings_[count_ - 1] = std::string_view();
    // At a quarter full a placement practically never cycles; another seed
    // fixes the rare one that does.
    while (!place_all()) ++seed_;
  }

  // The lists the word `text` spells (ignoring ASCII case) is in.
  uint32_t words_of(std::string_view text) const { return fits(text.size()) ? words_of_key(key_of(text)) : 0; }
  // The lists the word of `size` bytes packed in `packed` (see load_packed) is in.
  uint32_t words_of_packed(const uint64_t packed[2], size_t size) const {
    return fits(size) ? words_of_key(key_of_packed(packed, size)) : 0;
  }
  // The lower-case spelling of the listed word of `size` bytes packed in
  // `packed`, or "".
  std::string_view spelling_of_packed(const uint64_t packed[2], size_t size) const {
    if (!fits(size)) return {};
    const WordKey key = key_of_packed(packed, size);
    const Probe probe = probe_of(key);
    if (entries_[probe.first].key == key) return spellings_[probe.first];
    if (entries_[probe.second].key == key) return spellings_[probe.second];
    return {};
  }

 private:
  static constexpr size_t kMaxKicks = 100;
  // A free slot while the lists are added (see add_word).
  static constexpr uint16_t kNoEntry = UINT16_MAX;
  static_assert(kListedWords < kNoEntry, "entries are numbered in 16 bits");

  // The entries in a key's two slots.
  struct Probe {
    uint16_t first;
    uint16_t second;
  };

  // False for texts no listed word is as long as, and for "".
  bool fits(size_t size) const { return size - 1 < longest_; }
  // The entry of no word: in no list, spelled "".
  uint16_t none() const { return static_cast<uint16_t>(count_ - 1); }

  Probe probe_of(const WordKey& key) const {
    const uint64_t hash = hash_of(key);
    return {slots_[first_slot(hash)], slots_[second_slot(hash)]};
  }
  uint32_t words_of_key(const WordKey& key) const {
    const Probe probe = probe_of(key);
    // Masks rather than branches: whether a token is a listed word is
    // unpredictable, and a mispredicted branch costs more than the lookup.
    // Both entries' lists are read before the keys are compared, so that no
    // load waits for a comparison. A word is in one slot only.
    const Entry& first = entries_[probe.first];
    const Entry& second = entries_[probe.second];
    const uint32_t in_first = 0u - static_cast<uint32_t>(first.key == key);
    const uint32_t in_second = 0u - static_cast<uint32_t>(second.key == key);
    return (first.lists & in_first) | (second.lists & in_second);
  }

  // One multiply per half and no finalizer: a product's high bits depend on
  // all the bits below them, and both slots come from high bits. The second
  // slot ignores the key's top byte and each half's eighth byte; words that
  // differ only there still differ in the first slot, which is all a cuckoo
  // table needs.
  uint64_t hash_of(const WordKey& key) const {
    return (key.low ^ seed_) * 0x9E3779B97F4A7C15ULL + key.high * 0xC2B2AE3D27D4EB4FULL;
  }
  static size_t first_slot(uint64_t hash) { return static_cast<size_t>(hash >> (64 - kSlotBits)); }
  static size_t second_slot(uint64_t hash) { return static_cast<size_t>(hash >> (64 - 2 * kSlotBits)) & kMask; }

  template <size_t N>
  void add(const std::string_view (&words)[N], uint32_t list) {
    for (std::string_view word : words) add_word(word, list);
  }
  // Adds `word` (lower-case, 1 to kMaxKeyBytes bytes) to `list`. Words
  // keep the order they are first added in; a repeated one is found through
  // the slots, which index the words by linear probing until place_all.
  void add_word(std::string_view word, uint32_t list) {
    const WordKey key = key_of(word);
    size_t at = first_slot(hash_of(key));
    for (; slots_[at] != kNoEntry; at = (at + 1) & kMask) {
      Entry& listed = entries_[slots_[at]];
      if (listed.key == key) {
        listed.lists |= list;
        return;
      }
    }
    slots_[at] = static_cast<uint16_t>(count_);
    spellings_[count_] = word;
    entries_[count_++] = Entry{key, list};
    longest_ = std::max(longest_, word.size());
  }
  // Places every word in one of its two slots under the current seed, or
  // returns false.
  bool place_all() {
    slots_.fill(none());
    for (uint16_t e = 0; e < none(); ++e) {
      uint16_t moving = e;
      size_t at = first_slot(hash_of(entries_[moving].key));
      size_t kicks = 0;
      while (slots_[at] != none()) {
        if (++kicks > kMaxKicks) return false;
        std::swap(moving, slots_[at]);
        const uint64_t hash = hash_of(entries_[moving].key);
        at = at == first_slot(hash) ? second_slot(hash) : first_slot(hash);
      }
      slots_[at] = moving;
    }
    return true;
  }

  // The words, in list order, each once, then the entry of no word.
  // A word and the lists it is in: one cache line per probe, mostly.
  struct Entry {
    WordKey key;
    uint32_t lists = 0;
  };
  // Fixed arrays, not vectors: a lookup in a table the document's other
  // stages pushed out of the cache loads no vector's pointer first.
  static constexpr size_t kCapacity = kListedWords + 1;
  // The words, in list order, each once, then the entry of no word.
  std::array<Entry, kCapacity> entries_{};
  std::array<std::string_view, kCapacity> spellings_{};  // lower-case
  std::array<uint16_t, kSlots> slots_{};                 // the table: an entry per slot, none() when free
  size_t count_ = 0;
  uint64_t seed_ = 0;
  size_t longest_ = 0;
};

const Lexicon& lexicon() {
  static const Lexicon instance;
  return instance;
}

// A test that rules out most tokens as members of a few lists before any
// lookup: per (first byte, last byte), the bytes by their low five bits, a
// mask of the lengths of the words with those edges. A listed word's byte is
// a lower-case letter or below 0x40 (see kListsFoldExactly), which a token's
// byte folds onto only when the two agree in those bits, so every spelling
// of a listed word passes.
class EdgeFilter {
 public:
  template <size_t N>
  void add(const std::string_view (&words)[N]) {
    for (std::string_view word : words) add_word(word);
  }
  // Adds `word`, 1 to kMaxKeyBytes bytes long.
  void add_word(std::string_view word) {
    lengths_[index(word.front(), word.back())] |= static_cast<uint16_t>(1u << word.size());
  }
  // False when no added word is `size` bytes long, starts with `first` and
  // ends with `last`, ignoring ASCII case. Lengths count modulo 16, so a
  // text longer than any word may pass: a lookup still tells.
  bool may_contain(size_t size, char first, char last) const {
    return (lengths_[index(first, last)] >> (size & kMaxKeyBytes)) & 1u;
  }

 private:
  static_assert(kMaxKeyBytes == 15, "lengths are bits of a 16-bit mask, and the length 0 of no word");
  static size_t index(char first, char last) {
    return (static_cast<size_t>(first) & 31) << 5 | (static_cast<size_t>(last) & 31);
  }
  uint16_t lengths_[1 << 10] = {};
};

// The words a speech verb starts with (the speech verbs, "according" and
// "called") and the role heads.
const EdgeFilter& verb_starts_and_roles() {
  static const EdgeFilter instance = [] {
    EdgeFilter filter;
    filter.add(kReportingVerbs);
    filter.add(kQuotingOnlyVerbs);
    filter.add_word("according");
    filter.add_word("called");
    filter.add(kPersonRoles);
    filter.add(kOutletRoles);
    return filter;
  }();
  return instance;
}

// True when the text of one word (between spaces) is in one of `lists`.
bool word_in(std::string_view word, uint32_t lists) { return (lexicon().words_of(word) & lists) != 0; }

// "Officials", "A source close to ...", "The channel" open their sentence;
// the speaker is "officials", "a source close to ...", "the channel". A
// proper adjective stays: "Palestinian officials".
std::string common_noun_phrase(std::string_view words) {
  std::string name(words);
  if (!name.empty() && word_in(words.substr(0, words.find(' ')), kGroup | kDeterminer | kUnnamedSourceNoun | kDocument))
    name[0] = fold_ascii(name[0]);
  return name;
}

// "Mayor Ines Duarte" -> "Ines Duarte": a tagger may keep a title in the
// name. Sets `first_word_lists` to the lists the first word left is in: the
// lookup that finds it is no title tells its gender too.
std::string_view without_titles(std::string_view name, uint32_t* first_word_lists) {
  size_t start = 0;
  for (;;) {
    const size_t space = name.find(' ', start);
    // The last word is the name, even when it is a title.
    const size_t size = space == std::string_view::npos ? name.size() - start : space - start;
    *first_word_lists = lexicon().words_of(name.substr(start, size));
    if (space == std::string_view::npos || (*first_word_lists & kPersonRole) == 0) return name.substr(start);
    start = space + 1;
  }
}

// FNV-1a over a name's bytes from the last one back, so that one pass over
// a name hashes each of its word-final parts on the way.
constexpr uint64_t kEndingHashStart = 0xCBF29CE484222325ULL;
uint64_t ending_hash_step(uint64_t hash, char byte) {
  return (hash ^ static_cast<unsigned char>(byte)) * 0x100000001B3ULL;
}

// True when `text` (lower-case) is `head` ignoring ASCII case.
bool same_role(std::string_view head, std::string_view text) { return equals_folded(head, text); }

}  // namespace

Attributor::Attributor(const Document& doc) : doc_(doc), facts_(doc.tokens.size(), kUnread) {
  // Only words start a speech verb (speech_verb_at) or a name's role
  // (People::People). Few tokens pass, but whether a token is a word is
  // unpredictable, so both tests are made without a branch, and the byte
  // reads are clamped to the text (for a hand-made empty token) rather than
  // guarded.
  const EdgeFilter& filter = verb_starts_and_roles();
  const size_t tokens = doc.tokens.size();
  const size_t final_byte = doc.text.size() - 1;
  // Every token is written and the count advances only past those that
  // pass: no branch on the test.
  // Left uninitialised: every slot up to the last candidate is written first.
  candidates_.reset(static_cast<uint32_t*>(std::malloc(std::max<size_t>(tokens, 1) * sizeof(uint32_t))));
  if (!candidates_) throw std::bad_alloc();
  size_t passed = 0;
  for (size_t i = 0; i < tokens; ++i) {
    const Token& token = doc.tokens[i];
    const char first = doc.text[std::min<size_t>(token.start, final_byte)];
    const char last = doc.text[std::min<size_t>(token.end - 1u, final_byte)];
    candidates_[passed] = static_cast<uint32_t>(i);
    passed += (token.kind == TokenKind::kWord) & filter.may_contain(token.end - token.start, first, last);
  }
  candidate_count_ = passed;
  // Few tokens pass: give back the room the rest took, in place (the
  // tail's pages, never written, were never touched either).
  if (void* fitted = std::realloc(candidates_.get(), std::max<size_t>(passed, 1) * sizeof(uint32_t))) {
    candidates_.release();
    candidates_.reset(static_cast<uint32_t*>(fitted));
  }
  // About one candidate in seven is a speech verb, whose subject is kept.
  subjects_.reserve(passed / 4 + 4);
}

uint32_t Attributor::read_facts(size_t i) const {
  const Token& token = doc_.tokens[i];
  uint64_t packed[2];
  load_packed(doc_.text, token.start, packed);
  const uint32_t lists = lexicon().words_of_packed(packed, token.end - token.start);
  const bool word = token.kind == TokenKind::kWord;
  const auto lead = static_cast<unsigned char>(packed[0]);
  bool capital = static_cast<unsigned char>(lead - 'A') < 26;
  if (lead >= 0x80 && word) {
    size_t length;
    capital = is_upper(decode_code_point(doc_.text, token.start, &length));
  }
  const bool clitic = (lead == '\'') | ((packed[0] & 0xFFFFFF) == 0x9980E2);  // ' or ’ (E2 80 99)
  const uint32_t facts = lists | (word ? kWordShape : 0u) | ((word && capital) ? kCapitalised : 0u) | (clitic ? kClitic : 0u);
  facts_[i] = facts;
  return facts;
}

size_t Attributor::next_in(uint32_t lists, size_t i, size_t end) const {
  const uint32_t* const candidates = candidates_.get();
  if (cursor_ > 0 && candidates[cursor_ - 1] >= i)
    cursor_ = static_cast<size_t>(std::lower_bound(candidates, candidates + cursor_, i) - candidates);
  while (cursor_ < candidate_count_ && candidates[cursor_] < i) ++cursor_;
  for (; cursor_ < candidate_count_ && candidates[cursor_] < end; ++cursor_)
    if (has(candidates[cursor_], lists)) return candidates[cursor_];
  return end;
}

size_t Attributor::next_verb_candidate(size_t i, size_t end) const { return next_in(kVerbStart, i, end); }

size_t Attributor::last_verb_candidate(size_t begin, size_t end) const {
  const uint32_t* const candidates = candidates_.get();
  const uint32_t* it = std::lower_bound(candidates, candidates + candidate_count_, end);
  while (it != candidates && *(it - 1) >= begin) {
    --it;
    if (has(*it, kVerbStart)) return *it;
  }
  return end;
}

size_t Attributor::next_verb_or_role_candidate(size_t i, size_t end) const {
  return next_in(kVerbStart | kRoleHead, i, end);
}

bool Attributor::is_word(size_t i) const { return has(i, kWordShape); }
bool Attributor::is_capitalised(size_t i) const { return has(i, kCapitalised); }
bool Attributor::is_clitic(size_t i) const { return has(i, kClitic); }
bool Attributor::is_lowercase_word(size_t i) const { return is_word(i) && !is_capitalised(i) && !is_clitic(i); }
bool Attributor::is_name_word(size_t i) const { return is_capitalised(i) && !has(i, kCapitalStop); }
bool Attributor::is_name_particle(size_t i) const { return has(i, kParticle); }
bool Attributor::is_title_word(size_t i) const { return has(i, kPersonRole); }
bool Attributor::is_role_head(size_t i) const { return has(i, kRoleHead); }
std::string_view Attributor::lower_word(size_t i) const {
  const Token& token = doc_.tokens[i];
  uint64_t packed[2];
  load_packed(doc_.text, token.start, packed);
  return lexicon().spelling_of_packed(packed, token.end - token.start);
}

// The first token of the capitalised run ending at `last`, reading no
// further back than `limit` (at most 8 tokens).
size_t Attributor::name_run_start(size_t last, size_t limit) const {
  size_t first = last;
  while (first > limit && last - first < 8) {
    const size_t prev = first - 1;
    if (is_capitalised(prev) || (is_name_particle(prev) && prev > limit && is_capitalised(prev - 1))) {
      first = prev;
    } else {
      break;
    }
  }
  while (first < last && !is_name_word(first)) ++first;
  return first;
}

// Turns the capitalised run [first, last] into a name, splitting off
// leading titles ("Press Secretary Jen Psaki") and reading a role from the
// lower-case words just before it ("police spokesman Sultanat Azirbek").
std::optional<Attribution> Attributor::name_phrase(size_t first, size_t last, size_t limit) const {
  if (!is_name_word(first) && first == last) return std::nullopt;
  Attribution a;
  a.kind = Attribution::Kind::kName;
  size_t name_first = first;
  for (size_t i = first; i <= last; ++i)
    if (is_title_word(i)) {
      a.role = lower_word(i);
      name_first = i + 1;
    }
  size_t phrase_first = first;
  if (name_first > last) {
    // Only titles: "the Foreign Minister said" names a role, not a person.
    a.kind = Attribution::Kind::kRole;
    if (phrase_first > limit && has(phrase_first - 1, kDeterminer)) --phrase_first;
    a.span = span(phrase_first, last);
    a.name = a.span;
    return a;
  }
  if (first == last && has(first, kGroup)) {  // "Officials said" at a sentence start
    a.kind = Attribution::Kind::kGroup;
    a.span = a.name = span(first, last);
    return a;
  }
  if (a.role.empty() && first > limit && is_word(first - 1) && is_role_head(first - 1)) {
    a.role = lower_word(first - 1);
    phrase_first = first - 1;
    while (phrase_first > limit && phrase_first + 4 > first && is_word(phrase_first - 1) && !is_clitic(phrase_first - 1) &&
           !has(phrase_first - 1, kStop))
      --phrase_first;
  }
  a.name = span(name_first, last);
  a.span = span(phrase_first, last);
  return a;
}

// "a source close to the president", "people familiar with the talks",
// ending at token `last`.
std::optional<Attribution> Attributor::unnamed_source_before(size_t last, size_t limit) const {
  for (size_t k = last; k > limit && last - k < 10; --k) {
    // Most tokens here are read by nothing else: rule them out by length.
    const size_t size = doc_.tokens[k].end - doc_.tokens[k].start;
    if ((size == kCloseSize || size == kFamiliarSize) && has(k, kClose | kFamiliar) && has(k - 1, kUnnamedSourceNoun)) {
      size_t first = k - 1;
      if (first > limit && has(first - 1, kDeterminer)) --first;
      Attribution a;
      a.kind = Attribution::Kind::kGroup;
      a.span = a.name = span(first, last);
      return a;
    }
  }
  return std::nullopt;
}

// A lower-case phrase ending at `last` headed by a role or group noun, or
// a name followed by its description ("Russia's Sputnik news service").
std::optional<Attribution> Attributor::common_phrase_before(size_t last, size_t limit) const {
  size_t first = last;
  while (first > limit && last - first < 4 && is_lowercase_word(first - 1) && !has(first - 1, kStop)) --first;
  if (has(last, kOutletRole) && first > limit && is_capitalised(first - 1)) {
    const size_t run_first = name_run_start(first - 1, limit);
    if (is_name_word(run_first)) {
      Attribution a;
      a.kind = Attribution::Kind::kName;
      a.name = span(run_first, first - 1);
      a.span = span(run_first, last);
      a.role = lower_word(last);
      return a;
    }
  }
  Attribution a;
  if (has(last, kGroup | kDocument)) {
    a.kind = Attribution::Kind::kGroup;
    // "Emergency services", "UN officials": a capitalised modifier belongs.
    while (first > limit && last - first < 4 && is_capitalised(first - 1) && !has(first - 1, kCapitalStop) &&
           !is_title_word(first - 1))
      --first;
  } else if (is_role_head(last)) {
    a.kind = Attribution::Kind::kRole;
    a.role = lower_word(last);
  } else {
    return std::nullopt;
  }
  size_t phrase_first = first;
  if (phrase_first > limit && has(phrase_first - 1, kDeterminer)) --phrase_first;
  a.span = span(phrase_first, last);
  // The name of a group leaves out the article: "officials", "city officials".
  a.name = span(first, last);
  if (a.kind == Attribution::Kind::kRole) a.name = a.span;
  return a;
}

// The phrase ending at token `last` (inclusive), as a subject.
std::optional<Attribution> Attributor::phrase_ending_at(size_t last, size_t limit) const {
  if (auto unnamed = unnamed_source_before(last, limit)) return unnamed;
  if (has(last, kPronoun) && is_word(last)) {
    Attribution a;
    a.kind = Attribution::Kind::kPronoun;
    a.span = a.name = span(last, last);
    return a;
  }
  if (is_capitalised(last)) {
    const size_t first = name_run_start(last, limit);
    if (first > last || !is_name_word(first)) return std::nullopt;
    return name_phrase(first, last, limit);
  }
  if (is_lowercase_word(last)) return common_phrase_before(last, limit);
  return std::nullopt;
}

// The role head inside [first, last], read up to an "of": "general
// secretary of the CSTO" -> "secretary", "member of the committee" -> "".
std::string_view Attributor::role_in(size_t first, size_t last) const {
  std::string_view role;
  for (size_t i = first; i <= last && !has(i, kOf); ++i)
    if (is_word(i) && is_role_head(i)) role = lower_word(i);
  return role;
}

std::optional<SpeechVerb> Attributor::speech_verb_at(size_t i, size_t end) const {
  if (i >= end || doc_.tokens[i].kind != TokenKind::kWord) return std::nullopt;
  const bool next_is = i + 1 < end;
  if (has(i, kAccording)) {
    if (next_is && has(i + 1, kTo)) return SpeechVerb{i, i + 2, "according to", true};
    return std::nullopt;
  }
  if (has(i, kCalled) && next_is && has(i + 1, kOn | kFor))
    return SpeechVerb{i, i + 2, has(i + 1, kOn) ? "called on" : "called for", false};
  if (!has(i, kSpeechVerb)) return std::nullopt;
  return SpeechVerb{i, i + 1, lower_word(i), has(i, kReporting)};
}

// The longest aside between a subject and its verb: "X, who led the
// inquiry with the help of two colleagues, said".
constexpr size_t kAsideTokens = 25;

std::optional<Attribution> Attributor::subject_before(size_t verb, size_t limit) const {
  auto kept = std::lower_bound(subjects_.begin(), subjects_.end(), verb,
                               [](const KeptSubject& k, size_t token) { return k.verb < token; });
  if (kept != subjects_.end() && kept->verb == verb)
    return kept->limit == limit ? kept->subject : read_subject_before(verb, limit);
  std::optional<Attribution> subject = read_subject_before(verb, limit);
  // People asks first, verb after verb: this appends.
  if (kept == subjects_.end())
    subjects_.push_back(KeptSubject{verb, limit, subject});
  else
    subjects_.insert(kept, KeptSubject{verb, limit, subject});
  return subject;
}

std::optional<Attribution> Attributor::read_subject_before(size_t verb, size_t limit) const {
  size_t last = verb;
  // Step back over auxiliaries and a time phrase: "X has said", "X on Thursday said".
  while (last > limit) {
    const size_t w = last - 1;
    if (has(w, kBetween)) {
      --last;
    } else if (has(w, kTo) && last - 1 > limit && has(last - 2, kContinued)) {  // "X continued to say"
      last -= 2;
    } else if (has(w, kTo) && last - 2 > limit && has(last - 2, kOn) && has(last - 3, kWent)) {
      last -= 3;  // "X went on to say"
    } else if (has(w, kWeekday) && last - 1 > limit && has(last - 2, kOn)) {
      last -= 2;
    } else {
      break;
    }
  }
  if (last <= limit) return std::nullopt;
  --last;
  if (!is_punct(last, ",")) return phrase_ending_at(last, limit);

  // An appositive or an aside between commas: "X, the spokesman, said",
  // "The general secretary, Jane Roe, said", "The channel, citing officials, reported".
  size_t comma = last;
  while (comma > limit && last - comma < kAsideTokens && !is_punct(comma - 1, ",")) --comma;
  if (comma <= limit || !is_punct(comma - 1, ",")) return std::nullopt;
  const size_t before = comma - 1;  // the first comma
  if (before <= limit) return std::nullopt;
  if (has(comma, kCiting | kQuoting | kAccording)) return read_subject_before(before, limit);
  if (is_capitalised(comma) && !has(comma, kCapitalStop)) {
    std::optional<Attribution> name = phrase_ending_at(last - 1, comma);
    if (!name || name->kind != Attribution::Kind::kName) return name;
    size_t role_first = before;
    while (role_first > limit && before - role_first < 8 && is_word(role_first - 1)) --role_first;
    if (name->role.empty()) name->role = role_in(role_first, before - 1);
    return name;
  }
  std::optional<Attribution> name = phrase_ending_at(before - 1, limit);
  if (!name) return std::nullopt;
  if (name->kind == Attribution::Kind::kName) {
    const std::string_view role = role_in(comma, last - 1);
    if (!role.empty()) name->role = role;
    name->span.end = doc_.tokens[last - 1].end;
  }
  return name;
}

std::optional<Attribution> Attributor::phrase_after(size_t from, size_t end) const {
  size_t first = from;
  while (first < end && is_punct(first, ",")) ++first;
  if (first >= end) return std::nullopt;
  if (has(first, kPronoun) && is_word(first)) {
    Attribution a;
    a.kind = Attribution::Kind::kPronoun;
    a.span = a.name = span(first, first);
    return a;
  }
  size_t words_first = first;
  if (has(first, kDeterminer)) ++words_first;
  // Read the noun phrase: words that are not stop words, up to 7.
  size_t last = words_first;
  while (last < end && last - words_first < 7 && is_word(last) && !is_clitic(last) &&
         (!has(last, kStop) || (is_name_particle(last) && last + 1 < end && is_capitalised(last + 1))))
    ++last;
  if (last == words_first) return std::nullopt;
  --last;
  // "a source close to the president": keep the whole description.
  if (has(words_first, kUnnamedSourceNoun) && words_first + 1 < end && has(words_first + 1, kClose | kFamiliar)) {
    size_t stop = words_first + 2;
    while (stop < end && stop - words_first < 10 && !is_punct(stop, ",") && !is_punct(stop, ".") &&
           !speech_verb_at(stop, end))
      ++stop;
    Attribution a;
    a.kind = Attribution::Kind::kGroup;
    a.span = a.name = span(first, stop - 1);
    return a;
  }
  // The last capitalised run names; lower-case words after it describe.
  size_t run_last = last;
  while (run_last > words_first && !is_capitalised(run_last)) --run_last;
  std::optional<Attribution> a;
  if (is_capitalised(run_last) && (run_last == last || has(last, kOutletRole))) {
    // "Jane Roe", "the Home Ministry", "the Sputnik news service".
    a = name_phrase(name_run_start(run_last, words_first), run_last, words_first);
    if (a && run_last < last) a->role = lower_word(last);
  } else {
    // "the spokesman", "city officials", "the Senate clerk".
    a = common_phrase_before(last, words_first > first ? words_first - 1 : words_first);
    if (a && is_capitalised(run_last)) a->span = a->name = span(first, last);
  }
  if (!a) return std::nullopt;
  a->span.start = doc_.tokens[first].start;
  // "said the council leader, Maria Okafor": the name follows the role.
  if (a->kind == Attribution::Kind::kRole && last + 2 < end && is_punct(last + 1, ",") && is_name_word(last + 2)) {
    size_t name_last = last + 2;
    while (name_last + 1 < end && name_last - last < 6 && is_capitalised(name_last + 1)) ++name_last;
    a->kind = Attribution::Kind::kName;
    a->name = span(last + 2, name_last);
    a->span.end = a->name.end;
  }
  return a;
}

People::People(const Attributor& words, const std::vector<Entity>& entities)
    : doc_(words.doc()), entities_(entities) {
  // Sized up front: in a long pipeline an allocation is no longer cheap.
  size_t mention_count = 0;
  size_t role_count = 0;
  for (const Entity& entity : entities) {
    mention_count += entity.mentions.size();
    role_count += entity.roles.size();
  }
  entity_mentions_.reserve(mention_count);
  mentions_.reserve(mention_count + mention_count / 2 + 8);  // and some the text makes
  role_heads_.reserve(role_count + 8);
  entity_forms_.reserve(entities.size());
  for (size_t e = 0; e < entities.size(); ++e) {
    const Entity& entity = entities[e];
    const auto roles_begin = static_cast<uint32_t>(role_heads_.size());
    for (const std::string& role : entity.roles) {
      const size_t space = role.rfind(' ');
      role_heads_.push_back(std::string_view(role).substr(space == std::string::npos ? 0 : space + 1));
    }
    const auto roles_end = static_cast<uint32_t>(role_heads_.size());
    uint32_t first_word_lists = 0;
    const std::string_view name = without_titles(entity.name, &first_word_lists);
    Mention mention = make_mention(name, first_word_lists, entity.id, roles_begin, roles_end,
                                   entity.type == EntityType::kPerson);
    entity_forms_.push_back(mention);
    for (const Span& m : entity.mentions) {
      entity_mentions_.emplace_back(m, e);
      mention.at = m.start;
      mentions_.push_back(mention);
    }
  }
  std::sort(entity_mentions_.begin(), entity_mentions_.end(),
            [](const auto& a, const auto& b) { return a.first.start < b.first.start; });

  // Whether a name no entity covers names a person.
  auto is_person_name = [&](Span name, std::string_view role) {
    if (!role.empty()) return word_in(role, kPersonRole);
    const std::string_view text = doc_.span_text(name);
    const size_t space = text.rfind(' ');
    if (space == std::string_view::npos) return false;
    return !word_in(text.substr(space + 1), kInstitution);
  };
  // A mention the text itself makes: its own role, if any, joins role_heads_.
  auto add_text_mention = [&](Span name, std::string_view role) {
    const Entity* entity = entity_overlapping(name);
    const auto roles_begin = static_cast<uint32_t>(role_heads_.size());
    if (!role.empty()) role_heads_.push_back(role);
    Mention mention;
    if (entity != nullptr) {
      mention = entity_form(*entity);
      mention.roles_begin = roles_begin;
      mention.roles_end = static_cast<uint32_t>(role_heads_.size());
    } else {
      const std::string_view text = doc_.span_text(name);
      mention = make_mention(text, lexicon().words_of(text.substr(0, text.find(' '))), "", roles_begin,
                             static_cast<uint32_t>(role_heads_.size()), is_person_name(name, role));
    }
    mention.at = name.start;
    mentions_.push_back(mention);
  };
  const Attributor& p = words;
  for (const Sentence& s : doc_.sentences) {
    // Most tokens are neither a role head nor a speech verb: the scan skips
    // them without a lookup.
    for (size_t i = p.next_verb_or_role_candidate(s.first_token, s.end_token); i < s.end_token;
         i = p.next_verb_or_role_candidate(i + 1, s.end_token)) {
      // "President Kassym-Jomart Tokayev", "news channel Khabar-24".
      if (p.is_word(i) && i + 1 < s.end_token && p.is_name_word(i + 1) && p.is_role_head(i)) {
        size_t last = i + 1;
        while (last + 1 < s.end_token && last - i < 5 &&
               (p.is_capitalised(last + 1) ||
                (p.is_name_particle(last + 1) && last + 2 < s.end_token && p.is_capitalised(last + 2))))
          ++last;
        // A later title inside the run starts the name after it.
        size_t first = i + 1;
        for (size_t k = i + 1; k <= last; ++k)
          if (p.is_title_word(k)) first = k + 1;
        if (first <= last) add_text_mention(p.span(first, last), p.lower_word(i));
      }
      if (std::optional<SpeechVerb> verb = p.speech_verb_at(i, s.end_token)) {
        std::optional<Attribution> who = p.subject_before(i, s.first_token);
        // "..., said Jane Roe" names its speaker after the verb.
        if (!who && verb->end_token < s.end_token) who = p.phrase_after(verb->end_token, s.end_token);
        if (who && who->kind == Attribution::Kind::kName) add_text_mention(who->name, who->role);
        i = verb->end_token - 1;
      }
    }
  }
  // By position, mentions at one position in the order they were added.
  // Sorting 8-byte keys and moving each mention once costs less than
  // sorting the mentions; positions fit 32 bits, as token offsets do.
  std::vector<uint64_t> keys(mentions_.size());
  for (size_t m = 0; m < mentions_.size(); ++m) keys[m] = static_cast<uint64_t>(mentions_[m].at) << 32 | m;
  std::sort(keys.begin(), keys.end());
  // The mentions move in place, a cycle of the permutation at a time, rather
  // than into a sorted copy: on a 5 MB text the copy was the whole
  // inspection's peak, beside the tagger's kept scratch. The low half of
  // keys[t] is the mention that goes to t; once filled, t points at itself.
  auto from = [&](size_t t) { return static_cast<uint32_t>(keys[t]); };
  for (size_t t = 0; t < keys.size(); ++t) {
    if (from(t) == t) continue;
    const Mention first = mentions_[t];
    size_t hole = t;
    while (from(hole) != t) {
      const size_t next = from(hole);
      mentions_[hole] = mentions_[next];
      keys[hole] = hole;
      hole = next;
    }
    mentions_[hole] = first;
    keys[hole] = hole;
  }
}

People::Mention People::make_mention(std::string_view name, uint32_t first_word_lists, std::string_view entity_id,
                                     uint32_t roles_begin, uint32_t roles_end, bool person) {
  return {0, name, entity_id, roles_begin, roles_end, person, (first_word_lists & kFemaleName) != 0,
          (first_word_lists & kMaleName) != 0};
}

const Entity* People::entity_overlapping(Span span) const {
  auto it = std::lower_bound(entity_mentions_.begin(), entity_mentions_.end(), span.start,
                             [](const auto& m, size_t at) { return m.first.end <= at; });
  // Mentions may nest in a tagger's output; look a few back as well.
  const Entity* best = nullptr;
  for (size_t steps = 0; it != entity_mentions_.end() && it->first.start < span.end && steps < 16; ++it, ++steps) {
    if (it->first.end <= span.start) continue;
    const Entity& e = entities_[it->second];
    if (best == nullptr || (e.type == EntityType::kPerson && best->type != EntityType::kPerson)) best = &e;
  }
  return best;
}

// Few documents ever ask for a name no mention covers, so the index of name
// endings is built on the first question.
void People::index_name_endings() const {
  endings_indexed_ = true;
  size_t count = 0;
  for (const Entity& entity : entities_)
    count += 1 + static_cast<size_t>(std::count(entity.name.begin(), entity.name.end(), ' '));
  entity_name_endings_.reserve(count);
  // Of the entities a name ending belongs to, the first person, else the first entity.
  for (size_t e = 0; e < entities_.size(); ++e) {
    const std::string_view name = entities_[e].name;
    uint64_t hash = kEndingHashStart;
    for (size_t k = name.size(); k-- > 0;) {
      hash = ending_hash_step(hash, name[k]);
      if (k == 0 || name[k - 1] == ' ') entity_name_endings_.push_back({hash, name.substr(k), static_cast<uint32_t>(e)});
    }
  }
  std::sort(entity_name_endings_.begin(), entity_name_endings_.end(), [](const NameEnding& a, const NameEnding& b) {
    return a < b || (!(b < a) && a.entity < b.entity);
  });
  auto is_person = [&](size_t e) { return entities_[e].type == EntityType::kPerson; };
  size_t kept = 0;
  for (size_t i = 0; i < entity_name_endings_.size();) {
    size_t chosen = i;
    size_t j = i;
    for (; j < entity_name_endings_.size() && !(entity_name_endings_[i] < entity_name_endings_[j]); ++j)
      if (!is_person(entity_name_endings_[chosen].entity) && is_person(entity_name_endings_[j].entity)) chosen = j;
    entity_name_endings_[kept++] = entity_name_endings_[chosen];
    i = j;
  }
  entity_name_endings_.resize(kept);
}

const Entity* People::entity_named(std::string_view name) const {
  if (!endings_indexed_) index_name_endings();
  uint64_t hash = kEndingHashStart;
  for (size_t k = name.size(); k-- > 0;) hash = ending_hash_step(hash, name[k]);
  const NameEnding key{hash, name, 0};
  auto found = std::lower_bound(entity_name_endings_.begin(), entity_name_endings_.end(), key);
  return found == entity_name_endings_.end() || key < *found ? nullptr : &entities_[found->entity];
}

Speaker People::named(Span name) const {
  if (const Entity* e = entity_overlapping(name)) return {std::string(entity_form(*e).name), e->id};
  const std::string_view text = doc_.span_text(name);
  if (const Entity* e = entity_named(text)) return {std::string(entity_form(*e).name), e->id};
  // "Tokayev" after "Kassym-Jomart Tokayev": use the fullest form named before.
  auto end = std::lower_bound(mentions_.begin(), mentions_.end(), name.start,
                              [](const Mention& m, size_t at) { return m.at < at; });
  for (size_t steps = 0; end != mentions_.begin() && steps < 500; ++steps) {
    --end;
    const std::string_view full = end->name;
    if (full.size() > text.size() + 1 && full.compare(full.size() - text.size(), text.size(), text) == 0 &&
        full[full.size() - text.size() - 1] == ' ')
      return {std::string(full), std::string(end->entity_id)};
  }
  return {std::string(text), ""};
}

std::optional<People::Resolved> People::resolve(const Attribution& who, size_t at) const {
  auto before = std::lower_bound(mentions_.begin(), mentions_.end(), at,
                                 [](const Mention& m, size_t offset) { return m.at < offset; });
  switch (who.kind) {
    case Attribution::Kind::kName:
      return Resolved{named(who.name), true};
    case Attribution::Kind::kPronoun: {
      const std::string_view pronoun = doc_.span_text(who.name);
      const bool personal = pronoun == "he" || pronoun == "He" || pronoun == "she" || pronoun == "She";
      if (!personal) return std::nullopt;
      const bool female = pronoun == "she" || pronoun == "She";
      for (size_t steps = 0; before != mentions_.begin() && steps < 500; ++steps) {
        --before;
        const bool other_gender = female ? before->male_first_name : before->female_first_name;
        if (before->person && !other_gender)
          return Resolved{{std::string(before->name), std::string(before->entity_id)}, true};
      }
      return std::nullopt;
    }
    case Attribution::Kind::kRole:
      for (size_t steps = 0; before != mentions_.begin() && steps < 500; ++steps) {
        --before;
        const auto heads_begin = role_heads_.begin() + before->roles_begin;
        const auto heads_end = role_heads_.begin() + before->roles_end;
        if (std::any_of(heads_begin, heads_end, [&](std::string_view head) { return same_role(head, who.role); }))
          return Resolved{{std::string(before->name), std::string(before->entity_id)}, true};
      }
      return Resolved{{common_noun_phrase(doc_.span_text(who.name)), ""}, false};
    case Attribution::Kind::kGroup:
      return Resolved{{common_noun_phrase(doc_.span_text(who.name)), ""}, false};
  }
  return std::nullopt;
}

}  // namespace ai
