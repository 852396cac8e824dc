// places/simple_csv.cpp — see simple_csv.h.
#include "places/simple_csv.h"

#include <fstream>
#include <sstream>

#include "common/error.h"

namespace caunoi::places {
namespace {

std::vector<std::string> split_line(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (size_t i = 0; i < line.size(); ++i) {
    char ch = line[i];
    if (quoted) {
      if (ch == '"' && i + 1 < line.size() && line[i + 1] == '"')
        out.back() += '"', ++i;
      else if (ch == '"')
        quoted = false;
      else
        out.back() += ch;
    } else if (ch == '"') {
      quoted = true;
    } else if (ch == ',') {
      out.emplace_back();
    } else if (ch != '\r') {
      out.back() += ch;
    }
  }
  return out;
}

}  // namespace

std::vector<CsvRecord> read_simple_csv(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in)
    throw Error(ErrorKind::internal, "data_file", "Không đọc được tệp dữ liệu " + path.string());
  std::string line;
  std::getline(in, line);
  auto header = split_line(line);
  std::vector<CsvRecord> rows;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    auto cells = split_line(line);
    CsvRecord r;
    for (size_t i = 0; i < header.size() && i < cells.size(); ++i) r[header[i]] = cells[i];
    rows.push_back(std::move(r));
  }
  return rows;
}

}  // namespace caunoi::places
