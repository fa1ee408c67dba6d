#include "word_clusters.h"

#include <string>

namespace ai {

uint64_t word_key(std::string_view word) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (char c : word) h = (h ^ static_cast<unsigned char>(c)) * 0x100000001b3ULL;
  return h == 0 ? 1 : h;
}

namespace {

bool parse_class(std::string_view field, uint16_t* out) {
  if (field.empty() || field.size() > 5) return false;
  uint32_t v = 0;
  for (char c : field) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + static_cast<uint32_t>(c - '0');
  }
  if (v >= WordClass::kNone) return false;
  *out = static_cast<uint16_t>(v);
  return true;
}

}  // namespace

Result<WordClusters> WordClusters::parse(std::string_view text) {
  size_t lines = 0;
  for (char c : text) lines += c == '\n';
  WordClusters clusters;
  size_t capacity = 16;
  while (capacity < (lines + 1) * 2) capacity *= 2;
  clusters.keys_.assign(capacity, 0);
  clusters.classes_.assign(capacity, WordClass{});
  size_t pos = 0, line_number = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos) end = text.size();
    const std::string_view line = text.substr(pos, end - pos);
    pos = end + 1;
    ++line_number;
    if (line.empty()) continue;
    const size_t tab1 = line.find('\t');
    const size_t tab2 = tab1 == std::string_view::npos ? tab1 : line.find('\t', tab1 + 1);
    WordClass k;
    if (tab2 == std::string_view::npos || tab1 == 0 || !parse_class(line.substr(tab1 + 1, tab2 - tab1 - 1), &k.fine) ||
        !parse_class(line.substr(tab2 + 1), &k.coarse))
      return Result<WordClusters>::failure("word clusters line " + std::to_string(line_number) + " is not word<tab>class<tab>class");
    const uint64_t key = word_key(line.substr(0, tab1));
    const size_t mask = capacity - 1;
    size_t i = key & mask;
    while (clusters.keys_[i] != 0 && clusters.keys_[i] != key) i = (i + 1) & mask;
    if (clusters.keys_[i] == 0) ++clusters.words_;
    clusters.keys_[i] = key;
    clusters.classes_[i] = k;
  }
  return clusters;
}

WordClass WordClusters::lookup(uint64_t key) const {
  if (keys_.empty()) return {};
  const size_t mask = keys_.size() - 1;
  for (size_t i = key & mask;; i = (i + 1) & mask) {
    if (keys_[i] == key) return classes_[i];
    if (keys_[i] == 0) return {};
  }
}

}  // namespace ai
