// tests/tabular/column_fit_test.cpp — column widths of a Word table: they fill the width, never
// break a number or a word, and give what is left to the column of long names.
#include <gtest/gtest.h>

#include <numeric>

#include "tabular/column_fit.h"

namespace caunoi::tabular {
namespace {

double sum(const std::vector<double>& v) {
  return std::accumulate(v.begin(), v.end(), 0.0);
}

TEST(ColumnFit, NamesTakeTheSpareWidthNumbersStayWhole) {
  std::vector<std::vector<std::string>> rows = {
      {"STT", "Chỉ tiêu", "Cùng kỳ 10 tháng đầu năm 2021"},
      {"1", "Hội nghị truyền thông, khách hàng, tư vấn, đối thoại, truyền thông nhóm nhỏ",
       "1.998.000.000"},
      {"2", "Lượt phát thanh", "12"}};
  auto w = fit_columns(rows, {true, false, true}, 165, 12);
  ASSERT_EQ(w.size(), 3u);
  EXPECT_NEAR(sum(w), 165, 1e-9);
  const double char_mm = 12 * 0.5 * 25.4 / 72;
  EXPECT_GE(w[2], 13 * char_mm);  // "1.998.000.000" on one line
  EXPECT_LT(w[2], 40);            // the heading wraps rather than widening the column
  EXPECT_LT(w[0], 15);
  EXPECT_GT(w[1], 100);  // the names get the rest
}

TEST(ColumnFit, ShortTablesShareTheWidthAndCrowdedOnesScale) {
  auto w = fit_columns({{"A", "B"}, {"x", "yy"}}, {false, false}, 100, 12);
  EXPECT_NEAR(sum(w), 100, 1e-9);
  EXPECT_GT(w[1], w[0]);  // in proportion to what they hold
  std::vector<std::string> wide(12, "123.456.789");
  auto crowded = fit_columns({wide, wide}, std::vector<bool>(12, true), 100, 12);
  EXPECT_NEAR(sum(crowded), 100, 1e-9);  // scaled: the minimums alone exceed the page
  EXPECT_NEAR(crowded[0], crowded[11], 1e-9);
}

}  // namespace
}  // namespace caunoi::tabular
