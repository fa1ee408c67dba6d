// Figures in the kind of sentences news prose is made of: one figure per
// case, checked for span, kind, value, unit and (where given) what it counts.
#include "test_figures_helpers.h"

using figures_test::Case;
using figures_test::check_cases;
using figures_test::check_negatives;
using figures_test::kInf;
using figures_test::kSame;

TEST_CASE("figures in news prose", "[figures][prose]") {
  check_cases({
      {"The survey polled 1,523 adults last month.", "1,523", "count", 1523, kSame, "", "adults"},
      {"Turnout was 67.3% in the capital.", "67.3%", "percent", 67.3, kSame, "%"},
      {"He was fined $2,500 by the court.", "$2,500", "money", 2500, kSame, "USD"},
      {"a 2.5-mile stretch of road", "2.5-mile", "measure", 2.5, kSame, "mi"},
      {"a 10-storey building", "10-storey", "count", 10, kSame, "", "storey"},
      {"the 12-member panel", "12-member", "count", 12, kSame, "", "member"},
      {"a 3.5 per cent rise", "3.5 per cent", "percent", 3.5, kSame, "%"},
      {"prices in the 1980s", "1980s", "date", 1980, 1989, "decade"},
      {"the show starts at 7.30pm", "7.30pm", "time", 19.5, kSame, "h"},
      {"Valentine's day is on 14 February", "14 February", "date", 14},
      {"sales in 2003-04 fell", "2003-04", "date", 2003, 2004},
      {"the 2012 Olympics in London", "2012", "date", 2012},
      {"a deal worth \xE2\x82\xAC" "1.5bn", "\xE2\x82\xAC" "1.5bn", "money", 1.5e9, kSame, "EUR"},
      {"a fall of 0.2 percentage points", "0.2 percentage points", "percent", 0.2, kSame, "pp"},
      {"she earns \xC2\xA3" "45,000 a year", "\xC2\xA3" "45,000", "money", 45000, kSame, "GBP"},
      {"1.4 million people live there", "1.4 million", "count", 1.4e6, kSame, "", "people"},
      {"130 MPs voted against", "130", "count", 130, kSame, "", "MPs"},
      {"2 million tonnes of grain", "2 million tonnes", "measure", 2e6, kSame, "t"},
      {"flying at 5,000ft", "5,000ft", "measure", 5000, kSame, "ft"},
      {"a 15% stake in the firm", "15%", "percent", 15, kSame, "%"},
      {"an eight-year-old boy", "eight-year-old", "age", 8, kSame, "year", "boy"},
      {"the 20-year-old's goal", "20-year-old", "age", 20, kSame, "year"},
      {"on Jan 1, 2005", "Jan 1, 2005", "date", 2005},
      {"on Dec. 25 each year", "Dec. 25", "date", 25},
      {"debts of $5.6 trillion", "$5.6 trillion", "money", 5.6e12, kSame, "USD"},
      {"their twelfth album", "twelfth", "ordinal", 12},
      {"the 100th anniversary", "100th", "ordinal", 100},
      {"a two-thirds majority", "two-thirds", "ratio", 2.0 / 3},
      {"400,000 barrels a day", "400,000 barrels", "measure", 400000, kSame, "bbl"},
      {"at 10,000 feet", "10,000 feet", "measure", 10000, kSame, "ft"},
      {"99.9% of users", "99.9%", "percent", 99.9, kSame, "%", "users"},
      {"it fell to -40C overnight", "-40C", "measure", -40, kSame, "C"},
      {"a 1.2-metre wall", "1.2-metre", "measure", 1.2, kSame, "m"},
      {"a six-mile walk", "six-mile", "measure", 6, kSame, "mi"},
      {"in the 1999/2000 season", "1999/2000", "date", 1999, 2000},
      {"the 1914-18 war", "1914-18", "date", 1914, 1918},
      {"from 1990 to 1995", "from 1990 to 1995", "date", 1990, 1995},
      {"a 50-page report", "50-page", "count", 50, kSame, "", "page"},
      {"nearly 3,000 miles away", "nearly 3,000 miles", "measure", 3000, kSame, "mi"},
      {"some 20km south of the city", "some 20km", "measure", 20, kSame, "km"},
      {"a 4.5% rise in prices", "4.5%", "percent", 4.5, kSame, "%"},
      {"up 0.3 points", "0.3", "count", 0.3, kSame, "", "points"},
      {"the 35-hour week", "35-hour", "duration", 35, kSame, "h"},
      {"within 48 hours", "48 hours", "duration", 48, kSame, "h"},
      {"for the past 12 months", "12 months", "duration", 12, kSame, "month"},
      {"14 days ago", "14 days", "duration", 14, kSame, "day"},
      {"a fifth of adults", "a fifth", "ratio", 0.2, kSame, "", "adults"},
      {"one-third of the budget", "one-third", "ratio", 1.0 / 3},
      {"one-quarter of pupils", "one-quarter", "ratio", 0.25},
      {"100,000 signatures", "100,000", "count", 100000, kSame, "", "signatures"},
      {"more than 1m viewers", "more than 1m", "count", 1e6, kInf, "", "viewers"},
      {"as much as \xC2\xA3" "2bn", "as much as \xC2\xA3" "2bn", "money", 0, 2e9, "GBP"},
      {"the Dow fell 1.2% to 10,450", "1.2%", "percent", 1.2, kSame, "%"},
      {"the FTSE 100 rose 12 points", "12", "count", 12, kSame, "", "points"},
  });
}

TEST_CASE("what news prose does not count as a figure", "[figures][prose]") {
  check_negatives({
      {"the 9/11 attacks", "9/11"},
      {"a 7-1 win", "7-1"},
      {"a 0-0 draw", "0-0"},
      {"the FTSE 100 index", "100"},
      {"Paris Saint-Germain won", "Saint-Germain"},
      {"a one-off payment", "one-off"},
      {"on BBC One last night", "One"},
      {"the A1 road", "A1"},
      {"the UK's Formula 1 team", "1"},
      {"Radio 5 Live", "5"},
      {"Channel 4 News", "4"},
      {"a PlayStation 2 game", "2"},
      {"the B-52 bomber", "B-52"},
      {"the Ryder Cup", "Cup"},
      {"the S&P 500 index", "500"},
      {"some say it works", "some"},
      {"at least he tried", "at least"},
      {"they sued over the deal", "over"},
  });
}
