// plans/import.h — the columns the target and result importers read (CSV or XLSX, first row
// headers, matched without regard to case, diacritics or punctuation; codes in parentheses work
// too). The headings are those of data/import/headings.csv (imports "plan_targets" and
// "plan_results", sheets/headings.h); results add each measure's code, column name and label.
// Cells are read by the rules every import shares (sheets/): trimmed, numbers the Vietnamese
// way, a unit by id (zeros Excel dropped put back) or by name among the units of the year's end
// (targets) or the period's end (results).
//
// Targets ("Chỉ tiêu kế hoạch"):
//   Mã đơn vị (unit) | Năm (year) | Chỉ tiêu (indicator) | Nhóm đối tượng (group, optional)
//   | Giá trị (value) | Ghi chú (note, optional)
// Participation results ("Kết quả phát triển người tham gia"):
//   Mã đơn vị (unit) | Kỳ (period: 2022-03, 2022Q1, 03/2022) | one column per measure, headed by
//   its code or its Vietnamese column name (BHXH bắt buộc, BHXH tự nguyện, BHTN, BHYT, Dân số,
//   Lực lượng lao động) | optional "BHYT - <nhóm>" columns for BHYT by group.
//   Empty cells mean "not reported"; a row must have at least one figure.
// A column "Tên đơn vị" (or any other unknown column) is ignored. Every bad row and cell is
// reported as "dòng N / <column>"; if there is any, nothing is written.
#pragma once

#include <string>
#include <string_view>

namespace caunoi::plans {

// The header a column is known by after folding ("Mã đơn vị" → "unit"); "" if unknown.
std::string target_column(std::string_view header);
// "unit", "period", a measure code, "bhyt.<group>", or "" if unknown.
std::string result_column(std::string_view header);

}  // namespace caunoi::plans
