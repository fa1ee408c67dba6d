// figures.h — every figure an article states, with its value resolved.
//
// A *figure* is a stated quantity: a count ("12 police officers"), money
// ("$1.13bn"), a percent ("8 per cent"), a measure ("4,700 miles"), a date
// ("5 January 2022"), a time, a duration ("three decades"), an ordinal, an
// age, a ratio ("doubling") or a range ("10-15"). `FigureFinder::find` scans a
// Document and returns them sorted by start offset, never overlapping.
//
// Usage:
//
//   ai::Result<ai::FigureFinder> made = ai::FigureFinder::create();
//   std::vector<ai::Figure> figures = made.value().find(doc, {});
//   for (const ai::Figure& f : figures) printf("%s = %g\n", kind_name(f.kind), f.value);
//
// Value conventions: `value` is the amount as written, in its own unit, with
// multipliers applied ("$1.13bn" -> 1.13e9 USD, "45%" -> 45 "%", "three
// decades" -> 3 "decade"). `normalized` converts to a base unit where that
// means something (metres, kilograms, m2, litres, Celsius, seconds); money
// stays in its currency. Bounds: "more than 300" -> [300, inf), "up to 40"
// -> [0, 40], "dozens" -> [24, inf), "10-15" -> [10, 15].
//
// Dates and times carry their resolution in `date` (a calendar day) or
// `date_text` (ISO: "2022-01", "--01-05" when the year is unknown, "1990s",
// "2004/2005", "2021-W52", "T23:45"); `value` is the year when one is stated,
// else the day of month, month (1-12), weekday (1-7, Monday = 1) or relative
// offset ("last week" -> -1, unit "week"). Clock times have `value` in hours.
// Relative expressions and weekdays resolve only against
// FigureOptions::reference_date.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "result.h"
#include "text.h"

namespace ai {

enum class FigureKind { kCount, kMoney, kPercent, kMeasure, kDate, kTime, kDuration, kOrdinal, kAge, kRatio, kRange, kNumber };

// The report's name for a kind: "count", "money", ...
const char* figure_kind_name(FigureKind kind);

// A calendar date, as given by the caller or found in the text.
struct CivilDate {
  int year = 0;
  int month = 0;  // 1-12
  int day = 0;    // 1-31
};

// A value that is either exact (min == max) or bounded. Unbounded sides are
// +-infinity ("more than 5" -> [5, inf), with `exclusive_min`).
struct Amount {
  double min = 0;
  double max = 0;
  bool is_range() const { return min != max; }
};

struct Figure {
  Span span;
  FigureKind kind = FigureKind::kNumber;
  Amount value;
  std::string unit;                    // canonical code: "km", "mi", "USD", "%", "day", "decade"; empty for a bare count
  std::optional<Amount> normalized;    // in `normalized_unit`
  std::string normalized_unit;         // "m", "kg", "m2", "l", "C", "s", ...
  bool approx = false;                 // "about", "some", "nearly", fuzzy amounts like "dozens"
  std::string qualifier;               // the qualifier as written, lower-cased: "about", "more than"
  std::string counted;                 // what is counted or measured: "police officers", "injured"
  std::optional<Span> counted_span;
  std::optional<CivilDate> date;       // resolved calendar date (kind date) when known
  std::string date_text;               // ISO form of a resolved date or period: "2022-01-05", "1990s"
  double step = 1;                     // place value of the last stated digit, in `unit`: "4,700" -> 100
};

struct FigureOptions {
  std::optional<CivilDate> reference_date;  // resolves "last week", "Thursday"
  bool phone_numbers = false;               // report phone numbers and IP addresses as figures (kind number,
                                            // unit "tel" or "ip"); otherwise they are skipped whole
};

// A consistency check between figures, reported in `checks`.
struct Check {
  std::string kind;     // "unit-conversion", "change", "repeated-figure"
  bool ok = true;
  std::string message;  // what was computed, so a reader can verify it
  std::vector<Span> spans;
};

class FigureFinder {
 public:
  // Compiles the patterns and tables. Fails only if a built-in pattern does
  // not compile, which the tests rule out; the error names the pattern.
  static Result<FigureFinder> create();

  // Returns the figures of `doc`, sorted by start, non-overlapping.
  // Const and thread-safe; linear in the size of the text.
  std::vector<Figure> find(const Document& doc, const FigureOptions& options) const;

  FigureFinder(FigureFinder&&) noexcept;
  FigureFinder& operator=(FigureFinder&&) noexcept;
  ~FigureFinder();

 private:
  struct Impl;
  explicit FigureFinder(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// Recomputes what the figures claim about each other (unit pairs, changes
// with endpoints, repeated figures) and returns one Check per relation found.
std::vector<Check> check_figures(const Document& doc, const std::vector<Figure>& figures);

}  // namespace ai
