// analytics/month.h — months as small integers, the time axis of the cube.
//
// Month index 0 is January 2000; every figure is filed under the month of its first day.
// Periods the cube answers are whole months (a month, quarter, year, year to date or a range of
// whole months); other ranges are refused with a Vietnamese message rather than guessed.
#pragma once

#include "common/date.h"
#include "periods/period.h"

namespace caunoi::analytics {

inline constexpr int kFirstYear = 2000;

inline int month_index(int year, int month) { return (year - kFirstYear) * 12 + (month - 1); }
inline int month_index(Date d) { return month_index(d.year, d.month); }
inline int year_of(int m) { return kFirstYear + m / 12; }
inline int month_of(int m) { return m % 12 + 1; }

struct MonthRange {
  int first = 0, last = -1;  // inclusive
};

// Throws invalid_input "period_not_monthly" unless the period covers whole months from 2000 on.
MonthRange months_of(const periods::Period& p);

}  // namespace caunoi::analytics
