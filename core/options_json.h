// options_json.h — InspectOptions from the JSON the front ends send.
//
// Shape: { "kinds": ["entities", "figures", ...], "referenceDate": "2022-01-07",
//          "offsets": "utf16" | "codepoint" | "byte", "phoneNumbers": false }
// Every field is optional. Unknown fields and wrong types are errors, so a
// typo in a caller's options is reported instead of silently ignored. The
// reader is strict JSON and accepts exactly what nlohmann::json::parse did
// before it (a leading BOM, nothing after a NUL byte); fields are checked in
// key order and the last of duplicate keys wins.
#pragma once

#include <string_view>

#include "inspector.h"
#include "result.h"
#include "utf8.h"

namespace ai {

struct ParsedOptions {
  InspectOptions inspect;
  OffsetUnit offsets = OffsetUnit::kUtf16;
};

// Parses `json` (empty means all defaults). Never throws.
Result<ParsedOptions> parse_options_json(std::string_view json);

// Parses "YYYY-MM-DD" into a valid calendar date.
Result<CivilDate> parse_iso_date(std::string_view text);

}  // namespace ai
