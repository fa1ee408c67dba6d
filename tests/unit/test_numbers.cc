// The readers under the figure finder: numerals, number words, units,
// currencies and the calendar.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <string>

#include "dates.h"
#include "numbers.h"
#include "units.h"

TEST_CASE("read_numeral reads digits, groups and decimals", "[numbers]") {
  struct Case {
    const char* text;
    double value;
    double step;
    size_t length;
  };
  const Case cases[] = {
      {"2,000", 2000, 100, 5},         {"4,700", 4700, 100, 5},       {"1.13", 1.13, 0.01, 4},
      {".25", 0.25, 0.01, 3},          {"464,000", 464000, 1000, 7},  {"1,234,567.89", 1234567.89, 0.01, 12},
      {"10", 10, 1, 2},                {"7", 7, 1, 1},                {"0", 0, 1, 1},
      {"600m", 600, 10, 3},            {"1.5bn", 1.5, 0.1, 3},        {"2004-05", 2004, 1, 4},
      {"1,2", 1, 1, 1},                {"1,23", 1, 1, 1},             {"1,2345", 1, 1, 1},
      {"3.", 3, 1, 1},                 {"12.50", 12.5, 0.01, 5},      {"100", 100, 10, 3},
      {"1.2.3", 1.2, 0.1, 3},          {"007", 7, 1, 3},
  };
  for (const Case& c : cases) {
    INFO(c.text);
    const ai::Numeral n = ai::read_numeral(c.text);
    CHECK(n.value == Approx(c.value));
    CHECK(n.step == Approx(c.step));
    CHECK(n.length == c.length);
  }
  for (const char* none : {"", "abc", ".", ",", "-5", ",000", "$5"}) {
    INFO(none);
    CHECK(ai::read_numeral(none).length == 0);
  }
  for (const char* text : {"1.13", "0.1", "10385.48", "3.3", "1234567.89", "0.000001", "99.99"}) {
    INFO(text);
    CHECK(ai::read_numeral(text).value == std::strtod(text, nullptr));  // correctly rounded, like strtod
  }
  CHECK(ai::read_numeral("1.13").scaled(1e9) == 1130000000.0);
  CHECK(ai::read_numeral("4.64").scaled(1e6) == 4640000.0);
  const ai::Numeral grouped = ai::read_numeral("1,000,000");
  CHECK(grouped.grouped);
  CHECK(grouped.integer_digits == 7);
  CHECK_FALSE(ai::read_numeral("1000000").grouped);
}

TEST_CASE("number words", "[numbers]") {
  struct Case {
    const char* word;
    ai::WordKind kind;
    double value;
  };
  const Case cases[] = {
      {"zero", ai::WordKind::kCardinal, 0},    {"twelve", ai::WordKind::kCardinal, 12},
      {"ninety", ai::WordKind::kCardinal, 90}, {"hundred", ai::WordKind::kHundred, 100},
      {"million", ai::WordKind::kScale, 1e6},  {"bn", ai::WordKind::kScale, 1e9},
      {"dozen", ai::WordKind::kDozen, 12},     {"first", ai::WordKind::kOrdinal, 1},
      {"twentieth", ai::WordKind::kOrdinal, 20}, {"half", ai::WordKind::kFraction, 0.5},
      {"quarters", ai::WordKind::kFraction, 0.25},
  };
  for (const Case& c : cases) {
    INFO(c.word);
    const ai::NumberWord* w = ai::number_word(c.word);
    REQUIRE(w != nullptr);
    CHECK(w->kind == c.kind);
    CHECK(w->value == c.value);
  }
  CHECK(ai::number_word("third")->fraction == Approx(1.0 / 3));
  CHECK(ai::number_word("first")->fraction == 0);
  for (const char* none : {"", "a", "Twelve", "tweleve", "onetwo", "none"}) CHECK(ai::number_word(none) == nullptr);
}

TEST_CASE("units convert to their base unit", "[numbers][units]") {
  struct Case {
    const char* word;
    const char* code;
    double value;
    double base;
    const char* base_code;
  };
  const Case cases[] = {
      {"miles", "mi", 4700, 7563916.8, "m"},   {"km", "km", 7.6, 7600, "m"},
      {"feet", "ft", 20, 6.096, "m"},          {"inches", "in", 10, 0.254, "m"},
      {"hectares", "ha", 2, 20000, "m2"},      {"acres", "acre", 1, 4046.8564224, "m2"},
      {"tonnes", "t", 3, 3000, "kg"},          {"lbs", "lb", 10, 4.5359237, "kg"},
      {"litres", "l", 2, 2, "l"},              {"gallons", "gal", 1, 3.785411784, "l"},
      {"mph", "mph", 10, 4.4704, "m/s"},       {"kph", "km/h", 36, 10, "m/s"},
      {"fahrenheit", "F", 212, 100, "C"},      {"celsius", "C", 20, 20, "C"},
      {"kwh", "kWh", 1, 3.6e6, "J"},           {"megawatts", "MW", 2, 2e6, "W"},
      {"gb", "GB", 2, 2e9, "B"},               {"mbps", "Mbit/s", 100, 1e8, "bit/s"},
      {"days", "day", 1, 86400, "s"},          {"weeks", "week", 1, 604800, "s"},
      {"months", "month", 1, 2592000, "s"},    {"years", "year", 1, 31536000, "s"},
      {"decades", "decade", 3, 946080000, "s"}, {"hours", "h", 2, 7200, "s"},
  };
  for (const Case& c : cases) {
    INFO(c.word);
    const ai::Unit* u = ai::find_unit(c.word);
    REQUIRE(u != nullptr);
    CHECK(std::string(u->code) == c.code);
    CHECK(u->to_base(c.value) == Approx(c.base));
    CHECK(u->from_base(u->to_base(c.value)) == Approx(c.value));
    CHECK(std::string(ai::base_unit_code(u->dimension)) == c.base_code);
  }
  CHECK(ai::find_unit("percent")->dimension == ai::Dimension::kPercent);
  CHECK(std::string(ai::base_unit_code(ai::Dimension::kPercent)).empty());
  CHECK(ai::find_unit("police") == nullptr);
  CHECK(ai::find_suffix_unit("ft") == ai::unit_by_code("ft"));
  CHECK(ai::find_suffix_unit("m") == nullptr);  // a multiplier when glued: "600m"
  CHECK(ai::unit_by_code("km2")->to_base(1) == 1e6);
}

TEST_CASE("currencies", "[numbers][units]") {
  CHECK(std::string(ai::find_currency_symbol("$")->code) == "USD");
  CHECK(std::string(ai::find_currency_symbol("\xC2\xA3")->code) == "GBP");
  CHECK(std::string(ai::find_currency_symbol("\xE2\x82\xAC")->code) == "EUR");
  CHECK(std::string(ai::find_currency_symbol("\xE2\x82\xB8")->code) == "KZT");
  CHECK(std::string(ai::find_currency_symbol("\xE2\x82\xBD")->code) == "RUB");
  CHECK(std::string(ai::find_currency_symbol("\xE2\x82\xB9")->code) == "INR");
  CHECK(std::string(ai::find_dollar_prefix("US")->code) == "USD");
  CHECK(std::string(ai::find_dollar_prefix("HK")->code) == "HKD");
  CHECK(std::string(ai::find_currency_code("EUR")->code) == "EUR");
  CHECK(ai::find_currency_code("eur") == nullptr);
  CHECK(std::string(ai::find_currency_word("tenge")->code) == "KZT");
  CHECK(std::string(ai::find_currency_word("cents")->code) == "cent");
  CHECK(ai::find_currency_symbol("#") == nullptr);
}

TEST_CASE("calendar", "[numbers][dates]") {
  CHECK(ai::month_number("january") == 1);
  CHECK(ai::month_number("sept.") == 9);
  CHECK(ai::month_number("dec") == 12);
  CHECK(ai::month_number("mayday") == 0);
  CHECK(ai::weekday_number("thursday") == 3);
  CHECK(ai::weekday_number("sun") == 6);
  CHECK(ai::weekday_number("funday") == -1);
  CHECK(ai::days_in_month(2024, 2) == 29);
  CHECK(ai::days_in_month(2100, 2) == 28);
  CHECK(ai::days_in_month(2000, 2) == 29);
  CHECK(ai::days_in_month(2022, 13) == 0);
  CHECK(ai::is_valid_date({2022, 1, 31}));
  CHECK_FALSE(ai::is_valid_date({2022, 2, 30}));
  CHECK(ai::days_from_civil({1970, 1, 1}) == 0);
  CHECK(ai::days_from_civil({2000, 3, 1}) == 11017);
  CHECK(ai::weekday_of({2022, 1, 6}) == 3);
  CHECK(ai::weekday_of({1969, 12, 31}) == 2);
  const ai::CivilDate back = ai::add_days({2022, 1, 6}, -7);
  CHECK((back.year == 2021 && back.month == 12 && back.day == 30));
  CHECK(ai::iso_week({2022, 1, 6}) == "2022-W01");
  CHECK(ai::iso_week({2021, 1, 3}) == "2020-W53");
  CHECK(ai::iso_week({2024, 12, 30}) == "2025-W01");
  for (long d = -800000; d <= 800000; d += 997) CHECK(ai::days_from_civil(ai::civil_from_days(d)) == d);
}
