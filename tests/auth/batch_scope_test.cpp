// tests/auth/batch_scope_test.cpp — participation results go through the same unit scope and
// approval lock as activities, also when posted as a batch ({"results": [...]}) or deleted by
// query: one item outside the officer's province refuses the whole batch, and a result dated in
// an approved month is refused with 423. Nothing changes in either case.
#include <gtest/gtest.h>

#include <set>

#include "auth/auth_world.h"

using namespace caunoi;
using testutil::AuthWorld;
using testutil::Caller;

namespace {

boost::json::object result(const std::string& unit, const std::string& period, int bhyt) {
  return {{"unit_id", unit},
          {"period", period},
          {"values", boost::json::object{{"bhyt", bhyt}, {"population", 20000}}}};
}

std::string batch(std::initializer_list<boost::json::object> items) {
  boost::json::array a;
  for (const auto& i : items) a.push_back(i);
  return boost::json::serialize(boost::json::object{{"results", std::move(a)}});
}

class BatchScope : public ::testing::Test {
 protected:
  void SetUp() override {
    province_ = w_.token_caller(w_.add_user("cb.tinh", "province_staff", w_.province));
    admin_ = w_.token_caller(w_.add_user("quantri", "admin", "VN"));
  }
  AuthWorld w_;
  Caller province_, admin_;
};

TEST_F(BatchScope, OneItemOutsideTheProvinceRefusesTheBatch) {
  std::string before = w_.fingerprint();
  auto r = w_.call(
      province_, "POST", "/api/v1/plans/results", {},
      batch({result(w_.commune, "2025-10", 18000), result(w_.other_commune, "2025-10", 19000)}));
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(AuthWorld::error_code(r), "forbidden_unit");
  EXPECT_EQ(w_.fingerprint(), before);
  // The same batch within the province is accepted.
  auto ok = w_.call(province_, "POST", "/api/v1/plans/results", {},
                    batch({result(w_.commune, "2025-10", 18000)}));
  EXPECT_EQ(ok.status, 200) << ok.body;
}

TEST_F(BatchScope, ResultsInAnApprovedMonthAreLocked) {
  ASSERT_EQ(w_.call(province_, "POST", "/api/v1/plans/results", {},
                    boost::json::serialize(result(w_.commune, "2025-10", 18000)))
                .status,
            201);
  auto step = [&](const Caller& c, const char* s) {
    return w_.call(c, "POST", std::string("/api/v1/approvals/") + s, {},
                   R"({"unit_id":")" + w_.province + R"(","period":"2025-10"})");
  };
  ASSERT_EQ(step(province_, "submit").status, 200);
  ASSERT_EQ(step(admin_, "approve").status, 200);

  std::string before = w_.fingerprint();
  auto one = w_.call(province_, "POST", "/api/v1/plans/results", {},
                     boost::json::serialize(result(w_.commune, "2025-10", 18500)));
  EXPECT_EQ(one.status, 423) << one.body;
  EXPECT_EQ(AuthWorld::error_code(one), "period_locked");
  auto many = w_.call(province_, "POST", "/api/v1/plans/results", {},
                      batch({result(w_.commune, "2025-11", 1), result(w_.commune, "2025-10", 2)}));
  EXPECT_EQ(many.status, 423) << many.body;
  auto del = w_.call(province_, "DELETE", "/api/v1/plans/results",
                     {{"unit", w_.commune}, {"period", "2025-10"}});
  EXPECT_EQ(del.status, 423) << del.body;
  EXPECT_EQ(w_.fingerprint(), before);
}

}  // namespace

namespace {

// Every field error of an import's 400 answer, as "dòng N / <column>".
std::set<std::string> bad_cells(const api::Response& r) {
  std::set<std::string> out;
  auto v = boost::json::parse(r.body);
  for (const auto& f : v.at("error").at("fields").as_array())
    out.insert(std::string(f.at("field").as_string()));
  return out;
}

TEST_F(BatchScope, ImportedResultsAndTargetsAreCheckedRowByRow) {
  std::string before = w_.fingerprint();
  std::string results = "Mã đơn vị,Kỳ,BHYT,Dân số\n" + w_.commune + ",2025-10,18000,20000\n" +
                        w_.other_commune + ",2025-10,19000,21000\n";
  auto r = w_.call(province_, "POST", "/api/v1/plans/results/import",
                   {{"filename", "kq.csv"}, {"unit", w_.province}}, results);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(bad_cells(r), std::set<std::string>{"dòng 3 / Mã đơn vị"});
  std::string targets = "Mã đơn vị,Năm,Chỉ tiêu,Giá trị\n" + w_.province +
                        ",2026,bhyt_coverage,95\n" + w_.other_province + ",2026,bhyt_coverage,96\n";
  auto t = w_.call(province_, "POST", "/api/v1/plans/targets/import",
                   {{"filename", "ct.csv"}, {"unit", w_.province}}, targets);
  EXPECT_EQ(t.status, 400) << t.body;
  EXPECT_EQ(bad_cells(t), std::set<std::string>{"dòng 3 / Mã đơn vị"});
  EXPECT_EQ(w_.fingerprint(), before);

  // An approved month refuses its rows; another month of the same file is not written either.
  auto step = [&](const Caller& c, const char* s) {
    return w_.call(c, "POST", std::string("/api/v1/approvals/") + s, {},
                   R"({"unit_id":")" + w_.province + R"(","period":"2025-10"})");
  };
  ASSERT_EQ(step(province_, "submit").status, 200);
  ASSERT_EQ(step(admin_, "approve").status, 200);
  before = w_.fingerprint();
  std::string locked = "Mã đơn vị,Kỳ,BHYT,Dân số\n" + w_.commune + ",2025-11,18100,20000\n" +
                       w_.commune + ",2025-10,18000,20000\n";
  auto l = w_.call(province_, "POST", "/api/v1/plans/results/import",
                   {{"filename", "kq.csv"}, {"unit", w_.province}}, locked);
  EXPECT_EQ(l.status, 400) << l.body;
  EXPECT_EQ(bad_cells(l), std::set<std::string>{"dòng 3 / Kỳ"});
  EXPECT_EQ(w_.fingerprint(), before);
  // Without the bad rows the files land.
  auto ok = w_.call(province_, "POST", "/api/v1/plans/results/import",
                    {{"filename", "kq.csv"}, {"unit", w_.province}},
                    "Mã đơn vị,Kỳ,BHYT,Dân số\n" + w_.commune + ",2025-11,18100,20000\n");
  EXPECT_EQ(ok.status, 200) << ok.body;
}

}  // namespace

namespace {

TEST_F(BatchScope, AnImportsProgressIsReadOnlyWithinItsUnit) {
  auto other = w_.token_caller(w_.add_user("cb.hanoi", "province_staff", w_.other_province));
  std::string csv = "Ngày,Đơn vị,Loại hoạt động,Số cuộc,Số lượt người tham dự\n10/11/2025," +
                    w_.commune + ",Hội nghị truyền thông,1,40\n";
  auto started = w_.call(province_, "POST", "/api/v1/imports",
                         {{"filename", "hd.csv"}, {"unit", w_.province}}, csv);
  ASSERT_EQ(started.status, 202) << started.body;
  std::string path =
      "/api/v1/imports/" + std::to_string(boost::json::parse(started.body).at("id").as_int64());
  auto mine = w_.call(province_, "GET", path);
  EXPECT_EQ(mine.status, 200) << mine.body;
  EXPECT_EQ(boost::json::parse(mine.body).at("unit").as_string(), w_.province);
  auto theirs = w_.call(other, "GET", path);
  EXPECT_EQ(theirs.status, 403) << theirs.body;
  EXPECT_EQ(AuthWorld::error_code(theirs), "forbidden_unit");
  EXPECT_EQ(w_.call(admin_, "GET", path).status, 200);
}

}  // namespace
