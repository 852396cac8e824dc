// common/format_vi.cpp — see format_vi.h.
#include "common/format_vi.h"

#include <cmath>
#include <cstdio>

namespace caunoi {

std::string format_int_vi(int64_t n) {
  std::string digits = std::to_string(n < 0 ? -(n + 1) + 1ULL : static_cast<uint64_t>(n));
  std::string out;
  int count = 0;
  for (auto it = digits.rbegin(); it != digits.rend(); ++it) {
    if (count && count % 3 == 0) out.insert(out.begin(), '.');
    out.insert(out.begin(), *it);
    ++count;
  }
  return n < 0 ? "-" + out : out;
}

std::string format_decimal_vi(double x, int decimals) {
  if (!std::isfinite(x)) return "–";
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, std::fabs(x));
  std::string s = buf;
  auto dot = s.find('.');
  std::string whole = s.substr(0, dot);
  std::string frac = dot == std::string::npos ? "" : s.substr(dot + 1);
  std::string out = format_int_vi(std::stoll(whole));
  if (!frac.empty()) out += "," + frac;
  bool negative = x < 0 && std::stod(buf) != 0.0;
  return negative ? "-" + out : out;
}

std::string format_percent_vi(double pct, int decimals) {
  return format_decimal_vi(pct, decimals) + "%";
}

}  // namespace caunoi
