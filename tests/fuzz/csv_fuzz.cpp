// tests/fuzz/csv_fuzz.cpp — libFuzzer target: any bytes through the CSV reader. It may refuse
// the input with caunoi::Error; it must not crash, hang, read out of bounds or hand out a row
// whose cells are not inside the input or its own scratch space. Built by scripts/fuzz.sh.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/error.h"
#include "tabular/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  for (char delim : {char{0}, ';'}) {
    caunoi::tabular::CsvOptions opt;
    opt.delimiter = delim;
    opt.check_utf8 = delim == 0;
    long last_row = 0;
    size_t bytes = 0;
    try {
      caunoi::tabular::read_csv(
          in,
          [&](long row, caunoi::tabular::Cells cells) {
            if (row <= last_row) __builtin_trap();  // rows only go forward
            last_row = row;
            for (auto c : cells) bytes += c.size();  // touches every byte of every cell
            return true;
          },
          opt);
    } catch (const caunoi::Error&) {
    }
    if (bytes > size) __builtin_trap();  // cells never hold more than the input
  }
  return 0;
}
