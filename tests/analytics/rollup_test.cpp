// tests/analytics/rollup_test.cpp — old units roll into today's territory: data entered for
// Yên Bái (old:15) and old Lào Cai (old:10) in 2022 count in today's Lào Cai ("15", which kept Yên
// Bái's code), so that 2026 against 2022 compares the same territory; and the cube follows adds and
// removals.
#include <gtest/gtest.h>

#include "analytics/world.h"

namespace caunoi {
namespace {

using testutil::AnalyticsWorld;
using testutil::gazetteer;

// A commune of old Yên Bái (any one: the first of its first district).
std::string yen_bai_commune() {
  auto districts = gazetteer().children("old:15", places::Era::old);
  return gazetteer().children(districts.front()->id, places::Era::old).front()->id;
}

TEST(Rollup, YenBai2022CountsInTodaysLaoCai) {
  AnalyticsWorld w;
  w.spread({yen_bai_commune()}, "2022", "small_group", {{"events", 577}, {"attendees", 2837}});
  w.spread({"old:15"}, "2022", "conference", {{"events", 23}, {"attendees", 1500}});
  w.spread({"old:10"}, "2022", "conference", {{"events", 40}, {"attendees", 2500}});
  w.spread({"15"}, "2026-01..2026-06", "conference", {{"events", 90}, {"attendees", 5000}});

  // Yên Bái alone, old Lào Cai alone, today's Lào Cai as both.
  EXPECT_EQ(*w.figure("meetings", "old:15", "2022").value, 600);
  EXPECT_EQ(*w.figure("meetings", "old:10", "2022").value, 40);
  EXPECT_EQ(*w.figure("meetings", "15", "2022").value, 640);
  EXPECT_EQ(*w.figure("meeting_attendees", "15", "2022").value, 2837 + 1500 + 2500);
  EXPECT_EQ(*w.figure("meetings", "VN", "2022").value, 640);

  // 2026 against 2022 over the same territory: first half of each year.
  auto now = w.figure("meetings", "15", "2026-01..2026-06");
  auto then = w.figure("meetings", "15", "2022-01..2022-06");
  EXPECT_EQ(*now.value, 90);
  // January–June of each 2022 series as spread: 577 → 49 + 5×48, 23 → 6×2, 40 → 4×4 + 2×3.
  EXPECT_EQ(*then.value, 289 + 12 + 22);
}

TEST(Rollup, ChildrenOfTheCountryAreTodaysProvinces) {
  AnalyticsWorld w;
  w.spread({"old:15"}, "2022", "loudspeaker", {{"broadcasts", 1200}});
  w.spread({"old:10"}, "2022", "loudspeaker", {{"broadcasts", 800}});
  w.spread({"old:66"}, "2022", "loudspeaker", {{"broadcasts", 300}});
  w.spread({"old:54"}, "2022", "loudspeaker", {{"broadcasts", 100}});
  analytics::Query q;
  q.indicator = "loudspeaker_broadcasts";
  q.period = periods::Period::parse("2022");
  q.by = analytics::By::children;
  auto r = w.engine.query(q);
  EXPECT_EQ(r.rows.size(), 34u);
  std::map<std::string, double> by_unit;
  for (const auto& row : r.rows) by_unit[row.key] = *row.figure.value;
  EXPECT_EQ(by_unit["15"], 2000);  // Lào Cai = old Lào Cai + Yên Bái
  EXPECT_EQ(by_unit["66"], 400);   // Đắk Lắk = old Đắk Lắk + Phú Yên
  EXPECT_EQ(by_unit.count("old:15"), 0u);
  EXPECT_EQ(*r.total.value, 2400);

  // With era=old the same query lists the 63 provinces of 2022.
  q.era = places::Era::old;
  auto old = w.engine.query(q);
  EXPECT_EQ(old.rows.size(), 63u);
}

TEST(Rollup, ParticipationOfOldProvincesSumsIntoTheNewOne) {
  AnalyticsWorld w;
  w.plans.put_results(
      *w.db,
      {{"old:15", "2022-12", {}, {{"bhyt", "", 780'000}, {"population", "", 850'000}}},
       {"old:10", "2022-12", {}, {{"bhyt", "", 720'000}, {"population", "", 770'000}}},
       {"15", "2026-06", {}, {{"bhyt", "", 1'560'000}, {"population", "", 1'640'000}}}},
      testutil::by());
  EXPECT_EQ(*w.figure("bhyt", "15", "2022").value, 1'500'000);
  EXPECT_EQ(*w.figure("bhyt", "old:15", "2022").value, 780'000);
  EXPECT_NEAR(*w.figure("bhyt_coverage", "15", "2022").value, 100.0 * 1'500'000 / 1'620'000, 1e-9);
  auto y2026 = w.figure("bhyt", "15", "2026");
  EXPECT_EQ(*y2026.value, 1'560'000);
  EXPECT_EQ(y2026.as_of, analytics::month_index(2026, 6));
  // Nationally, 2022 is the sum of the old provinces that reported.
  EXPECT_EQ(*w.figure("bhyt", "VN", "2022").value, 1'500'000);
}

TEST(Rollup, CompareLastYearAndRemoval) {
  AnalyticsWorld w;
  w.spread({"old:01"}, "2021-01..2021-10", "conference", {{"events", 100}});
  w.spread({"old:01"}, "2022-01..2022-10", "conference", {{"events", 290}});
  auto f = w.figure("meetings", "01", "2022-01..2022-10", true);
  EXPECT_EQ(*f.value, 290);
  EXPECT_EQ(*f.previous, 100);
  EXPECT_DOUBLE_EQ(*f.ratio(), 2.9);

  activities::ActivityFact extra;
  extra.id = 999;
  extra.unit_id = "old:01";
  extra.date = Date{2022, 5, 3};
  extra.kind = "dialogue";
  extra.figures = {{"events", 10}, {"attendees", 400}};
  extra.groups = {"employers"};
  w.engine.on_added(extra);
  EXPECT_EQ(*w.figure("meetings", "01", "2022-01..2022-10").value, 300);
  w.engine.on_removed(extra);
  EXPECT_EQ(*w.figure("meetings", "01", "2022-01..2022-10").value, 290);
}

TEST(Rollup, Breakdowns) {
  AnalyticsWorld w;
  activities::ActivityFact f;
  f.unit_id = "old:15";
  f.date = Date{2022, 3, 8};
  f.kind = "conference";
  f.figures = {{"events", 2}, {"attendees", 150}};
  f.groups = {"employers", "compulsory_workers"};
  f.languages = {"hmong"};
  w.engine.on_added(f);
  f.kind = "small_group";
  f.date = Date{2022, 4, 2};
  f.figures = {{"events", 5}, {"attendees", 60}};
  f.groups = {"ethnic_minorities"};
  w.engine.on_added(f);

  analytics::Query q;
  q.indicator = "meetings";
  q.unit = "15";
  q.period = periods::Period::parse("2022-01..2022-06");
  q.by = analytics::By::kind;
  auto kinds = w.engine.query(q);
  ASSERT_EQ(kinds.rows.size(), 2u);
  q.by = analytics::By::group;
  auto groups = w.engine.query(q);
  std::map<std::string, double> g;
  for (const auto& r : groups.rows) g[r.key] = *r.figure.value;
  EXPECT_EQ(g["employers"], 2);
  EXPECT_EQ(g["compulsory_workers"], 2);
  EXPECT_EQ(g["ethnic_minorities"], 5);
  q.by = analytics::By::period;
  auto months = w.engine.query(q);
  ASSERT_EQ(months.rows.size(), 6u);
  EXPECT_EQ(*months.rows[2].figure.value, 2);
  EXPECT_EQ(*months.rows[3].figure.value, 5);
  EXPECT_EQ(months.rows[2].label, "tháng 3/2022");
  // Breakdowns by group are kept down to provinces only.
  q.by = analytics::By::group;
  q.unit = gazetteer().children("15").front()->id;
  EXPECT_THROW(w.engine.query(q), Error);
}

TEST(Rollup, RankingOfProvinces) {
  AnalyticsWorld w;
  w.spread({"old:01"}, "2022", "online_post", {{"posts", 500}});
  w.spread({"old:79"}, "2022", "online_post", {{"posts", 900}});
  w.spread({"old:15"}, "2022", "online_post", {{"posts", 100}});
  auto r = w.engine.ranking("online_posts", periods::Period::parse("2022"), "VN",
                            places::Era::current, analytics::RankBy::value, false, 3);
  ASSERT_EQ(r.rows.size(), 3u);
  EXPECT_EQ(r.rows[0].key, "79");
  EXPECT_EQ(r.rows[1].key, "01");
  EXPECT_EQ(r.rows[2].key, "15");
}

}  // namespace
}  // namespace caunoi
