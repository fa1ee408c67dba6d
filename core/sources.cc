// Sources: who the article's unquoted claims rest on.
//
// Every reporting verb outside a quotation ("said", "reported", "according
// to", "citing") names a source. Verbs that introduce a quotation belong to
// the quote. Sources are merged by entity when the speaker links to one and
// by name otherwise, so "Tass said" twice is one source with two citations.
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "attribution.h"
#include "structure.h"
#include "thread_scratch.h"

namespace ai {

namespace {

// Writes the key sources are merged by into `key`: "#" and the entity id when
// the speaker links to an entity, else the name in lower case.
void key_of(const Speaker& speaker, std::string* key) {
  if (!speaker.entity_id.empty()) {
    key->assign(1, '#');
    key->append(speaker.entity_id);
    return;
  }
  key->assign(speaker.name);
  for (char& c : *key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
}

// The sources found so far by key: an open-addressed table over the keys'
// hashes, kept per thread with the key strings, so that after the first few
// documents finding sources allocates only what the report keeps.
class SourceIndex {
 public:
  void clear() {
    count_ = 0;
    slots_.assign(16, kEmpty);
  }
  // The number of the source filed under `key`, or, when there is none, the
  // next number (the count of sources so far), now filed under it.
  size_t find_or_add(std::string_view key) {
    const size_t hash = std::hash<std::string_view>()(key);
    size_t slot = slot_of(key, hash);
    if (slots_[slot] != kEmpty) return slots_[slot];
    if ((count_ + 1) * 2 > slots_.size()) {
      grow();
      slot = slot_of(key, hash);
    }
    if (count_ == keys_.size()) {
      keys_.emplace_back();
      hashes_.emplace_back();
    }
    keys_[count_].assign(key);
    hashes_[count_] = hash;
    slots_[slot] = static_cast<uint32_t>(count_);
    return count_++;
  }

 private:
  static constexpr uint32_t kEmpty = UINT32_MAX;
  size_t slot_of(std::string_view key, size_t hash) const {
    const size_t mask = slots_.size() - 1;
    size_t i = hash & mask;
    while (slots_[i] != kEmpty && (hashes_[slots_[i]] != hash || keys_[slots_[i]] != key)) i = (i + 1) & mask;
    return i;
  }
  void grow() {
    slots_.assign(slots_.size() * 2, kEmpty);
    const size_t mask = slots_.size() - 1;
    for (size_t k = 0; k < count_; ++k) {
      size_t i = hashes_[k] & mask;
      while (slots_[i] != kEmpty) i = (i + 1) & mask;
      slots_[i] = static_cast<uint32_t>(k);
    }
  }

  std::vector<std::string> keys_;  // the first count_ are in use; the rest keep their storage
  std::vector<size_t> hashes_;     // of keys_
  size_t count_ = 0;
  std::vector<uint32_t> slots_;    // source numbers, kEmpty for none; a power of two long
};

}  // namespace

std::vector<Source> find_sources(const AttributionContext& attribution, const Layout& layout,
                                 const std::vector<Quote>& quotes) {
  const Document& doc = attribution.words.doc();
  const Attributor& words = attribution.words;
  const People& people = attribution.people;
  std::vector<Source> sources;
  AI_THREAD_SCRATCH std::vector<size_t> last_sentence;  // per source, the last sentence counted
  last_sentence.clear();
  AI_THREAD_SCRATCH SourceIndex index;
  index.clear();
  AI_THREAD_SCRATCH std::string key;
  size_t quote = 0;  // the first quote not wholly before the current token
  auto inside_quote = [&](size_t at) {
    while (quote < quotes.size() && quotes[quote].span.end <= at) ++quote;
    return quote < quotes.size() && quotes[quote].span.start <= at;
  };
  auto introduces_quote = [&](Span verb) {
    for (size_t q = quote > 0 ? quote - 1 : 0; q < quotes.size() && q <= quote + 1; ++q)
      if (quotes[q].verb_span && *quotes[q].verb_span == verb) return true;
    return false;
  };
  for (size_t s = 0; s < doc.sentences.size(); ++s) {
    const Sentence& sentence = doc.sentences[s];
    if (layout.is_clutter(sentence.span.start)) continue;
    for (size_t i = words.next_verb_candidate(sentence.first_token, sentence.end_token); i < sentence.end_token;
         i = words.next_verb_candidate(i + 1, sentence.end_token)) {
      if (inside_quote(doc.tokens[i].start)) continue;
      std::optional<SpeechVerb> verb = words.speech_verb_at(i, sentence.end_token);
      if (!verb || !verb->reporting) continue;
      const Span verb_span{doc.tokens[verb->first_token].start, doc.tokens[verb->end_token - 1].end};
      if (introduces_quote(verb_span)) continue;
      const bool object_names = verb->text == "according to" || verb->text == "citing" || verb->text == "quoting";
      std::optional<Attribution> who = object_names ? words.phrase_after(verb->end_token, sentence.end_token)
                                                    : words.subject_before(i, sentence.first_token);
      i = verb->end_token - 1;
      if (!who) continue;
      std::optional<People::Resolved> resolved = people.resolve(*who, who->span.start);
      if (!resolved) continue;
      const Speaker& speaker = resolved->speaker;
      const Span citation = object_names ? Span{verb_span.start, who->span.end} : Span{who->span.start, verb_span.end};
      key_of(speaker, &key);
      const size_t found = index.find_or_add(key);
      if (found == sources.size()) {
        Source source;
        source.name = speaker.name;
        source.entity_id = speaker.entity_id;
        source.named = resolved->named;
        sources.push_back(std::move(source));
        last_sentence.push_back(doc.sentences.size());
      }
      Source& source = sources[found];
      source.citations.push_back(citation);
      if (last_sentence[found] != s) {
        ++source.sentences;
        last_sentence[found] = s;
      }
    }
  }
  return sources;
}

std::vector<Source> find_sources(const Document& doc, const Layout& layout, const std::vector<Entity>& entities,
                                 const std::vector<Quote>& quotes) {
  return find_sources(AttributionContext(doc, entities), layout, quotes);
}

}  // namespace ai
