// report.h — the Report: everything one inspection finds in a text.
//
// A Report holds byte offsets into the (repaired) text it was made from.
// `report_to_json` (report_json.h) turns it into the JSON contract every front
// end shares, converting offsets to UTF-16 code units (or code points, or
// bytes) on the way out.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "entities.h"
#include "figures.h"
#include "structure.h"

namespace ai {

// Reading statistics of the article body (clutter excluded).
struct Stats {
  size_t characters = 0;  // code points
  size_t words = 0;
  size_t sentences = 0;
  size_t paragraphs = 0;
  double reading_minutes = 0;  // at 230 words a minute
  size_t quotes = 0;
  size_t named_sources = 0;
  size_t anonymous_sources = 0;
  size_t figures = 0;          // figures outside the clutter
  // Entities with at least one mention outside the clutter, by type.
  size_t people = 0;
  size_t organizations = 0;
  size_t locations = 0;
  size_t misc = 0;
};

struct Warning {
  std::string code;     // "invalid-utf8", "truncated-kinds"
  std::string message;
};

struct Report {
  std::string text;  // the inspected text, valid UTF-8 (repaired if the input was not)
  Layout layout;
  std::vector<Entity> entities;
  std::vector<Figure> figures;
  std::vector<Quote> quotes;
  std::vector<Source> sources;
  std::vector<Check> checks;
  Stats stats;
  std::vector<Warning> warnings;
};

}  // namespace ai
