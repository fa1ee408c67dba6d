// fuzz_text.cc — analyze_text on any repaired input.
//
// Properties: tokens are non-empty, in order, non-overlapping, inside the
// text, on code-point boundaries and never cover white space at their edges;
// every non-space code point belongs to some token (no text is lost);
// sentences partition the tokens in order; paragraphs are ordered spans on
// token boundaries; sentence_at agrees with the sentence spans.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "text.h"
#include "utf8.h"

namespace {

bool on_boundary(std::string_view text, size_t pos) {
  return pos == text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const ai::RepairedText repaired = ai::repair_utf8(std::string_view(reinterpret_cast<const char*>(data), size));
  const std::string_view text = repaired.text;
  const ai::Document doc = ai::analyze_text(text);

  size_t covered_until = 0;
  for (const ai::Token& token : doc.tokens) {
    FUZZ_CHECK(token.start < token.end && token.end <= text.size());
    FUZZ_CHECK(token.start >= covered_until);
    FUZZ_CHECK(on_boundary(text, token.start) && on_boundary(text, token.end));
    // The gap before the token holds only white space.
    for (size_t pos = covered_until; pos < token.start;) {
      size_t length = 0;
      FUZZ_CHECK(ai::is_space(ai::decode_code_point(text, pos, &length)));
      pos += length;
    }
    size_t length = 0;
    FUZZ_CHECK(!ai::is_space(ai::decode_code_point(text, token.start, &length)));
    covered_until = token.end;
  }
  for (size_t pos = covered_until; pos < text.size();) {
    size_t length = 0;
    FUZZ_CHECK(ai::is_space(ai::decode_code_point(text, pos, &length)));
    pos += length;
  }

  size_t next_token = 0;
  for (size_t i = 0; i < doc.sentences.size(); ++i) {
    const ai::Sentence& s = doc.sentences[i];
    FUZZ_CHECK(s.first_token == next_token && s.first_token < s.end_token && s.end_token <= doc.tokens.size());
    FUZZ_CHECK(s.span.start == doc.tokens[s.first_token].start && s.span.end == doc.tokens[s.end_token - 1].end);
    FUZZ_CHECK(doc.sentence_at(s.span.start) == i && doc.sentence_at(s.span.end - 1) == i);
    next_token = s.end_token;
  }
  FUZZ_CHECK(next_token == doc.tokens.size());

  size_t paragraph_end = 0;
  for (const ai::Span& p : doc.paragraphs) {
    FUZZ_CHECK(p.start < p.end && p.end <= text.size() && p.start >= paragraph_end);
    paragraph_end = p.end;
  }
  FUZZ_CHECK(doc.paragraphs.empty() == doc.tokens.empty());
  return 0;
}
