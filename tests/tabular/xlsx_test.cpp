// tests/tabular/xlsx_test.cpp — the XLSX writer and reader against each other, plus the date
// serial arithmetic and damaged archives.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/error.h"
#include "tabular/rows.h"
#include "tabular/xlsx_reader.h"
#include "tabular/xlsx_writer.h"

namespace tab = caunoi::tabular;
using caunoi::Date;

namespace {

std::vector<std::pair<long, std::vector<std::string>>> read_all(const std::string& bytes,
                                                                const std::string& sheet = "") {
  std::vector<std::pair<long, std::vector<std::string>>> out;
  tab::XlsxOptions opt;
  opt.sheet = sheet;
  tab::read_xlsx(
      bytes,
      [&](long row, tab::Cells c) {
        out.emplace_back(row, std::vector<std::string>(c.begin(), c.end()));
        return true;
      },
      opt);
  return out;
}

}  // namespace

TEST(ExcelSerial, KnownDates) {
  EXPECT_EQ(tab::excel_serial_to_date(44865), (Date{2022, 10, 31}));
  EXPECT_EQ(tab::excel_serial_to_date(1), (Date{1900, 1, 1}));
  EXPECT_EQ(tab::excel_serial_to_date(61), (Date{1900, 3, 1}));
  EXPECT_EQ(tab::excel_serial_to_date(44865.75), (Date{2022, 10, 31}));  // time dropped
  EXPECT_FALSE(tab::excel_serial_to_date(-3));
  for (Date d : {Date{1900, 1, 1}, Date{1900, 2, 28}, Date{1900, 3, 1}, Date{2025, 7, 1}}) {
    EXPECT_EQ(tab::excel_serial_to_date(tab::date_to_excel_serial(d)), d);
  }
}

TEST(CellRef, Parses) {
  int col = -1;
  long row = -1;
  ASSERT_TRUE(tab::parse_cell_ref("C12", col, row));
  EXPECT_EQ(col, 2);
  EXPECT_EQ(row, 12);
  ASSERT_TRUE(tab::parse_cell_ref("AA1", col, row));
  EXPECT_EQ(col, 26);
  EXPECT_FALSE(tab::parse_cell_ref("12", col, row));
  EXPECT_FALSE(tab::parse_cell_ref("A0", col, row));
  EXPECT_FALSE(tab::parse_cell_ref("ZZZZ1", col, row));
}

TEST(Xlsx, WriterOutputReadsBackWithDatesNumbersAndGaps) {
  tab::XlsxWriter w;
  auto& s = w.add_sheet("Hoạt động");
  s.texts(0, {"Ngày", "Đơn vị", "Số người tham dự"}, tab::Style::header);
  s.date(1, 0, Date{2022, 10, 31});
  s.text(1, 1, "Yên Bái");
  s.number(1, 2, 144000);
  s.text(3, 1, "Xã Tả Van");  // row 3 (0-based) leaves row 3 (1-based) empty
  s.number(3, 2, 2.5, tab::Style::decimal1);
  auto& other = w.add_sheet("Danh mục");
  other.text(0, 0, "conference");
  std::string bytes = w.finish();
  ASSERT_EQ(tab::detect_format(bytes, "x.bin"), "xlsx");

  auto rows = read_all(bytes);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].first, 1);
  EXPECT_EQ(rows[0].second, (std::vector<std::string>{"Ngày", "Đơn vị", "Số người tham dự"}));
  EXPECT_EQ(rows[1].second, (std::vector<std::string>{"2022-10-31", "Yên Bái", "144000"}));
  EXPECT_EQ(rows[2].first, 4);
  EXPECT_EQ(rows[2].second, (std::vector<std::string>{"", "Xã Tả Van", "2.5"}));

  EXPECT_EQ(tab::xlsx_sheet_names(bytes), (std::vector<std::string>{"Hoạt động", "Danh mục"}));
  auto second = read_all(bytes, "Danh mục");
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].second.at(0), "conference");
}

TEST(Xlsx, UnknownSheetListsTheSheets) {
  tab::XlsxWriter w;
  w.add_sheet("Một").text(0, 0, "x");
  std::string bytes = w.finish();
  try {
    read_all(bytes, "Hai");
    FAIL() << "no error";
  } catch (const caunoi::Error& e) {
    EXPECT_EQ(e.code(), "xlsx_no_sheet");
    EXPECT_NE(e.message().find("\"Một\""), std::string::npos);
  }
}

TEST(Xlsx, DamagedArchivesAreRefusedNotCrashed) {
  tab::XlsxWriter w;
  w.add_sheet("S").text(0, 0, "x");
  std::string bytes = w.finish();
  EXPECT_THROW(read_all("PK\x03\x04 not really a zip"), caunoi::Error);
  EXPECT_THROW(read_all(bytes.substr(0, bytes.size() / 2)), caunoi::Error);
  std::string flipped = bytes;
  for (size_t i = 100; i < flipped.size(); i += 97) flipped[i] = static_cast<char>(~flipped[i]);
  EXPECT_THROW(read_all(flipped), caunoi::Error);
}

TEST(Xlsx, SheetNamesAreCleaned) {
  tab::XlsxWriter w;
  w.add_sheet("Báo cáo: quý III/2022 [toàn quốc] rất dài dài dài").text(0, 0, "x");
  std::string bytes = w.finish();
  auto names = tab::xlsx_sheet_names(bytes);
  ASSERT_EQ(names.size(), 1u);
  EXPECT_EQ(names[0].find_first_of("[]:/"), std::string::npos);
}
