// dates.h — calendar arithmetic and the names of months and weekdays.
//
// The figure finder resolves "Thursday", "yesterday" or "last week" against a
// reference date the caller supplies (usually the article's dateline):
//
//   ai::CivilDate ref{2022, 1, 6};                      // a Thursday
//   ai::weekday_of(ref);                                // 3 (Monday = 0)
//   ai::add_days(ref, -1);                              // 2022-01-05
//   ai::month_number("sept") == 9; ai::weekday_number("thu") == 3;
//
// The calendar is the proleptic Gregorian one (H. Hinnant's algorithms).
#pragma once

#include <string>
#include <string_view>

#include "figures.h"

namespace ai {

// 1-12 for a month name or abbreviation ("january", "jan", "sept"), lower-cased; 0 if none.
int month_number(std::string_view lower);
// 0-6 (Monday = 0) for a weekday name or abbreviation ("thursday", "thu", "thurs"); -1 if none.
int weekday_number(std::string_view lower);

// Days in `month` of `year`, 0 for an invalid month.
int days_in_month(int year, int month);
// True when the date exists in the calendar.
bool is_valid_date(const CivilDate& date);
// Days since 1970-01-01 (negative before) and back.
long days_from_civil(const CivilDate& date);
CivilDate civil_from_days(long days);
CivilDate add_days(const CivilDate& date, long days);
// 0-6, Monday = 0.
int weekday_of(const CivilDate& date);
// "2022-W01" for the ISO week containing `date`.
std::string iso_week(const CivilDate& date);

}  // namespace ai
