#include "units.h"

#include <vector>

namespace ai {
namespace {

constexpr double kMinute = 60, kHour = 3600, kDay = 86400;

// Canonical units. Conversions: international mile and foot, US gallon,
// oil barrel, short ton for "ton" (tonnes are metric), day = 86,400 s,
// month = 30 days, year = 365 days.
const Unit kUnits[] = {
    {"mm", Dimension::kLength, 0.001},         {"cm", Dimension::kLength, 0.01},
    {"m", Dimension::kLength, 1},              {"km", Dimension::kLength, 1000},
    {"in", Dimension::kLength, 0.0254},        {"ft", Dimension::kLength, 0.3048},
    {"yd", Dimension::kLength, 0.9144},        {"mi", Dimension::kLength, 1609.344},
    {"nmi", Dimension::kLength, 1852},         {"m2", Dimension::kArea, 1},
    {"km2", Dimension::kArea, 1e6},            {"ft2", Dimension::kArea, 0.09290304},
    {"mi2", Dimension::kArea, 2589988.110336}, {"ha", Dimension::kArea, 1e4},
    {"acre", Dimension::kArea, 4046.8564224},  {"ml", Dimension::kVolume, 0.001},
    {"l", Dimension::kVolume, 1},              {"m3", Dimension::kVolume, 1000},
    {"gal", Dimension::kVolume, 3.785411784},  {"bbl", Dimension::kVolume, 158.987294928},
    {"pt", Dimension::kVolume, 0.56826125},    {"mg", Dimension::kMass, 1e-6},
    {"g", Dimension::kMass, 0.001},            {"kg", Dimension::kMass, 1},
    {"t", Dimension::kMass, 1000},             {"ton", Dimension::kMass, 907.18474},
    {"lb", Dimension::kMass, 0.45359237},      {"oz", Dimension::kMass, 0.028349523125},
    {"st", Dimension::kMass, 6.35029318},      {"m/s", Dimension::kSpeed, 1},
    {"km/h", Dimension::kSpeed, 1 / 3.6},      {"mph", Dimension::kSpeed, 0.44704},
    {"kn", Dimension::kSpeed, 1852 / 3600.0},  {"C", Dimension::kTemperature, 1},
    {"F", Dimension::kTemperature, 5 / 9.0, -160 / 9.0},
    {"J", Dimension::kEnergy, 1},              {"kJ", Dimension::kEnergy, 1e3},
    {"MJ", Dimension::kEnergy, 1e6},           {"kcal", Dimension::kEnergy, 4184},
    {"kWh", Dimension::kEnergy, 3.6e6},        {"MWh", Dimension::kEnergy, 3.6e9},
    {"GWh", Dimension::kEnergy, 3.6e12},       {"TWh", Dimension::kEnergy, 3.6e15},
    {"W", Dimension::kPower, 1},               {"kW", Dimension::kPower, 1e3},
    {"MW", Dimension::kPower, 1e6},            {"GW", Dimension::kPower, 1e9},
    {"hp", Dimension::kPower, 745.69987158227},
    {"B", Dimension::kData, 1},                {"KB", Dimension::kData, 1e3},
    {"MB", Dimension::kData, 1e6},             {"GB", Dimension::kData, 1e9},
    {"TB", Dimension::kData, 1e12},            {"PB", Dimension::kData, 1e15},
    {"bit/s", Dimension::kBitrate, 1},         {"kbit/s", Dimension::kBitrate, 1e3},
    {"Mbit/s", Dimension::kBitrate, 1e6},      {"Gbit/s", Dimension::kBitrate, 1e9},
    {"s", Dimension::kDuration, 1},            {"min", Dimension::kDuration, kMinute},
    {"h", Dimension::kDuration, kHour},        {"day", Dimension::kDuration, kDay},
    {"week", Dimension::kDuration, 7 * kDay},  {"fortnight", Dimension::kDuration, 14 * kDay},
    {"month", Dimension::kDuration, 30 * kDay}, {"year", Dimension::kDuration, 365 * kDay},
    {"decade", Dimension::kDuration, 3650 * kDay}, {"century", Dimension::kDuration, 36500 * kDay},
    {"millennium", Dimension::kDuration, 365000 * kDay},
    {"deg", Dimension::kAngle, 1},
    {"%", Dimension::kPercent, 1},             {"pp", Dimension::kPercentagePoint, 1},
    {"bp", Dimension::kBasisPoint, 1},         {"times", Dimension::kTimes, 1},
};

struct Spelling {
  const char* written;
  const char* code;
};

// Words that name a unit on their own (after a number, or in a compound).
const Spelling kWords[] = {
    {"mm", "mm"}, {"millimetre", "mm"}, {"millimetres", "mm"}, {"millimeter", "mm"}, {"millimeters", "mm"},
    {"cm", "cm"}, {"centimetre", "cm"}, {"centimetres", "cm"}, {"centimeter", "cm"}, {"centimeters", "cm"},
    {"m", "m"}, {"metre", "m"}, {"metres", "m"}, {"meter", "m"}, {"meters", "m"},
    {"km", "km"}, {"kms", "km"}, {"kilometre", "km"}, {"kilometres", "km"}, {"kilometer", "km"}, {"kilometers", "km"},
    {"inch", "in"}, {"inches", "in"}, {"ft", "ft"}, {"foot", "ft"}, {"feet", "ft"},
    {"yd", "yd"}, {"yard", "yd"}, {"yards", "yd"}, {"mi", "mi"}, {"mile", "mi"}, {"miles", "mi"},
    {"nmi", "nmi"},
    {"km2", "km2"}, {"m2", "m2"}, {"hectare", "ha"}, {"hectares", "ha"}, {"ha", "ha"}, {"acre", "acre"}, {"acres", "acre"},
    {"ml", "ml"}, {"millilitre", "ml"}, {"millilitres", "ml"}, {"milliliter", "ml"}, {"milliliters", "ml"},
    {"litre", "l"}, {"litres", "l"}, {"liter", "l"}, {"liters", "l"}, {"m3", "m3"},
    {"gallon", "gal"}, {"gallons", "gal"}, {"barrel", "bbl"}, {"barrels", "bbl"}, {"bbl", "bbl"},
    {"pint", "pt"}, {"pints", "pt"},
    {"mg", "mg"}, {"milligram", "mg"}, {"milligrams", "mg"}, {"g", "g"}, {"gram", "g"}, {"grams", "g"},
    {"kg", "kg"}, {"kgs", "kg"}, {"kilogram", "kg"}, {"kilograms", "kg"}, {"kilo", "kg"}, {"kilos", "kg"},
    {"tonne", "t"}, {"tonnes", "t"}, {"ton", "ton"}, {"tons", "ton"}, {"lb", "lb"}, {"lbs", "lb"},
    {"oz", "oz"}, {"ounce", "oz"}, {"ounces", "oz"}, {"stone", "st"},
    {"mph", "mph"}, {"kph", "km/h"}, {"kmh", "km/h"}, {"kmph", "km/h"}, {"knot", "kn"}, {"knots", "kn"},
    {"celsius", "C"}, {"centigrade", "C"}, {"fahrenheit", "F"},
    {"joule", "J"}, {"joules", "J"}, {"kj", "kJ"}, {"kilojoules", "kJ"}, {"mj", "MJ"}, {"megajoules", "MJ"},
    {"kcal", "kcal"}, {"calories", "kcal"}, {"kwh", "kWh"}, {"mwh", "MWh"}, {"gwh", "GWh"}, {"twh", "TWh"},
    {"watt", "W"}, {"watts", "W"}, {"kw", "kW"}, {"kilowatt", "kW"}, {"kilowatts", "kW"},
    {"mw", "MW"}, {"megawatt", "MW"}, {"megawatts", "MW"}, {"gw", "GW"}, {"gigawatt", "GW"}, {"gigawatts", "GW"},
    {"hp", "hp"}, {"horsepower", "hp"}, {"bhp", "hp"},
    {"byte", "B"}, {"bytes", "B"}, {"kb", "KB"}, {"kilobytes", "KB"}, {"mb", "MB"}, {"megabytes", "MB"},
    {"gb", "GB"}, {"gigabyte", "GB"}, {"gigabytes", "GB"}, {"tb", "TB"}, {"terabyte", "TB"}, {"terabytes", "TB"},
    {"pb", "PB"}, {"petabytes", "PB"},
    {"bps", "bit/s"}, {"kbps", "kbit/s"}, {"mbps", "Mbit/s"}, {"gbps", "Gbit/s"},
    {"second", "s"}, {"seconds", "s"}, {"sec", "s"}, {"secs", "s"},
    {"minute", "min"}, {"minutes", "min"}, {"min", "min"}, {"mins", "min"},
    {"hour", "h"}, {"hours", "h"}, {"hr", "h"}, {"hrs", "h"},
    {"day", "day"}, {"days", "day"}, {"week", "week"}, {"weeks", "week"}, {"fortnight", "fortnight"},
    {"fortnights", "fortnight"}, {"month", "month"}, {"months", "month"}, {"year", "year"}, {"years", "year"},
    {"yr", "year"}, {"yrs", "year"}, {"decade", "decade"}, {"decades", "decade"}, {"century", "century"},
    {"centuries", "century"}, {"millennium", "millennium"}, {"millennia", "millennium"},
    {"degrees", "deg"}, {"degree", "deg"},
    {"percent", "%"}, {"pct", "%"}, {"times", "times"}, {"fold", "times"},
};

// Suffixes glued to digits: "20ft", "5km", "35C", "24h", "10mph", "100MW".
const Spelling kSuffixes[] = {
    {"mm", "mm"}, {"cm", "cm"}, {"km", "km"}, {"ft", "ft"}, {"in", "in"}, {"mi", "mi"}, {"kg", "kg"}, {"g", "g"},
    {"mg", "mg"}, {"lb", "lb"}, {"lbs", "lb"}, {"oz", "oz"}, {"t", "t"}, {"ml", "ml"}, {"l", "l"},
    {"mph", "mph"}, {"kph", "km/h"}, {"kmh", "km/h"}, {"c", "C"}, {"f", "F"}, {"kwh", "kWh"}, {"mwh", "MWh"},
    {"gwh", "GWh"}, {"twh", "TWh"}, {"kw", "kW"}, {"mw", "MW"}, {"gw", "GW"}, {"hp", "hp"}, {"bhp", "hp"},
    {"kb", "KB"}, {"mb", "MB"}, {"gb", "GB"}, {"tb", "TB"}, {"kbps", "kbit/s"}, {"mbps", "Mbit/s"},
    {"gbps", "Gbit/s"}, {"h", "h"}, {"hr", "h"}, {"hrs", "h"}, {"min", "min"}, {"mins", "min"}, {"sec", "s"},
    {"secs", "s"}, {"yr", "year"}, {"yrs", "year"}, {"pc", "%"}, {"x", "times"}, {"fold", "times"},
};

struct CurrencySpelling {
  const char* written;
  Currency currency;
};

const CurrencySpelling kSymbols[] = {
    {"$", {"USD"}}, {"\xC2\xA3", {"GBP"}}, {"\xE2\x82\xAC", {"EUR"}}, {"\xC2\xA5", {"JPY"}},
    {"\xE2\x82\xB9", {"INR"}}, {"\xE2\x82\xBD", {"RUB"}}, {"\xE2\x82\xB8", {"KZT"}}, {"\xE2\x82\xA9", {"KRW"}},
    {"\xE2\x82\xBA", {"TRY"}}, {"\xE2\x82\xB4", {"UAH"}}, {"\xE2\x82\xA6", {"NGN"}}, {"\xE2\x82\xB1", {"PHP"}},
};

const CurrencySpelling kDollarPrefixes[] = {
    {"US", {"USD"}}, {"A", {"AUD"}}, {"AU", {"AUD"}}, {"C", {"CAD"}}, {"CA", {"CAD"}}, {"Can", {"CAD"}},
    {"HK", {"HKD"}}, {"NZ", {"NZD"}}, {"S", {"SGD"}}, {"R", {"BRL"}}, {"NT", {"TWD"}}, {"Z", {"ZWL"}},
};

const CurrencySpelling kCodes[] = {
    {"USD", {"USD"}}, {"EUR", {"EUR"}}, {"GBP", {"GBP"}}, {"JPY", {"JPY"}}, {"CNY", {"CNY"}}, {"RMB", {"CNY"}},
    {"RUB", {"RUB"}}, {"KZT", {"KZT"}}, {"INR", {"INR"}}, {"CHF", {"CHF"}}, {"AUD", {"AUD"}}, {"CAD", {"CAD"}},
    {"HKD", {"HKD"}}, {"NZD", {"NZD"}}, {"SGD", {"SGD"}}, {"BRL", {"BRL"}}, {"ZAR", {"ZAR"}}, {"TRY", {"TRY"}},
    {"UAH", {"UAH"}}, {"KRW", {"KRW"}}, {"SEK", {"SEK"}}, {"NOK", {"NOK"}}, {"DKK", {"DKK"}}, {"PLN", {"PLN"}},
    {"MXN", {"MXN"}}, {"NGN", {"NGN"}}, {"Rs", {"INR"}}, {"Rs.", {"INR"}},
};

const CurrencySpelling kCurrencyWords[] = {
    {"dollar", {"USD"}}, {"dollars", {"USD"}}, {"euro", {"EUR"}}, {"euros", {"EUR"}}, {"pound", {"GBP"}},
    {"pounds", {"GBP"}}, {"sterling", {"GBP"}}, {"yen", {"JPY"}}, {"yuan", {"CNY"}}, {"renminbi", {"CNY"}},
    {"rouble", {"RUB"}}, {"roubles", {"RUB"}}, {"ruble", {"RUB"}}, {"rubles", {"RUB"}}, {"tenge", {"KZT"}},
    {"rupee", {"INR"}}, {"rupees", {"INR"}}, {"franc", {"CHF"}}, {"francs", {"CHF"}}, {"lira", {"TRY"}},
    {"hryvnia", {"UAH"}}, {"hryvnias", {"UAH"}}, {"naira", {"NGN"}}, {"rand", {"ZAR"}}, {"krona", {"SEK"}},
    {"kronor", {"SEK"}}, {"cent", {"cent"}}, {"cents", {"cent"}}, {"pence", {"pence"}}, {"penny", {"pence"}},
    {"p", {"pence"}},      {"rupiah", {"IDR"}},   {"ringgit", {"MYR"}},  {"baht", {"THB"}},
    {"peso", {"MXN"}},     {"pesos", {"MXN"}},    {"shekel", {"ILS"}},   {"shekels", {"ILS"}},
    {"riyal", {"SAR"}},    {"riyals", {"SAR"}},   {"dirham", {"AED"}},   {"dirhams", {"AED"}},
    {"zloty", {"PLN"}},    {"zlotys", {"PLN"}},   {"krone", {"DKK"}},    {"kroner", {"NOK"}},
    {"forint", {"HUF"}},   {"bucks", {"USD"}},    {"quid", {"GBP"}},   {"shilling", {"KES"}}, {"shillings", {"KES"}},
};

template <typename Table>
auto lookup(const Table& table, std::string_view key) -> decltype(&table[0]) {
  for (const auto& entry : table)
    if (key == entry.written) return &entry;
  return nullptr;
}

}  // namespace

const char* base_unit_code(Dimension dimension) {
  switch (dimension) {
    case Dimension::kLength: return "m";
    case Dimension::kArea: return "m2";
    case Dimension::kVolume: return "l";
    case Dimension::kMass: return "kg";
    case Dimension::kSpeed: return "m/s";
    case Dimension::kTemperature: return "C";
    case Dimension::kEnergy: return "J";
    case Dimension::kPower: return "W";
    case Dimension::kData: return "B";
    case Dimension::kBitrate: return "bit/s";
    case Dimension::kDuration: return "s";
    case Dimension::kAngle: return "deg";
    case Dimension::kPercent:
    case Dimension::kPercentagePoint:
    case Dimension::kBasisPoint:
    case Dimension::kTimes: return "";
  }
  return "";
}

const Unit* unit_by_code(std::string_view code) {
  // The codes measured once: comparing with each const char* would take a strlen per unit.
  static const std::vector<std::string_view> kCodes = [] {
    std::vector<std::string_view> codes;
    for (const Unit& u : kUnits) codes.emplace_back(u.code);
    return codes;
  }();
  for (size_t i = 0; i < kCodes.size(); ++i)
    if (code == kCodes[i]) return &kUnits[i];
  return nullptr;
}

const Unit* find_unit(std::string_view lower) {
  const Spelling* s = lookup(kWords, lower);
  return s ? unit_by_code(s->code) : nullptr;
}

const Unit* find_suffix_unit(std::string_view lower) {
  const Spelling* s = lookup(kSuffixes, lower);
  return s ? unit_by_code(s->code) : nullptr;
}

const Currency* find_currency_symbol(std::string_view symbol) {
  const CurrencySpelling* s = lookup(kSymbols, symbol);
  return s ? &s->currency : nullptr;
}
const Currency* find_dollar_prefix(std::string_view letters) {
  const CurrencySpelling* s = lookup(kDollarPrefixes, letters);
  return s ? &s->currency : nullptr;
}
const Currency* find_currency_code(std::string_view word) {
  const CurrencySpelling* s = lookup(kCodes, word);
  return s ? &s->currency : nullptr;
}
const Currency* find_currency_word(std::string_view lower) {
  const CurrencySpelling* s = lookup(kCurrencyWords, lower);
  return s ? &s->currency : nullptr;
}

}  // namespace ai
