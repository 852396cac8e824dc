// tabular/csv_writer.cpp — CsvWriter and the formula rule for text cells (see csv_writer.h).
#include "tabular/csv_writer.h"

namespace caunoi::tabular {

namespace {
constexpr std::string_view kFormulaStarts{"=+-@\t\r"};
constexpr char kTextMark = '\'';
}  // namespace

bool needs_text_mark(std::string_view text) {
  size_t first = text.find_first_not_of(kTextMark);
  return first != std::string_view::npos &&
         kFormulaStarts.find(text[first]) != std::string_view::npos;
}

std::string_view unescape_text_cell(std::string_view cell) {
  if (cell.starts_with(kTextMark) && needs_text_mark(cell.substr(1))) cell.remove_prefix(1);
  return cell;
}

CsvWriter::CsvWriter(char delimiter, bool bom) : delim_(delimiter) {
  if (bom) out_ = "\xEF\xBB\xBF";
}

CsvWriter& CsvWriter::field(std::string_view v) {
  // The mark goes inside the quotes of a quoted field ("'=a;b"), so put() writes it.
  return needs_text_mark(v) ? put(std::string_view(&kTextMark, 1), v) : put({}, v);
}

CsvWriter& CsvWriter::field(int64_t v) {
  return put({}, std::to_string(v));
}

CsvWriter& CsvWriter::put(std::string_view prefix, std::string_view v) {
  if (!at_row_start_) out_ += delim_;
  at_row_start_ = false;
  bool quote = v.find_first_of(std::string{'"', '\n', '\r', delim_}) != std::string_view::npos ||
               (!v.empty() && (v.front() == ' ' || v.back() == ' '));
  if (!quote) {
    out_ += prefix;
    out_ += v;
    return *this;
  }
  out_ += '"';
  out_ += prefix;
  for (char c : v) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
  return *this;
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
