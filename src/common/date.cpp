// common/date.cpp — civil-date arithmetic (Howard Hinnant's days_from_civil algorithm).
#include "common/date.h"

#include <charconv>
#include <chrono>
#include <cstdio>
#include <ctime>

namespace caunoi {
namespace {

bool parse_int(std::string_view s, int& out) {
  if (s.empty()) return false;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size();
}

}  // namespace

int days_in_month(int y, int m) {
  static const int k[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0)) return 29;
  return k[(m - 1) % 12];
}

bool Date::valid(int y, int m, int d) {
  return y >= 1900 && y <= 2200 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

long Date::days() const {
  int y = year - (month <= 2);
  long era = (y >= 0 ? y : y - 399) / 400;
  long yoe = y - era * 400;
  long doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
  long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

Date Date::from_days(long z) {
  z += 719468;
  long era = (z >= 0 ? z : z - 146096) / 146097;
  long doe = z - era * 146097;
  long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  long y = yoe + era * 400;
  long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  long mp = (5 * doy + 2) / 153;
  int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  return Date{static_cast<int>(y + (m <= 2)), m, d};
}

Date Date::today() {
  // Việt Nam keeps UTC+7 all year. A server's own zone (often UTC) would make "today" end at
  // 07:00 in Hà Nội, refusing as "after today" what staff entered for their own date.
  std::time_t t = std::time(nullptr) + 7 * 3600;
  std::tm tm{};
  gmtime_r(&t, &tm);
  return Date{tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday};
}

Date Date::add_years(int n) const {
  Date r{year + n, month, day};
  if (r.day > days_in_month(r.year, r.month)) r.day = days_in_month(r.year, r.month);
  return r;
}

std::optional<Date> Date::parse(std::string_view s) {
  int y, m, d;
  if (s.size() == 10 && s[4] == '-' && s[7] == '-') {
    if (!parse_int(s.substr(0, 4), y) || !parse_int(s.substr(5, 2), m) ||
        !parse_int(s.substr(8, 2), d))
      return std::nullopt;
  } else {
    auto a = s.find('/');
    auto b = a == std::string_view::npos ? a : s.find('/', a + 1);
    if (b == std::string_view::npos) return std::nullopt;
    if (!parse_int(s.substr(0, a), d) || !parse_int(s.substr(a + 1, b - a - 1), m) ||
        !parse_int(s.substr(b + 1), y))
      return std::nullopt;
  }
  if (!valid(y, m, d)) return std::nullopt;
  return Date{y, m, d};
}

std::string Date::iso() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string Date::vi() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d/%02d/%04d", day, month, year);
  return buf;
}

}  // namespace caunoi
