// tests/sheets/values_test.cpp — cells as every import reads them: one trim rule, caunoi's own
// export mark taken off, dates in the forms staff and spreadsheet programs write, counts and
// Vietnamese numbers.
#include <gtest/gtest.h>

#include <string_view>
#include <vector>

#include "common/trim.h"
#include "sheets/values.h"

namespace caunoi {
namespace {

TEST(Trim, BlanksAndNonBreakingSpacesOnBothSides) {
  EXPECT_EQ(trim("  Yên Bái\t\r\n"), "Yên Bái");
  EXPECT_EQ(trim("\xC2\xA0 \xC2\xA0"
                 "15 \xC2\xA0"),
            "15");
  EXPECT_EQ(trim("a  b"), "a  b");  // inside is not its business
  EXPECT_EQ(trim(" \t\xC2\xA0 "), "");
  EXPECT_EQ(trim(""), "");
}

TEST(CellText, TrimsAndTakesOffTheExportMark) {
  EXPECT_EQ(sheets::cell_text("  '=SUM(1,2) "), "=SUM(1,2)");
  EXPECT_EQ(sheets::cell_text("'abc"), "'abc");  // an apostrophe before a letter stays
  std::vector<std::string_view> blank = {" ", "\xC2\xA0", ""};
  std::vector<std::string_view> not_blank = {" ", "x"};
  EXPECT_TRUE(sheets::blank_row(blank));
  EXPECT_FALSE(sheets::blank_row(not_blank));
}

TEST(ReadDate, EveryFormStaffWrite) {
  Date d{2022, 10, 31};
  for (std::string_view s : {"31/10/2022", "2022-10-31", "31-10-2022", "31.10.2022", "44865"})
    EXPECT_EQ(sheets::read_date(s), d) << s;
  EXPECT_EQ(sheets::read_date("1/2/2022"), (Date{2022, 2, 1}));
  EXPECT_EQ(sheets::read_date("2022/2/1"), (Date{2022, 2, 1}));
  // Excel counts a 29/02/1900 that never was: its serials before it are one day off.
  EXPECT_EQ(sheets::read_date("00059"), (Date{1900, 2, 28}));
  EXPECT_EQ(sheets::read_date("00061"), (Date{1900, 3, 1}));
  for (std::string_view s : {"31/02/2022", "10/2022", "31/10/22", "hôm qua", "", "1/2/3/2022"})
    EXPECT_FALSE(sheets::read_date(s)) << s;
}

TEST(ReadCount, GroupedPlainAndSpreadsheetForms) {
  EXPECT_EQ(sheets::read_count("1200"), 1200);
  EXPECT_EQ(sheets::read_count("1.200"), 1200);
  EXPECT_EQ(sheets::read_count("1,200"), 1200);
  EXPECT_EQ(sheets::read_count("1.234.567"), 1234567);
  EXPECT_EQ(sheets::read_count("1200.0"), 1200);
  EXPECT_EQ(sheets::read_count("1.2E+3"), 1200);
  EXPECT_EQ(sheets::read_count("-3"), -3);
  for (std::string_view s : {"1,5", "1.20", "12.5", "abc", "", "1.2345"})
    EXPECT_FALSE(sheets::read_count(s)) << s;
}

TEST(ReadNumber, VietnameseAndPlain) {
  EXPECT_EQ(sheets::read_number("1.604.000"), 1604000);
  EXPECT_EQ(sheets::read_number("18.004"), 18004);
  EXPECT_EQ(sheets::read_number("91,75"), 91.75);
  EXPECT_EQ(sheets::read_number("91.75"), 91.75);
  EXPECT_EQ(sheets::read_number("1.604,5"), 1604.5);
  EXPECT_EQ(sheets::read_number("106400"), 106400);
  EXPECT_EQ(sheets::read_number("1 604 000"), 1604000);
  EXPECT_FALSE(sheets::read_number("1.60.4"));
  EXPECT_FALSE(sheets::read_number("1,5,6"));
  EXPECT_FALSE(sheets::read_number("abc"));
  EXPECT_FALSE(sheets::read_number(""));
}

}  // namespace
}  // namespace caunoi
