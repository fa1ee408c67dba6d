// inspector.h — the core's front door: one call from raw bytes to a Report.
//
// Build an Inspector once (it compiles patterns and loads the entity model),
// then call `inspect` as often as you like, from any number of threads:
//
//   ai::Result<ai::Inspector> made = ai::Inspector::create({});
//   if (!made.ok()) die(made.error());
//   ai::InspectOptions options;
//   options.reference_date = ai::CivilDate{2022, 1, 7};
//   ai::Result<ai::Report> report = made.value().inspect(bytes, options);
//   std::string json = ai::report_to_json(report.value(), ai::OffsetUnit::kUtf16);
//
// `inspect` accepts any bytes. Invalid UTF-8 is repaired as TextDecoder does
// and a warning says so; empty input gives an empty report. Only input over
// `InspectorConfig::max_input_bytes` is refused, with an error value.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "figures.h"
#include "report.h"
#include "result.h"

namespace ai {

struct RepairedText;

// Which parts of the report to compute; skipped parts come back empty.
struct Kinds {
  bool entities = true;
  bool figures = true;
  bool quotes = true;
  bool sources = true;
  bool boilerplate = true;
  bool checks = true;
};

struct InspectOptions {
  Kinds kinds;
  std::optional<CivilDate> reference_date;  // default: the dateline's date, if any
  bool phone_numbers = false;
};

struct InspectorConfig {
  std::string_view ner_model;               // model bytes; empty = the model built into the library
  size_t max_input_bytes = size_t{1} << 30;  // 1 GiB
};

class Inspector {
 public:
  // Fails when the model blob is malformed.
  static Result<Inspector> create(const InspectorConfig& config);

  // Inspects `bytes` (any bytes; UTF-8 expected). Fails only when the input is
  // larger than the configured limit. Const and thread-safe.
  Result<Report> inspect(std::string_view bytes, const InspectOptions& options) const;

  // The same, taking `bytes` over: valid UTF-8 becomes the report's text as
  // it is, where `inspect` copies it, so that a caller done with its input
  // does not hold a second copy of a long text through the inspection.
  Result<Report> inspect_owned(std::string bytes, const InspectOptions& options) const;

  // The library version, "MAJOR.MINOR.PATCH".
  static const char* version();

  Inspector(Inspector&&) noexcept;
  Inspector& operator=(Inspector&&) noexcept;
  ~Inspector();

 private:
  struct Impl;
  explicit Inspector(std::unique_ptr<Impl> impl);
  // The input's size against the limit: the error, or empty.
  std::string size_error(size_t bytes) const;
  Result<Report> inspect_text(RepairedText repaired, const InspectOptions& options) const;
  std::unique_ptr<Impl> impl_;
};

}  // namespace ai
