// reports/wording.h — numbers and comparisons as Vietnamese reports write them.
//
// Approximate amounts ("khoảng 144.000", "trên 864.200", "gần 900", "trên 16,4 triệu"):
//   below 1.000 the exact number;
//   R = the number rounded to 3 significant digits (millions: "X,YZ triệu");
//   if R is above the number by at most 0,2% → "khoảng R"; by more (rounding to 3 digits can
//   go up by at most 0,5%) → "gần R";
//   otherwise T = the number cut (not rounded) to 4 significant digits (millions: 3 digits,
//   in "triệu") → "trên T", or just T when nothing was cut.
// So 143.950 → "khoảng 144.000", 1.998.000 → "khoảng 2 triệu", 106.700 → "gần 107.000",
// 864.215 → "trên 864.200", 16.437.000 → "trên 16,4 triệu", 1.283.000 → "trên 1,28 triệu".
//
// Comparisons with the same period a year earlier (ratio r = now / then):
//   r ≥ 1,5          "gấp 2,9 lần" (one decimal; "gấp gần 1,6 lần" when rounding went up by
//                    0,015 or more)
//   1 < r < 1,5      "tăng 18%"  (whole percent; one decimal under 10%)
//   r < 1            "giảm 7%"
//   r = 1            "bằng"
// For rates (percent indicators) the change is in percentage points: "tăng 1,26 điểm phần trăm".
#pragma once

#include <cstdint>
#include <string>

namespace caunoi::reports {

std::string approx_vi(double value);
// "gấp 2,9 lần so với cùng kỳ năm 2021" without the tail: "gấp 2,9 lần" / "tăng 18%" / ...
std::string ratio_vi(double now, double then);
std::string points_vi(double now, double then);  // "tăng 1,26 điểm phần trăm"

}  // namespace caunoi::reports
