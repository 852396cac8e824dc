// tabular/csv_reader.h — RFC 4180 CSV as staff save it from Excel or LibreOffice.
//
// Accepts UTF-8 with or without a byte-order mark, comma or semicolon as the delimiter (Excel
// with a Vietnamese locale writes ";"), CRLF or LF line ends, quoted fields with doubled quotes
// and embedded line breaks. Blank lines are skipped (their row numbers are still counted). The
// delimiter is detected from the first line unless given: whichever of ';' and ',' occurs more
// often outside quotes (comma on a tie).
//
// Errors are caunoi::Error(invalid_input) with a Vietnamese message naming the row:
//   "csv_bad_quote"   a quote that is never closed, or text right after a closing quote
//   "csv_bad_utf8"    bytes that are not UTF-8 (for instance a file saved as Windows-1258)
// The reader never allocates per row beyond the cells that contain doubled quotes, so it keeps
// up with the import benchmark (bench/import_bench.cpp).
#pragma once

#include <filesystem>
#include <string>
#include <string_view>

#include "tabular/rows.h"

namespace caunoi::tabular {

struct CsvOptions {
  char delimiter = 0;  // 0: detect from the first line; else ',' or ';' (or '\t')
  bool check_utf8 = true;
};

// The delimiter detect would pick for this text (after any BOM).
char detect_delimiter(std::string_view data);

void read_csv(std::string_view data, const RowFn& fn, const CsvOptions& opt = {});

// The lines of the file (blank ones too), counting only line breaks outside double quotes, in
// one pass at memchr speed instead of read_csv's full parse. It equals read_csv's record count
// plus the blank lines for any well-formed file, but a stray quote inside an unquoted field or
// old Mac line ends (CR alone) throw it off: fit for a progress total, not for results.
size_t estimate_csv_lines(std::string_view data);

// Whole file into memory (throws not_found "file_not_found" with the path).
std::string read_file(const std::filesystem::path& path);

}  // namespace caunoi::tabular
