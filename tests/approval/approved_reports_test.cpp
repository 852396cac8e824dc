// tests/approval/approved_reports_test.cpp — reports and indicator queries of approved data only:
// they hold exactly the months an approval covers, follow approval and reopening, and say which
// data they hold; the default (all data) is unchanged.
#include <gtest/gtest.h>

#include "approval/requests.h"
#include "auth/auth_world.h"

using namespace caunoi;
using testutil::approval_body;
using testutil::AuthWorld;
using testutil::Caller;
using testutil::conference_body;

namespace {

class ApprovedReports : public ::testing::Test {
 protected:
  void SetUp() override {
    commune_ = w_.token_caller(w_.add_user("cb.xa", "commune_staff", w_.commune));
    province_ = w_.token_caller(w_.add_user("cb.tinh", "province_staff", w_.province));
    for (auto [date, n] : {std::pair{"2025-10-03", 40}, {"2025-10-20", 60}, {"2025-11-05", 25}})
      ASSERT_EQ(
          w_.call(commune_, "POST", "/api/v1/activities", {}, conference_body(w_.commune, date, n))
              .status,
          201);
  }
  // Attendees of the province over October–November 2025, from all data or approved data.
  double attendees(const std::string& data) {
    auto r = w_.call(province_, "GET", "/api/v1/analytics",
                     {{"indicator", "meeting_attendees"},
                      {"unit", w_.province},
                      {"period", "2025-10..2025-11"},
                      {"data", data}});
    EXPECT_EQ(r.status, 200) << r.body;
    auto o = boost::json::parse(r.body).as_object();
    EXPECT_EQ(o.at("data").as_string(), data);
    const auto& v = o.at("total").as_object().at("value");
    return v.is_null() ? 0 : v.to_number<double>();
  }
  AuthWorld w_;
  Caller commune_, province_;
};

TEST_F(ApprovedReports, HoldOnlyApprovedMonthsAndFollowReopening) {
  EXPECT_EQ(attendees("all"), 125);
  EXPECT_EQ(attendees("approved"), 0);  // nothing approved yet

  const std::string& c = w_.commune;
  ASSERT_EQ(
      w_.call(commune_, "POST", "/api/v1/approvals/submit", {}, approval_body(c, "2025-10")).status,
      200);
  EXPECT_EQ(attendees("approved"), 0);  // submitted is not approved
  ASSERT_EQ(w_.call(province_, "POST", "/api/v1/approvals/approve", {}, approval_body(c, "2025-10"))
                .status,
            200);
  EXPECT_EQ(attendees("approved"), 100);  // October only
  EXPECT_EQ(attendees("all"), 125);

  auto rep = w_.call(province_, "GET", "/api/v1/reports",
                     {{"unit", w_.province}, {"period", "2025-10..2025-11"}, {"data", "approved"}});
  ASSERT_EQ(rep.status, 200) << rep.body;
  auto ro = boost::json::parse(rep.body).as_object();
  EXPECT_EQ(ro.at("data").as_string(), "approved");
  EXPECT_NE(std::string(ro.at("data_note").as_string()).find("đã được cấp trên phê duyệt"),
            std::string::npos);
  auto all = boost::json::parse(w_.call(province_, "GET", "/api/v1/reports",
                                        {{"unit", w_.province}, {"period", "2025-10..2025-11"}})
                                    .body);
  EXPECT_NE(std::string(all.at("data_note").as_string()).find("chưa được phê duyệt"),
            std::string::npos);

  ASSERT_EQ(w_.call(province_, "POST", "/api/v1/approvals/reopen", {},
                    approval_body(c, "2025-10", "Bổ sung số liệu"))
                .status,
            200);
  EXPECT_EQ(attendees("approved"), 0);

  auto bad = w_.call(
      province_, "GET", "/api/v1/analytics",
      {{"indicator", "meetings"}, {"unit", w_.province}, {"period", "2025"}, {"data", "draft"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(AuthWorld::error_code(bad), "bad_data");
}

TEST_F(ApprovedReports, ProvinceApprovalCoversItsCommunes) {
  auto admin = w_.token_caller(w_.add_user("quantri", "admin", "VN"));
  ASSERT_EQ(w_.call(province_, "POST", "/api/v1/approvals/submit", {},
                    approval_body(w_.province, "2025-11"))
                .status,
            200);
  ASSERT_EQ(
      w_.call(admin, "POST", "/api/v1/approvals/approve", {}, approval_body(w_.province, "2025-11"))
          .status,
      200);
  EXPECT_EQ(attendees("approved"), 25);  // the commune's November, under the province's approval
}

}  // namespace
