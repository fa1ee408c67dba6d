// bindings.cc — the C ABI the JavaScript wrapper (wasm/inspector-api.cjs) calls. It only
// translates: bytes and JSON in, one result buffer out. The text arrives as
// UTF-8 bytes the wrapper wrote into the heap with TextEncoder.encodeInto,
// which is ~40x faster for large inputs than embind's std::string.
//
// Result buffer layout, owned by the caller, released with free():
//   uint32 status (0 = ok: payload is the report, as JSON or as a tape; 1 = error: payload is a message)
//   uint32 payload length in bytes
//   payload bytes (UTF-8 text, or the tape of core/tape_writer.h)
#include <malloc.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "inspector.h"
#include "options_json.h"
#include "report_json.h"

namespace {

uint8_t* make_result(uint32_t status, const std::string& payload) {
  const auto length = static_cast<uint32_t>(payload.size());
  auto* buffer = static_cast<uint8_t*>(std::malloc(8 + payload.size()));
  if (buffer == nullptr) return nullptr;
  std::memcpy(buffer, &status, 4);
  std::memcpy(buffer + 4, &length, 4);
  std::memcpy(buffer + 8, payload.data(), payload.size());
  return buffer;
}

// Inspects `length` bytes at `text` with options given as JSON (may be empty)
// and writes the report with `write`. Returns a result buffer (see the top of
// this file), or null when out of memory.
template <typename WriteReport>
uint8_t* inspect_into_result(const ai::Inspector* inspector, const char* text, size_t length, const char* options,
                             size_t options_length, WriteReport&& write) {
  // No options (the usual call) means the defaults, which is what the parser
  // gives for an empty text; skipping it spares a cold start compiling it.
  ai::Result<ai::ParsedOptions> parsed = options_length == 0 ? ai::Result<ai::ParsedOptions>(ai::ParsedOptions{})
                                                             : ai::parse_options_json(std::string_view(options, options_length));
  if (!parsed.ok()) return make_result(1, parsed.error());
  try {
    ai::Result<ai::Report> report = inspector->inspect(std::string_view(text, length), parsed.value().inspect);
    if (!report.ok()) return make_result(1, report.error());
    return make_result(0, write(report.value(), parsed.value().offsets));
  } catch (const std::bad_alloc&) {
    // The wasm heap is capped at 4 GB; the caller gets an error, not an abort.
    return make_result(1, "out of memory: the text is too large to inspect in this environment");
  }
}

// The inspector with the built-in model, made by a global constructor rather
// than by ai_create: the build runs the module's constructors once and stores
// the memory they leave as the module's data (scripts/snapshot-wasm.js), so a
// start neither loads the model nor compiles the code that would load it.
ai::Result<ai::Inspector> builtin_inspector = ai::Inspector::create({});

}  // namespace

extern "C" {

// Hands out the inspector with the built-in model (every caller gets the same
// one: inspect is const, and wasm here has no threads). On failure returns
// null and, if `error_out` is not null, stores a result buffer holding the message.
ai::Inspector* ai_create(uint8_t** error_out) {
  if (!builtin_inspector.ok()) {
    if (error_out != nullptr) *error_out = make_result(1, builtin_inspector.error());
    return nullptr;
  }
  return &builtin_inspector.value();
}

// Releases an inspector from ai_create. The shared built-in one lives as long
// as the module, so there is nothing to release.
void ai_destroy(ai::Inspector*) {}

// Inspects `length` bytes at `text` with options given as JSON (may be empty,
// and then `options` may be null).
// Returns a result buffer whose payload is the report JSON, or null when out of memory.
uint8_t* ai_inspect(const ai::Inspector* inspector, const char* text, size_t length, const char* options,
                    size_t options_length) {
  return inspect_into_result(inspector, text, length, options, options_length,
                             [](const ai::Report& report, ai::OffsetUnit unit) { return ai::report_to_json(report, unit); });
}

// Like ai_inspect, but the payload is the report as a tape (core/tape_writer.h,
// keys indexing ai_report_tape_keys()). `text_is_js_string` is nonzero when
// the caller wrote `text` with TextEncoder from a string it keeps: span texts
// then come as slices of that string where they can (see report_json.h).
uint8_t* ai_inspect_tape(const ai::Inspector* inspector, const char* text, size_t length, const char* options,
                         size_t options_length, int text_is_js_string) {
  const ai::TapeSpanTexts span_texts = text_is_js_string ? ai::TapeSpanTexts::kSliceWhenWhole : ai::TapeSpanTexts::kBytes;
  return inspect_into_result(inspector, text, length, options, options_length,
                             [span_texts](const ai::Report& report, ai::OffsetUnit unit) {
                               return ai::report_to_tape(report, unit, span_texts);
                             });
}

// The tape's key table as a NUL-terminated JSON array of strings.
const char* ai_report_tape_keys() { return ai::report_tape_keys_json().data(); }

const char* ai_version() { return ai::Inspector::version(); }

// Bytes currently allocated on the heap (dlmalloc's own count). For the
// package's tests, which check that inspecting leaves nothing behind.
size_t ai_heap_bytes_in_use() { return mallinfo().uordblks; }

}  // extern "C"
