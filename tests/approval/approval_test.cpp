// tests/approval/approval_test.cpp — months go up level by level; an approved month is locked for
// the unit and everything in it; only the level above approves or reopens; every step is audited.
#include <gtest/gtest.h>

#include "approval/approval.h"
#include "approval/requests.h"
#include "auth/auth_world.h"

using namespace caunoi;
using testutil::approval_body;
using testutil::AuthWorld;
using testutil::Caller;
using testutil::conference_body;

namespace {

class Approval : public ::testing::Test {
 protected:
  void SetUp() override {
    commune_ = w_.token_caller(w_.add_user("cb.xa", "commune_staff", w_.commune));
    province_ = w_.token_caller(w_.add_user("cb.tinh", "province_staff", w_.province));
    other_ = w_.token_caller(w_.add_user("cb.hn", "province_staff", w_.other_province));
    admin_ = w_.token_caller(w_.add_user("quantri", "admin", "VN"));
  }
  std::string state(const std::string& unit, const std::string& period) {
    auto lease = w_.rt().pool().acquire();
    auto r = approval::get(*lease, unit, period);
    return r ? r->state : "";
  }
  void expect_locked(const std::string& unit, Date d, bool locked) {
    auto lease = w_.rt().pool().acquire();
    if (locked) {
      try {
        approval::ensure_unlocked(*lease, w_.rt().places(), unit, d);
        FAIL() << unit << " " << d.iso() << " should be locked";
      } catch (const Error& e) {
        EXPECT_EQ(e.kind(), ErrorKind::locked);
        EXPECT_EQ(api::status_of(e.kind()), 423);
        EXPECT_EQ(e.code(), "period_locked");
      }
    } else {
      EXPECT_NO_THROW(approval::ensure_unlocked(*lease, w_.rt().places(), unit, d));
    }
  }
  AuthWorld w_;
  Caller commune_, province_, other_, admin_;
};

TEST_F(Approval, SubmitApproveLocksAndReopenUnlocks) {
  const std::string& c = w_.commune;
  ASSERT_EQ(
      w_.call(commune_, "POST", "/api/v1/approvals/submit", {}, approval_body(c, "2025-10")).status,
      200);
  EXPECT_EQ(state(c, "2025-10"), "submitted");
  expect_locked(c, {2025, 10, 15}, false);

  // The commune cannot approve itself; another province cannot approve it.
  auto self =
      w_.call(commune_, "POST", "/api/v1/approvals/approve", {}, approval_body(c, "2025-10"));
  EXPECT_EQ(self.status, 403);
  EXPECT_EQ(
      w_.call(other_, "POST", "/api/v1/approvals/approve", {}, approval_body(c, "2025-10")).status,
      403);
  EXPECT_EQ(state(c, "2025-10"), "submitted");

  ASSERT_EQ(w_.call(province_, "POST", "/api/v1/approvals/approve", {}, approval_body(c, "2025-10"))
                .status,
            200);
  EXPECT_EQ(state(c, "2025-10"), "approved");
  expect_locked(c, {2025, 10, 1}, true);
  expect_locked(c, {2025, 10, 31}, true);
  expect_locked(c, {2025, 11, 1}, false);                 // another month
  expect_locked(w_.other_commune, {2025, 10, 1}, false);  // another unit

  auto lock = boost::json::parse(
      w_.call(commune_, "GET", "/api/v1/approvals/lock", {{"unit", c}, {"date", "2025-10-20"}})
          .body);
  EXPECT_TRUE(lock.at("locked").as_bool());

  // Reopening needs a reason and the approving level.
  EXPECT_EQ(w_.call(province_, "POST", "/api/v1/approvals/reopen", {}, approval_body(c, "2025-10"))
                .status,
            400);
  EXPECT_EQ(w_.call(commune_, "POST", "/api/v1/approvals/reopen", {},
                    approval_body(c, "2025-10", "sửa số liệu"))
                .status,
            403);
  ASSERT_EQ(w_.call(province_, "POST", "/api/v1/approvals/reopen", {},
                    approval_body(c, "2025-10", "Bổ sung hội nghị ngày 20/10"))
                .status,
            200);
  expect_locked(c, {2025, 10, 20}, false);

  // Every step is in the audit log, with its before and after.
  auto lease = w_.rt().pool().acquire();
  auto n = lease->scalar("SELECT COUNT(*) FROM audit_log WHERE entity = ?",
                         "approval:" + c + "/2025-10");
  EXPECT_EQ(n, 3);
  auto reopen = lease->scalar(
      "SELECT COUNT(*) FROM audit_log WHERE action = 'approval.reopen' AND username = 'cb.tinh'"
      " AND before_json LIKE '%approved%' AND after_json LIKE '%reopened%'");
  EXPECT_EQ(reopen, 1);
}

TEST_F(Approval, ProvinceApprovalLocksItsCommunesAndOldUnits) {
  const std::string& p = w_.province;
  ASSERT_EQ(w_.call(province_, "POST", "/api/v1/approvals/submit", {}, approval_body(p, "2024-03"))
                .status,
            200);
  // Only the centre (or an administrator) is above a province.
  EXPECT_EQ(w_.call(province_, "POST", "/api/v1/approvals/approve", {}, approval_body(p, "2024-03"))
                .status,
            403);
  ASSERT_EQ(
      w_.call(admin_, "POST", "/api/v1/approvals/approve", {}, approval_body(p, "2024-03")).status,
      200);
  expect_locked(p, {2024, 3, 5}, true);
  expect_locked(w_.commune, {2024, 3, 5}, true);
  // Data entered for Yên Bái (old:15, today part of Lào Cai) is locked by Lào Cai's approval.
  expect_locked("old:15", {2024, 3, 5}, true);
  expect_locked(w_.other_province, {2024, 3, 5}, false);
}

TEST_F(Approval, ReturnNeedsReasonAndAllowsResubmit) {
  const std::string& c = w_.commune;
  w_.call(commune_, "POST", "/api/v1/approvals/submit", {}, approval_body(c, "2025-09"));
  EXPECT_EQ(
      w_.call(province_, "POST", "/api/v1/approvals/return", {}, approval_body(c, "2025-09", " "))
          .status,
      400);
  ASSERT_EQ(w_.call(province_, "POST", "/api/v1/approvals/return", {},
                    approval_body(c, "2025-09", "Thiếu số liệu xã"))
                .status,
            200);
  EXPECT_EQ(state(c, "2025-09"), "returned");
  // Approving a returned month is a state error, not a silent success, told in Vietnamese words.
  auto again =
      w_.call(province_, "POST", "/api/v1/approvals/approve", {}, approval_body(c, "2025-09"));
  EXPECT_EQ(again.status, 409);
  EXPECT_EQ(AuthWorld::error_code(again), "approval_state");
  EXPECT_NE(again.body.find("Không thể phê duyệt: kỳ báo cáo đang ở trạng thái bị trả lại."),
            std::string::npos)
      << again.body;
  EXPECT_EQ(
      w_.call(commune_, "POST", "/api/v1/approvals/submit", {}, approval_body(c, "2025-09")).status,
      200);
  EXPECT_EQ(state(c, "2025-09"), "submitted");
  auto twice =
      w_.call(commune_, "POST", "/api/v1/approvals/submit", {}, approval_body(c, "2025-09"));
  EXPECT_EQ(twice.status, 409);
  EXPECT_NE(twice.body.find("đang ở trạng thái đã gửi, chờ phê duyệt."), std::string::npos)
      << twice.body;
  EXPECT_EQ(
      w_.call(commune_, "POST", "/api/v1/approvals/submit", {}, approval_body(c, "2025-9")).status,
      400);
}

// A decision on a commune's month is news for each of its staff until each marks it read, on the
// server (another browser no longer shows it); a month decided again is news again. Only one's
// own unit's notices can be marked: not a neighbour's, and not a commune's by its province.
TEST_F(Approval, NoticesAreEachUsersOwnAndKeptOnTheServer) {
  const std::string& c = w_.commune;
  auto colleague = w_.token_caller(w_.add_user("cb.xa2", "commune_staff", c));
  auto neighbour = w_.token_caller(
      w_.add_user("cb.xa.ben", "commune_staff", w_.rt().places().children(w_.province)[1]->id));
  auto notices = [&](const Caller& who) {
    auto r = w_.call(who, "GET", "/api/v1/approvals/notices");
    EXPECT_EQ(r.status, 200) << r.body;
    return boost::json::parse(r.body).at("notices").as_array();
  };
  auto seen = [&](const Caller& who, const std::string& unit, const boost::json::value& n) {
    boost::json::object b{{"unit_id", unit},
                          {"period", n.at("period")},
                          {"state", n.at("state")},
                          {"decided_at", n.at("decided_at")}};
    return w_.call(who, "POST", "/api/v1/approvals/notices/seen", {}, boost::json::serialize(b));
  };
  EXPECT_TRUE(notices(commune_).empty());
  w_.call(commune_, "POST", "/api/v1/approvals/submit", {}, approval_body(c, "2025-07"));
  EXPECT_TRUE(notices(commune_).empty());  // a submission is not a decision
  ASSERT_EQ(w_.call(province_, "POST", "/api/v1/approvals/return", {},
                    approval_body(c, "2025-07", "Thiếu biên bản"))
                .status,
            200);
  auto mine = notices(commune_);
  ASSERT_EQ(mine.size(), 1u);
  EXPECT_EQ(mine[0].at("state"), "returned");
  EXPECT_EQ(mine[0].at("reason"), "Thiếu biên bản");
  EXPECT_EQ(notices(colleague).size(), 1u);
  EXPECT_TRUE(notices(neighbour).empty());
  EXPECT_TRUE(notices(province_).empty());  // the province's own months, not its communes'

  // Neither the neighbour nor the province marks the commune's notice.
  auto foreign = seen(neighbour, c, mine[0]);
  EXPECT_EQ(foreign.status, 403);
  EXPECT_EQ(AuthWorld::error_code(foreign), "forbidden_unit");
  auto above = seen(province_, c, mine[0]);
  EXPECT_EQ(above.status, 403);
  EXPECT_EQ(AuthWorld::error_code(above), "notice_scope");
  EXPECT_NE(above.body.find("Chỉ đánh dấu đã xem được thông báo về kỳ báo cáo của chính đơn vị"),
            std::string::npos)
      << above.body;
  EXPECT_EQ(notices(commune_).size(), 1u);

  // Read by the commune officer, from any computer; still news for the colleague.
  ASSERT_EQ(seen(commune_, c, mine[0]).status, 200);
  EXPECT_EQ(seen(commune_, c, mine[0]).status, 200);  // twice: nothing more
  EXPECT_TRUE(notices(commune_).empty());
  EXPECT_EQ(notices(colleague).size(), 1u);

  // Resubmitted and approved: a new decision, a new notice; the old one cannot be marked now.
  w_.call(commune_, "POST", "/api/v1/approvals/submit", {}, approval_body(c, "2025-07"));
  w_.call(province_, "POST", "/api/v1/approvals/approve", {}, approval_body(c, "2025-07"));
  auto again = notices(commune_);
  ASSERT_EQ(again.size(), 1u);
  EXPECT_EQ(again[0].at("state"), "approved");
  auto stale = seen(colleague, c, mine[0]);
  EXPECT_EQ(stale.status, 404);
  EXPECT_EQ(AuthWorld::error_code(stale), "notice_not_found");
}

TEST_F(Approval, ListShowsOnlyTheCallersSubtree) {
  w_.call(commune_, "POST", "/api/v1/approvals/submit", {}, approval_body(w_.commune, "2025-08"));
  auto mine = boost::json::parse(
      w_.call(province_, "GET", "/api/v1/approvals", {{"unit", w_.province}}).body);
  EXPECT_EQ(mine.at("approvals").as_array().size(), 1u);
  EXPECT_EQ(w_.call(other_, "GET", "/api/v1/approvals", {{"unit", w_.province}}).status, 403);
  // Without a unit the request means the whole country: refused for a province officer.
  EXPECT_EQ(w_.call(province_, "GET", "/api/v1/approvals").status, 403);
}

}  // namespace

namespace {

TEST_F(Approval, ApprovedMonthRefusesActivityEdits) {
  const std::string& c = w_.commune;
  auto made =
      w_.call(commune_, "POST", "/api/v1/activities", {}, conference_body(c, "2025-10-10", 40));
  ASSERT_EQ(made.status, 201) << made.body;
  std::string id = std::to_string(boost::json::parse(made.body).at("id").as_int64());
  ASSERT_EQ(
      w_.call(commune_, "POST", "/api/v1/approvals/submit", {}, approval_body(c, "2025-10")).status,
      200);
  ASSERT_EQ(w_.call(province_, "POST", "/api/v1/approvals/approve", {}, approval_body(c, "2025-10"))
                .status,
            200);

  std::string before = w_.fingerprint();
  auto edit = w_.call(commune_, "PUT", "/api/v1/activities/" + id, {},
                      conference_body(c, "2025-10-10", 400));
  EXPECT_EQ(edit.status, 423) << edit.body;
  EXPECT_EQ(AuthWorld::error_code(edit), "period_locked");
  // Moving it out of the locked month is a change of the locked month too.
  EXPECT_EQ(
      w_.call(commune_, "PUT", "/api/v1/activities/" + id, {}, conference_body(c, "2025-11-03", 40))
          .status,
      423);
  EXPECT_EQ(w_.call(commune_, "DELETE", "/api/v1/activities/" + id).status, 423);
  EXPECT_EQ(
      w_.call(commune_, "POST", "/api/v1/activities", {}, conference_body(c, "2025-10-20", 10))
          .status,
      423);
  EXPECT_EQ(w_.fingerprint(), before);
  // Another month is open.
  EXPECT_EQ(
      w_.call(commune_, "POST", "/api/v1/activities", {}, conference_body(c, "2025-11-03", 10))
          .status,
      201);
}

}  // namespace
