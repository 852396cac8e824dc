// tests/fuzz/xlsx_fuzz.cpp — libFuzzer target: any bytes as an .xlsx archive. The reader may
// refuse with caunoi::Error; it must not crash, hang, or exhaust memory (parts are capped).
// Seeds are real workbooks written by tabular::XlsxWriter (scripts/fuzz.sh makes them).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/error.h"
#include "tabular/xlsx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  std::string_view in(reinterpret_cast<const char*>(data), size);
  caunoi::tabular::XlsxOptions opt;
  opt.limits.part_bytes = 8u << 20;  // what the fuzzer's memory limit affords
  try {
    size_t cells = 0;
    caunoi::tabular::read_xlsx(
        in,
        [&](long row, caunoi::tabular::Cells c) {
          if (row < 1 || row > 1048576 || c.size() > 16384) __builtin_trap();
          cells += c.size();
          return cells < 1000000;
        },
        opt);
    caunoi::tabular::xlsx_sheet_names(in);
  } catch (const caunoi::Error&) {
  }
  return 0;
}
