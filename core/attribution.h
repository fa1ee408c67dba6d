// attribution.h — who says something: speech verbs and the phrases around them.
//
// Quotes (quotes.cc) and unquoted sources (sources.cc) both hang on the same
// grammar: a speech verb ("said", "told", "called on", "according to") and a
// phrase naming the speaker, before the verb ("police spokesman Sultanat
// Azirbek told", "Jane Roe, the mayor, said", "he said") or after it ("said
// the spokesman", "according to the Home Ministry"). `Attributor` reads those
// phrases from the tokens alone, so it works with or without the entity
// tagger; `People` then links names to entities and resolves "he" and "the
// spokesman" to the person the text named before.
//
// Every token near a speech verb meets the word lists (stop words, roles,
// speech verbs...) many times, so `Attributor` looks a token up once, on
// first use, and answers every later question from those per-token facts:
// build one per document and share it. Most tokens are never near a speech
// verb; the scans for verbs and roles pass over them with a test of their
// length and first and last bytes, not a lookup.
//
// Quotes and sources read the same document, so `AttributionContext` holds
// both per document; find_quotes and find_sources take it (structure.h).
//
// Usage:
//
//   const ai::AttributionContext attribution(doc, entities);
//   const ai::Attributor& words = attribution.words;
//   const ai::People& people = attribution.people;
//   if (auto verb = words.speech_verb_at(i, end))
//     if (auto who = words.subject_before(verb->first_token, sentence_start))
//       if (auto resolved = people.resolve(*who, verb_start_offset)) use(resolved->speaker);
#pragma once

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "entities.h"
#include "structure.h"
#include "text.h"

namespace ai {

struct SpeechVerb {
  size_t first_token = 0;
  size_t end_token = 0;    // one past the last token: "called on" is two tokens
  std::string_view text;   // lower-cased, static storage: "said", "called on", "according to"
  bool reporting = false;  // a verb that attributes a claim ("said", "reported"), not only a quote ("rejected")
};

// A phrase naming who speaks.
struct Attribution {
  enum class Kind {
    kName,     // "police spokesman Sultanat Azirbek", "Tass"
    kPronoun,  // "he", "she"
    kRole,     // "the spokesman", "the channel": one unnamed holder of a role
    kGroup,    // "officials", "a source close to the president"
  };
  Kind kind = Kind::kName;
  Span span;              // the whole phrase
  Span name;              // the name (kName); the pronoun, role or group words otherwise
  std::string_view role;  // lower-cased role head when the phrase gives one ("spokesman"), static storage
};

// The speech verbs and attribution phrases of one document. Building it
// tests each token's edges, no lookup; the document must outlive it.
// Questions read the facts of the tokens they touch on first use, and keep
// the subjects they read, so one thread at a time.
class Attributor {
 public:
  explicit Attributor(const Document& doc);

  const Document& doc() const { return doc_; }

  // The speech verb starting at token `i`, not running past token `end`.
  std::optional<SpeechVerb> speech_verb_at(size_t i, size_t end) const;

  // The first token from `i` on, before `end`, that a speech verb may start
  // at (speech_verb_at may still say no), or `end`. Scanning for verbs
  // visits only the few words that pass a test of their length and first
  // and last bytes, which building the Attributor applies to each token.
  size_t next_verb_candidate(size_t i, size_t end) const;

  // The last token before `end`, from `begin` on, that a speech verb may
  // start at, or `end`: next_verb_candidate for scans that walk backwards.
  size_t last_verb_candidate(size_t begin, size_t end) const;

  // The subject ending just before token `verb`, reading no further back than
  // token `limit`: "X said", "X, the spokesman, said", "X has said", "he said".
  // People, quotes and sources ask this of the same verbs, so the answer
  // for a verb is kept and given again when the same `limit` comes.
  std::optional<Attribution> subject_before(size_t verb, size_t limit) const;

  // The phrase starting at token `from`, before token `end`: the object of
  // "said", "according to", "citing".
  std::optional<Attribution> phrase_after(size_t from, size_t end) const;

 private:
  friend class People;
  // In facts_ for a token whose facts are not read yet. No token's facts
  // are these: "to" and "on" are different words.
  static constexpr uint32_t kUnread = ~0u;

  // The facts of token `i`: the lists its lower-cased spelling is in and
  // its shape (word, capitalised, clitic), as bits (attribution.cc).
  uint32_t facts(size_t i) const {
    const uint32_t known = facts_[i];
    return known != kUnread ? known : read_facts(i);
  }
  uint32_t read_facts(size_t i) const;
  // subject_before without the kept answers.
  std::optional<Attribution> read_subject_before(size_t verb, size_t limit) const;
  bool has(size_t i, uint32_t bits) const { return (facts(i) & bits) != 0; }
  // The first candidate token from `i` on, before `end`, in one of `lists`,
  // which must only name lists of speech verb starts and role heads, or
  // `end`.
  size_t next_in(uint32_t lists, size_t i, size_t end) const;
  // Like next_verb_candidate, stopping at role heads too ("spokesman",
  // "channel"): they start the names People reads from the text.
  size_t next_verb_or_role_candidate(size_t i, size_t end) const;
  bool is_word(size_t i) const;
  bool is_capitalised(size_t i) const;
  bool is_clitic(size_t i) const;
  bool is_lowercase_word(size_t i) const;
  bool is_name_word(size_t i) const;
  bool is_name_particle(size_t i) const;
  bool is_title_word(size_t i) const;
  bool is_role_head(size_t i) const;
  bool is_punct(size_t i, std::string_view p) const { return doc_.token_text(i) == p; }
  std::string_view lower_word(size_t i) const;  // the token's spelling in the lists; "" when in none
  Span span(size_t first, size_t last) const { return {doc_.tokens[first].start, doc_.tokens[last].end}; }

  size_t name_run_start(size_t last, size_t limit) const;
  std::optional<Attribution> name_phrase(size_t first, size_t last, size_t limit) const;
  std::optional<Attribution> unnamed_source_before(size_t last, size_t limit) const;
  std::optional<Attribution> common_phrase_before(size_t last, size_t limit) const;
  std::optional<Attribution> phrase_ending_at(size_t last, size_t limit) const;
  std::string_view role_in(size_t first, size_t last) const;

  const Document& doc_;
  // Per token, its facts once read, kUnread before.
  mutable std::vector<uint32_t> facts_;
  // The words that may start a speech verb or be a role head, in text
  // order: the others fail a test of their length and first and last bytes.
  // Room for every token while the filter writes without a test, then for
  // the candidate_count_ candidates only.
  struct FreeDeleter {
    void operator()(uint32_t* p) const { std::free(p); }
  };
  std::unique_ptr<uint32_t[], FreeDeleter> candidates_;  // malloc'd, so that realloc can shrink it in place
  size_t candidate_count_ = 0;
  // Where in candidates_ the last scan stopped: scans sweep forward, so the
  // next one usually starts there.
  mutable size_t cursor_ = 0;
  // The subject read for a verb and the limit it was read with (the first
  // asked: People asks with the sentence start, as sources do), by verb.
  struct KeptSubject {
    size_t verb = 0;
    size_t limit = 0;
    std::optional<Attribution> subject;
  };
  mutable std::vector<KeptSubject> subjects_;
};

// The people (and named outlets) the text mentions, in text order, to link a
// name to its entity and to resolve pronouns and bare roles. `words` and
// `entities` must outlive it. resolve() may finish an index on first use, so
// one thread at a time.
class People {
 public:
  People(const Attributor& words, const std::vector<Entity>& entities);

  struct Resolved {
    Speaker speaker;
    bool named = false;  // false for a group or a role the text never named
  };

  // The speaker an attribution stands for at byte `at`: a name linked to its
  // entity, a pronoun resolved to the latest person named before `at`, a role
  // resolved to the latest holder named before `at`. A group or an
  // unresolved role keeps its own words and no entity; a pronoun that
  // resolves to nobody gives nullopt.
  std::optional<Resolved> resolve(const Attribution& who, size_t at) const;

 private:
  struct Mention {
    size_t at = 0;
    std::string_view name;       // into an entity's name or the text
    std::string_view entity_id;  // empty when no entity
    uint32_t roles_begin = 0;    // [roles_begin, roles_end) in role_heads_
    uint32_t roles_end = 0;
    bool person = false;
    bool female_first_name = false;  // the first word is a known female (male) first name
    bool male_first_name = false;
  };
  Speaker named(Span name) const;
  const Entity* entity_overlapping(Span span) const;
  const Entity* entity_named(std::string_view name) const;
  void index_name_endings() const;
  // A mention of `name`, whose first word is in the word lists
  // `first_word_lists` (at 0: the caller places it).
  static Mention make_mention(std::string_view name, uint32_t first_word_lists, std::string_view entity_id,
                              uint32_t roles_begin, uint32_t roles_end, bool person);
  // The mention entity `e` (one of entities_) makes, its name without titles.
  const Mention& entity_form(const Entity& e) const { return entity_forms_[static_cast<size_t>(&e - entities_.data())]; }

  const Document& doc_;
  const std::vector<Entity>& entities_;
  std::vector<std::pair<Span, size_t>> entity_mentions_;  // sorted by start; entity index
  // A word-final part of an entity's name ("Jane Roe", "Roe") and the
  // entity, a person preferred: "Roe said" finds "Jane Roe".
  struct NameEnding {
    uint64_t hash = 0;  // of `name`, so that sorting and searching compare numbers, not text
    std::string_view name;
    uint32_t entity = 0;
    bool operator<(const NameEnding& other) const {
      return hash != other.hash ? hash < other.hash : name < other.name;
    }
  };
  // Sorted, one per name; built by the first entity_named call, which is
  // why a People answers one thread at a time.
  mutable std::vector<NameEnding> entity_name_endings_;
  mutable bool endings_indexed_ = false;
  // Role heads ("spokesman", "channel"), as written: compared ignoring ASCII case.
  std::vector<std::string_view> role_heads_;
  std::vector<Mention> mentions_;  // sorted by `at`
  // Per entity, its mention: a name's titles and gender are read once.
  std::vector<Mention> entity_forms_;
};

// What quotes and sources both read from one document: its attribution
// phrases and its people. Build one per document, after the entities, and
// pass it to find_quotes and find_sources. `doc` and `entities` must outlive
// it: both are kept by reference, so temporaries are refused at compile time.
struct AttributionContext {
  AttributionContext(const Document& doc, const std::vector<Entity>& entities) : words(doc), people(words, entities) {}
  AttributionContext(const Document& doc, std::vector<Entity>&& entities) = delete;
  AttributionContext(Document&& doc, const std::vector<Entity>& entities) = delete;
  AttributionContext(Document&& doc, std::vector<Entity>&& entities) = delete;

  const Attributor words;
  const People people;
};

}  // namespace ai
