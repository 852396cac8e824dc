// periods/period.h — reporting periods and "the same period one year earlier" (cùng kỳ).
//
// A Period is an inclusive range of days with a kind that says how to name it:
//   month          2022-10            "tháng 10/2022"
//   quarter        2022Q3             "quý III/2022"
//   year           2022               "năm 2022"
//   year_to_date   2022-01..2022-10   "10 tháng đầu năm 2022"  (a range from January of one year)
//   range          2022-03..2022-05   "từ tháng 3/2022 đến tháng 5/2022"
//                  2022-03-15..2022-04-02  "từ 15/03/2022 đến 02/04/2022"
// "6 tháng đầu năm" is printed for January–June; a range of whole months starting in January is
// year-to-date. Parsing throws caunoi::Error (invalid_input, "bad_period") with a Vietnamese
// message that shows the accepted forms.
#pragma once

#include <string>
#include <string_view>

#include "common/date.h"

namespace caunoi::periods {

enum class Kind { month, quarter, year, year_to_date, range };

struct Period {
  Kind kind = Kind::range;
  Date from, to;  // inclusive

  static Period parse(std::string_view text);
  static Period month(int year, int month);
  static Period quarter(int year, int q);
  static Period year(int year);
  static Period year_to_date(int year, int last_month);

  Period same_period_last_year() const;
  bool contains(Date d) const { return from <= d && d <= to; }
  std::string code() const;  // canonical text that parse() accepts: "2022Q3"
  std::string vi() const;    // "quý III/2022"
  // For narratives: "Đến hết tháng 10/2022", "Trong quý III/2022", "Năm 2022".
  std::string vi_lead() const;

  bool operator==(const Period&) const = default;
};

}  // namespace caunoi::periods
