// fuzz_inspect.cc — the whole pipeline, from any bytes to the JSON report.
//
// Properties: inspect succeeds; the report's text is the input as the WHATWG
// decoder repairs it, with an "invalid-utf8" warning exactly when something
// was repaired; every span lies inside the text on code-point boundaries;
// figures are sorted and disjoint, amounts are ordered numbers; the JSON
// parses, and for each unit every { start, end, text } object satisfies
// text == input.slice(start, end) in that unit, which is the contract the
// JavaScript side relies on.
//
// The input's length picks the offset unit and options, so the mutator
// explores all of them without spending bytes on a header.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "inspector.h"
#include "report_json.h"
#include "utf8.h"

namespace {

const ai::Inspector& inspector() {
  static const ai::Inspector instance = ai::Inspector::create({}).value();
  return instance;
}

// The text as a sequence of offset units: UTF-16 code units, code points or bytes.
std::u32string to_units(std::string_view text, ai::OffsetUnit unit) {
  std::u32string out;
  for (size_t pos = 0; pos < text.size();) {
    size_t length = 0;
    const char32_t cp = ai::decode_code_point(text, pos, &length);
    if (unit == ai::OffsetUnit::kByte) {
      for (size_t i = 0; i < length; ++i) out += static_cast<unsigned char>(text[pos + i]);
    } else if (unit == ai::OffsetUnit::kUtf16 && cp >= 0x10000) {
      out += static_cast<char32_t>(0xD800 + ((cp - 0x10000) >> 10));
      out += static_cast<char32_t>(0xDC00 + ((cp - 0x10000) & 0x3FF));
    } else {
      out += cp;
    }
    pos += length;
  }
  return out;
}

void check_span(std::string_view text, ai::Span span) {
  FUZZ_CHECK(span.start <= span.end && span.end <= text.size());
  auto on_boundary = [&](size_t pos) { return pos == text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80; };
  FUZZ_CHECK(on_boundary(span.start) && on_boundary(span.end));
}

void check_amount(const ai::Amount& amount) {
  FUZZ_CHECK(!std::isnan(amount.min) && !std::isnan(amount.max));
  FUZZ_CHECK(amount.min <= amount.max);
}

// Visits every JSON object that carries a span and checks it against `units`.
void check_json_spans(const nlohmann::json& node, const std::u32string& units, ai::OffsetUnit unit) {
  if (node.is_object()) {
    if (node.contains("start") && node.contains("end") && node.contains("text") && node["text"].is_string()) {
      const size_t start = node["start"].get<size_t>();
      const size_t end = node["end"].get<size_t>();
      FUZZ_CHECK(start <= end && end <= units.size());
      FUZZ_CHECK(units.substr(start, end - start) == to_units(node["text"].get<std::string>(), unit));
    }
    for (const auto& item : node.items()) check_json_spans(item.value(), units, unit);
  } else if (node.is_array()) {
    for (const auto& item : node) check_json_spans(item, units, unit);
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  static constexpr ai::OffsetUnit kUnits[] = {ai::OffsetUnit::kUtf16, ai::OffsetUnit::kCodePoint, ai::OffsetUnit::kByte};
  const ai::OffsetUnit unit = kUnits[size % 3];
  ai::InspectOptions options;
  options.phone_numbers = (size / 3) % 2 == 1;
  if ((size / 6) % 2 == 1) options.reference_date = ai::CivilDate{2022, 1, 7};

  const ai::Result<ai::Report> result = inspector().inspect(bytes, options);
  FUZZ_CHECK(result.ok());
  const ai::Report& report = result.value();
  const std::string_view text = report.text;

  const ai::RepairedText repaired = ai::repair_utf8(bytes);
  FUZZ_CHECK(report.text == repaired.text);
  bool warned = false;
  for (const ai::Warning& w : report.warnings) warned = warned || w.code == "invalid-utf8";
  FUZZ_CHECK(warned == (repaired.replacements > 0));

  size_t previous_end = 0;
  for (const ai::Figure& f : report.figures) {
    check_span(text, f.span);
    FUZZ_CHECK(f.span.start >= previous_end);
    previous_end = f.span.end;
    check_amount(f.value);
    if (f.normalized) check_amount(*f.normalized);
    if (f.counted_span) check_span(text, *f.counted_span);
  }
  for (const ai::Entity& e : report.entities) {
    FUZZ_CHECK(!e.mentions.empty());
    for (size_t i = 0; i < e.mentions.size(); ++i) {
      check_span(text, e.mentions[i]);
      if (i > 0) FUZZ_CHECK(e.mentions[i - 1].start <= e.mentions[i].start);
    }
  }
  for (const ai::Quote& q : report.quotes) check_span(text, q.span);
  for (const ai::Source& s : report.sources)
    for (const ai::Span& c : s.citations) check_span(text, c);
  for (const ai::Check& c : report.checks)
    for (const ai::Span& s : c.spans) check_span(text, s);
  previous_end = 0;
  for (const ai::Boilerplate& b : report.layout.boilerplate) {
    check_span(text, b.span);
    FUZZ_CHECK(b.span.start >= previous_end);
    previous_end = b.span.end;
  }
  if (report.layout.headline) check_span(text, *report.layout.headline);
  if (report.layout.byline) check_span(text, *report.layout.byline);
  if (report.layout.dateline) {
    check_span(text, report.layout.dateline->span);
    if (report.layout.dateline->place) check_span(text, *report.layout.dateline->place);
    if (report.layout.dateline->agency) check_span(text, *report.layout.dateline->agency);
  }

  const std::string json_text = ai::report_to_json(report, unit);
  const nlohmann::json json = nlohmann::json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(!json.is_discarded());
  check_json_spans(json, to_units(text, unit), unit);
  return 0;
}
