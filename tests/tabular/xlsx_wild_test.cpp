// tests/tabular/xlsx_wild_test.cpp — the XLSX reader on spreadsheets from the wild (issue 22 item
// 2): the 65 files of tests/tabular/xlsx-wild (calamine's test files, MIT; saved by Excel,
// LibreOffice, Google Sheets, WPS and other libraries, each once a reader's bug). Every one is
// read, every sheet of it, or refused with a Vietnamese message naming the cause; and the cells
// whose value is known read as Excel shows them.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <map>

#include "common/error.h"
#include "tabular/rows.h"
#include "tabular/xlsx_reader.h"

using namespace caunoi;
namespace fs = std::filesystem;

namespace {

const fs::path kDir = fs::path(CAUNOI_SOURCE_DIR) / "tests" / "tabular" / "xlsx-wild";

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), {}};
}

// Every row of every sheet, as "row:cell|cell|…" lines; or the refusal's code.
struct Outcome {
  std::string code;  // empty when read
  std::string message;
  std::map<std::string, std::vector<std::string>> sheets;
};

Outcome read_all(const fs::path& p) {
  Outcome o;
  const std::string data = slurp(p);
  try {
    for (const auto& name : tabular::xlsx_sheet_names(data)) {
      auto& rows = o.sheets[name];
      tabular::XlsxOptions opt;
      opt.sheet = name;
      tabular::read_xlsx(
          data,
          [&](long row, tabular::Cells cells) {
            std::string line = std::to_string(row) + ":";
            for (std::size_t i = 0; i < cells.size(); ++i) (line += i ? "|" : "") += cells[i];
            rows.push_back(std::move(line));
            return true;
          },
          opt);
    }
  } catch (const Error& e) {
    o.code = e.code();
    o.message = e.what();
  }
  return o;
}

}  // namespace

TEST(XlsxWild, EveryFileIsReadOrRefusedWithItsCause) {
  // The two files no reader should take, and why.
  const std::map<std::string, std::string> refused = {
      {"issue252.xlsx", "xlsx_bad_xml"},         // its workbook relations are not well-formed XML
      {"pass_protected.xlsx", "xlsx_protected"}  // encrypted with a password
  };
  int files = 0;
  for (const auto& f : fs::directory_iterator(kDir)) {
    if (f.path().extension() != ".xlsx") continue;
    ++files;
    const std::string name = f.path().filename().string();
    SCOPED_TRACE(name);
    const Outcome o = read_all(f.path());
    if (auto it = refused.find(name); it != refused.end()) {
      EXPECT_EQ(o.code, it->second) << o.message;
      EXPECT_FALSE(o.message.empty());
    } else {
      EXPECT_EQ(o.code, "") << o.message;
      EXPECT_FALSE(o.sheets.empty());
    }
  }
  EXPECT_EQ(files, 65);
}

TEST(XlsxWild, CellsReadAsExcelShowsThem) {
  auto first = [](const char* file) {
    const Outcome o = read_all(kDir / file);
    EXPECT_EQ(o.code, "") << file << ": " << o.message;
    return o.sheets.empty() || o.sheets.begin()->second.empty() ? std::string()
                                                                : o.sheets.begin()->second[0];
  };
  EXPECT_EQ(first("has_x000D_.xlsx"), "1:ABC\r\nDEF");        // _x000D_ is a carriage return
  EXPECT_EQ(first("has_x000D_inline.xlsx"), "1:ABC\r\nDEF");  // also in an inline string
  EXPECT_EQ(first("date_1904.xlsx"), first("date.xlsx"));     // 1904 serials, same dates
  EXPECT_EQ(first("date.xlsx"), "1:2021-01-01|15");
  EXPECT_EQ(first("encoded_entities.xlsx"), "1:&");
  EXPECT_EQ(first("inlineStr_cdata.xlsx"), "1:Hello CDATA|World");
  EXPECT_EQ(first("errors.xlsx"), "1:#DIV/0!");
  // Windows paths inside the archive ("xl\\workbook.xml"), as some writers store them.
  const Outcome backslashes = read_all(kDir / "issue_530.xlsx");
  EXPECT_EQ(backslashes.code, "") << backslashes.message;
  EXPECT_FALSE(backslashes.sheets.empty());
}

TEST(XlsxWild, AProtectedFileSaysSoWhateverItsName) {
  const std::string data = slurp(kDir / "pass_protected.xlsx");
  for (const char* name : {"bao-cao.xlsx", "bao-cao.xls", "bao-cao.csv"}) {
    SCOPED_TRACE(name);
    try {
      tabular::read_any(
          data, name, [](long, tabular::Cells) { return true; }, "");
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "xlsx_protected");
      EXPECT_NE(std::string(e.what()).find("mật khẩu"), std::string::npos);
    }
  }
}
