// tabular/csv_records.cpp — see csv_records.h.
#include "tabular/csv_records.h"

#include "common/error.h"
#include "tabular/csv_reader.h"

namespace caunoi::tabular {

std::vector<CsvRecord> read_csv_records(const std::filesystem::path& path) {
  std::vector<std::string> headings;
  std::vector<CsvRecord> records;
  try {
    CsvOptions opt;
    opt.delimiter = ',';
    read_csv(
        read_file(path),
        [&](long, Cells cells) {
          if (headings.empty()) {
            headings.assign(cells.begin(), cells.end());
            return true;
          }
          CsvRecord& r = records.emplace_back();
          for (size_t i = 0; i < headings.size(); ++i) {
            r[headings[i]] = i < cells.size() ? std::string(cells[i]) : std::string();
          }
          return true;
        },
        opt);
  } catch (const Error& e) {
    throw Error(ErrorKind::internal, "data_file",
                "Không đọc được tệp dữ liệu " + path.string() + ": " + e.what());
  }
  return records;
}

}  // namespace caunoi::tabular
