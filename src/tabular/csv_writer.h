// tabular/csv_writer.h — CSV text that Excel opens correctly with Vietnamese text.
//
// Output is UTF-8 with a byte-order mark (without it Excel guesses a legacy code page and
// garbles the diacritics), CRLF line ends, RFC 4180 quoting where a field needs it. The
// delimiter is ',' by default; pass ';' for files meant for Excel on a Vietnamese-locale system.
// Numbers are written plainly ("144000"), never with grouping, so that they read back as numbers.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace caunoi::tabular {

class CsvWriter {
 public:
  explicit CsvWriter(char delimiter = ',', bool bom = true);
  CsvWriter& field(std::string_view value);
  CsvWriter& field(int64_t value);
  CsvWriter& end_row();
  CsvWriter& row(const std::vector<std::string>& values);
  const std::string& str() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  char delim_;
  bool at_row_start_ = true;
};

}  // namespace caunoi::tabular
