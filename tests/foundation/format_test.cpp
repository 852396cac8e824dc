// tests/foundation/format_test.cpp — Vietnamese number formatting and dates.
#include <gtest/gtest.h>

#include "common/date.h"
#include "common/format_vi.h"

using namespace caunoi;

TEST(FormatVi, GroupsThousandsWithDotsAndUsesCommaDecimals) {
  EXPECT_EQ(format_int_vi(144000), "144.000");
  EXPECT_EQ(format_int_vi(864200), "864.200");
  EXPECT_EQ(format_int_vi(999), "999");
  EXPECT_EQ(format_int_vi(-1234567), "-1.234.567");
  EXPECT_EQ(format_decimal_vi(2.93, 1), "2,9");
  EXPECT_EQ(format_decimal_vi(16400000.5, 1), "16.400.000,5");
  EXPECT_EQ(format_percent_vi(91.01), "91,01%");
}

TEST(Dates, ParseBothFormsAndRejectImpossibleDays) {
  EXPECT_EQ(Date::parse("2022-10-31"), (Date{2022, 10, 31}));
  EXPECT_EQ(Date::parse("31/10/2022"), (Date{2022, 10, 31}));
  EXPECT_FALSE(Date::parse("2022-02-29"));
  EXPECT_TRUE(Date::parse("2024-02-29"));
  EXPECT_FALSE(Date::parse("32/01/2022"));
  Date d{2022, 12, 31};
  EXPECT_EQ(Date::from_days(d.days()), d);
  EXPECT_EQ(d.add_days(1), (Date{2023, 1, 1}));
  EXPECT_EQ(d.vi(), "31/12/2022");
}
