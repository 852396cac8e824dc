// periods/period.cpp — parsing, naming and shifting of reporting periods; see period.h.
#include "periods/period.h"

#include <charconv>

#include "common/error.h"

namespace caunoi::periods {
namespace {

Error bad(std::string_view text) {
  return invalid("bad_period",
                 "Kỳ báo cáo \"" + std::string(text) +
                     "\" không hợp lệ. Dùng một trong các dạng: 2022-10 (tháng), 2022Q3 (quý), "
                     "2022 (năm), 2022-01..2022-10 (khoảng tháng), 2022-03-15..2022-04-02 "
                     "(khoảng ngày).",
                 {{"period", "Kỳ báo cáo không hợp lệ", 0}});
}

bool to_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

bool year_ok(int y) {
  return y >= 1990 && y <= 2100;
}

const char* roman(int q) {
  static const char* r[] = {"I", "II", "III", "IV"};
  return r[(q - 1) & 3];
}

// One end of a range: "2022-10" (a month) or "2022-10-05" (a day). `end` picks the last day.
bool parse_end(std::string_view s, bool end, Date& d, bool& whole_month) {
  int y, m;
  if (s.size() == 7 && s[4] == '-' && to_int(s.substr(0, 4), y) && to_int(s.substr(5, 2), m) &&
      year_ok(y) && m >= 1 && m <= 12) {
    d = Date{y, m, end ? days_in_month(y, m) : 1};
    whole_month = true;
    return true;
  }
  auto p = Date::parse(s);
  if (!p || !year_ok(p->year)) return false;
  d = *p;
  whole_month = false;
  return true;
}

std::string month_code(const Date& d) {
  return std::to_string(d.year) + (d.month < 10 ? "-0" : "-") + std::to_string(d.month);
}

}  // namespace

Period Period::month(int y, int m) {
  return {Kind::month, {y, m, 1}, {y, m, days_in_month(y, m)}};
}
Period Period::quarter(int y, int q) {
  int m = (q - 1) * 3 + 1;
  return {Kind::quarter, {y, m, 1}, {y, m + 2, days_in_month(y, m + 2)}};
}
Period Period::year(int y) {
  return {Kind::year, {y, 1, 1}, {y, 12, 31}};
}
Period Period::year_to_date(int y, int last) {
  return {Kind::year_to_date, {y, 1, 1}, {y, last, days_in_month(y, last)}};
}

Period Period::parse(std::string_view t) {
  while (!t.empty() && t.front() == ' ') t.remove_prefix(1);
  while (!t.empty() && t.back() == ' ') t.remove_suffix(1);
  int y, n;
  if (t.size() == 4 && to_int(t, y) && year_ok(y)) return year(y);
  if (t.size() == 7 && t[4] == '-' && to_int(t.substr(0, 4), y) && to_int(t.substr(5), n) &&
      year_ok(y) && n >= 1 && n <= 12)
    return month(y, n);
  if (t.size() == 6 && (t[4] == 'Q' || t[4] == 'q') && to_int(t.substr(0, 4), y) &&
      to_int(t.substr(5), n) && year_ok(y) && n >= 1 && n <= 4)
    return quarter(y, n);
  auto dots = t.find("..");
  if (dots != std::string_view::npos) {
    Date a, b;
    bool wa, wb;
    if (!parse_end(t.substr(0, dots), false, a, wa) ||
        !parse_end(t.substr(dots + 2), true, b, wb) || b < a)
      throw bad(t);
    if (wa && wb && a.month == 1 && a.year == b.year) {
      if (b.month == 12) return year(a.year);
      return year_to_date(a.year, b.month);
    }
    if (wa && wb && a.year == b.year && a.month == b.month) return month(a.year, a.month);
    return {Kind::range, a, b};
  }
  throw bad(t);
}

Period Period::same_period_last_year() const {
  Period p = *this;
  p.from = from.add_years(-1);
  // A period ending on the last day of a month ends on the last day of that month a year earlier
  // (29/02 → 28/02, and 28/02 → 29/02 in a leap year), so months and quarters stay whole.
  bool month_end = to.day == days_in_month(to.year, to.month);
  p.to = to.add_years(-1);
  if (month_end) p.to.day = days_in_month(p.to.year, p.to.month);
  return p;
}

std::string Period::code() const {
  switch (kind) {
    case Kind::year:
      return std::to_string(from.year);
    case Kind::month:
      return month_code(from);
    case Kind::quarter:
      return std::to_string(from.year) + "Q" + std::to_string((from.month - 1) / 3 + 1);
    case Kind::year_to_date:
      return month_code(from) + ".." + month_code(to);
    case Kind::range: {
      bool whole = from.day == 1 && to.day == days_in_month(to.year, to.month);
      return whole ? month_code(from) + ".." + month_code(to) : from.iso() + ".." + to.iso();
    }
  }
  return {};
}

std::string Period::vi() const {
  auto y = std::to_string(from.year);
  switch (kind) {
    case Kind::year:
      return "năm " + y;
    case Kind::month:
      return "tháng " + std::to_string(from.month) + "/" + y;
    case Kind::quarter:
      return std::string("quý ") + roman((from.month - 1) / 3 + 1) + "/" + y;
    case Kind::year_to_date:
      return std::to_string(to.month) + " tháng đầu năm " + y;
    case Kind::range: {
      bool whole = from.day == 1 && to.day == days_in_month(to.year, to.month);
      if (whole)
        return "từ tháng " + std::to_string(from.month) + "/" + y + " đến tháng " +
               std::to_string(to.month) + "/" + std::to_string(to.year);
      return "từ " + from.vi() + " đến " + to.vi();
    }
  }
  return {};
}

std::string Period::vi_lead() const {
  switch (kind) {
    case Kind::year_to_date:
      return "Đến hết tháng " + std::to_string(to.month) + "/" + std::to_string(to.year);
    case Kind::year:
      return "Năm " + std::to_string(from.year);
    default: {
      std::string v = vi();
      return (kind == Kind::range ? "Trong thời gian " : "Trong ") + v;
    }
  }
}

}  // namespace caunoi::periods
