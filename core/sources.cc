// Sources: who the article's unquoted claims rest on.
//
// Every reporting verb outside a quotation ("said", "reported", "according
// to", "citing") names a source. Verbs that introduce a quotation belong to
// the quote. Sources are merged by entity when the speaker links to one and
// by name otherwise, so "Tass said" twice is one source with two citations.
#include <algorithm>
#include <unordered_map>

#include "attribution.h"
#include "structure.h"

namespace ai {

namespace {

std::string key_of(const Speaker& speaker) {
  if (!speaker.entity_id.empty()) return "#" + speaker.entity_id;
  std::string key = speaker.name;
  for (char& c : key)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  return key;
}

}  // namespace

std::vector<Source> find_sources(const AttributionContext& attribution, const Layout& layout,
                                 const std::vector<Quote>& quotes) {
  const Document& doc = attribution.words.doc();
  const Attributor& words = attribution.words;
  const People& people = attribution.people;
  std::vector<Source> sources;
  std::vector<size_t> last_sentence;  // per source, the last sentence counted
  std::unordered_map<std::string, size_t> index;
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
      const std::string key = key_of(speaker);
      auto found = index.find(key);
      if (found == index.end()) {
        found = index.emplace(key, sources.size()).first;
        Source source;
        source.name = speaker.name;
        source.entity_id = speaker.entity_id;
        source.named = resolved->named;
        sources.push_back(std::move(source));
        last_sentence.push_back(doc.sentences.size());
      }
      Source& source = sources[found->second];
      source.citations.push_back(citation);
      if (last_sentence[found->second] != s) {
        ++source.sentences;
        last_sentence[found->second] = s;
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
