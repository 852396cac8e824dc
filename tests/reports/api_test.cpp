// tests/reports/api_test.cpp — the analytics, plans and reports routes through the router of a
// real Runtime (no socket): a result posted to /plans/results shows at once in /analytics, a
// bad import answers 400 with row errors, the report comes as JSON and as XLSX, and says what
// today's unit covered before the 2025 reform.
#include <gtest/gtest.h>

#include <set>

#include "app/runtime.h"
#include "foundation/api_call.h"
#include "foundation/test_db.h"
#include "tabular/xlsx_writer.h"

namespace caunoi {
namespace {

api::Response call(app::Runtime& rt, std::string method, std::string path,
                   std::map<std::string, std::string> query = {}, std::string body = "") {
  auto r = testutil::request(std::move(method), std::move(path), std::move(query), std::move(body));
  r.headers["content-type"] = "application/json";
  return rt.router().dispatch(r);
}

boost::json::object obj(const api::Response& r) {
  return boost::json::parse(r.body).as_object();
}

TEST(AnalyticsApi, ResultsTargetsAnalyticsAndReports) {
  auto db = testutil::prepared_db();
  app::RuntimeOptions opt;
  opt.enforce_auth = false;
  app::Runtime rt(db.path, testutil::test_paths(), 2, opt);

  auto posted = call(
      rt, "POST", "/api/v1/plans/results", {},
      R"({"unit_id":"old:66","period":"2022-12","values":{"bhyt":1604000,"population":1738377}})");
  ASSERT_EQ(posted.status, 201) << posted.body;
  auto t = call(rt, "POST", "/api/v1/plans/targets", {},
                R"({"unit_id":"old:66","year":2022,"indicator":"bhyt_coverage","value":91.75})");
  ASSERT_EQ(t.status, 201) << t.body;

  auto a = call(rt, "GET", "/api/v1/analytics",
                {{"indicator", "bhyt_coverage"}, {"unit", "old:66"}, {"period", "2022"}});
  ASSERT_EQ(a.status, 200) << a.body;
  auto total = obj(a)["total"].as_object();
  EXPECT_NEAR(total["value"].to_number<double>(), 92.27, 0.005);
  EXPECT_DOUBLE_EQ(total["target"].to_number<double>(), 91.75);
  EXPECT_EQ(total["as_of"].as_string(), "2022-12");

  auto bad = call(rt, "GET", "/api/v1/analytics", {{"indicator", "nope"}, {"period", "2022"}});
  EXPECT_EQ(bad.status, 400);
  auto bad_by = call(rt, "GET", "/api/v1/analytics",
                     {{"indicator", "meetings"}, {"period", "2022"}, {"by", "x"}});
  EXPECT_EQ(bad_by.status, 400);

  auto ind = call(rt, "GET", "/api/v1/analytics/indicators");
  EXPECT_GT(obj(ind)["indicators"].as_array().size(), 20u);

  auto imp = call(rt, "POST", "/api/v1/plans/results/import", {{"filename", "kq.csv"}},
                  "Mã đơn vị,Kỳ,BHYT\nold:66,2022-11,abc\nold:99,2022-11,5\n");
  EXPECT_EQ(imp.status, 400);
  std::set<std::string> fields;
  auto imp_body = obj(imp);  // kept alive: the loop below walks into it
  for (const auto& f : imp_body["error"].as_object()["fields"].as_array())
    fields.insert(std::string(f.as_object().at("field").as_string()));
  EXPECT_TRUE(fields.count("dòng 2 / BHYT"));
  EXPECT_TRUE(fields.count("dòng 3 / Mã đơn vị"));

  auto rep = call(rt, "GET", "/api/v1/reports", {{"unit", "old:66"}, {"period", "2022"}});
  ASSERT_EQ(rep.status, 200) << rep.body;
  std::string narrative(obj(rep)["narrative"].as_string());
  EXPECT_NE(narrative.find("92,27% dân số, vượt chỉ tiêu được giao (91,75%)"), std::string::npos);

  auto x = call(rt, "GET", "/api/v1/reports/xlsx", {{"unit", "66"}, {"period", "2022"}});
  EXPECT_EQ(x.status, 200);
  EXPECT_EQ(x.content_type, tabular::kXlsxMime);
  EXPECT_EQ(x.body.substr(0, 2), "PK");
  // Named for the unit and the period (issue 20): not "bao-cao-66-2022".
  std::string disposition;
  for (const auto& [k, v] : x.headers)
    if (k == "Content-Disposition") disposition = v;
  EXPECT_EQ(disposition, "attachment; filename=\"bao-cao-dak-lak-2022.xlsx\"");

  auto rank = call(rt, "GET", "/api/v1/analytics/ranking",
                   {{"indicator", "bhyt"}, {"period", "2022"}, {"limit", "3"}});
  ASSERT_EQ(rank.status, 200) << rank.body;
  auto rows = obj(rank)["rows"].as_array();
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].as_object()["key"].as_string(), "66");
}

// A report reaching before 01/07/2025 (itself or the period it is compared with) says what
// today's unit covered then; the whole country and a period wholly after the reform do not.
TEST(ReportsApi, APeriodBeforeTheReformSaysWhatTodaysUnitCovered) {
  auto db = testutil::prepared_db();
  app::RuntimeOptions opt;
  opt.enforce_auth = false;
  app::Runtime rt(db.path, testutil::test_paths(), 2, opt);
  auto note = [&](std::map<std::string, std::string> q) -> std::string {
    auto r = call(rt, "GET", "/api/v1/reports", std::move(q));
    EXPECT_EQ(r.status, 200) << r.body;
    auto o = obj(r);
    return o.contains("reform_note") ? std::string(o["reform_note"].as_string()) : "";
  };
  const std::string lao_cai = "tỉnh Lào Cai, gồm tỉnh Lào Cai và tỉnh Yên Bái trước 01/07/2025";
  EXPECT_EQ(note({{"unit", "15"}, {"period", "2022"}}), lao_cai);
  EXPECT_EQ(note({{"unit", "VN"}, {"period", "2022"}}), "");
  EXPECT_EQ(note({{"unit", "15"}, {"period", "2026-01"}}), "");
  EXPECT_EQ(note({{"unit", "15"}, {"period", "2026-01"}, {"compare", "last-year"}}), lao_cai);
  EXPECT_EQ(note({{"unit", "old:15"}, {"period", "2022"}}), "");  // an old unit is itself
}

}  // namespace
}  // namespace caunoi
