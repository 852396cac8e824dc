// tabular/rows.h — what the CSV and XLSX readers hand to their callers: one row at a time.
//
// Both readers stream: they call a RowFn for every row of the file, in file order, with the
// cells as text views that stay valid only during the call (copy what you keep). Row numbers
// are the ones a user sees in a spreadsheet program: the first record of the file is 1 (for
// CSV a quoted line break does not start a new row; for XLSX the "r" attribute of the row, so
// gaps are kept). Empty trailing cells may be missing;
// treat a missing cell as "". XLSX cells with a date format arrive as ISO text "2022-10-31"
// (see xlsx_reader.h); numbers arrive as their shortest decimal text ("120", "0.5").
//
// A RowFn returns false to stop reading early.
#pragma once

#include <functional>
#include <span>
#include <string_view>

namespace caunoi::tabular {

using Cells = std::span<const std::string_view>;
using RowFn = std::function<bool(long row, Cells cells)>;

// Which reader a file wants: by content (an XLSX file is a ZIP archive, "PK\3\4"; an OLE file
// is sent to the XLSX reader, which names why it cannot read it) and then by
// its name (".xlsx", ".csv", ".txt"). Returns "xlsx" or "csv".
std::string_view detect_format(std::string_view data, std::string_view filename);

// Reads CSV or XLSX from memory as detect_format says; `sheet` names the XLSX sheet ("" = the
// first one) and is ignored for CSV. Throws caunoi::Error like the readers do.
void read_any(std::string_view data, std::string_view filename, const RowFn& fn,
              std::string_view sheet = "");

}  // namespace caunoi::tabular
