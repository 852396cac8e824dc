// places/simple_csv.h — reads the project's own reference CSV files (data/admin), which are
// UTF-8, comma-separated, one header row, quoted per RFC 4180 when needed. User files go through
// the full validating readers of src/tabular instead.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace caunoi::places {

using CsvRecord = std::map<std::string, std::string>;
// Throws caunoi::Error (internal, "data_file") if the file cannot be read.
std::vector<CsvRecord> read_simple_csv(const std::filesystem::path& path);

}  // namespace caunoi::places
