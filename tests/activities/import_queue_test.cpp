// tests/activities/import_queue_test.cpp — background imports on a few workers fed by a queue
// (activities/service.h, ImportQueue): at most that many run, the others say "queued", all end;
// one account has one import at a time; the queue has an end.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "fixture.h"
#include "gate.h"
#include "store/pool.h"

using namespace caunoi;
using testutil::ActivitiesTest;
using testutil::Gate;

namespace {

// One conference a file, on a different day each, so that no import skips another's row.
std::string one_row(int day) {
  return "Ngày,Đơn vị,Loại hoạt động,Số cuộc\n" + std::to_string(day) +
         "/03/2022,old:15,conference,1\n";
}

class ImportQueueTest : public ActivitiesTest {
 protected:
  int64_t start(activities::Service& svc, const std::string& owner, int day, Gate& gate) {
    activities::ImportOptions opt;
    opt.filename = "t.csv";
    opt.owner = owner;
    opt.row_check = gate.row_check();
    return svc.start_import(pool_, one_row(day), std::move(opt));
  }
  std::string state(activities::Service& svc, int64_t id) { return svc.job(id)->state; }
  // The error start() throws (a test failure if it starts).
  Error refusal(activities::Service& svc, const std::string& owner, int day, Gate& gate) {
    try {
      start(svc, owner, day, gate);
    } catch (const Error& e) {
      return e;
    }
    ADD_FAILURE() << "accepted";
    return Error(ErrorKind::internal, "", "");
  }

  store::Pool pool_{[this] { return store::open(db_.path); }, 4};
};

}  // namespace

TEST_F(ImportQueueTest, FourAtOnceRunAtMostTheWorkersAndAllEnd) {
  Gate gate;
  activities::Service svc(*c_, *g_, activities::ImportQueue{2, 8});
  Gate::OpenOnExit let_go{gate};
  std::vector<int64_t> ids;
  for (int i = 0; i < 4; ++i) ids.push_back(start(svc, "user" + std::to_string(i), 10 + i, gate));
  ASSERT_TRUE(gate.wait_inside(1));
  // Time for a third import to start, had anything let it.
  std::this_thread::sleep_for(std::chrono::milliseconds(300));
  int running = 0, queued = 0;
  for (int64_t id : ids) {
    std::string s = state(svc, id);
    running += s == "running";
    queued += s == "queued";
  }
  EXPECT_EQ(running, 2);
  EXPECT_EQ(queued, 2);
  EXPECT_EQ(state(svc, ids[3]), "queued");  // in order
  gate.open();
  int most_running = 0;
  for (int i = 0; i < 600; ++i) {
    int now = 0, ended = 0;
    for (int64_t id : ids) {
      std::string s = state(svc, id);
      now += s == "running";
      ended += s == "done" || s == "failed";
    }
    most_running = std::max(most_running, now);
    if (ended == 4) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_LE(most_running, 2);
  EXPECT_LE(gate.most(), 2);
  for (int64_t id : ids) {
    auto j = svc.job(id);
    EXPECT_EQ(j->state, "done") << j->message;
    EXPECT_EQ(j->report.inserted, 1) << id;
  }
}

TEST_F(ImportQueueTest, OneAccountHasOneImportAtATime) {
  Gate gate;
  activities::Service svc(*c_, *g_, activities::ImportQueue{1, 8});
  Gate::OpenOnExit let_go{gate};
  int64_t first = start(svc, "cb.tinh", 10, gate);
  ASSERT_TRUE(gate.wait_inside(1));
  Error e = refusal(svc, "cb.tinh", 11, gate);
  EXPECT_EQ(e.kind(), ErrorKind::conflict);  // 409
  EXPECT_EQ(e.code(), "import_busy");
  EXPECT_NE(e.message().find("Mỗi tài khoản chỉ nhập một tệp một lúc"), std::string::npos)
      << e.message();
  EXPECT_NE(e.message().find("số " + std::to_string(first)), std::string::npos) << e.message();
  int64_t other = start(svc, "cb.xa", 12, gate);  // another account waits its turn
  EXPECT_EQ(state(svc, other), "queued");
  // Still refused while its import is queued, not only while it runs.
  EXPECT_EQ(refusal(svc, "cb.xa", 13, gate).code(), "import_busy");
  gate.open();
  for (int i = 0; i < 600 && state(svc, other) != "done"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  ASSERT_EQ(state(svc, first), "done");
  ASSERT_EQ(state(svc, other), "done");
  int64_t again = start(svc, "cb.tinh", 14, gate);  // its first one has ended
  for (int i = 0; i < 600 && state(svc, again) != "done"; ++i)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  EXPECT_EQ(state(svc, again), "done");
}

TEST_F(ImportQueueTest, TheQueueHasAnEnd) {
  Gate gate;
  activities::Service svc(*c_, *g_, activities::ImportQueue{1, 2});
  Gate::OpenOnExit let_go{gate};
  start(svc, "a", 10, gate);
  ASSERT_TRUE(gate.wait_inside(1));
  start(svc, "b", 11, gate);
  start(svc, "c", 12, gate);
  Error e = refusal(svc, "d", 13, gate);
  EXPECT_EQ(e.kind(), ErrorKind::rate_limited);  // 429
  EXPECT_EQ(e.code(), "import_queue_full");
}
