// fuzz_numbers.cc — the number and calendar readers the figure finder builds on.
//
// Properties: read_numeral never reads past its input, reads the same value
// from its own prefix, agrees with strtod whenever the numeral has at most 15
// significant digits, and never yields NaN or a negative value; number_word,
// month_number and weekday_number take any bytes; the calendar round-trips
// every day within a million days of 1970 and every valid date.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

#include "dates.h"
#include "fuzz_check.h"
#include "numbers.h"

namespace {

void check_numeral(std::string_view text) {
  const ai::Numeral n = ai::read_numeral(text);
  FUZZ_CHECK(n.length <= text.size());
  if (n.length == 0) return;
  FUZZ_CHECK(n.integer_digits + n.decimals >= 1);
  FUZZ_CHECK(!std::isnan(n.value) && n.value >= 0 && n.step >= 0);
  const ai::Numeral again = ai::read_numeral(text.substr(0, n.length));
  FUZZ_CHECK(again.length == n.length && again.value == n.value);

  std::string digits;
  for (char c : text.substr(0, n.length))
    if (c != ',') digits += c;
  if (n.integer_digits + n.decimals <= 15) {
    const double expected = std::strtod(digits.c_str(), nullptr);
    FUZZ_CHECK(std::fabs(n.value - expected) <= 1e-9 * std::fmax(1.0, expected));
  }
}

int32_t read_int(const uint8_t* data) {
  int32_t value;
  std::memcpy(&value, data, sizeof value);
  return value;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  for (size_t start = 0; start < text.size() && start < 64; ++start) check_numeral(text.substr(start));
  check_numeral(text);

  std::string lower(text.substr(0, 32));
  for (char& c : lower) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c + 32) : c;
  if (const ai::NumberWord* word = ai::number_word(lower)) FUZZ_CHECK(std::isfinite(word->value));
  const int month = ai::month_number(lower);
  FUZZ_CHECK(month >= 0 && month <= 12);
  const int weekday = ai::weekday_number(lower);
  FUZZ_CHECK(weekday >= -1 && weekday <= 6);

  if (size >= 12) {
    const long days = read_int(data) % 1000000;
    const ai::CivilDate date = ai::civil_from_days(days);
    FUZZ_CHECK(ai::is_valid_date(date));
    FUZZ_CHECK(ai::days_from_civil(date) == days);
    const int day_of_week = ai::weekday_of(date);
    FUZZ_CHECK(day_of_week >= 0 && day_of_week <= 6);
    FUZZ_CHECK(ai::iso_week(date).size() >= 8);
    const ai::CivilDate tomorrow = ai::add_days(date, 1);
    FUZZ_CHECK(ai::days_from_civil(tomorrow) == days + 1);

    const ai::CivilDate given{read_int(data + 4) % 4000, read_int(data + 8) % 16, data[11] % 40};
    if (ai::is_valid_date(given)) {
      const ai::CivilDate back = ai::civil_from_days(ai::days_from_civil(given));
      FUZZ_CHECK(back.year == given.year && back.month == given.month && back.day == given.day);
    }
    FUZZ_CHECK(ai::days_in_month(given.year, given.month) >= 0 && ai::days_in_month(given.year, given.month) <= 31);
  }
  return 0;
}
