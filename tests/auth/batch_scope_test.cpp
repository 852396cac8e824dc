// tests/auth/batch_scope_test.cpp — participation results go through the same unit scope and
// approval lock as activities, also when posted as a batch ({"results": [...]}) or deleted by
// query: one item outside the officer's province refuses the whole batch, and a result dated in
// an approved month is refused with 423. Nothing changes in either case.
#include <gtest/gtest.h>

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
