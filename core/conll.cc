#include "conll.h"

#include <algorithm>
#include <iterator>
#include <tuple>

namespace ai {

namespace {

bool type_from_tag(std::string_view tag, EntityType* type) {
  const std::string_view name = tag.substr(2);
  if (name == "PER") *type = EntityType::kPerson;
  else if (name == "ORG") *type = EntityType::kOrganization;
  else if (name == "LOC") *type = EntityType::kLocation;
  else if (name == "MISC") *type = EntityType::kMisc;
  else return false;
  return true;
}

}  // namespace

namespace {

struct ConllToken {
  std::string_view text;
  std::string_view tag;
};
using ConllSentence = std::vector<ConllToken>;

// A dateline such as "LONDON 1996-08-30": a short line ending in a date.
bool is_dateline(const ConllSentence& s) {
  if (s.empty() || s.size() > 6) return false;
  const std::string_view last = s.back().text;
  if (last.size() != 10) return false;
  for (size_t i = 0; i < 10; ++i) {
    const bool dash = i == 4 || i == 7;
    if (dash ? last[i] != '-' : (last[i] < '0' || last[i] > '9')) return false;
  }
  return true;
}

ConllDocument build_document(const std::vector<ConllSentence>& sentences, size_t first, size_t end) {
  ConllDocument doc;
  bool entity_open = false;
  for (size_t s = first; s < end; ++s) {
    if (s > first) doc.text += '\n';
    entity_open = false;
    for (size_t k = 0; k < sentences[s].size(); ++k) {
      const ConllToken& token = sentences[s][k];
      if (k > 0) doc.text += ' ';
      const size_t start = doc.text.size();
      doc.text += token.text;
      EntityType type;
      const std::string_view tag = token.tag;
      if (tag.size() > 2 && (tag[0] == 'B' || tag[0] == 'I') && tag[1] == '-' && type_from_tag(tag, &type)) {
        if (entity_open && tag[0] == 'I' && doc.entities.back().type == type) {
          doc.entities.back().span.end = doc.text.size();
        } else {
          doc.entities.push_back({{start, doc.text.size()}, type});
          entity_open = true;
        }
      } else {
        entity_open = false;
      }
    }
  }
  return doc;
}

}  // namespace

std::vector<ConllDocument> parse_conll(std::string_view file) {
  std::vector<ConllSentence> sentences;
  std::vector<bool> starts_document;  // per sentence
  bool has_docstart = false;
  bool pending_docstart = false;
  ConllSentence current;
  auto close_sentence = [&] {
    if (current.empty()) return;
    sentences.push_back(std::move(current));
    starts_document.push_back(pending_docstart);
    pending_docstart = false;
    current.clear();
  };
  size_t pos = 0;
  while (pos < file.size()) {
    size_t end = file.find('\n', pos);
    if (end == std::string_view::npos) end = file.size();
    std::string_view line = file.substr(pos, end - pos);
    pos = end + 1;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      close_sentence();
      continue;
    }
    const size_t first_space = line.find(' ');
    if (first_space == std::string_view::npos) continue;
    const std::string_view token = line.substr(0, first_space);
    if (token == "-DOCSTART-") {
      close_sentence();
      has_docstart = pending_docstart = true;
      continue;
    }
    current.push_back({token, line.substr(line.rfind(' ') + 1)});
  }
  close_sentence();
  // Without -DOCSTART- lines, a document starts at the headline before each dateline.
  if (!has_docstart) {
    for (size_t s = 1; s < sentences.size(); ++s)
      if (is_dateline(sentences[s])) starts_document[s - 1] = true;
  }
  std::vector<ConllDocument> docs;
  size_t first = 0;
  for (size_t s = 1; s <= sentences.size(); ++s) {
    if (s == sentences.size() || starts_document[s]) {
      if (s > first) docs.push_back(build_document(sentences, first, s));
      first = s;
    }
  }
  return docs;
}

void SpanScores::add(const std::vector<GoldEntity>& gold_entities, const std::vector<GoldEntity>& found_entities) {
  auto key = [](const GoldEntity& e) { return std::make_tuple(e.span.start, e.span.end, static_cast<int>(e.type)); };
  std::vector<std::tuple<size_t, size_t, int>> gold, found;
  for (const GoldEntity& e : gold_entities) gold.push_back(key(e));
  for (const GoldEntity& e : found_entities) found.push_back(key(e));
  std::sort(gold.begin(), gold.end());
  std::sort(found.begin(), found.end());
  for (const auto& g : gold) ++this->gold[std::get<2>(g)], ++this->gold[4];
  for (const auto& f : found) ++this->found[std::get<2>(f)], ++this->found[4];
  std::vector<std::tuple<size_t, size_t, int>> both;
  std::set_intersection(gold.begin(), gold.end(), found.begin(), found.end(), std::back_inserter(both));
  for (const auto& b : both) ++correct[std::get<2>(b)], ++correct[4];
}

double SpanScores::precision(int type) const { return found[type] == 0 ? 0 : static_cast<double>(correct[type]) / found[type]; }
double SpanScores::recall(int type) const { return gold[type] == 0 ? 0 : static_cast<double>(correct[type]) / gold[type]; }
double SpanScores::f1(int type) const {
  const double p = precision(type), r = recall(type);
  return p + r == 0 ? 0 : 2 * p * r / (p + r);
}

}  // namespace ai
