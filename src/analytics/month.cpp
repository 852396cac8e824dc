// analytics/month.cpp — see month.h.
#include "analytics/month.h"

#include "common/error.h"

namespace caunoi::analytics {

MonthRange months_of(const periods::Period& p) {
  if (p.from.day != 1 || p.to.day != days_in_month(p.to.year, p.to.month))
    throw invalid("period_not_monthly",
                  "Số liệu tổng hợp theo tháng: kỳ báo cáo phải gồm các tháng trọn vẹn (ví dụ "
                  "2022-10, 2022Q3, 2022, 2022-01..2022-10).");
  if (p.from.year < kFirstYear || p.to.year > 2100)
    throw invalid("period_out_of_range", "Kỳ báo cáo phải trong khoảng từ năm 2000 đến năm 2100.");
  return {month_index(p.from), month_index(p.to)};
}

}  // namespace caunoi::analytics
