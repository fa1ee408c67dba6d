// word_clusters.h — distributional word classes, a feature the tagger uses.
//
// Words that occur in similar contexts ("Tuesday"/"Friday", "Moscow"/"Kiev",
// "spokesman"/"spokeswoman") share a class, so the tagger generalises from a
// name it saw in training to one it did not. Classes come from clustering
// each word's left and right neighbours over unlabelled news text
// (tools/train_ner), at two granularities; Illinois NER got much of its
// accuracy from such clusters.
//
//   ai::WordClusters c = ai::WordClusters::parse("Moscow\t17\t3\n").value();
//   ai::WordClass k = c.lookup(ai::word_key("Moscow"));  // k.fine == 17, k.coarse == 3
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "result.h"

namespace ai {

// Case-sensitive key of a word (FNV-1a of its bytes).
uint64_t word_key(std::string_view word);

struct WordClass {
  static constexpr uint16_t kNone = 0xFFFF;
  uint16_t fine = kNone;
  uint16_t coarse = kNone;
};

class WordClusters {
 public:
  // Parses lines "<word>\t<fine class>\t<coarse class>" (classes < 65535).
  // Fails with the line number on a malformed line.
  static Result<WordClusters> parse(std::string_view text);

  // The classes of the word with key `key`; kNone for unknown words.
  WordClass lookup(uint64_t key) const;

  size_t size() const { return words_; }

 private:
  std::vector<uint64_t> keys_;  // open addressing, 0 = empty
  std::vector<WordClass> classes_;
  size_t words_ = 0;
};

}  // namespace ai
