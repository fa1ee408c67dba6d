// attribution.h — who says something: speech verbs and the phrases around them.
//
// Quotes (quotes.cc) and unquoted sources (sources.cc) both hang on the same
// grammar: a speech verb ("said", "told", "called on", "according to") and a
// phrase naming the speaker, before the verb ("police spokesman Sultanat
// Azirbek told", "Jane Roe, the mayor, said", "he said") or after it ("said
// the spokesman", "according to the Home Ministry"). This header reads those
// phrases from the tokens alone, so it works with or without the entity
// tagger; `People` then links names to entities and resolves "he" and "the
// spokesman" to the person the text named before.
//
// Usage:
//
//   ai::People people(doc, entities);
//   if (auto verb = ai::speech_verb_at(doc, i, end))
//     if (auto who = ai::subject_before(doc, verb->first_token, sentence_start))
//       if (auto resolved = people.resolve(*who, verb_start_offset)) use(resolved->speaker);
#pragma once

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "entities.h"
#include "structure.h"
#include "text.h"

namespace ai {

struct SpeechVerb {
  size_t first_token = 0;
  size_t end_token = 0;  // one past the last token: "called on" is two tokens
  std::string text;      // lower-cased: "said", "called on", "according to"
  bool reporting = false;  // a verb that attributes a claim ("said", "reported"), not only a quote ("rejected")
};

// The speech verb starting at token `i`, not running past token `end`.
std::optional<SpeechVerb> speech_verb_at(const Document& doc, size_t i, size_t end);

// A phrase naming who speaks.
struct Attribution {
  enum class Kind {
    kName,     // "police spokesman Sultanat Azirbek", "Tass"
    kPronoun,  // "he", "she"
    kRole,     // "the spokesman", "the channel": one unnamed holder of a role
    kGroup,    // "officials", "a source close to the president"
  };
  Kind kind = Kind::kName;
  Span span;           // the whole phrase
  Span name;           // the name (kName); the pronoun, role or group words otherwise
  std::string role;    // lower-cased role head when the phrase gives one: "spokesman", "channel"
};

// The subject ending just before token `verb`, reading no further back than
// token `limit`: "X said", "X, the spokesman, said", "X has said", "he said".
std::optional<Attribution> subject_before(const Document& doc, size_t verb, size_t limit);

// The phrase starting at token `from`, before token `end`: the object of
// "said", "according to", "citing".
std::optional<Attribution> phrase_after(const Document& doc, size_t from, size_t end);

// The people (and named outlets) the text mentions, in text order, to link a
// name to its entity and to resolve pronouns and bare roles.
class People {
 public:
  People(const Document& doc, const std::vector<Entity>& entities);

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
    std::string name;
    std::string entity_id;
    std::vector<std::string> roles;  // role heads: "spokesman", "channel"
    bool person = false;
  };
  Speaker named(Span name) const;
  const Entity* entity_overlapping(Span span) const;
  const Entity* entity_named(const std::string& name) const;
  void add(Mention mention);

  const Document& doc_;
  const std::vector<Entity>& entities_;
  std::vector<std::pair<Span, size_t>> entity_mentions_;  // sorted by start; entity index
  // Every word-final part of every entity name ("Jane Roe", "Roe") -> the
  // entity it names, a person preferred: "Roe said" finds "Jane Roe".
  std::unordered_map<std::string, size_t> entity_name_endings_;
  std::vector<Mention> mentions_;                         // sorted by `at`
};

}  // namespace ai
