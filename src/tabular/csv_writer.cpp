// tabular/csv_writer.cpp — CsvWriter (see csv_writer.h).
#include "tabular/csv_writer.h"

namespace caunoi::tabular {

CsvWriter::CsvWriter(char delimiter, bool bom) : delim_(delimiter) {
  if (bom) out_ = "\xEF\xBB\xBF";
}

CsvWriter& CsvWriter::field(std::string_view v) {
  if (!at_row_start_) out_ += delim_;
  at_row_start_ = false;
  bool quote = v.find_first_of(std::string{'"', '\n', '\r', delim_}) != std::string_view::npos ||
               (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) {
    out_ += v;
    return *this;
  }
  out_ += '"';
  for (char c : v) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
  return *this;
}

CsvWriter& CsvWriter::field(int64_t v) {
  return field(std::string_view(std::to_string(v)));
}

CsvWriter& CsvWriter::end_row() {
  out_ += "\r\n";
  at_row_start_ = true;
  return *this;
}

CsvWriter& CsvWriter::row(const std::vector<std::string>& values) {
  for (const auto& v : values) field(std::string_view(v));
  return end_row();
}

}  // namespace caunoi::tabular
