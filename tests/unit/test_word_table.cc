#include <catch2/catch.hpp>
#include <string>

#include "word_table.h"

TEST_CASE("word tables find words in any case, and nothing else", "[word_table]") {
  const ai::WordTable<int> table({{"rose", 1}, {"fell", -1}, {"approximately", 2}, {"a.m.", 3}, {"x", 4},
                                  {"sixteen-letters!", 5}, {"km2", 6}});
  struct Case {
    const char* word;
    int expected;  // 0: not found
  };
  const Case cases[] = {
      {"rose", 1}, {"ROSE", 1}, {"Rose", 1}, {"fell", -1}, {"APPROXIMATELY", 2}, {"a.m.", 3}, {"A.M.", 3},
      {"x", 4}, {"X", 4}, {"Sixteen-Letters!", 5}, {"KM2", 6},
      {"ros", 0}, {"roses", 0}, {"rise", 0}, {"", 0}, {"approximatel", 0}, {"a.m", 0},
      {"seventeen-letters", 0}, {"sixteen-letters?", 0}, {"km3", 0}, {"y", 0},
  };
  for (const Case& c : cases) {
    INFO("word: " << c.word);
    const int* found = table.find(c.word);
    CHECK((found ? *found : 0) == c.expected);
  }
}

TEST_CASE("word table keys read only the word's own bytes", "[word_table]") {
  // The same word inside a longer buffer, at every length: what follows it must not matter.
  const std::string buffer = "electricity supply";
  ai::WordTable<int> table;
  for (size_t n = 1; n <= 16; ++n) table.add(buffer.substr(0, n)) = static_cast<int>(n);
  for (size_t n = 1; n <= 16; ++n) {
    INFO("length " << n);
    const int* found = table.find(std::string_view(buffer).substr(0, n));
    REQUIRE(found != nullptr);
    CHECK(*found == static_cast<int>(n));
  }
}

TEST_CASE("finding a word inside a longer text gives the same answers", "[word_table]") {
  const ai::WordTable<int> table({{"rose", 1}, {"approximately", 2}, {"km", 3}, {"sixteen-letters!", 4}});
  const std::string text = "Sales ROSE approximately 5 KM sixteen-letters! rose";
  const char* end = text.data() + text.size();
  struct Case {
    size_t start, size;
    int expected;
  };
  // The last word is too close to the end for the two-load key: the plain path answers.
  const Case cases[] = {{0, 5, 0}, {6, 4, 1}, {11, 13, 2}, {27, 2, 3}, {30, 16, 4}, {30, 15, 0}, {47, 4, 1}, {6, 3, 0}};
  for (const Case& c : cases) {
    const std::string_view word(text.data() + c.start, c.size);
    INFO("word: " << word);
    const int* found = table.find(word, end);
    CHECK((found ? *found : 0) == c.expected);
    CHECK(found == table.find(word));
  }
}

TEST_CASE("word tables grow past their first capacity", "[word_table]") {
  ai::WordTable<int> table;
  for (int i = 0; i < 3000; ++i) table.add("w" + std::to_string(i)) = i;
  for (int i = 0; i < 3000; i += 7) {
    const int* found = table.find("W" + std::to_string(i));
    REQUIRE(found != nullptr);
    CHECK(*found == i);
  }
  CHECK(table.find("w3000") == nullptr);
}

TEST_CASE("entries number the words from 1, and 0 is every other word", "[word_table]") {
  ai::WordTable<int> table;
  table.add("rose") = 10;
  table.add("fell") = 20;
  table.add("ROSE") = 11;  // the same word: its value, not a new entry
  CHECK(table.size() == 2);
  const uint32_t rose = table.entry("Rose"), fell = table.entry("fell");
  CHECK(rose != 0);
  CHECK(fell != 0);
  CHECK(rose != fell);
  CHECK(*table.value(rose) == 11);
  CHECK(*table.value(fell) == 20);
  CHECK(table.entry("risen") == 0);
  CHECK(table.value(0) == nullptr);
}

TEST_CASE("padded keys of words longer than a table word match nothing", "[word_table]") {
  // A 16-byte word and the same bytes with more after them, read in place.
  const ai::WordTable<int> table({{"sixteen-letters!", 1}, {"sixteen", 2}});
  const std::string text = "sixteen-letters!! and more text after it";
  struct Case {
    size_t size;
    int expected;
  };
  const Case cases[] = {{16, 1}, {17, 0}, {7, 2}, {20, 0}};
  for (const Case& c : cases) {
    INFO("size " << c.size);
    const ai::FoldedWord key = ai::FoldedWord::of_padded(text.data(), c.size);
    const uint32_t entry = table.entry(key);
    CHECK((entry ? *table.value(entry) : 0) == c.expected);
  }
}
