#include "options_json.h"

#include <nlohmann/json.hpp>

namespace ai {

namespace {

int days_in_month(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

Result<CivilDate> parse_iso_date(std::string_view text) {
  auto digits = [&](size_t from, size_t count, int* out) {
    int value = 0;
    for (size_t i = from; i < from + count; ++i) {
      if (text[i] < '0' || text[i] > '9') return false;
      value = value * 10 + (text[i] - '0');
    }
    *out = value;
    return true;
  };
  CivilDate date;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' || !digits(0, 4, &date.year) || !digits(5, 2, &date.month) ||
      !digits(8, 2, &date.day) || date.month < 1 || date.month > 12 || date.day < 1 ||
      date.day > days_in_month(date.year, date.month)) {
    return Result<CivilDate>::failure("referenceDate must be a date written YYYY-MM-DD, got \"" + std::string(text) + "\"");
  }
  return date;
}

Result<ParsedOptions> parse_options_json(std::string_view text) {
  using nlohmann::json;
  using Failure = Result<ParsedOptions>;
  ParsedOptions parsed;
  if (text.empty()) return parsed;
  const json options = json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  if (options.is_discarded() || !options.is_object()) return Failure::failure("options must be a JSON object");
  for (const auto& [key, value] : options.items()) {
    if (key == "kinds") {
      if (!value.is_array()) return Failure::failure("options.kinds must be an array of strings");
      Kinds kinds{false, false, false, false, false, false};
      for (const json& kind : value) {
        const std::string name = kind.is_string() ? kind.get<std::string>() : std::string();
        if (name == "entities") kinds.entities = true;
        else if (name == "figures") kinds.figures = true;
        else if (name == "quotes") kinds.quotes = true;
        else if (name == "sources") kinds.sources = true;
        else if (name == "boilerplate") kinds.boilerplate = true;
        else if (name == "checks") kinds.checks = true;
        else
          return Failure::failure("options.kinds: unknown kind " + kind.dump() +
                                  " (expected entities, figures, quotes, sources, boilerplate, checks)");
      }
      parsed.inspect.kinds = kinds;
    } else if (key == "referenceDate") {
      if (value.is_null()) continue;
      if (!value.is_string()) return Failure::failure("options.referenceDate must be a string YYYY-MM-DD");
      Result<CivilDate> date = parse_iso_date(value.get<std::string>());
      if (!date.ok()) return Failure::failure("options." + date.error());
      parsed.inspect.reference_date = date.value();
    } else if (key == "offsets") {
      const std::string unit = value.is_string() ? value.get<std::string>() : std::string();
      if (unit == "utf16") parsed.offsets = OffsetUnit::kUtf16;
      else if (unit == "codepoint") parsed.offsets = OffsetUnit::kCodePoint;
      else if (unit == "byte") parsed.offsets = OffsetUnit::kByte;
      else return Failure::failure("options.offsets must be \"utf16\", \"codepoint\" or \"byte\"");
    } else if (key == "phoneNumbers") {
      if (!value.is_boolean()) return Failure::failure("options.phoneNumbers must be a boolean");
      parsed.inspect.phone_numbers = value.get<bool>();
    } else {
      return Failure::failure("unknown option \"" + key + "\"");
    }
  }
  return parsed;
}

}  // namespace ai
