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
