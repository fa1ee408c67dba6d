// fuzz_options.cc — parse_options_json on any bytes: an error value or
// options, never an exception or a crash (the options come from callers of
// the npm package and the CLI, so they are untrusted).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fuzz_check.h"
#include "options_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view json(reinterpret_cast<const char*>(data), size);
  const ai::Result<ai::ParsedOptions> parsed = ai::parse_options_json(json);
  FUZZ_CHECK(parsed.ok() != !parsed.error().empty());
  if (parsed.ok() && parsed.value().inspect.reference_date) {
    const ai::CivilDate& d = *parsed.value().inspect.reference_date;
    FUZZ_CHECK(d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31);
  }
  return 0;
}
