// conll.h — CoNLL-2003 files as raw text with gold entity spans.
//
// The tagger is trained and scored on what users give it: raw text run
// through the core tokenizer. So a CoNLL file is turned back into text
// (tokens joined by spaces, sentences by newlines, documents at -DOCSTART-
// apart) and its gold entities become byte spans of that text, which the
// evaluator compares exactly with the spans the recognizer finds.
//
//   for (const ai::ConllDocument& d : ai::parse_conll(file_bytes))
//     ai::Document doc = ai::analyze_text(d.text);  // gold: d.entities
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "entities.h"
#include "text.h"

namespace ai {

struct GoldEntity {
  Span span;
  EntityType type = EntityType::kMisc;
};

struct ConllDocument {
  std::string text;
  std::vector<GoldEntity> entities;
};

// Parses CoNLL-2003 lines "token POS chunk NER" (BIO or IOB1 NER tags; the
// last column is used). Documents start at -DOCSTART- lines or, in files
// without them, at the headline before each dateline ("LONDON 1996-08-30").
// Lines it cannot read are skipped.
std::vector<ConllDocument> parse_conll(std::string_view file);

// Precision, recall and F1 of exact (span, type) matches, per type and overall.
struct SpanScores {
  size_t gold[5] = {0, 0, 0, 0, 0};       // by EntityType, [4] = all
  size_t found[5] = {0, 0, 0, 0, 0};
  size_t correct[5] = {0, 0, 0, 0, 0};
  void add(const std::vector<GoldEntity>& gold_entities, const std::vector<GoldEntity>& found_entities);
  double precision(int type) const;
  double recall(int type) const;
  double f1(int type) const;
};

}  // namespace ai
