// common/format_vi.h — numbers written the Vietnamese way: "." groups thousands, "," is the
// decimal mark (144.000; 2,9 lần; 91,01%). Used by reports, narratives, exports and the CLI.
#pragma once

#include <cstdint>
#include <string>

namespace caunoi {

std::string format_int_vi(int64_t n);                         // 144000 -> "144.000"
std::string format_decimal_vi(double x, int decimals);        // 2.93, 1 -> "2,9"; grouping kept
std::string format_percent_vi(double pct, int decimals = 2);  // 91.01 -> "91,01%"

}  // namespace caunoi
