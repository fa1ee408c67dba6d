// test_helpers.h — shared by the Catch2 test files.
#pragma once

#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "builtin_model.h"
#include "inspector.h"
#include "little_endian.h"
#include "tagger.h"
#include "text.h"

namespace ai_test {

// An array of `f` indexed by candidate, spread over a document's
// `token_count` tokens (zero outside its segments): the layout the arrays had
// when they were indexed by token, which the pinned fingerprints fold.
template <typename T>
std::vector<T> by_token(const ai::TokenFeatures& f, const std::vector<T>& per_candidate, size_t token_count) {
  std::vector<T> spread(token_count, T{});
  size_t c = 0;
  for (const auto& [first, end] : f.segments)
    for (uint32_t t = first; t < end; ++t) spread[t] = per_candidate.at(c++);
  return spread;
}

// The one Inspector the tests share (building it loads the model).
inline const ai::Inspector& inspector() {
  static const ai::Inspector instance = ai::Inspector::create({}).value();
  return instance;
}

// The entity tagger with the shipped model, loaded once.
inline const ai::Tagger& shipped_tagger() {
  static const ai::Tagger tagger = ai::Tagger::load(ai::builtin_ner_model()).value();
  return tagger;
}

// tests/golden/<kind> (articles, figures), found from this file's path:
// CMake compiles with absolute paths.
inline std::string golden_dir(const std::string& kind) {
  const std::string here = __FILE__;
  return here.substr(0, here.rfind('/')) + "/../golden/" + kind;
}

// Path of the project's shared data folder (../shared next to the checkout),
// overridable with AI_SHARED_DIR; tests that need it skip when it is absent.
inline std::string shared_dir() {
  const char* env = std::getenv("AI_SHARED_DIR");
  return env != nullptr ? env : AI_SHARED_DIR;
}

// Reads a whole file, or nothing if it cannot be read.
inline std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

// The `bytes` low bytes of `v`, little-endian: the byte order of the
// engine's binary formats (entity model, gazetteer).
inline std::string little_endian(uint64_t v, int bytes) {
  std::string out;
  ai::append_little_endian(v, bytes, &out);
  return out;
}

// The texts of the tokens analyze_text finds in `text`.
inline std::vector<std::string> tokens_of(const std::string& text) {
  const ai::Document doc = ai::analyze_text(text);
  std::vector<std::string> out;
  for (size_t i = 0; i < doc.tokens.size(); ++i) out.emplace_back(doc.token_text(i));
  return out;
}

// The texts of the sentences analyze_text finds in `text`.
inline std::vector<std::string> sentences_of(const std::string& text) {
  const ai::Document doc = ai::analyze_text(text);
  std::vector<std::string> out;
  for (const ai::Sentence& s : doc.sentences) out.emplace_back(doc.span_text(s.span));
  return out;
}

}  // namespace ai_test
