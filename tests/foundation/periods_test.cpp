// tests/foundation/periods_test.cpp — parsing, Vietnamese names and cùng kỳ of periods.
#include <gtest/gtest.h>

#include "common/error.h"
#include "periods/period.h"

using caunoi::Date;
using caunoi::periods::Kind;
using caunoi::periods::Period;

TEST(Periods, ParsesTheFourForms) {
  auto m = Period::parse("2022-10");
  EXPECT_EQ(m.kind, Kind::month);
  EXPECT_EQ(m.from, (Date{2022, 10, 1}));
  EXPECT_EQ(m.to, (Date{2022, 10, 31}));
  EXPECT_EQ(m.vi(), "tháng 10/2022");

  auto q = Period::parse("2022Q3");
  EXPECT_EQ(q.kind, Kind::quarter);
  EXPECT_EQ(q.from, (Date{2022, 7, 1}));
  EXPECT_EQ(q.to, (Date{2022, 9, 30}));
  EXPECT_EQ(q.vi(), "quý III/2022");

  auto y = Period::parse("2022");
  EXPECT_EQ(y.vi(), "năm 2022");
  EXPECT_EQ(y.to, (Date{2022, 12, 31}));

  auto ytd = Period::parse("2022-01..2022-10");
  EXPECT_EQ(ytd.kind, Kind::year_to_date);
  EXPECT_EQ(ytd.from, (Date{2022, 1, 1}));
  EXPECT_EQ(ytd.to, (Date{2022, 10, 31}));
  EXPECT_EQ(ytd.vi(), "10 tháng đầu năm 2022");
  EXPECT_EQ(ytd.vi_lead(), "Đến hết tháng 10/2022");
  EXPECT_EQ(Period::parse("2023-01..2023-06").vi(), "6 tháng đầu năm 2023");
}

TEST(Periods, ArbitraryRanges) {
  auto r = Period::parse("2022-03..2022-05");
  EXPECT_EQ(r.kind, Kind::range);
  EXPECT_EQ(r.vi(), "từ tháng 3/2022 đến tháng 5/2022");
  auto d = Period::parse("2022-03-15..2022-04-02");
  EXPECT_EQ(d.vi(), "từ 15/03/2022 đến 02/04/2022");
  EXPECT_EQ(d.code(), "2022-03-15..2022-04-02");
  EXPECT_EQ(Period::parse("2022-01..2022-12").kind, Kind::year);
}

TEST(Periods, SamePeriodLastYear) {
  EXPECT_EQ(Period::parse("2022-01..2022-10").same_period_last_year(),
            Period::parse("2021-01..2021-10"));
  EXPECT_EQ(Period::parse("2022Q3").same_period_last_year(), Period::parse("2021Q3"));
  // February keeps its whole month across leap years.
  auto feb = Period::parse("2024-02").same_period_last_year();
  EXPECT_EQ(feb.to, (Date{2023, 2, 28}));
  auto feb2 = Period::parse("2025-02").same_period_last_year();
  EXPECT_EQ(feb2.to, (Date{2024, 2, 29}));
}

TEST(Periods, CodesRoundTrip) {
  for (const char* s : {"2022-10", "2022Q3", "2022", "2022-01..2022-10", "2022-03..2022-05"})
    EXPECT_EQ(Period::parse(s).code(), s);
}

TEST(Periods, MalformedPeriodsAreRefusedWithVietnameseMessage) {
  for (const char* s : {"", "2022-13", "2022Q5", "20222", "abc", "2022-10..2022-01",
                        "2022-02-30..2022-03-01", "1800"}) {
    try {
      Period::parse(s);
      FAIL() << "accepted " << s;
    } catch (const caunoi::Error& e) {
      EXPECT_EQ(e.code(), "bad_period");
      EXPECT_NE(e.message().find("không hợp lệ"), std::string::npos);
    }
  }
}
