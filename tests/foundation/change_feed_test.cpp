// tests/foundation/change_feed_test.cpp — several servers on one database (changes/feed.h): the
// follower's bookkeeping of sequence numbers, and two Runtimes on one database (a SQLite file,
// or under foundation_pg a PostgreSQL database) where what one writes shows in the other's
// memory: the analytics cube, the approved-data engine, the Q&A engine and the reference lists.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "activities/activity.h"
#include "analytics/engine.h"
#include "api/data_scope.h"
#include "app/runtime.h"
#include "approval/approval.h"
#include "auth/service.h"
#include "changes/feed.h"
#include "test_db.h"

using namespace caunoi;
using namespace std::chrono_literals;

namespace {

// A database with the change log only, and a connection writing as `writer`.
struct Log {
  testutil::TempDb db;
  std::unique_ptr<store::Connection> c = store::open(db.path);
  Log() { changes::migrate(*c); }
  void write(const std::string& writer, const std::string& part, std::optional<int64_t> seq = {}) {
    c->set_writer(writer);
    store::Transaction tx(*c);
    if (seq)
      c->execute("INSERT INTO change_log(id, writer, part, payload, at) VALUES (?, ?, ?, '{}', 0)",
                 *seq, writer, part);
    else
      changes::record(*c, part, "{}");
    tx.commit();
  }
};

std::vector<std::string> poll(
    changes::Follower& f, store::Connection& c,
    changes::Follower::Clock::time_point now = changes::Follower::Clock::now()) {
  std::vector<std::string> parts;
  f.poll(
      c, [&](const changes::Entry& e) { parts.push_back(e.part); }, now);
  return parts;
}

}  // namespace

TEST(ChangeFeed, AnEntryIsAppliedOnceAndNeverByItsWriter) {
  Log log;
  log.write("a", "before");  // already in what the follower loaded
  changes::Follower b("b");
  b.start_at(*log.c);
  EXPECT_TRUE(poll(b, *log.c).empty());
  log.write("a", "from-a");
  log.write("b", "from-b");
  log.write("", "from-a-command");
  EXPECT_EQ(poll(b, *log.c), (std::vector<std::string>{"from-a", "from-a-command"}));
  EXPECT_TRUE(poll(b, *log.c).empty());
  EXPECT_EQ(b.settled(), 4);
}

TEST(ChangeFeed, ANumberCommittedLateIsStillApplied) {
  Log log;
  changes::Follower f("f");
  f.start_at(*log.c);
  log.write("a", "one", 1);
  log.write("a", "three", 3);  // 2 is drawn by a transaction that has not committed yet
  EXPECT_EQ(poll(f, *log.c), (std::vector<std::string>{"one", "three"}));
  EXPECT_EQ(f.settled(), 1);
  log.write("a", "two", 2);
  EXPECT_EQ(poll(f, *log.c), (std::vector<std::string>{"two"}));
  EXPECT_EQ(f.settled(), 3);
}

TEST(ChangeFeed, ANumberThatNeverCommitsIsGivenUpAfterAWhile) {
  Log log;
  changes::Follower f("f");
  f.start_at(*log.c);
  log.write("a", "one", 1);
  log.write("a", "three", 3);
  auto t0 = changes::Follower::Clock::now();
  poll(f, *log.c, t0);
  poll(f, *log.c, t0 + changes::Follower::kGapWait - 1s);
  EXPECT_EQ(f.settled(), 1);
  poll(f, *log.c, t0 + changes::Follower::kGapWait);
  EXPECT_EQ(f.settled(), 3);
}

TEST(ChangeFeed, StartingTakesWhatIsThereAsLoadedButWaitsForAGap) {
  Log log;
  log.write("a", "one", 1);
  log.write("a", "three", 3);
  changes::Follower f("f");
  f.start_at(*log.c);  // 1 and 3 are in what was loaded; 2 may be committing
  EXPECT_TRUE(poll(f, *log.c).empty());
  log.write("a", "two", 2);
  EXPECT_EQ(poll(f, *log.c), (std::vector<std::string>{"two"}));
}

TEST(ChangeFeed, AnEntryOutsideItsChangesTransactionIsRefused) {
  Log log;
  EXPECT_THROW(changes::record(*log.c, "x", "{}"), std::logic_error);
}

TEST(ChangeFeed, PruningKeepsTheNumbering) {
  Log log;
  log.write("a", "old");
  log.c->execute("UPDATE change_log SET at = 0");
  EXPECT_EQ(changes::Follower::prune(*log.c, 1h), 1);
  log.write("a", "new");
  EXPECT_EQ(changes::last_seq(*log.c), 2);  // not 1 again: a follower at 1 would miss it
}

// Two servers on one database.
class TwoServers : public ::testing::Test {
 protected:
  testutil::TempDb db_{testutil::TempDb::prepared_template()};
  app::Runtime a_{db_.path, testutil::test_paths(), 2};
  app::Runtime b_{db_.path, testutil::test_paths(), 2};

  static double figure(app::Runtime& rt, const std::string& indicator, const std::string& unit,
                       const std::string& period) {
    analytics::Query q;
    q.indicator = indicator;
    q.unit = unit;
    q.period = periods::Period::parse(period);
    return rt.analytics().query(q).total.value.value_or(0);
  }
  static activities::Activity conference(int attendees) {
    activities::Activity a;
    a.reporting_unit = "15";
    a.place = "15";
    a.date_from = a.date_to = Date{2026, 3, 10};
    a.kind = "conference";
    a.figures = {{"events", 1}, {"attendees", attendees}};
    return a;
  }
};

TEST_F(TwoServers, AnActivityWrittenOnOneShowsOnTheOther) {
  const double before = figure(b_, "kind.conference", "15", "2026-03");
  auto lease = a_.pool().acquire();
  auto created = a_.activities().create(*lease, conference(40), testutil::by());
  EXPECT_EQ(figure(a_, "kind.conference", "15", "2026-03"), before + 1);
  EXPECT_EQ(figure(b_, "kind.conference", "15", "2026-03"), before);  // not yet followed
  EXPECT_EQ(b_.catch_up(), 1u);
  EXPECT_EQ(figure(b_, "kind.conference", "15", "2026-03"), before + 1);
  // A's own entry is not applied a second time there.
  EXPECT_EQ(a_.catch_up(), 0u);
  EXPECT_EQ(figure(a_, "kind.conference", "15", "2026-03"), before + 1);

  // Moved to another month, then deleted: B follows each step, even read late together.
  auto moved = conference(40);
  moved.date_from = moved.date_to = Date{2026, 4, 2};
  a_.activities().update(*lease, created.id, moved, testutil::by());
  a_.activities().remove(*lease, created.id, testutil::by());
  EXPECT_EQ(b_.catch_up(), 2u);
  EXPECT_EQ(figure(b_, "kind.conference", "15", "2026-03"), before);
  EXPECT_EQ(figure(b_, "kind.conference", "15", "2026-04"),
            figure(a_, "kind.conference", "15", "2026-04"));
  EXPECT_EQ(b_.analytics().facts(), a_.analytics().facts());
}

TEST_F(TwoServers, AFileImportedOnOneShowsOnTheOtherAsImported) {
  std::string csv =
      "Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự\n"
      "05/03/2026,15,conference,1,30\n"
      "06/03/2026,15,conference,1,50\n";
  const double before = figure(b_, "kind.conference", "15", "2026-03");
  activities::ImportReport rep;
  {
    auto lease = a_.pool().acquire();
    activities::ImportOptions opt;
    opt.filename = "thang3.csv";
    opt.actor = testutil::by();
    rep = a_.activities().import_file(*lease, csv, opt);
    ASSERT_TRUE(rep.ok());
    ASSERT_EQ(rep.inserted, 2);
    // One of them corrected on A before B reads the import: B must not count the correction
    // twice (once in the import's rows, once as the update).
    auto first = a_.activities().get(*lease, rep.first_id);
    first.figures = {{"events", 2}, {"attendees", 30}};
    a_.activities().update(*lease, rep.first_id, first, testutil::by());
  }
  EXPECT_EQ(b_.catch_up(), 2u);
  EXPECT_EQ(figure(b_, "kind.conference", "15", "2026-03"), before + 3);
  EXPECT_EQ(figure(a_, "kind.conference", "15", "2026-03"), before + 3);
}

TEST_F(TwoServers, PlansApprovalsTheBankAndReferenceListsFollow) {
  auto lease = a_.pool().acquire();
  // A result of participation.
  plans::ResultRecord r;
  r.unit_id = "15";
  r.period = "2026-02";
  r.values = {{"bhyt", "", 1234567}};
  a_.plans().put_result(*lease, r, testutil::by());
  b_.catch_up();
  EXPECT_EQ(figure(b_, "bhyt", "15", "2026-02"), 1234567);
  a_.plans().delete_result(*lease, "15", "2026-02", testutil::by());
  b_.catch_up();
  EXPECT_EQ(figure(b_, "bhyt", "15", "2026-02"), 0);

  // Targets of many units at once, more than one read-back statement's worth (plans reads them
  // back a few hundred keys at a time), and one of them deleted.
  std::vector<plans::Target> ts;
  for (const auto* u : a_.places().children("15")) {
    for (int year : {2024, 2025, 2026})
      ts.push_back({0, u->id, year, "kind.conference", "", 10.0 + (year - 2025), ""});
  }
  ASSERT_GT(ts.size(), 200u);
  a_.plans().put_targets(*lease, ts, testutil::by());
  b_.catch_up();
  auto target = [](app::Runtime& rt, const std::string& unit, const std::string& period) {
    analytics::Query q;
    q.indicator = "kind.conference";
    q.unit = unit;
    q.period = periods::Period::parse(period);
    return rt.analytics().query(q).total.target;
  };
  for (const auto& t : {ts.front(), ts[ts.size() / 2], ts.back()})
    EXPECT_EQ(target(b_, t.unit_id, std::to_string(t.year)), t.value) << t.unit_id << t.year;
  const auto gone = a_.plans().targets(*lease, ts.back().unit_id, ts.back().year);
  ASSERT_FALSE(gone.empty());
  a_.plans().delete_target(*lease, gone.front().id, testutil::by());
  b_.catch_up();
  EXPECT_EQ(target(b_, ts.back().unit_id, std::to_string(ts.back().year)),
            target(a_, ts.back().unit_id, std::to_string(ts.back().year)));

  // A reference list entry.
  activities::RefEntry kind{"podcast", "Chương trình podcast", "online", 0};
  a_.activities().add_reference(*lease, testutil::by(), "kind", kind, {"events", "participants"});
  EXPECT_FALSE(b_.activities().reference()->has("kind", "podcast"));
  b_.catch_up();
  EXPECT_TRUE(b_.activities().reference()->has("kind", "podcast"));

  // A bank entry answers on B.
  qa::Entry e;
  e.id = "thu-nghiem-001";
  e.question = "Bảo hiểm xã hội có nhận hồ sơ qua bưu điện vào thứ bảy không?";
  e.answer = "Có, bưu điện nhận hồ sơ cả thứ bảy.";
  e.topic = "thu-tuc";
  e.status = qa::Status::published;
  a_.qa().create(*lease, e, testutil::by());
  auto has = [](app::Runtime& rt, const std::string& id) {
    for (const auto& x : rt.qa().entries())
      if (x.id == id) return true;
    return false;
  };
  EXPECT_FALSE(has(b_, e.id));
  b_.catch_up();
  EXPECT_TRUE(has(b_, e.id));

  // An approved month: B's approved-data engine is built again.
  auto before = b_.context().approved_analytics->get();
  auth::Principal admin;
  admin.user.username = "test";
  admin.user.role = auth::Role::admin;
  approval::submit(*lease, a_.places(), {admin, ""}, "15", "2026-01");
  approval::approve(*lease, a_.places(), {admin, ""}, "15", "2026-01");
  EXPECT_EQ(b_.context().approved_analytics->get(), before);
  b_.catch_up();
  EXPECT_NE(b_.context().approved_analytics->get(), before);
}

TEST_F(TwoServers, AServingServerFollowsOnItsOwn) {
  b_.warm_up();  // what `caunoi serve` does: B follows on a thread of its own
  const double before = figure(b_, "kind.conference", "15", "2026-03");
  {
    auto lease = a_.pool().acquire();
    a_.activities().create(*lease, conference(10), testutil::by());
  }
  auto t0 = std::chrono::steady_clock::now();
  while (figure(b_, "kind.conference", "15", "2026-03") == before &&
         std::chrono::steady_clock::now() - t0 < 5s)
    std::this_thread::sleep_for(10ms);
  // How soon is measured by scripts/load_test.py on the Release build, not here.
  EXPECT_EQ(figure(b_, "kind.conference", "15", "2026-03"), before + 1);
}
