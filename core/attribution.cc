#include "attribution.h"

#include <algorithm>
#include <cstring>
#include <unordered_map>
#include <unordered_set>

#include "utf8.h"

namespace ai {

namespace {

// The word lists below are hashed: every token of a text meets several of them.
using WordSet = std::unordered_set<std::string_view>;

bool in(const WordSet& words, std::string_view w) { return words.count(w) > 0; }

// Words that end a subject phrase going backwards (and never start a name).
const WordSet kStopWords = {
    "the",  "a",    "an",      "of",      "in",     "on",    "at",      "to",     "for",   "with",  "by",
    "from", "and",  "or",      "but",     "that",   "which", "who",     "whom",   "whose", "as",    "after",
    "before", "while", "when", "where",   "it",     "its",   "this",    "these",  "those", "there", "here",
    "is",   "was",  "were",    "are",     "be",     "been",  "has",     "have",   "had",   "not",   "no",
    "than", "then", "if",      "so",      "because", "into", "over",    "under",  "about", "amid",  "despite",
    "during", "including", "also", "however", "his", "her", "their"};

// Capitalised words that start sentences but are not part of a name.
const WordSet kCapitalStopWords = {
    "the",   "a",     "an",     "in",     "on",     "at",   "however", "but",   "and",       "meanwhile",
    "later", "earlier", "also", "then",   "this",   "that", "it",      "he",    "she",       "they",
    "we",    "i",     "his",    "her",    "their",  "its",  "our",     "when",  "while",     "after",
    "before", "as",   "if",     "so",     "yet",    "still", "now",    "today", "yesterday", "last"};

const WordSet kDeterminers = {"the", "a", "an", "its", "their", "his"};

// Between a subject and its verb: "Tokayev has said", "she also told".
const WordSet kBetweenSubjectAndVerb = {
    "has", "have", "had", "was", "is", "were", "also", "later", "then", "again", "earlier", "previously",
    "reportedly", "repeatedly", "once", "would"};

const WordSet kWeekdays = {"monday", "tuesday", "wednesday", "thursday",
                                                  "friday", "saturday", "sunday", "night"};

// Common first names with a clear gender, so that "she said" skips a
// "Tony Blair" named just before it. A name in neither list matches both.
const WordSet kFemaleNames = {
    "ann", "anna", "anne", "barbara", "carol", "caroline", "catherine", "charlotte", "claire", "diane", "elizabeth",
    "emily", "emma", "hannah", "harriet", "helen", "hillary", "jane", "janet", "jen", "jennifer", "jessica", "joan",
    "julia", "julie", "karen", "kate", "laura", "linda", "lisa", "margaret", "maria", "marie", "mary", "michelle",
    "nancy", "natalia", "olga", "patricia", "rachel", "rebecca", "ruth", "sandra", "sarah", "sharon", "sophie",
    "susan", "tessa", "theresa", "ursula", "victoria", "yvette", "angela", "irina", "elena", "fatima", "priya",
    "tatiana", "nicola", "kamala"};
const WordSet kMaleNames = {
    "alan", "andrew", "anthony", "boris", "charles", "chris", "christopher", "daniel", "david", "derek", "donald",
    "edward", "gordon", "george", "harry", "henry", "ian", "jack", "james", "jim", "joe", "john", "joseph", "kenneth",
    "mark", "martin", "michael", "mike", "nick", "nicholas", "patrick", "paul", "peter", "richard", "robert", "ronald",
    "simon", "stephen", "steve", "thomas", "tim", "tom", "tony", "vladimir", "william", "ahmed", "mohammed",
    "muhammad", "sergei", "stanislav", "dmitry", "emmanuel", "olaf", "rishi", "keir", "justin", "alexei", "barack",
    "xi", "recep"};

const WordSet kPronouns = {"he", "she", "they", "it", "we", "i", "you"};

// Titles and roles a person holds; as the last title word of a capitalised
// run they separate the role from the name ("Press Secretary Jen Psaki").
const WordSet kPersonRoles = {
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
const WordSet kOutletRoles = {
    "channel",  "agency",     "service",  "newspaper", "broadcaster", "network", "station",  "outlet",
    "website",  "ministry",   "daily",    "paper",     "television",  "radio",   "company",  "firm",
    "office",   "department", "council",  "committee", "bureau",      "institute", "magazine", "publication",
    "tabloid",  "portal",     "government", "army"};

// Anonymous sources: "officials said", "witnesses told".
const WordSet kGroups = {
    "officials", "sources",   "source",     "authorities", "police",      "witnesses",  "residents", "analysts",
    "experts",   "diplomats", "observers",  "aides",       "insiders",    "investigators", "prosecutors", "doctors",
    "activists", "organisers", "organizers", "people",     "reports",     "media",      "officers",  "lawmakers",
    "legislators", "critics", "employees",  "staff",       "protesters",  "rescuers",   "medics",    "spokespeople",
    "services", "campaigners", "firefighters", "opponents", "supporters", "ministers", "mps", "unions", "voters",
    "parents", "teachers", "scientists", "researchers", "economists", "traders", "companies", "families",
    "relatives", "troops", "rebels", "militants", "neighbours"};

// Documents a claim may rest on: "according to a statement".
const WordSet kDocuments = {"statement", "report", "document", "documents", "survey",
                                                   "study", "filing", "letter", "memo"};

// "a source close to", "people familiar with".
const WordSet kUnnamedSourceNouns = {"source", "sources", "person", "people", "official",
                                                             "officials", "aide", "aides", "diplomat", "insider"};

// Words whose last position in a name marks an institution, not a person.
const WordSet kInstitutionWords = {
    "ministry", "agency", "service", "news", "council", "party", "bank", "company", "group", "office",
    "department", "house", "organization", "organisation", "committee", "union", "court", "police",
    "army", "times", "post", "tv"};

// Speech verbs, and whether each also attributes an unquoted claim.
const std::unordered_map<std::string_view, bool> kSpeechVerbs = {
    {"said", true},       {"says", true},        {"say", true},         {"told", true},       {"tells", true},
    {"tell", false},      {"reported", true},    {"reports", true},     {"stated", true},     {"states", true},
    {"confirmed", true},  {"confirms", true},    {"claimed", true},     {"claims", true},     {"added", true},
    {"adds", true},       {"wrote", true},       {"writes", true},      {"tweeted", true},    {"warned", true},
    {"warns", true},      {"insisted", true},    {"insists", true},     {"noted", true},      {"explained", true},
    {"declared", true},   {"acknowledged", true}, {"admitted", true},   {"denied", true},     {"denies", true},
    {"estimated", true},  {"quoted", true},      {"citing", true},      {"quoting", true},    {"cited", true},
    {"announced", false}, {"asked", false},      {"replied", false},    {"responded", false}, {"continued", false},
    {"urged", false},     {"urges", false},      {"rejected", false},   {"rejects", false},   {"blamed", false},
    {"blames", false},    {"described", false},  {"describes", false},  {"dismissed", false}, {"called", false},
    {"accused", false},   {"suggested", false},  {"recalled", false},   {"conceded", false},  {"promised", false},
    {"vowed", false},     {"pledged", false},    {"predicted", false},  {"cautioned", false}, {"stressed", false},
    {"emphasised", false}, {"emphasized", false}, {"concluded", false}, {"remarked", false},  {"argued", true},
    {"argues", true},     {"shouted", false},    {"quipped", false},    {"joked", false},     {"condemned", false},
    {"criticised", false}, {"criticized", false}, {"labelled", false},  {"branded", false},   {"hailed", false},
    {"posted", false},    {"spoke", false},      {"replies", false},    {"explains", true},   {"admits", true},
    {"concedes", true},   {"continues", false},
};

class Phrases {
 public:
  explicit Phrases(const Document& doc) : doc_(doc) {}

  std::string lower(size_t i) const {
    std::string out(doc_.token_text(i));
    for (char& c : out)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return out;
  }
  bool is_word(size_t i) const { return doc_.tokens[i].kind == TokenKind::kWord; }
  bool is_capitalised(size_t i) const {
    if (!is_word(i)) return false;
    size_t len;
    return is_upper(decode_code_point(doc_.text, doc_.tokens[i].start, &len));
  }
  bool is_lowercase_word(size_t i) const { return is_word(i) && !is_capitalised(i) && !is_clitic(i); }
  bool is_clitic(size_t i) const {
    const std::string_view t = doc_.token_text(i);
    return t.substr(0, 1) == "'" || t.substr(0, 3) == "\xE2\x80\x99";
  }
  bool is_punct(size_t i, std::string_view p) const { return doc_.token_text(i) == p; }
  bool is_name_word(size_t i) const { return is_capitalised(i) && !in(kCapitalStopWords, lower(i)); }
  // Particles inside names: "Ursula von der Leyen", "Ibn al-Haytham".
  bool is_name_particle(size_t i) const {
    static const WordSet kParticles = {"de", "van", "von", "der", "bin", "al",
                                                               "da", "del", "la",  "le",  "du",  "ibn"};
    return in(kParticles, lower(i));
  }
  bool is_title_word(size_t i) const { return in(kPersonRoles, lower(i)); }
  bool is_role_head(const std::string& w) const { return in(kPersonRoles, w) || in(kOutletRoles, w); }

  Span span(size_t first, size_t last) const { return {doc_.tokens[first].start, doc_.tokens[last].end}; }

  // The first token of the capitalised run ending at `last`, reading no
  // further back than `limit` (at most 8 tokens).
  size_t name_run_start(size_t last, size_t limit) const {
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
  std::optional<Attribution> name_phrase(size_t first, size_t last, size_t limit) const {
    if (!is_name_word(first) && first == last) return std::nullopt;
    Attribution a;
    a.kind = Attribution::Kind::kName;
    size_t name_first = first;
    for (size_t i = first; i <= last; ++i)
      if (is_title_word(i)) {
        a.role = lower(i);
        name_first = i + 1;
      }
    size_t phrase_first = first;
    if (name_first > last) {
      // Only titles: "the Foreign Minister said" names a role, not a person.
      a.kind = Attribution::Kind::kRole;
      if (phrase_first > limit && in(kDeterminers, lower(phrase_first - 1))) --phrase_first;
      a.span = span(phrase_first, last);
      a.name = a.span;
      return a;
    }
    if (first == last && in(kGroups, lower(first))) {  // "Officials said" at a sentence start
      a.kind = Attribution::Kind::kGroup;
      a.span = a.name = span(first, last);
      return a;
    }
    if (a.role.empty() && first > limit && is_word(first - 1) && is_role_head(lower(first - 1))) {
      a.role = lower(first - 1);
      phrase_first = first - 1;
      while (phrase_first > limit && phrase_first + 4 > first && is_word(phrase_first - 1) && !is_clitic(phrase_first - 1) &&
             !in(kStopWords, lower(phrase_first - 1)))
        --phrase_first;
    }
    a.name = span(name_first, last);
    a.span = span(phrase_first, last);
    return a;
  }

  // "a source close to the president", "people familiar with the talks",
  // ending at token `last`.
  std::optional<Attribution> unnamed_source_before(size_t last, size_t limit) const {
    for (size_t k = last; k > limit && last - k < 10; --k) {
      const std::string_view t = doc_.token_text(k);
      if (t.size() != 5 && t.size() != 8) continue;  // "close", "familiar"
      const std::string w = lower(k);
      if ((w == "close" || w == "familiar") && in(kUnnamedSourceNouns, lower(k - 1))) {
        size_t first = k - 1;
        if (first > limit && in(kDeterminers, lower(first - 1))) --first;
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
  std::optional<Attribution> common_phrase_before(size_t last, size_t limit) const {
    const std::string head = lower(last);
    size_t first = last;
    while (first > limit && last - first < 4 && is_lowercase_word(first - 1) && !in(kStopWords, lower(first - 1))) --first;
    if (in(kOutletRoles, head) && first > limit && is_capitalised(first - 1)) {
      const size_t run_first = name_run_start(first - 1, limit);
      if (is_name_word(run_first)) {
        Attribution a;
        a.kind = Attribution::Kind::kName;
        a.name = span(run_first, first - 1);
        a.span = span(run_first, last);
        a.role = head;
        return a;
      }
    }
    Attribution a;
    if (in(kGroups, head) || in(kDocuments, head)) {
      a.kind = Attribution::Kind::kGroup;
      // "Emergency services", "UN officials": a capitalised modifier belongs.
      while (first > limit && last - first < 4 && is_capitalised(first - 1) &&
             !in(kCapitalStopWords, lower(first - 1)) && !is_title_word(first - 1))
        --first;
    } else if (is_role_head(head)) {
      a.kind = Attribution::Kind::kRole;
      a.role = head;
    } else {
      return std::nullopt;
    }
    size_t phrase_first = first;
    if (phrase_first > limit && in(kDeterminers, lower(phrase_first - 1))) --phrase_first;
    a.span = span(phrase_first, last);
    // The name of a group leaves out the article: "officials", "city officials".
    a.name = span(first, last);
    if (a.kind == Attribution::Kind::kRole) a.name = a.span;
    return a;
  }

  // The phrase ending at token `last` (inclusive), as a subject.
  std::optional<Attribution> phrase_ending_at(size_t last, size_t limit) const {
    if (auto unnamed = unnamed_source_before(last, limit)) return unnamed;
    if (in(kPronouns, lower(last)) && is_word(last)) {
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
  std::string role_in(size_t first, size_t last) const {
    std::string role;
    for (size_t i = first; i <= last && lower(i) != "of"; ++i)
      if (is_word(i) && is_role_head(lower(i))) role = lower(i);
    return role;
  }

 private:
  const Document& doc_;
};

// "Officials", "A source close to ...", "The channel" open their sentence;
// the speaker is "officials", "a source close to ...", "the channel". A
// proper adjective stays: "Palestinian officials".
std::string common_noun_phrase(std::string_view words) {
  std::string name(words);
  std::string first(words.substr(0, words.find(' ')));
  for (char& c : first)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  if (in(kGroups, first) || in(kDeterminers, first) || in(kUnnamedSourceNouns, first) || in(kDocuments, first))
    name[0] = first[0];
  return name;
}

// "Mayor Ines Duarte" -> "Ines Duarte": a tagger may keep a title in the name.
std::string without_titles(const std::string& name) {
  size_t start = 0;
  for (size_t space = name.find(' '); space != std::string::npos; space = name.find(' ', start)) {
    std::string word = name.substr(start, space - start);
    for (char& c : word)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (!in(kPersonRoles, word)) break;
    start = space + 1;
  }
  return name.substr(start);
}

// True when the first name of `name` is known to be of the gender "he"
// (female = false) or "she" (female = true) does not refer to.
bool other_gender(const std::string& name, bool female) {
  std::string first = name.substr(0, name.find(' '));
  for (char& c : first)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return female ? in(kMaleNames, first) : in(kFemaleNames, first);
}

}  // namespace

std::optional<SpeechVerb> speech_verb_at(const Document& doc, size_t i, size_t end) {
  if (i >= end || doc.tokens[i].kind != TokenKind::kWord) return std::nullopt;
  const Phrases p(doc);
  const std::string w = p.lower(i);
  const bool next_is = i + 1 < end;
  if (w == "according") {
    if (next_is && p.lower(i + 1) == "to") return SpeechVerb{i, i + 2, "according to", true};
    return std::nullopt;
  }
  if (w == "called" && next_is && (p.lower(i + 1) == "on" || p.lower(i + 1) == "for"))
    return SpeechVerb{i, i + 2, "called " + p.lower(i + 1), false};
  auto found = kSpeechVerbs.find(w);
  if (found == kSpeechVerbs.end()) return std::nullopt;
  return SpeechVerb{i, i + 1, w, found->second};
}

// The longest aside between a subject and its verb: "X, who led the
// inquiry with the help of two colleagues, said".
constexpr size_t kAsideTokens = 25;

std::optional<Attribution> subject_before(const Document& doc, size_t verb, size_t limit) {
  const Phrases p(doc);
  size_t last = verb;
  // Step back over auxiliaries and a time phrase: "X has said", "X on Thursday said".
  while (last > limit) {
    const std::string w = p.lower(last - 1);
    if (in(kBetweenSubjectAndVerb, w)) {
      --last;
    } else if (w == "to" && last - 1 > limit && p.lower(last - 2) == "continued") {  // "X continued to say"
      last -= 2;
    } else if (w == "to" && last - 2 > limit && p.lower(last - 2) == "on" && p.lower(last - 3) == "went") {
      last -= 3;  // "X went on to say"
    } else if (in(kWeekdays, w) && last - 1 > limit && p.lower(last - 2) == "on") {
      last -= 2;
    } else {
      break;
    }
  }
  if (last <= limit) return std::nullopt;
  --last;
  if (!p.is_punct(last, ",")) return p.phrase_ending_at(last, limit);

  // An appositive or an aside between commas: "X, the spokesman, said",
  // "The general secretary, Jane Roe, said", "The channel, citing officials, reported".
  size_t comma = last;
  while (comma > limit && last - comma < kAsideTokens && !p.is_punct(comma - 1, ",")) --comma;
  if (comma <= limit || !p.is_punct(comma - 1, ",")) return std::nullopt;
  const size_t before = comma - 1;  // the first comma
  if (before <= limit) return std::nullopt;
  const std::string opener = p.lower(comma);
  if (opener == "citing" || opener == "quoting" || opener == "according") return subject_before(doc, before, limit);
  if (p.is_capitalised(comma) && !in(kCapitalStopWords, opener)) {
    std::optional<Attribution> name = p.phrase_ending_at(last - 1, comma);
    if (!name || name->kind != Attribution::Kind::kName) return name;
    size_t role_first = before;
    while (role_first > limit && before - role_first < 8 && p.is_word(role_first - 1)) --role_first;
    if (name->role.empty()) name->role = p.role_in(role_first, before - 1);
    return name;
  }
  std::optional<Attribution> name = p.phrase_ending_at(before - 1, limit);
  if (!name) return std::nullopt;
  if (name->kind == Attribution::Kind::kName) {
    const std::string role = p.role_in(comma, last - 1);
    if (!role.empty()) name->role = role;
    name->span.end = doc.tokens[last - 1].end;
  }
  return name;
}

std::optional<Attribution> phrase_after(const Document& doc, size_t from, size_t end) {
  const Phrases p(doc);
  size_t first = from;
  while (first < end && p.is_punct(first, ",")) ++first;
  if (first >= end) return std::nullopt;
  if (in(kPronouns, p.lower(first)) && p.is_word(first)) {
    Attribution a;
    a.kind = Attribution::Kind::kPronoun;
    a.span = a.name = p.span(first, first);
    return a;
  }
  size_t words_first = first;
  if (in(kDeterminers, p.lower(first))) ++words_first;
  // Read the noun phrase: words that are not stop words, up to 7.
  size_t last = words_first;
  while (last < end && last - words_first < 7 && p.is_word(last) && !p.is_clitic(last) &&
         (!in(kStopWords, p.lower(last)) || (p.is_name_particle(last) && last + 1 < end && p.is_capitalised(last + 1))))
    ++last;
  if (last == words_first) return std::nullopt;
  --last;
  // "a source close to the president": keep the whole description.
  if (in(kUnnamedSourceNouns, p.lower(words_first)) && words_first + 1 < end &&
      (p.lower(words_first + 1) == "close" || p.lower(words_first + 1) == "familiar")) {
    size_t stop = words_first + 2;
    while (stop < end && stop - words_first < 10 && !p.is_punct(stop, ",") && !p.is_punct(stop, ".") &&
           !speech_verb_at(doc, stop, end))
      ++stop;
    Attribution a;
    a.kind = Attribution::Kind::kGroup;
    a.span = a.name = p.span(first, stop - 1);
    return a;
  }
  // The last capitalised run names; lower-case words after it describe.
  size_t run_last = last;
  while (run_last > words_first && !p.is_capitalised(run_last)) --run_last;
  std::optional<Attribution> a;
  if (p.is_capitalised(run_last) && (run_last == last || in(kOutletRoles, p.lower(last)))) {
    // "Jane Roe", "the Home Ministry", "the Sputnik news service".
    a = p.name_phrase(p.name_run_start(run_last, words_first), run_last, words_first);
    if (a && run_last < last) a->role = p.lower(last);
  } else {
    // "the spokesman", "city officials", "the Senate clerk".
    a = p.common_phrase_before(last, words_first > first ? words_first - 1 : words_first);
    if (a && p.is_capitalised(run_last)) a->span = a->name = p.span(first, last);
  }
  if (!a) return std::nullopt;
  a->span.start = doc.tokens[first].start;
  // "said the council leader, Maria Okafor": the name follows the role.
  if (a->kind == Attribution::Kind::kRole && last + 2 < end && p.is_punct(last + 1, ",") && p.is_name_word(last + 2)) {
    size_t name_last = last + 2;
    while (name_last + 1 < end && name_last - last < 6 && p.is_capitalised(name_last + 1)) ++name_last;
    a->kind = Attribution::Kind::kName;
    a->name = p.span(last + 2, name_last);
    a->span.end = a->name.end;
  }
  return a;
}

People::People(const Document& doc, const std::vector<Entity>& entities) : doc_(doc), entities_(entities) {
  for (size_t e = 0; e < entities.size(); ++e) {
    const Entity& entity = entities[e];
    std::vector<std::string> roles;
    for (const std::string& role : entity.roles) {
      const size_t space = role.rfind(' ');
      std::string head = role.substr(space == std::string::npos ? 0 : space + 1);
      for (char& c : head)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
      roles.push_back(head);
    }
    for (const Span& m : entity.mentions) {
      entity_mentions_.emplace_back(m, e);
      mentions_.push_back({m.start, without_titles(entity.name), entity.id, roles, entity.type == EntityType::kPerson});
    }
  }
  for (size_t e = 0; e < entities.size(); ++e) {
    const std::string& name = entities[e].name;
    for (size_t start = 0; start < name.size();) {
      auto [slot, added] = entity_name_endings_.emplace(name.substr(start), e);
      if (!added && entities[e].type == EntityType::kPerson && entities[slot->second].type != EntityType::kPerson)
        slot->second = e;
      const size_t space = name.find(' ', start);
      if (space == std::string::npos) break;
      start = space + 1;
    }
  }
  std::sort(entity_mentions_.begin(), entity_mentions_.end(),
            [](const auto& a, const auto& b) { return a.first.start < b.first.start; });

  const Phrases p(doc);
  auto is_person_name = [&](Span name, const std::string& role, const Entity* entity) {
    if (entity != nullptr) return entity->type == EntityType::kPerson;
    if (!role.empty()) return in(kPersonRoles, role);
    const std::string_view text = doc.span_text(name);
    const size_t space = text.rfind(' ');
    if (space == std::string_view::npos) return false;
    std::string last(text.substr(space + 1));
    for (char& c : last)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    return !in(kInstitutionWords, last);
  };
  for (const Sentence& s : doc.sentences) {
    for (size_t i = s.first_token; i < s.end_token; ++i) {
      // "President Kassym-Jomart Tokayev", "news channel Khabar-24".
      if (p.is_word(i) && i + 1 < s.end_token && p.is_name_word(i + 1) && p.is_role_head(p.lower(i))) {
        size_t last = i + 1;
        while (last + 1 < s.end_token && last - i < 5 &&
               (p.is_capitalised(last + 1) ||
                (p.is_name_particle(last + 1) && last + 2 < s.end_token && p.is_capitalised(last + 2))))
          ++last;
        // A later title inside the run starts the name after it.
        size_t first = i + 1;
        for (size_t k = i + 1; k <= last; ++k)
          if (p.is_title_word(k)) first = k + 1;
        if (first <= last) {
          const Span name = p.span(first, last);
          const Entity* entity = entity_overlapping(name);
          const std::string role = p.lower(i);
          add({name.start, entity ? without_titles(entity->name) : std::string(doc.span_text(name)), entity ? entity->id : "",
               {role}, is_person_name(name, role, entity)});
        }
      }
      if (std::optional<SpeechVerb> verb = speech_verb_at(doc, i, s.end_token)) {
        std::optional<Attribution> who = subject_before(doc, i, s.first_token);
        // "..., said Jane Roe" names its speaker after the verb.
        if (!who && verb->end_token < s.end_token) who = phrase_after(doc, verb->end_token, s.end_token);
        if (who && who->kind == Attribution::Kind::kName) {
          const Entity* entity = entity_overlapping(who->name);
          const std::string text(doc.span_text(who->name));
          std::vector<std::string> roles;
          if (!who->role.empty()) roles.push_back(who->role);
          add({who->name.start, entity ? without_titles(entity->name) : text, entity ? entity->id : "", roles,
               is_person_name(who->name, who->role, entity)});
        }
        i = verb->end_token - 1;
      }
    }
  }
  std::stable_sort(mentions_.begin(), mentions_.end(), [](const Mention& a, const Mention& b) { return a.at < b.at; });
}

void People::add(Mention mention) { mentions_.push_back(std::move(mention)); }

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

const Entity* People::entity_named(const std::string& name) const {
  auto found = entity_name_endings_.find(name);
  return found == entity_name_endings_.end() ? nullptr : &entities_[found->second];
}

Speaker People::named(Span name) const {
  if (const Entity* e = entity_overlapping(name)) return {without_titles(e->name), e->id};
  std::string text(doc_.span_text(name));
  if (const Entity* e = entity_named(text)) return {without_titles(e->name), e->id};
  // "Tokayev" after "Kassym-Jomart Tokayev": use the fullest form named before.
  auto end = std::lower_bound(mentions_.begin(), mentions_.end(), name.start,
                              [](const Mention& m, size_t at) { return m.at < at; });
  for (size_t steps = 0; end != mentions_.begin() && steps < 500; ++steps) {
    --end;
    const std::string& full = end->name;
    if (full.size() > text.size() + 1 && full.compare(full.size() - text.size(), text.size(), text) == 0 &&
        full[full.size() - text.size() - 1] == ' ')
      return {full, end->entity_id};
  }
  return {text, ""};
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
        if (before->person && !other_gender(before->name, female)) return Resolved{{before->name, before->entity_id}, true};
      }
      return std::nullopt;
    }
    case Attribution::Kind::kRole:
      for (size_t steps = 0; before != mentions_.begin() && steps < 500; ++steps) {
        --before;
        if (std::find(before->roles.begin(), before->roles.end(), who.role) != before->roles.end())
          return Resolved{{before->name, before->entity_id}, true};
      }
      return Resolved{{common_noun_phrase(doc_.span_text(who.name)), ""}, false};
    case Attribution::Kind::kGroup:
      return Resolved{{common_noun_phrase(doc_.span_text(who.name)), ""}, false};
  }
  return std::nullopt;
}

}  // namespace ai
