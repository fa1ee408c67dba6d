// report_json.h — the Report as the JSON contract front ends share.
//
// Shape (see README "The report"): { entities, figures, quotes, sources,
// boilerplate, checks, layout, stats, warnings }. Every span is
// { start, end, text } with end exclusive, in the requested offset unit; with
// kUtf16 (the default of every JS front end) `text.slice(start, end) === text`
// holds for the string JavaScript decodes from the same bytes.
//
//   std::string json = ai::report_to_json(report, ai::OffsetUnit::kUtf16);
#pragma once

#include <string>

#include "report.h"
#include "utf8.h"

namespace ai {

// Serialises `report` as compact JSON. Never throws.
std::string report_to_json(const Report& report, OffsetUnit unit);

}  // namespace ai
