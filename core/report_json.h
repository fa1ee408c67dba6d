// report_json.h — the Report as the JSON contract front ends share, and the
// same values as a binary tape (tape_writer.h) for readers that build objects.
//
// Shape (see README "The report"): { entities, figures, quotes, sources,
// boilerplate, checks, layout, stats, warnings }. Every span is
// { start, end, text } with end exclusive, in the requested offset unit; with
// kUtf16 (the default of every JS front end) `text.slice(start, end) === text`
// holds for the string JavaScript decodes from the same bytes.
//
//   std::string json = ai::report_to_json(report, ai::OffsetUnit::kUtf16);
//   std::string tape = ai::report_to_tape(report, ai::OffsetUnit::kUtf16, ai::TapeSpanTexts::kSliceWhenWhole);
//
// One walk of the report feeds both, so the tape read back as objects equals
// JSON.parse of the JSON: same keys in the same order, same values.
#pragma once

#include <string>
#include <string_view>

#include "report.h"
#include "utf8.h"

namespace ai {

// Serialises `report` as compact JSON. Never throws.
std::string report_to_json(const Report& report, OffsetUnit unit);

// How the tape carries the "text" of each span.
enum class TapeSpanTexts {
  kBytes,  // always as bytes
  // As kSpanTextSlice when the span starts and ends on code point boundaries.
  // Only for a reader that holds the text as the JavaScript string whose
  // UTF-8 encoding is report.text, and only with kUtf16 offsets (with other
  // units it acts as kBytes): its text.slice(start, end) is then the span's text.
  kSliceWhenWhole,
};

// Serialises `report` as a tape (format in tape_writer.h) whose key indices
// are places in report_tape_keys_json(). Never throws (but std::bad_alloc).
std::string report_to_tape(const Report& report, OffsetUnit unit, TapeSpanTexts span_texts);

// The tape's key table: a JSON array of the key names, by index.
std::string_view report_tape_keys_json();

}  // namespace ai
