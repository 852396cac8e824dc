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
//   "xlsx_protected"      an .xlsx encrypted with a password (an OLE file holding EncryptedPackage)
//   "xlsx_old_format"     a workbook in the old binary format (.xls)
//   "xlsx_bad_xml"        a part that is not well-formed XML, or a missing required part
//   "xlsx_no_sheet"       the named sheet does not exist (the message lists the sheets)
// and caunoi::Error(too_large), the message saying which limit (XlsxLimits) was reached:
//   "xlsx_bomb"           a part that unpacks to more than XlsxLimits allows (zip bombs), by the
//                         sizes the archive declares or by the bytes actually unpacked
//   "xlsx_too_much_text"  more text to hold than XlsxLimits::held_bytes (shared strings, styles,
//                         the cells of one row)
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"
#include "tabular/rows.h"

namespace caunoi::tabular {

// What reading one file may cost, so that a small upload cannot take the server's memory or
// minutes of CPU (issue 21: 164 KB of shared strings unpacking to 100 MB took 1.1 GB). The one
// place these numbers live; docs/security.md ("Files and imports") explains each. The worksheet
// is streamed row by row, so its size costs time only; what the reader keeps (shared strings,
// styles, one row) costs memory and has its own bound.
struct XlsxLimits {
  // No part unpacks to more than `ratio` times the whole file, or `ratio_floor` for a small
  // file. Sheet XML of 200,000 varied rows, as Excel writes it, deflates 7.4× (even 200,000 empty
  // styled cells only 8.6×); a part of one repeated letter, the bomb's stuff, about 1,000×.
  uint64_t ratio = 100;
  uint64_t ratio_floor = uint64_t{1} << 20;
  uint64_t part_bytes = uint64_t{256} << 20;   // nor beyond this, however large the file
  uint64_t total_bytes = uint64_t{512} << 20;  // all the parts one read unpacks, together
  // Kept in memory while reading: the shared strings (their text and 8 bytes each), styles and
  // relations together; and, apart, the cells of any one row.
  uint64_t held_bytes = uint64_t{64} << 20;
};

struct XlsxOptions {
  std::string sheet;  // "" = the first sheet in workbook order
  XlsxLimits limits;
};

// The sheet names in workbook order.
std::vector<std::string> xlsx_sheet_names(std::string_view data, const XlsxLimits& limits = {});

void read_xlsx(std::string_view data, const RowFn& fn, const XlsxOptions& opt = {});

// Excel's day serial (1900 system) to a date; nullopt when out of range (before 1900, after 9999).
std::optional<Date> excel_serial_to_date(double serial);
double date_to_excel_serial(Date d);

// "C12" → column index 2 (0-based) and row 12; false if it is not a cell reference.
bool parse_cell_ref(std::string_view ref, int& col, long& row);

}  // namespace caunoi::tabular
