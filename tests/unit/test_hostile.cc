// Hostile and huge inputs through the whole pipeline: whatever users paste
// (broken encodings, binary files, NUL bytes, megabyte lines, pathological
// repetitions) must come back as a report whose text is the input as
// TextDecoder would repair it, with a warning when something was repaired and
// every offset pointing at the text it names. Speed on these inputs is
// measured by bench/scale.js, not asserted here.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "report_json.h"
#include "test_helpers.h"
#include "utf8.h"

namespace {

const std::string kFFFD = "\xEF\xBF\xBD";

// `text` as UTF-16 code units, as a JavaScript string would hold it.
std::u16string to_utf16(std::string_view text) {
  std::u16string out;
  for (size_t pos = 0; pos < text.size();) {
    size_t length = 0;
    const char32_t cp = ai::decode_code_point(text, pos, &length);
    if (cp >= 0x10000) {
      out += static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += static_cast<char16_t>(cp);
    }
    pos += length;
  }
  return out;
}

bool on_boundary(std::string_view text, size_t pos) {
  return pos == text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

// Counts the { start, end, text } objects of a JSON report whose UTF-16 slice
// of `text16` differs from their "text"; `seen` counts all of them.
void count_bad_spans(const nlohmann::json& node, const std::u16string& text16, size_t* seen, size_t* bad) {
  if (node.is_object()) {
    if (node.contains("start") && node.contains("end") && node.contains("text") && node["text"].is_string()) {
      ++*seen;
      const size_t start = node["start"].get<size_t>();
      const size_t end = node["end"].get<size_t>();
      if (start > end || end > text16.size() ||
          text16.compare(start, end - start, to_utf16(node["text"].get<std::string>())) != 0)
        ++*bad;
    }
    for (const auto& item : node.items()) count_bad_spans(item.value(), text16, seen, bad);
  } else if (node.is_array()) {
    for (const auto& item : node) count_bad_spans(item, text16, seen, bad);
  }
}

// Inspects `input` and checks what every hostile input must satisfy: success,
// the repaired text kept whole, the invalid-utf8 warning exactly when repaired,
// byte spans inside the text on code-point boundaries, and JSON spans that
// slice the JavaScript string to their own text.
void check_survives(const std::string& input) {
  const ai::Result<ai::Report> result = ai_test::inspector().inspect(input, {});
  REQUIRE(result.ok());
  const ai::Report& report = result.value();
  const ai::RepairedText repaired = ai::repair_utf8(input);
  CHECK(report.text.size() == repaired.text.size());
  CHECK(report.text == repaired.text);
  bool warned = false;
  for (const ai::Warning& w : report.warnings) warned = warned || w.code == "invalid-utf8";
  CHECK(warned == (repaired.replacements > 0));

  std::vector<ai::Span> spans;
  for (const ai::Figure& f : report.figures) spans.push_back(f.span);
  for (const ai::Entity& e : report.entities) spans.insert(spans.end(), e.mentions.begin(), e.mentions.end());
  for (const ai::Quote& q : report.quotes) spans.push_back(q.span);
  for (const ai::Boilerplate& b : report.layout.boilerplate) spans.push_back(b.span);
  size_t bad_byte_spans = 0;
  for (const ai::Span& s : spans)
    if (s.start > s.end || s.end > report.text.size() || !on_boundary(report.text, s.start) ||
        !on_boundary(report.text, s.end))
      ++bad_byte_spans;
  CHECK(bad_byte_spans == 0);

  const nlohmann::json json =
      nlohmann::json::parse(ai::report_to_json(report, ai::OffsetUnit::kUtf16), nullptr, /*allow_exceptions=*/false);
  REQUIRE_FALSE(json.is_discarded());
  size_t seen = 0, bad = 0;
  count_bad_spans(json, to_utf16(report.text), &seen, &bad);
  INFO(seen << " spans in the JSON report");
  CHECK(bad == 0);
}

std::string repeat(std::string_view piece, size_t total_bytes) {
  std::string out;
  out.reserve(total_bytes + piece.size());
  while (out.size() < total_bytes) out += piece;
  return out;
}

// Deterministic pseudo-random bytes (a linear congruential generator), so a
// failure reproduces.
std::string junk_bytes(size_t n, uint32_t seed) {
  std::string out(n, '\0');
  for (char& c : out) {
    seed = seed * 1664525u + 1013904223u;
    c = static_cast<char>(seed >> 24);
  }
  return out;
}

constexpr size_t kMegabyte = size_t{1} << 20;

}  // namespace

TEST_CASE("every kind of invalid UTF-8 is repaired with a warning and nothing else lost", "[hostile]") {
  struct Case {
    const char* name;
    std::string input;
    std::string expected_text;
  };
  const Case cases[] = {
      {"overlong slash", "Path \xC0\xAF etc.", "Path " + kFFFD + kFFFD + " etc."},
      {"overlong 4-byte", "x\xF0\x80\x80\xAFy", "x" + kFFFD + kFFFD + kFFFD + kFFFD + "y"},
      {"high surrogate", "Mr Smith \xED\xA0\x80 said.", "Mr Smith " + kFFFD + kFFFD + kFFFD + " said."},
      {"surrogate pair as CESU-8", "\xED\xA0\xBD\xED\xB8\x80 ok", kFFFD + kFFFD + kFFFD + kFFFD + kFFFD + kFFFD + " ok"},
      {"above U+10FFFF", "Up \xF4\x90\x80\x80 40%", "Up " + kFFFD + kFFFD + kFFFD + kFFFD + " 40%"},
      {"truncated 2-byte at end", "Paris \xC3", "Paris " + kFFFD},
      {"truncated 3-byte before a digit", "cost \xE2\x82" "5m", "cost " + kFFFD + "5m"},
      {"truncated 4-byte before a quote", "\xF0\x9F\x98\"Yes,\" she said.", kFFFD + "\"Yes,\" she said."},
      {"lone continuation bytes", "\x80\x81\xBF The end.", kFFFD + kFFFD + kFFFD + " The end."},
      {"Latin-1 accents", "Jos\xE9 Mar\xED" "a visited S\xE3o Paulo.", "Jos" + kFFFD + " Mar" + kFFFD + "a visited S" + kFFFD + "o Paulo."},
      {"Latin-1 pound sign", "It cost \xA3" "5,000.", "It cost " + kFFFD + "5,000."},
      {"Windows-1252 smart quotes", "\x93Hello,\x94 said Ann.", kFFFD + "Hello," + kFFFD + " said Ann."},
      {"UTF-16LE BOM and text", std::string("\xFF\xFEH\0i\0", 6), kFFFD + kFFFD + std::string("H\0i\0", 4)},
      {"F5..FF leads", "\xF5\xF8\xFC\xFE\xFF", kFFFD + kFFFD + kFFFD + kFFFD + kFFFD},
      {"invalid bytes inside a word", "Kaz\xFF" "akh\xC0stan", "Kaz" + kFFFD + "akh" + kFFFD + "stan"},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    check_survives(c.input);
    const ai::Result<ai::Report> result = ai_test::inspector().inspect(c.input, {});
    REQUIRE(result.ok());
    CHECK(result.value().text == c.expected_text);
  }
}

TEST_CASE("NUL bytes, control characters and binary files are kept as given", "[hostile]") {
  struct Case {
    const char* name;
    std::string input;
  };
  const Case cases[] = {
      {"NUL between words", std::string("The\0council\0met on 3 May.", 26)},
      {"only NULs", std::string(64, '\0')},
      {"C0 controls", "Bell\x07 backspace\x08 vertical tab\x0B form feed\x0C escape\x1B[0m delete\x7F."},
      {"CR line ends", "First line.\rSecond line, 12 people.\rThird."},
      {"C1 controls encoded", "Next line\xC2\x85here and\xC2\x9Bthere."},
      {"zero-width and bidi marks", "Ab\xE2\x80\x8B" "c \xE2\x80\x8F" "12\xE2\x80\xAE" "34 \xEF\xBB\xBFZ"},
      {"binary junk", junk_bytes(64 * 1024, 7)},
      {"binary junk with newlines", junk_bytes(16 * 1024, 11) + "\n\n" + junk_bytes(16 * 1024, 13)},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    check_survives(c.input);
  }
}

TEST_CASE("megabyte-sized pathological inputs complete with consistent offsets", "[hostile][huge]") {
  struct Case {
    const char* name;
    std::string input;
  };
  const Case cases[] = {
      {"one 1 MB line of prose", repeat("The minister said 12 schools in Leeds would close by 2025, and ", kMegabyte)},
      {"a megabyte of digits", repeat("7", kMegabyte)},
      {"a megabyte of double quotes", repeat("\"", kMegabyte)},
      {"a megabyte of curly quotes", repeat("\xE2\x80\x9C", kMegabyte)},
      {"a megabyte of capitalised words", repeat("Alpha Bravo Charlie Delta Echo ", kMegabyte)},
      {"a megabyte of 1,1,1,", repeat("1,", kMegabyte)},
      {"a megabyte of periods", repeat(".", kMegabyte)},
      {"a megabyte of hyphenated word", repeat("a-", kMegabyte)},
      {"a megabyte of initials", repeat("A.", kMegabyte)},
      {"a megabyte of apostrophes", repeat("'s", kMegabyte)},
      {"a megabyte of open parentheses", repeat("(", kMegabyte)},
      {"a megabyte of newlines", repeat("\n", kMegabyte)},
      {"a megabyte of one-line paragraphs", repeat("Word.\n\n", kMegabyte)},
      {"a megabyte of Latin-1", repeat("\xE9", kMegabyte)},
      {"a megabyte of emoji", repeat("\xF0\x9F\x99\x82", kMegabyte)},
      {"a megabyte of money", repeat("$1.5bn ", kMegabyte)},
      {"a megabyte of percent ranges", repeat("10-15% ", kMegabyte)},
  };
  for (const Case& c : cases) {
    INFO(c.name);
    check_survives(c.input);
  }
}

TEST_CASE("input over the configured limit is refused with a clear error", "[hostile]") {
  ai::InspectorConfig config;
  config.max_input_bytes = 1000;
  const ai::Result<ai::Inspector> made = ai::Inspector::create(config);
  REQUIRE(made.ok());
  const ai::Result<ai::Report> over = made.value().inspect(std::string(1001, 'a'), {});
  REQUIRE_FALSE(over.ok());
  CHECK(over.error().find("1001 bytes") != std::string::npos);
  CHECK(over.error().find("limit is 1000") != std::string::npos);
  CHECK(made.value().inspect(std::string(1000, 'a'), {}).ok());
}
