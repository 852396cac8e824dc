// tabular/csv_records.h — a whole CSV file as records keyed by their heading, for the project's
// own reference files (data/admin: UTF-8, comma-separated, one heading row). Built on
// read_csv, so quoting and line ends follow the same rules as for user files; unlike those,
// these files are trusted, so any fault is an internal error.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace caunoi::tabular {

using CsvRecord = std::map<std::string, std::string>;  // heading → cell ("" when missing)

// Throws caunoi::Error (internal, "data_file") naming the file if it cannot be read or parsed.
std::vector<CsvRecord> read_csv_records(const std::filesystem::path& path);

}  // namespace caunoi::tabular
