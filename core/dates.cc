#include "dates.h"

#include <cstdio>

namespace ai {
namespace {

struct Name {
  const char* name;
  int number;
};

const Name kMonths[] = {
    {"january", 1}, {"jan", 1}, {"february", 2}, {"feb", 2}, {"march", 3}, {"mar", 3}, {"april", 4},
    {"apr", 4}, {"may", 5}, {"june", 6}, {"jun", 6}, {"july", 7}, {"jul", 7}, {"august", 8}, {"aug", 8},
    {"september", 9}, {"sep", 9}, {"sept", 9}, {"october", 10}, {"oct", 10}, {"november", 11}, {"nov", 11},
    {"december", 12}, {"dec", 12},
};

const Name kWeekdays[] = {
    {"monday", 0}, {"mon", 0}, {"tuesday", 1}, {"tue", 1}, {"tues", 1}, {"wednesday", 2}, {"wed", 2},
    {"thursday", 3}, {"thu", 3}, {"thur", 3}, {"thurs", 3}, {"friday", 4}, {"fri", 4}, {"saturday", 5},
    {"sat", 5}, {"sunday", 6}, {"sun", 6},
};

template <size_t N>
int find(const Name (&table)[N], std::string_view lower, int missing) {
  if (!lower.empty() && lower.back() == '.') lower.remove_suffix(1);
  for (const Name& n : table)
    if (lower == n.name) return n.number;
  return missing;
}

}  // namespace

int month_number(std::string_view lower) { return find(kMonths, lower, 0); }
int weekday_number(std::string_view lower) { return find(kWeekdays, lower, -1); }

int days_in_month(int year, int month) {
  static const int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month < 1 || month > 12) return 0;
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

bool is_valid_date(const CivilDate& date) { return date.day >= 1 && date.day <= days_in_month(date.year, date.month); }

long days_from_civil(const CivilDate& date) {
  const long y = date.year - (date.month <= 2 ? 1 : 0);
  const long era = (y >= 0 ? y : y - 399) / 400;
  const long yoe = y - era * 400;
  const long mp = (date.month + 9) % 12;
  const long doy = (153 * mp + 2) / 5 + date.day - 1;
  const long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

CivilDate civil_from_days(long days) {
  days += 719468;
  const long era = (days >= 0 ? days : days - 146096) / 146097;
  const long doe = days - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  CivilDate out;
  out.day = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  out.month = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  out.year = static_cast<int>(yoe + era * 400 + (out.month <= 2 ? 1 : 0));
  return out;
}

CivilDate add_days(const CivilDate& date, long days) { return civil_from_days(days_from_civil(date) + days); }

int weekday_of(const CivilDate& date) {
  const long d = days_from_civil(date);  // 1970-01-01 was a Thursday (3)
  return static_cast<int>(((d % 7) + 7 + 3) % 7);
}

std::string iso_week(const CivilDate& date) {
  // The ISO year is the year of the week's Thursday.
  const CivilDate thursday = add_days(date, 3 - weekday_of(date));
  const long first_day = days_from_civil({thursday.year, 1, 1});
  const int week = static_cast<int>((days_from_civil(thursday) - first_day) / 7 + 1);
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-W%02d", thursday.year, week);
  return buffer;
}

}  // namespace ai
