// tabular/xlsx_writer.h — writing .xlsx files (exports, report tables, blank templates).
//
// A thin wrapper over libxlsxwriter that keeps its C handles out of callers' code and gives them
// a fixed set of cell styles. libxlsxwriter 1.1.4 (Debian 12) only writes to a file, so the
// writer works in a private temporary file and finish() hands back the bytes (for an HTTP
// response) or save() moves them to a path.
//
// Numbers are written as numbers, never as preformatted text, so that staff can add them up in
// Excel. Their formats are the locale-neutral codes of the file format ("#,##0", "0.0",
// "0.00%"): in those codes "," means "group separator" and "." means "decimal mark", and Excel
// or LibreOffice draws them with the reader's own locale — on a Vietnamese system 144000 shows
// as "144.000" and 2.93 as "2,93". Writing a literal "#.##0" instead would be wrong everywhere
// (it means one decimal place in the file format). Where the exact Vietnamese look matters more
// than arithmetic (a narrative sentence), write text made with common/format_vi.h.
//
// Dates are written as Excel dates with the format "dd/mm/yyyy".
//
// Usage:
//   tabular::XlsxWriter w;
//   auto& s = w.add_sheet("Hoạt động");
//   s.text(0, 0, "Ngày", tabular::Style::header);
//   s.date(1, 0, Date{2022, 10, 31});
//   s.number(1, 1, 144000);            // Style::integer by default
//   std::string bytes = w.finish();
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace caunoi::tabular {

enum class Style {
  plain,         // text as is
  header,        // bold, grey fill, thin border, wrapped, centred: column headings
  title,         // bold, 14 pt: a report title above the table
  bold,          // bold text
  integer,       // #,##0
  integer_bold,  // #,##0 in bold (totals)
  decimal1,      // #,##0.0
  decimal2,      // #,##0.00
  percent,       // 0.00% — give the fraction (0.9101 shows as 91,01%)
  percent1,      // 0.0%
  date,          // dd/mm/yyyy
  note,          // italic grey: explanations under a table or in a template
  text_entry,    // number format "@": what is typed stays text ("04270", "05/03/2022")
};

class XlsxSheet {
 public:
  // Rows and columns are 0-based, as in libxlsxwriter ("A1" is 0,0).
  void text(int row, int col, std::string_view value, Style s = Style::plain);
  void number(int row, int col, double value, Style s = Style::integer);
  void date(int row, int col, Date value, Style s = Style::date);
  void blank(int row, int col, Style s);
  // Writes a row of texts starting at column 0 (a header row, typically).
  void texts(int row, const std::vector<std::string>& values, Style s = Style::plain);
  // One text spread over a rectangle of cells.
  void merge(int first_row, int first_col, int last_row, int last_col, std::string_view value,
             Style s = Style::title);
  // With a style, it is also the format of the columns' empty cells, the format a user's typing
  // takes (templates: Style::text_entry keeps codes' leading zeros and dates as written).
  // Ranges must not overlap: a later call replaces an earlier one's columns.
  void column_width(int first_col, int last_col, double width);
  void column_width(int first_col, int last_col, double width, Style s);
  void freeze(int rows, int cols);  // keep the first `rows` rows / `cols` columns in view
  void autofilter(int first_row, int first_col, int last_row, int last_col);
  // A drop-down list on a column range (templates: codes of kinds, languages...). Excel limits
  // the inline list to 255 characters; a longer list is taken from `source_range` instead, e.g.
  // "'Danh mục'!$A$2:$A$40".
  void list_validation(int first_row, int col, int last_row, const std::vector<std::string>& values,
                       std::string_view source_range = "");
  // A cell comment (hover note) — explains a template column.
  void comment(int row, int col, std::string_view value);

 private:
  friend class XlsxWriter;
  struct Impl;
  explicit XlsxSheet(Impl* impl) : impl_(impl) {}
  Impl* impl_;
};

class XlsxWriter {
 public:
  // constant_memory: rows are flushed as they are written (large exports); then every sheet must
  // be written row by row in order, and merge() is not available.
  explicit XlsxWriter(bool constant_memory = false);
  ~XlsxWriter();
  XlsxWriter(const XlsxWriter&) = delete;
  XlsxWriter& operator=(const XlsxWriter&) = delete;

  // Sheet names: at most 31 characters, none of []:*?/\ (they are replaced by '-' and cut).
  XlsxSheet& add_sheet(std::string_view name);
  // Closes the workbook and returns the file's bytes. The writer is spent afterwards.
  std::string finish();
  // Closes the workbook and writes it to `path`.
  void save(const std::filesystem::path& path);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The MIME type of an .xlsx file, for Content-Type.
inline constexpr const char* kXlsxMime =
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

}  // namespace caunoi::tabular
