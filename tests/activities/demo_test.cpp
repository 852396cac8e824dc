// tests/activities/demo_test.cpp — the demo generator (src/demo) writes the activity log that
// issue 3 asks for: every kind, every channel, language, target group and topic of the reference
// lists, on old units before the 2025 reform and current ones after, every record valid.
#include <algorithm>

#include "activities/reference.h"
#include "activities/repository.h"
#include "activities/validate.h"
#include "fixture.h"
#include "foundation/demo_data.h"
#include "store/dialect.h"

using namespace caunoi;
using testutil::ActivitiesTest;

TEST_F(ActivitiesTest, DemoWritesEveryKindChannelLanguageGroupAndTopicAcrossTheReform) {
  testutil::write_demo_data(*c_, *g_, 0.1, Date{2025, 6, 1}, Date{2025, 10, 31});

  auto ref = activities::Reference::load(*c_);
  auto count = [&](const std::string& where, const std::string& arg) {
    return c_->scalar("SELECT COUNT(*) FROM activities WHERE deleted = 0 AND " + where, arg)
        .value_or(0);
  };
  for (const auto& e : ref->entries("kind"))
    EXPECT_GT(count("kind = ?", e.code), 0) << "no demo activity of kind " << e.code;
  for (const auto& e : ref->entries("channel"))
    EXPECT_GT(count("channel = ?", e.code), 0) << "no demo activity on channel " << e.code;
  for (std::string list : {"language", "group", "topic", "partner"}) {
    std::string col = list + "s";  // the column of each list cell
    for (const auto& e : ref->entries(list))
      EXPECT_GT(count(store::contains(*c_, "',' || " + col + " || ','", "?"), "," + e.code + ","),
                0)
          << "no demo activity with " << list << " " << e.code;
  }
  // Old units until 30/6/2025, current ones from 1/7/2025, as real reports were made.
  EXPECT_EQ(count("date_from >= '2025-07-01' AND place LIKE ?", "old:%"), 0);
  EXPECT_EQ(count("date_from < '2025-07-01' AND place <> 'VN' AND place NOT LIKE ?", "old:%"), 0);
  EXPECT_GT(count("date_from >= ?", "2025-07-01"), 0);

  // Every record passes the validation that forms and imports go through.
  int64_t checked = 0;
  activities::repo::each(*c_, *g_, {}, [&](const activities::Activity& a) {
    auto errs = activities::validate(a, *ref, *g_, Date::today());
    if (!errs.empty()) ADD_FAILURE() << a.id << " " << errs[0].field << ": " << errs[0].message;
    ++checked;
  });
  EXPECT_EQ(checked, activities::repo::count_live(*c_));
}
