// tabular/csv_writer.h — CSV text that Excel opens correctly with Vietnamese text, and the one
// rule that keeps user text in it from running as a formula (with its undoing on import).
//
// Output is UTF-8 with a byte-order mark (without it Excel guesses a legacy code page and
// garbles the diacritics), CRLF line ends, RFC 4180 quoting where a field needs it. The
// delimiter is ',' by default; pass ';' for files meant for Excel on a Vietnamese-locale system.
// Numbers are written plainly ("144000"), never with grouping, so that they read back as numbers.
//
// Text cells vs number cells: field(std::string_view) writes a text cell, which may hold what
// anyone typed (a title, a note, a reference), so one that needs_text_mark gets a leading
// apostrophe (OWASP's advice; the programs then show it as text); field(int64_t) writes a
// number cell exactly as the number reads, so -5 stays -5.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace caunoi::tabular {

// Spreadsheet programs run a cell that starts with '=', '+', '-' or '@' as a formula, and some
// skip a leading tab or carriage return before looking: an activity titled
// =HYPERLINK("http://…"&A1,"Bấm vào") would run on the machine of the officer who opens the
// export (OWASP "CSV Injection"). True for text starting with one of those six characters, or
// with apostrophes and then one: marking those too ("'=1" is written "''=1") is what lets
// unescape_text_cell undo exactly what the writer did, whatever the text.
bool needs_text_mark(std::string_view text);

// The writer's apostrophe undone, for caunoi's own imports: drops one leading apostrophe when
// what follows needs_text_mark, so an export imports back as what was stored. Any other text
// (an apostrophe before a letter or a digit) is left as written.
std::string_view unescape_text_cell(std::string_view cell);

class CsvWriter {
 public:
  explicit CsvWriter(char delimiter = ',', bool bom = true);
  CsvWriter& field(std::string_view value);  // a text cell
  CsvWriter& field(int64_t value);           // a number cell
  CsvWriter& end_row();
  // A row of text cells.
  CsvWriter& row(const std::vector<std::string>& values);
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  // `prefix` (at most the apostrophe) goes before the value, inside any quotes.
  CsvWriter& put(std::string_view prefix, std::string_view value);

  std::string out_;
  char delim_;
  bool at_row_start_ = true;
};

}  // namespace caunoi::tabular
