#include "numbers.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace ai {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

// 10^n, exact for the n a double holds exactly (as std::pow gives it, without the call).
double power_of_ten(int n) {
  static constexpr double kPowers[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                       1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  return n >= 0 && n <= 22 ? kPowers[n] : std::pow(10.0, n);
}

struct NamedWord {
  const char* name;
  NumberWord word;
};

constexpr double kThird = 1.0 / 3;

const NamedWord kNumberWords[] = {
    {"zero", {WordKind::kCardinal, 0}},       {"one", {WordKind::kCardinal, 1}},
    {"two", {WordKind::kCardinal, 2}},        {"three", {WordKind::kCardinal, 3}},
    {"four", {WordKind::kCardinal, 4}},       {"five", {WordKind::kCardinal, 5}},
    {"six", {WordKind::kCardinal, 6}},        {"seven", {WordKind::kCardinal, 7}},
    {"eight", {WordKind::kCardinal, 8}},      {"nine", {WordKind::kCardinal, 9}},
    {"ten", {WordKind::kCardinal, 10}},       {"eleven", {WordKind::kCardinal, 11}},
    {"twelve", {WordKind::kCardinal, 12}},    {"thirteen", {WordKind::kCardinal, 13}},
    {"fourteen", {WordKind::kCardinal, 14}},  {"fifteen", {WordKind::kCardinal, 15}},
    {"sixteen", {WordKind::kCardinal, 16}},   {"seventeen", {WordKind::kCardinal, 17}},
    {"eighteen", {WordKind::kCardinal, 18}},  {"nineteen", {WordKind::kCardinal, 19}},
    {"twenty", {WordKind::kCardinal, 20}},    {"thirty", {WordKind::kCardinal, 30}},
    {"forty", {WordKind::kCardinal, 40}},     {"fifty", {WordKind::kCardinal, 50}},
    {"sixty", {WordKind::kCardinal, 60}},     {"seventy", {WordKind::kCardinal, 70}},
    {"eighty", {WordKind::kCardinal, 80}},    {"ninety", {WordKind::kCardinal, 90}},
    {"hundred", {WordKind::kHundred, 100}},   {"thousand", {WordKind::kScale, 1e3}},
    {"million", {WordKind::kScale, 1e6}},     {"billion", {WordKind::kScale, 1e9}},
    {"trillion", {WordKind::kScale, 1e12}},   {"bn", {WordKind::kScale, 1e9}},
    {"mn", {WordKind::kScale, 1e6}},          {"tn", {WordKind::kScale, 1e12}},
    {"trn", {WordKind::kScale, 1e12}},        {"dozen", {WordKind::kDozen, 12}},
    {"first", {WordKind::kOrdinal, 1}},       {"second", {WordKind::kOrdinal, 2}},
    {"third", {WordKind::kOrdinal, 3, kThird}}, {"fourth", {WordKind::kOrdinal, 4, 0.25}},
    {"fifth", {WordKind::kOrdinal, 5, 0.2}},  {"sixth", {WordKind::kOrdinal, 6, 1.0 / 6}},
    {"seventh", {WordKind::kOrdinal, 7, 1.0 / 7}}, {"eighth", {WordKind::kOrdinal, 8, 0.125}},
    {"ninth", {WordKind::kOrdinal, 9, 1.0 / 9}},   {"tenth", {WordKind::kOrdinal, 10, 0.1}},
    {"eleventh", {WordKind::kOrdinal, 11}},   {"twelfth", {WordKind::kOrdinal, 12}},
    {"thirteenth", {WordKind::kOrdinal, 13}}, {"fourteenth", {WordKind::kOrdinal, 14}},
    {"fifteenth", {WordKind::kOrdinal, 15}},  {"sixteenth", {WordKind::kOrdinal, 16}},
    {"seventeenth", {WordKind::kOrdinal, 17}}, {"eighteenth", {WordKind::kOrdinal, 18}},
    {"nineteenth", {WordKind::kOrdinal, 19}}, {"twentieth", {WordKind::kOrdinal, 20}},
    {"thirtieth", {WordKind::kOrdinal, 30}},  {"fortieth", {WordKind::kOrdinal, 40}},
    {"fiftieth", {WordKind::kOrdinal, 50}},   {"sixtieth", {WordKind::kOrdinal, 60}},
    {"seventieth", {WordKind::kOrdinal, 70}}, {"eightieth", {WordKind::kOrdinal, 80}},
    {"ninetieth", {WordKind::kOrdinal, 90}},  {"hundredth", {WordKind::kOrdinal, 100, 0.01}},
    {"thousandth", {WordKind::kOrdinal, 1000, 0.001}}, {"millionth", {WordKind::kOrdinal, 1e6, 1e-6}},
    {"half", {WordKind::kFraction, 0.5}},     {"halves", {WordKind::kFraction, 0.5}},
    {"thirds", {WordKind::kFraction, kThird}}, {"quarter", {WordKind::kFraction, 0.25}},
    {"quarters", {WordKind::kFraction, 0.25}}, {"fourths", {WordKind::kFraction, 0.25}},
    {"fifths", {WordKind::kFraction, 0.2}},   {"sixths", {WordKind::kFraction, 1.0 / 6}},
    {"sevenths", {WordKind::kFraction, 1.0 / 7}}, {"eighths", {WordKind::kFraction, 0.125}},
    {"ninths", {WordKind::kFraction, 1.0 / 9}}, {"tenths", {WordKind::kFraction, 0.1}},
    {"hundredths", {WordKind::kFraction, 0.01}},
};

}  // namespace

Numeral read_numeral(std::string_view text) {
  Numeral n;
  size_t i = 0;
  double value = 0;
  int last_nonzero_integer_digit = -1;  // position from the left among integer digits
  while (i < text.size()) {
    if (digit(text[i])) {
      value = value * 10 + (text[i] - '0');
      if (text[i] != '0') last_nonzero_integer_digit = n.integer_digits;
      ++n.integer_digits;
      ++i;
    } else if (text[i] == ',' && n.integer_digits > 0 && n.decimals == 0 && i + 3 < text.size() && digit(text[i + 1]) &&
               digit(text[i + 2]) && digit(text[i + 3]) && (i + 4 >= text.size() || !digit(text[i + 4]))) {
      n.grouped = true;
      ++i;
    } else {
      break;
    }
  }
  double fraction_scale = 1;
  double digits = value;
  double approximate = value;  // integer part plus each decimal digit, used past 2^53
  if (i + 1 < text.size() && text[i] == '.' && digit(text[i + 1])) {
    ++i;
    while (i < text.size() && digit(text[i])) {
      fraction_scale /= 10;
      digits = digits * 10 + (text[i] - '0');
      approximate += (text[i] - '0') * fraction_scale;
      ++n.decimals;
      ++i;
    }
  }
  if (n.integer_digits == 0 && n.decimals == 0) return Numeral{};
  n.digits = digits;
  // One correctly rounded division, as strtod gives, while the digits fit a
  // double exactly; beyond that the precision is lost either way.
  const bool exact = digits < 9007199254740992.0 && n.decimals <= 22;
  n.value = n.decimals == 0 ? value : exact ? digits / power_of_ten(n.decimals) : approximate;
  n.length = i;
  if (n.decimals > 0) {
    n.step = fraction_scale;
  } else {
    // Trailing zeros may be rounding: "4,700" is trusted to the hundred. The
    // first two digits always count, so "10" and "30" are exact and "2,000"
    // is trusted to the hundred, not the thousand.
    int trailing_zeros = last_nonzero_integer_digit < 0 ? 0 : n.integer_digits - 1 - last_nonzero_integer_digit;
    trailing_zeros = std::max(0, std::min(trailing_zeros, n.integer_digits - 2));
    n.step = power_of_ten(trailing_zeros);
  }
  return n;
}

double Numeral::scaled(double factor) const {
  if (decimals == 0 || digits >= 9007199254740992.0 || decimals > 22) return value * factor;
  const double power = power_of_ten(decimals);
  // Exact when factor is a power of ten at least as large as the decimals.
  if (factor >= power && std::fmod(factor, power) == 0) return digits * (factor / power);
  return digits * factor / power;
}

const NumberWord* number_word(std::string_view lower) {
  if (lower.size() < 2 || lower.size() > 11) return nullptr;
  for (const NamedWord& w : kNumberWords)
    if (lower == w.name) return &w.word;
  return nullptr;
}

}  // namespace ai
