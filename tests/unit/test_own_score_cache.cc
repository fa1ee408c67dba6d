// The tagger's cache of own-feature sums (OwnScoreCache) changes no label:
// cold or warm, shared across documents and models, or so small that every
// word evicts another, it labels exactly as scoring without a cache.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "ner_features.h"
#include "tagger.h"
#include "test_helpers.h"
#include "text.h"

namespace {

// Names repeated in and across texts, in different contexts (sentence start,
// mid-sentence, an all-capitals headline), words longer than the cache
// keeps, and spellings that fold alike ("US", "Us").
const char* const kTexts[] = {
    "Angela Merkel met Emmanuel Macron in Paris on Tuesday. Merkel said Paris was calm.",
    "MERKEL AND MACRON MEET IN PARIS\nMacron told Merkel that the US and the EU agree. Us, said Macron.",
    "The Collective Security Treaty Organization (CSTO) sent troops to Almaty. The CSTO said Almaty was quiet.",
    "Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch Council met Llanfairpwllgwyngyllgogerychwyrndrobwllllantysiliogogogoch "
    "residents. Kassym-Jomart Tokayev thanked Vladimir Putin.",
    "Shares of Microsoft fell in New York. Microsoft and Apple rose in London; Apple said New York was busy.",
};

// kTexts, then the golden articles (whole news texts, where a wrong sum
// for a repeated word would show).
const std::vector<std::string>& texts() {
  static const std::vector<std::string> all = [] {
    std::vector<std::string> out(std::begin(kTexts), std::end(kTexts));
    const std::string golden = ai_test::golden_dir("articles") + "/";
    for (const char* name : {"river-evacuation.txt", "council-flood-plan.txt", "senate-spending-bill.txt"}) {
      const std::optional<std::string> text = ai_test::read_file(golden + name);
      if (text) out.push_back(*text);
    }
    return out;
  }();
  return all;
}

std::vector<std::vector<uint8_t>> label_all(const ai::Tagger& tagger, ai::OwnScoreCache* cache) {
  std::vector<std::vector<uint8_t>> labels;
  for (const std::string& text : texts()) labels.push_back(tagger.label(ai::analyze_text(text), cache));
  return labels;
}

// A model of arbitrary nonzero weights, unlike the shipped one in every bucket.
std::string other_model() {
  ai::TaggerModel model;
  model.base.hash_bits = 10;
  const size_t buckets = size_t{1} << 10;
  model.base.emissions.resize(buckets * ai::kLabelCount);
  for (size_t k = 0; k < model.base.emissions.size(); ++k) model.base.emissions[k] = static_cast<float>((k * 7919) % 23) - 11.0f;
  model.base.transitions.assign(ai::kTransitionCount, 0.0f);
  return ai::encode_tagger_model(model);
}

}  // namespace

TEST_CASE("labels are the same with a cold, a warm and no own-score cache", "[tagger]") {
  REQUIRE(texts().size() == std::size(kTexts) + 3);
  const std::vector<std::vector<uint8_t>> uncached = label_all(ai_test::shipped_tagger(), nullptr);
  // Sizes from one entry (every word evicts the one before, within a
  // sentence too) to the thread cache's size.
  for (int bits : {0, 1, 4, 12}) {
    INFO("cache bits " << bits);
    ai::OwnScoreCache cache(bits);
    CHECK(label_all(ai_test::shipped_tagger(), &cache) == uncached);  // cold
    CHECK(label_all(ai_test::shipped_tagger(), &cache) == uncached);  // warm
  }
  // The thread's own cache, twice.
  for (int round = 0; round < 2; ++round) {
    for (size_t t = 0; t < texts().size(); ++t) CHECK(ai_test::shipped_tagger().label(ai::analyze_text(texts()[t])) == uncached[t]);
  }
}

TEST_CASE("a warm own-score cache does not serve another model's sums", "[tagger]") {
  const ai::Result<ai::Tagger> other = ai::Tagger::load(other_model());
  REQUIRE(other.ok());
  const std::vector<std::vector<uint8_t>> shipped_labels = label_all(ai_test::shipped_tagger(), nullptr);
  const std::vector<std::vector<uint8_t>> other_labels = label_all(other.value(), nullptr);
  REQUIRE(other_labels != shipped_labels);  // otherwise stale sums could go unnoticed
  ai::OwnScoreCache cache(12);
  CHECK(label_all(ai_test::shipped_tagger(), &cache) == shipped_labels);
  CHECK(label_all(other.value(), &cache) == other_labels);
  CHECK(label_all(ai_test::shipped_tagger(), &cache) == shipped_labels);
}

TEST_CASE("the own-score cache claims entries by exact word and context", "[ner]") {
  ai::OwnScoreCache cache(4);
  cache.serve(1);
  const uint64_t folded = 42;  // the same folded hash for all: only bytes and context tell them apart
  const uint32_t apple = cache.claim("Apple", 0, folded);
  REQUIRE(apple != ai::OwnScoreCache::kUncached);
  CHECK((apple & ai::OwnScoreCache::kHit) == 0);
  CHECK(cache.claim("Apple", 0, folded) == (apple | ai::OwnScoreCache::kHit));
  // Another spelling of the same size and context takes the same slot,
  // renaming the entry: the first spelling then misses.
  CHECK((cache.claim("APPLE", 0, folded) & ai::OwnScoreCache::kHit) == 0);
  CHECK(cache.claim("Apple", 0, folded) == apple);
  // Another context is another entry.
  const uint32_t in_headline = cache.claim("Apple", 32, folded);
  CHECK((in_headline & ai::OwnScoreCache::kHit) == 0);
  CHECK(cache.claim("Apple", 32, folded) == (in_headline | ai::OwnScoreCache::kHit));
  // Words too long to keep, and empty ones, are never cached.
  CHECK(cache.claim(std::string(ai::OwnScoreCache::kMaxWordBytes + 1, 'A'), 0, folded) == ai::OwnScoreCache::kUncached);
  CHECK(cache.claim("", 0, folded) == ai::OwnScoreCache::kUncached);
  // A new owner empties every entry.
  REQUIRE((cache.claim("Apple", 32, folded) & ai::OwnScoreCache::kHit) != 0);
  cache.serve(2);
  CHECK((cache.claim("Apple", 32, folded) & ai::OwnScoreCache::kHit) == 0);
  // So does forget(), which the tagger calls when claimed entries may be
  // left without their sums (an exception before the sweep).
  REQUIRE((cache.claim("Apple", 32, folded) & ai::OwnScoreCache::kHit) != 0);
  cache.forget();
  CHECK((cache.claim("Apple", 32, folded) & ai::OwnScoreCache::kHit) == 0);
}

TEST_CASE("the own-score cache tells apart words of every size that differ in any one byte", "[ner]") {
  // Claims compare words by loads of up to 8 bytes that may overlap: each
  // size, from 1 to the longest kept, takes a different mix of them.
  ai::OwnScoreCache cache(0);  // one entry: every claim lands on it
  cache.serve(1);
  const uint64_t folded = 7;
  for (size_t size = 1; size <= ai::OwnScoreCache::kMaxWordBytes; ++size) {
    std::string word(size, 'a');
    for (size_t k = 0; k < size; ++k) word[k] = static_cast<char>('a' + k % 26);
    for (size_t changed = 0; changed < size; ++changed) {
      CAPTURE(size, changed);
      std::string other = word;
      other[changed] = 'Z';
      const uint32_t slot = cache.claim(word, 0, folded);
      CHECK((cache.claim(word, 0, folded) & ai::OwnScoreCache::kHit) != 0);
      CHECK(cache.claim(other, 0, folded) == (slot & ~ai::OwnScoreCache::kHit));
      CHECK((cache.claim(other, 0, folded) & ai::OwnScoreCache::kHit) != 0);
      CHECK(cache.claim(word, 0, folded) == (slot & ~ai::OwnScoreCache::kHit));
    }
  }
}
