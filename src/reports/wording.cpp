// reports/wording.cpp — see wording.h.
#include "reports/wording.h"

#include <cmath>

#include "common/format_vi.h"

namespace caunoi::reports {
namespace {

int digits_of(double v) {
  return static_cast<int>(std::floor(std::log10(v))) + 1;
}

// A number of millions with up to `decimals` decimals, trailing zeros dropped: "2", "16,4".
std::string millions(double m, int decimals) {
  std::string s = format_decimal_vi(m, decimals);
  if (s.find(',') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == ',') s.pop_back();
  }
  return s + " triệu";
}

std::string amount(double v, bool in_millions) {
  if (!in_millions) return format_int_vi(static_cast<int64_t>(std::llround(v)));
  int d = digits_of(v) - 6;  // digits before the comma, in millions
  return millions(v / 1e6, std::max(0, 3 - d));
}

}  // namespace

std::string approx_vi(double v) {
  if (!std::isfinite(v)) return "–";
  if (v < 0) return std::string("-").append(approx_vi(-v));  // append: GCC 12 -Wrestrict
  if (v < 1000) return format_int_vi(static_cast<int64_t>(std::llround(v)));
  bool in_millions = v >= 1e6;
  int digits = digits_of(v);
  double step3 = std::pow(10.0, digits - 3);
  double rounded = std::round(v / step3) * step3;
  if (rounded > v && (rounded - v) <= 0.002 * rounded)
    return "khoảng " + amount(rounded, in_millions);
  if (rounded > v && (rounded - v) <= 0.03 * rounded) return "gần " + amount(rounded, in_millions);
  double step_cut = std::pow(10.0, digits - (in_millions ? 3 : 4));
  double cut = std::floor(v / step_cut) * step_cut;
  if (cut == v) return amount(cut, in_millions);
  return "trên " + amount(cut, in_millions);
}

std::string ratio_vi(double now, double then) {
  if (then <= 0 || !std::isfinite(now)) return "";
  double r = now / then;
  if (r >= 1.5) {
    double shown = std::round(r * 10) / 10;
    return std::string("gấp ") + (shown - r >= 0.015 ? "gần " : "") + format_decimal_vi(shown, 1) +
           " lần";
  }
  if (now == then) return "bằng";
  double pct = std::fabs(r - 1) * 100;
  int dec = pct < 10 ? 1 : 0;
  std::string p = format_decimal_vi(pct, dec);
  if (dec && p.ends_with(",0")) p.resize(p.size() - 2);
  return std::string(r > 1 ? "tăng " : "giảm ") + p + "%";
}

std::string points_vi(double now, double then) {
  double d = now - then;
  if (std::fabs(d) < 0.005) return "bằng";
  return std::string(d > 0 ? "tăng " : "giảm ") + format_decimal_vi(std::fabs(d), 2) +
         " điểm phần trăm";
}

}  // namespace caunoi::reports
