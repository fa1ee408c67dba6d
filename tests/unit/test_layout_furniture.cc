// PhraseSet, and the furniture tests of the layout reader that rest on it and
// on its capped word count.
#include <catch2/catch.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "phrase_set.h"
#include "structure.h"

namespace {

// What PhraseSet::find_in must return, the slow way: lower-case the text's
// ASCII letters and search for each phrase.
uint64_t naive_find(std::string_view text, const std::vector<std::string_view>& phrases) {
  std::string lower(text);
  for (char& c : lower)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
  uint64_t found = 0;
  for (size_t i = 0; i < phrases.size(); ++i)
    if (lower.find(phrases[i]) != std::string::npos) found |= uint64_t{1} << i;
  return found;
}

// The reason analyze_layout gives a line between two article paragraphs, or "".
std::string furniture_reason_of(const std::string& line) {
  const std::string input = "Schools shut on Monday.\n\n" + line + "\n\nThey reopen on Friday.";
  const ai::Document doc = ai::analyze_text(input);
  const ai::Layout layout = ai::analyze_layout(doc);
  return layout.boilerplate.empty() ? std::string() : layout.boilerplate[0].reason;
}

std::string words(size_t count) {
  std::string text;
  for (size_t i = 0; i < count; ++i) text += i == 0 ? "word" : " word";
  return text;
}

}  // namespace

TEST_CASE("PhraseSet finds exactly the phrases a lower-cased search finds", "[layout][phrase_set]") {
  const std::vector<std::string_view> phrases = {"use cookies", "uses cookies", "use of cookies", "sign up",
                                                 "ap photo/",   "`bcd",         "\xC2\xA9 all"};
  const ai::PhraseSet set({"use cookies", "uses cookies", "use of cookies", "sign up", "ap photo/", "`bcd",
                           "\xC2\xA9 all"});
  const char* texts[] = {
      "",
      "use",
      "use cookies",
      "We USE Cookies here",
      "This site uses cookies.",
      "because of use of cookies",
      "use use use cookies",         // a prefix hit that fails, then one that matches
      "use cookie",                  // one byte short at the end
      "Sign Up",
      "SIGN UP NOW",
      "sign-up",
      "(AP Photo/Jane Doe)",
      "ap photo",
      "@bcd",                        // '@' | 0x20 is '`': same key, no match
      "`bcd",
      "\xC2\xA9 ALL rights",
      "\xC3\xA9 all",
      "caf\xC3\xA9 use cookies",
  };
  for (const char* text : texts) {
    INFO(text);
    CHECK(set.find_in(text) == naive_find(text, phrases));
  }
}

TEST_CASE("PhraseSet of longer phrases, which looks at every 2nd or 4th position, misses none", "[layout][phrase_set]") {
  struct Case {
    const char* name;
    const ai::PhraseSet& set;
    std::vector<std::string_view> phrases;  // those of `set`, in order
  };
  static const ai::PhraseSet seven({"sign up", "newsletter", "ap photo/", "use of cookies"});
  static const ai::PhraseSet five({"share", "sign up", "cookie policy"});
  const Case cases[] = {
      {"shortest 7 bytes: every 4th position", seven, {"sign up", "newsletter", "ap photo/", "use of cookies"}},
      {"shortest 5 bytes: every 2nd position", five, {"share", "sign up", "cookie policy"}},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    // Each phrase, in either case, after 0 to 9 bytes of other text and with
    // 0 to 5 bytes after it: every start position modulo the stride, and the
    // text's end falling on every byte of the last piece looked at.
    for (const std::string_view phrase : c.phrases) {
      for (size_t before = 0; before < 10; ++before) {
        for (size_t after = 0; after < 6; ++after) {
          for (const bool upper : {false, true}) {
            std::string text = std::string(before, 'x') + std::string(phrase) + std::string(after, 'y');
            if (upper)
              for (char& ch : text)
                if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 32);
            INFO(text);
            REQUIRE(c.set.find_in(text) == naive_find(text, c.phrases));
          }
        }
      }
    }
    for (const char* text : {"", "sign u", "sign upnewsletter", "a newslette", "xsign up and sign up", "Photo/AP photo"}) {
      INFO(text);
      CHECK(c.set.find_in(text) == naive_find(text, c.phrases));
    }
  }
}

TEST_CASE("furniture phrases count anywhere in a short line, in any case", "[structure][layout]") {
  struct Case {
    const char* line;
    const char* reason;
  };
  const Case cases[] = {
      {"By continuing you accept all cookies", "legal"},
      {"Read our PRIVACY POLICY", "legal"},
      {"Terms of Service apply", "legal"},
      {"This material may not be published, broadcast, rewritten or redistributed", "legal"},
      {"Manage cookie settings", "legal"},
      {"Our site Uses Cookies", "legal"},
      {"Get our app: download our app today", "promo"},
      {"Support our journalism", "promo"},
      {"Join now and become a member", "promo"},
      {"Start your free trial", "promo"},
      {"Register now for your place", "promo"},
      {"Delivered to your inbox", "promo"},
      {"Police at the scene. AP Photo/Jane Doe", "credit"},
      {"Police at the scene (Jane Doe/AFP)", "credit"},
      {"Police at the scene", ""},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    CHECK(furniture_reason_of(c.line) == c.reason);
  }
}

TEST_CASE("furniture word limits: credit 20, promo 25, legal 40 words", "[structure][layout]") {
  struct Case {
    std::string line;
    const char* reason;
  };
  const Case cases[] = {
      {"Photo: " + words(19), "credit"},
      {"Photo: " + words(20), ""},
      {"Subscribe to " + words(23), "promo"},
      {"Subscribe to " + words(24), ""},
      {"We use cookies " + words(37), "legal"},
      {"We use cookies " + words(38), ""},
      {"We use cookies " + words(60), ""},
      // Tabs separate words as spaces do; runs of them count once.
      {"We\tuse cookies \t " + words(37), "legal"},
      {"We\tuse cookies \t " + words(38), ""},
      {"We  use cookies  " + words(37) + "  ", "legal"},
  };
  for (const Case& c : cases) {
    INFO(c.line);
    CHECK(furniture_reason_of(c.line) == c.reason);
  }
}

TEST_CASE("headline and byline word limits: 25 and 12 words", "[structure][layout]") {
  auto title_words = [](size_t count) {
    std::string text = "Storm";
    for (size_t i = 1; i < count; ++i) text += " Hits";
    return text;
  };
  struct Case {
    std::string line;
    bool found;
  };
  const Case headlines[] = {{title_words(2), true}, {title_words(25), true}, {title_words(26), false},
                            {"Storm\t \tHits", true}};
  for (const Case& c : headlines) {
    INFO(c.line);
    const std::string input = c.line + "\n\nSchools shut on Monday. They reopen on Friday.";
    const ai::Document doc = ai::analyze_text(input);
    const ai::Layout layout = ai::analyze_layout(doc);
    CHECK(layout.headline.has_value() == c.found);
  }
  auto byline_of = [](size_t names) {
    std::string text = "By Jane";
    for (size_t i = 1; i < names; ++i) text += " Doe";
    return text;
  };
  const Case bylines[] = {{byline_of(2), true}, {byline_of(11), true}, {byline_of(12), false}};
  for (const Case& c : bylines) {
    INFO(c.line);
    const std::string input = "Storm Hits Coast\n\n" + c.line + "\n\nSchools shut on Monday. They reopen on Friday.";
    const ai::Document doc = ai::analyze_text(input);
    const ai::Layout layout = ai::analyze_layout(doc);
    CHECK(layout.byline.has_value() == c.found);
  }
}
