// tests/approval/import_scope_test.cpp — a file import through POST /api/v1/imports is checked
// row by row like a form entry: a row whose place lies outside the signed-in user's unit, or
// whose day falls in an approved (locked) month, is listed with its row and column, and the
// file writes nothing. Rows of old units count where their territory lies today.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "approval/requests.h"
#include "auth/auth_world.h"

using namespace caunoi;
using testutil::approval_body;
using testutil::AuthWorld;
using testutil::Caller;

namespace {

namespace json = boost::json;

class ImportScope : public ::testing::Test {
 protected:
  void SetUp() override {
    commune_ = w_.token_caller(w_.add_user("cb.xa", "commune_staff", w_.commune));
    province_ = w_.token_caller(w_.add_user("cb.tinh", "province_staff", w_.province));
  }

  // POSTs the CSV as the province officer and waits for the background job's answer.
  json::object import_csv(const std::string& csv) {
    auto r = w_.call(province_, "POST", "/api/v1/imports",
                     {{"unit", w_.province}, {"filename", "hoat-dong.csv"}}, csv);
    EXPECT_EQ(r.status, 202) << r.body;
    std::string id = std::to_string(json::parse(r.body).at("id").as_int64());
    for (int i = 0; i < 1500; ++i) {
      auto j = w_.call(province_, "GET", "/api/v1/imports/" + id, {{"unit", w_.province}});
      auto o = json::parse(j.body).as_object();
      if (o.at("state") != "running" && o.at("state") != "queued") return o;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "import " << id << " still running";
    return {};
  }

  static bool lists(const json::object& job, int64_t row, const std::string& column,
                    const std::string& words) {
    for (const auto& e : job.at("errors").as_array()) {
      const auto& o = e.as_object();
      if (o.at("row").as_int64() == row && o.at("column").as_string() == column &&
          std::string_view(o.at("message").as_string()).find(words) != std::string_view::npos)
        return true;
    }
    return false;
  }

  // Three rows: a commune of the province in September 2025, old Yên Bái (today's Lào Cai) in
  // 2022, and `third` as the last row (spreadsheet row 4).
  std::string file(const std::string& third) const {
    return "Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự\n"
           "15/09/2025," +
           w_.commune +
           ",Hội nghị truyền thông,1,40\n"
           "15/03/2022,old:04270,Hội nghị truyền thông,1,85\n" +
           third + "\n";
  }

  AuthWorld w_;
  Caller commune_, province_;
};

TEST_F(ImportScope, RowOutsideTheUsersUnitWritesNothingAndIsListed) {
  std::string before = w_.fingerprint();
  auto job = import_csv(file("16/09/2025," + w_.other_commune + ",Hội nghị truyền thông,1,30"));
  EXPECT_EQ(job.at("state"), "failed");
  EXPECT_EQ(job.at("error_count").as_int64(), 1);
  EXPECT_TRUE(lists(job, 4, "Đơn vị", "ngoài phạm vi")) << json::serialize(job);
  EXPECT_EQ(w_.fingerprint(), before);

  // The same rows within the province (old Yên Bái included) are taken.
  job = import_csv(file("16/09/2025," + w_.commune + ",Hội nghị truyền thông,1,30"));
  EXPECT_EQ(job.at("state"), "done") << json::serialize(job);
  EXPECT_EQ(job.at("inserted").as_int64(), 3);
}

TEST_F(ImportScope, RowInAnApprovedMonthWritesNothingAndIsListed) {
  const std::string& c = w_.commune;
  // The commune submits October 2025 and the province approves it: the month is locked.
  for (auto [who, step] : {std::pair{&commune_, "submit"}, std::pair{&province_, "approve"}}) {
    auto r = w_.call(*who, "POST", std::string("/api/v1/approvals/") + step, {},
                     approval_body(c, "2025-10"));
    ASSERT_EQ(r.status, 200) << step << ": " << r.body;
  }
  std::string before = w_.fingerprint();
  auto job = import_csv(file("20/10/2025," + c + ",Hội nghị truyền thông,1,30"));
  EXPECT_EQ(job.at("state"), "failed");
  EXPECT_EQ(job.at("error_count").as_int64(), 1);
  EXPECT_TRUE(lists(job, 4, "Ngày", "đã được phê duyệt")) << json::serialize(job);
  EXPECT_EQ(w_.fingerprint(), before);

  // November of the same commune is open.
  job = import_csv(file("20/11/2025," + c + ",Hội nghị truyền thông,1,30"));
  EXPECT_EQ(job.at("state"), "done") << json::serialize(job);
  EXPECT_EQ(job.at("inserted").as_int64(), 3);
}

}  // namespace
