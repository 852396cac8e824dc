// tests/analytics/seed_figures_test.cpp — the figures the seed articles quote, rebuilt from
// participation results and targets entered through plans::Service and read back through the
// analytics engine: national BHXH at the end of Q1/2022 and BHYT coverage in 2021, Đắk Lắk 2022.
#include <gtest/gtest.h>

#include "analytics/world.h"

namespace caunoi {
namespace {

using testutil::AnalyticsWorld;

// Shares a national total out over the old provinces (unequal, exact sum).
std::vector<int64_t> share(int64_t total, size_t n) {
  std::vector<int64_t> out(n);
  int64_t weight_sum = 0;
  for (size_t i = 0; i < n; ++i) weight_sum += static_cast<int64_t>(i % 7 + 1);
  int64_t given = 0;
  for (size_t i = 0; i < n; ++i) {
    out[i] = total * static_cast<int64_t>(i % 7 + 1) / weight_sum;
    given += out[i];
  }
  out[0] += total - given;
  return out;
}

void national_results(AnalyticsWorld& w, const std::string& period,
                      const std::vector<std::pair<std::string, int64_t>>& totals) {
  auto provinces = testutil::old_provinces();
  std::vector<plans::ResultRecord> rs(provinces.size());
  for (size_t i = 0; i < provinces.size(); ++i) {
    rs[i].unit_id = provinces[i];
    rs[i].period = period;
  }
  for (const auto& [measure, total] : totals) {
    auto parts = share(total, provinces.size());
    for (size_t i = 0; i < provinces.size(); ++i) rs[i].values.push_back({measure, "", parts[i]});
  }
  w.plans.put_results(*w.db, rs, testutil::by());
}

TEST(SeedFigures, NationalBhxhAtEndOfFirstQuarter2022) {
  AnalyticsWorld w;
  // Monthly results for Q1; the quarter's value is the one as of March.
  national_results(w, "2022-01",
                   {{"bhxh_compulsory", 14'980'000},
                    {"bhxh_voluntary", 1'300'000},
                    {"labour_force", 50'400'000}});
  national_results(w, "2022-03",
                   {{"bhxh_compulsory", 15'130'000},
                    {"bhxh_voluntary", 1'283'000},
                    {"labour_force", 50'548'198}});
  auto total = w.figure("bhxh_participants", "VN", "2022Q1");
  ASSERT_TRUE(total.value);
  EXPECT_EQ(*total.value, 16'413'000);
  EXPECT_EQ(total.as_of, analytics::month_index(2022, 3));
  EXPECT_EQ(*w.figure("bhxh_compulsory", "VN", "2022Q1").value, 15'130'000);
  EXPECT_EQ(*w.figure("bhxh_voluntary", "VN", "2022Q1").value, 1'283'000);
  auto share_lf = w.figure("bhxh_labour_share", "VN", "2022Q1");
  ASSERT_TRUE(share_lf.value);
  EXPECT_NEAR(*share_lf.value, 32.47, 0.005);
  // January alone is a different stock.
  EXPECT_EQ(*w.figure("bhxh_participants", "VN", "2022-01").value, 16'280'000);
}

TEST(SeedFigures, BhytCoverage2021) {
  AnalyticsWorld w;
  national_results(w, "2021-06", {{"bhyt", 88'900'000}, {"population", 98'300'000}});
  national_results(w, "2021Q4", {{"bhyt", 89'650'311}, {"population", 98'506'000}});
  auto cov = w.figure("bhyt_coverage", "VN", "2021");
  ASSERT_TRUE(cov.value);
  EXPECT_NEAR(*cov.value, 91.01, 0.005);
  EXPECT_EQ(cov.as_of, analytics::month_index(2021, 12));
  // The first half of the year ends with June's figures.
  EXPECT_NEAR(*w.figure("bhyt_coverage", "VN", "2021-01..2021-06").value,
              100.0 * 88'900'000 / 98'300'000, 1e-9);
}

TEST(SeedFigures, DakLak2022AgainstTarget) {
  AnalyticsWorld w;
  plans::ResultRecord r;
  r.unit_id = "old:66";
  r.period = "2022-12";
  r.values = {{"bhxh_compulsory", "", 106'700},
              {"bhxh_voluntary", "", 18'004},
              {"bhyt", "", 1'604'000},
              {"population", "", 1'738'377}};
  w.plans.put_result(*w.db, r, testutil::by());
  w.plans.put_target(*w.db, {0, "old:66", 2022, "bhyt_coverage", "", 91.75, ""}, testutil::by());

  auto cov = w.figure("bhyt_coverage", "old:66", "2022");
  ASSERT_TRUE(cov.value && cov.target);
  EXPECT_NEAR(*cov.value, 92.27, 0.005);
  EXPECT_DOUBLE_EQ(*cov.target, 91.75);
  EXPECT_GT(*cov.value, *cov.target);
  EXPECT_NEAR(*cov.pct_of_plan(), 92.27 / 91.75 * 100, 0.01);
  EXPECT_EQ(*w.figure("bhxh_compulsory", "old:66", "2022").value, 106'700);
  EXPECT_EQ(*w.figure("bhxh_voluntary", "old:66", "2022").value, 18'004);
  EXPECT_EQ(*w.figure("bhyt", "old:66", "2022").value, 1'604'000);
  // Today's Đắk Lắk (old Đắk Lắk + Phú Yên) shows the same figures while Phú Yên has none.
  EXPECT_NEAR(*w.figure("bhyt_coverage", "66", "2022").value, 92.27, 0.005);
  // A rate's target is not summed up the tree: the country has none.
  EXPECT_FALSE(w.figure("bhyt_coverage", "VN", "2022").target);
}

TEST(SeedFigures, RemovingAResultUpdatesTheEngine) {
  AnalyticsWorld w;
  plans::ResultRecord r{"old:66", "2022-12", {}, {{"bhyt", "", 1'604'000}}};
  w.plans.put_result(*w.db, r, testutil::by());
  ASSERT_TRUE(w.figure("bhyt", "VN", "2022").value);
  w.plans.delete_result(*w.db, "old:66", "2022-12", testutil::by());
  EXPECT_FALSE(w.figure("bhyt", "VN", "2022").value);
}

}  // namespace
}  // namespace caunoi
