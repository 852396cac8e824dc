// common/date.h — a calendar date without time zone, as reports count them.
//
// Stored as year/month/day; arithmetic goes through a day number (days since 1970-01-01) so
// comparisons and ranges are cheap. Parsing accepts ISO "2022-10-31" and the Vietnamese
// "31/10/2022"; printing gives both forms.
#pragma once

#include <compare>
#include <optional>
#include <string>
#include <string_view>

namespace caunoi {

struct Date {
  int year = 1970;
  int month = 1;
  int day = 1;

  auto operator<=>(const Date&) const = default;

  static std::optional<Date> parse(std::string_view text);  // ISO or dd/mm/yyyy
  static Date from_days(long days);
  static Date today();  // the calendar day in Việt Nam (UTC+7), whatever the server's zone
  static bool valid(int y, int m, int d);

  long days() const;        // days since 1970-01-01
  std::string iso() const;  // 2022-10-31
  std::string vi() const;   // 31/10/2022
  Date add_days(long n) const { return from_days(days() + n); }
  Date add_years(int n) const;  // 29/02 becomes 28/02 in a common year
};

int days_in_month(int year, int month);

}  // namespace caunoi
