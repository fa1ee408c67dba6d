// numbers.h — reading numbers written in digits or in English words.
//
// Two small readers the figure finder builds on:
//
//   read_numeral("1,234,567.89kg") -> value 1234567.89, step 0.01, length 12
//   read_numeral(".25")            -> value 0.25, step 0.01
//   read_numeral("4,700")          -> value 4700, step 100 (trailing zeros of
//                                     a whole number may be rounding; the
//                                     first two digits always count)
//
//   number_word("twelve")  -> {kind kCardinal, value 12}
//   number_word("million") -> {kind kScale, value 1e6}
//   number_word("third")   -> {kind kOrdinal, value 3} (also a fraction 1/3)
//
// `step` is the place value of the last significant digit; a reader of the
// figure can only trust it to within half a step, which is what the checks
// in figure_checks.cc allow for. Words are looked up lower-cased.
#pragma once

#include <cstddef>
#include <string_view>

namespace ai {

struct Numeral {
  double value = 0;
  double step = 1;          // place value of the last significant digit
  size_t length = 0;        // bytes of `text` the numeral takes; 0 if none
  int integer_digits = 0;   // digits before the decimal point
  int decimals = 0;         // digits after it
  bool grouped = false;     // had thousands separators: "2,000"
  double digits = 0;        // all the digits as one integer: "1.13" -> 113

  // value * factor, rounded once: "1.13" scaled by 1e9 is exactly 1130000000
  // (value * factor would carry the binary error of 1.13).
  double scaled(double factor) const;
};

// Reads the numeral at the start of `text`: digits with optional comma
// groups of three and one decimal point, or ".25". Stops before anything
// else (a second point, a letter, a hyphen). Returns length 0 when `text`
// does not start with a numeral. Linear in the numeral's length; digits
// beyond what a double holds only lower the precision.
Numeral read_numeral(std::string_view text);

enum class WordKind : unsigned char {
  kCardinal,  // zero..nineteen, twenty..ninety: value
  kHundred,   // hundred
  kScale,     // thousand, million, billion, trillion, bn, mn, tn: value
  kDozen,     // dozen: 12
  kOrdinal,   // first..twentieth, thirtieth..., hundredth: value
  kFraction,  // half, halves, thirds, quarter(s), fifths...: value (0.5, 1/3, ...)
};

struct NumberWord {
  WordKind kind;
  double value;
  double fraction = 0;  // for ordinals that double as fractions ("third", "fifth"): 1/n
};

// The number word `lower` (lower-case ASCII), or nullptr. "third" is an
// ordinal whose `fraction` is 1/3; "quarter" and "half" are fractions.
const NumberWord* number_word(std::string_view lower);

}  // namespace ai
