// tabular/rows.cpp — picking the reader for a file (see rows.h).
#include "tabular/rows.h"

#include <algorithm>
#include <cctype>
#include <string>

#include "tabular/csv_reader.h"
#include "tabular/xlsx_reader.h"

namespace caunoi::tabular {

std::string_view detect_format(std::string_view data, std::string_view filename) {
  if (data.size() >= 4 && data.substr(0, 4) == std::string_view("PK\x03\x04", 4)) return "xlsx";
  // An OLE compound file: a password-protected .xlsx or an old .xls, which the XLSX reader
  // refuses by name (xlsx_protected, xlsx_old_format) rather than as garbled CSV.
  if (data.size() >= 4 && data.substr(0, 4) == std::string_view("\xD0\xCF\x11\xE0", 4))
    return "xlsx";
  std::string ext(filename.substr(std::min(filename.size(), filename.rfind('.'))));
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext == ".xlsx" ? "xlsx" : "csv";
}

void read_any(std::string_view data, std::string_view filename, const RowFn& fn,
              std::string_view sheet) {
  if (detect_format(data, filename) == "xlsx") {
    XlsxOptions opt;
    opt.sheet = std::string(sheet);
    read_xlsx(data, fn, opt);
  } else {
    read_csv(data, fn);
  }
}

}  // namespace caunoi::tabular
