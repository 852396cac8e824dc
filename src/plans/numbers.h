// plans/numbers.h — numbers as staff type them in spreadsheets: "1.604.000", "1604000",
// "91,75", "91.75" (the XLSX reader gives "91.75"). A dot followed by groups of exactly three
// digits is a thousands separator; a comma is the decimal mark.
#pragma once

#include <optional>
#include <string_view>

namespace caunoi::plans {

std::optional<double> parse_number_vi(std::string_view text);

}  // namespace caunoi::plans
