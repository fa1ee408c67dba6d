// bindings.cc — the C ABI the JavaScript wrapper (wasm/inspector-api.cjs) calls. It only
// translates: bytes and JSON in, one result buffer out. The text arrives as
// UTF-8 bytes the wrapper wrote into the heap with TextEncoder.encodeInto,
// which is ~40x faster for large inputs than embind's std::string.
//
// Result buffer layout, owned by the caller, released with free():
//   uint32 status (0 = ok: payload is the report JSON; 1 = error: payload is a message)
//   uint32 payload length in bytes
//   payload bytes (UTF-8)
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

}  // namespace

extern "C" {

// Creates an inspector with the built-in model. On failure returns null and,
// if `error_out` is not null, stores a result buffer holding the message.
ai::Inspector* ai_create(uint8_t** error_out) {
  ai::Result<ai::Inspector> made = ai::Inspector::create({});
  if (!made.ok()) {
    if (error_out != nullptr) *error_out = make_result(1, made.error());
    return nullptr;
  }
  return new ai::Inspector(std::move(made).value());
}

void ai_destroy(ai::Inspector* inspector) { delete inspector; }

// Inspects `length` bytes at `text` with options given as JSON (may be empty).
// Returns a result buffer (see the top of this file), or null when out of memory.
uint8_t* ai_inspect(const ai::Inspector* inspector, const char* text, size_t length, const char* options,
                    size_t options_length) {
  ai::Result<ai::ParsedOptions> parsed = ai::parse_options_json(std::string_view(options, options_length));
  if (!parsed.ok()) return make_result(1, parsed.error());
  try {
    ai::Result<ai::Report> report = inspector->inspect(std::string_view(text, length), parsed.value().inspect);
    if (!report.ok()) return make_result(1, report.error());
    return make_result(0, ai::report_to_json(report.value(), parsed.value().offsets));
  } catch (const std::bad_alloc&) {
    // The wasm heap is capped at 4 GB; the caller gets an error, not an abort.
    return make_result(1, "out of memory: the text is too large to inspect in this environment");
  }
}

const char* ai_version() { return ai::Inspector::version(); }

// Bytes currently allocated on the heap (dlmalloc's own count). For the
// package's tests, which check that inspecting leaves nothing behind.
size_t ai_heap_bytes_in_use() { return mallinfo().uordblks; }

}  // extern "C"
