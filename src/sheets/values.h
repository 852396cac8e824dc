// sheets/values.h — one cell's text as every import reads it: blanks trimmed and caunoi's own
// export mark taken off, then dates and numbers the ways staff and spreadsheet programs write
// them.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "common/date.h"
#include "tabular/rows.h"

namespace caunoi::sheets {

// The cell as its text: trimmed (common/trim.h), and the apostrophe a caunoi CSV export put
// before a formula-like text taken off (tabular::unescape_text_cell), so that an export reads
// back as what was stored.
std::string_view cell_text(std::string_view raw);

// True when every cell is blank once trimmed: such rows are passed over (a heading row is
// looked for below them).
bool blank_row(tabular::Cells cells);

// dd/mm/yyyy, d/m/yyyy, dd-mm-yyyy, dd.mm.yyyy, ISO yyyy-mm-dd (how the XLSX reader gives a
// cell with a date format), or an Excel serial number (five digits) in an unformatted cell.
std::optional<Date> read_date(std::string_view s);

// Counts as staff write them: "1200", "1.200" or "1,200" (thousands grouped by groups of
// exactly three: a count has no fraction, so "1,200" written by an English-locale Excel is
// 1200), "1200.0" or "1.2E+3" from a spreadsheet. Anything with a real fraction is refused.
std::optional<int64_t> read_count(std::string_view s);

// Quantities that may have a fraction, the Vietnamese way: "1.604.000", "1604000", "91,75"
// (the comma is the decimal mark), "1.604,5", "91.75" (the XLSX reader's text of a number).
// A dot followed by groups of exactly three digits groups thousands. Spaces are ignored.
std::optional<double> read_number(std::string_view text);

}  // namespace caunoi::sheets
