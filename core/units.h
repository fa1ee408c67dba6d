// units.h — the units and currencies figures are stated in.
//
// Each unit has a canonical code (what the report shows as `unit`), a
// dimension, and a linear conversion to the dimension's base unit (what the
// report shows as `normalized`):
//
//   const ai::Unit* u = ai::find_unit("miles");   // code "mi", length, 1609.344 m
//   double metres = u->to_base(4700);              // 7563916.8
//
//   const ai::Currency* c = ai::find_currency_symbol("£");   // code "GBP"
//
// Base units: m, m2, l, kg, m/s, C, J, W, B (bytes), bit/s, s, deg ("degrees"
// with no scale named: an angle, or a temperature the text leaves open). Money keeps
// its currency; percent and percentage points have no base unit. Lookups take
// the unit as written, lower-cased except where case matters ("MB" is a
// megabyte, "mb" a millibar we do not know, so data sizes match either case
// but single letters never do).
#pragma once

#include <string_view>

namespace ai {

enum class Dimension : unsigned char {
  kLength, kArea, kVolume, kMass, kSpeed, kTemperature, kEnergy, kPower, kData, kBitrate, kDuration, kAngle,
  kPercent, kPercentagePoint, kBasisPoint, kTimes
};

struct Unit {
  const char* code;       // canonical code: "km", "mi", "C", "day", "%"
  Dimension dimension;
  double factor;          // base = value * factor + offset
  double offset = 0;
  double to_base(double value) const { return value * factor + offset; }
  double from_base(double base) const { return (base - offset) / factor; }
};

// The base unit's code for a dimension ("m", "kg", "s"...), or "" when the
// dimension has none (percent, times).
const char* base_unit_code(Dimension dimension);

// The unit a single word names, lower-cased ("km", "miles", "mph", "decades",
// "percent"), or nullptr. Multi-word units ("square miles", "per cent",
// "degrees Celsius") are assembled by the finder from these pieces.
const Unit* find_unit(std::string_view lower);

// Units written as a suffix glued to digits ("20ft", "5km", "35C", "24h"),
// lower-cased. Narrower than find_unit: "m" and "b" are multipliers there.
const Unit* find_suffix_unit(std::string_view lower);

// The named composite units the finder builds: "m2", "km2", "mi2", "ft2",
// "km/h", "mph", "m/s", "pp", "C", "F"...
const Unit* unit_by_code(std::string_view code);

struct Currency {
  const char* code;  // ISO 4217, or "cent" / "pence" for the minor units
};

// "$" -> USD, "£" -> GBP, "€", "¥", "₹", "₽", "₸", "₩", "₺", "₴", "₦", "₱".
const Currency* find_currency_symbol(std::string_view symbol);
// Prefix letters glued to "$": "US" -> USD, "A" -> AUD, "C" -> CAD, "HK" -> HKD, "R" -> BRL...
const Currency* find_dollar_prefix(std::string_view letters);
// Upper-case ISO codes written as words: "USD", "EUR", "GBP", "KZT"...
const Currency* find_currency_code(std::string_view word);
// Currency names, lower-cased: "dollars", "euros", "pounds", "yuan", "tenge", "cents", "pence".
const Currency* find_currency_word(std::string_view lower);

}  // namespace ai
