// tabular/xlsx_reader.h — the cells of one worksheet of an .xlsx file (Office Open XML).
//
// Reads the archive from memory with libzip and its XML parts with expat, streaming the sheet
// so that large files do not build a DOM. Understood: the workbook's sheet list and relations
// (to find a sheet by name or take the first), shared strings (including rich-text runs),
// inline strings, numbers, booleans, formula results (the cached value), and the styles part
// to tell which numeric cells are dates: those cells come out as ISO text "2022-10-31" (serial
// numbers counted from 1899-12-30, the 1900 leap-year bug included; a time part is dropped).
// Everything else in the package is ignored.
//
// Errors are caunoi::Error(invalid_input) with a Vietnamese message:
//   "xlsx_bad_zip"        not a ZIP archive, or a damaged one
//   "xlsx_bad_xml"        a part that is not well-formed XML, or a missing required part
//   "xlsx_no_sheet"       the named sheet does not exist (the message lists the sheets)
//   "xlsx_too_large"      a part that unpacks to more than the limit (zip bombs)
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "tabular/rows.h"

namespace caunoi::tabular {

struct XlsxOptions {
  std::string sheet;                           // "" = the first sheet in workbook order
  size_t max_part_bytes = 512u * 1024 * 1024;  // uncompressed size allowed for one part
};

// The sheet names in workbook order.
std::vector<std::string> xlsx_sheet_names(std::string_view data);

void read_xlsx(std::string_view data, const RowFn& fn, const XlsxOptions& opt = {});

// Excel's day serial (1900 system) to a date; nullopt when out of range (before 1900, after 9999).
std::optional<Date> excel_serial_to_date(double serial);
double date_to_excel_serial(Date d);

// "C12" → column index 2 (0-based) and row 12; false if it is not a cell reference.
bool parse_cell_ref(std::string_view ref, int& col, long& row);

}  // namespace caunoi::tabular
