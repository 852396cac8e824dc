// tests/foundation/api_test.cpp — the foundation routes through the real Router, in process:
// places (also within a territory on a day, and what a unit stood for before the reform),
// periods, health, and the error shape for bad input.
#include <gtest/gtest.h>

#include <algorithm>

#include <boost/json.hpp>

#include "api_call.h"
#include "app/runtime.h"
#include "test_db.h"

using namespace caunoi;

class Api : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    db_ = new testutil::TempDb();
    rt_ = new app::Runtime(db_->path, testutil::test_paths(), 2);
  }
  static void TearDownTestSuite() {
    delete rt_;
    delete db_;
  }
  static api::Response call(std::string method, std::string path,
                            std::map<std::string, std::string> query = {}, std::string body = "") {
    return rt_->router().dispatch(
        testutil::request(std::move(method), std::move(path), std::move(query), std::move(body)));
  }
  static boost::json::value json(const api::Response& r) { return boost::json::parse(r.body); }
  static testutil::TempDb* db_;
  static app::Runtime* rt_;
};
testutil::TempDb* Api::db_;
app::Runtime* Api::rt_;

TEST_F(Api, HealthAndProvinces) {
  EXPECT_EQ(call("GET", "/healthz").status, 200);
  auto r = call("GET", "/api/v1/places", {{"parent", "VN"}});
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(json(r).at("count").as_int64(), 34);
  auto old = json(call("GET", "/api/v1/places", {{"parent", "VN"}, {"era", "old"}}));
  EXPECT_EQ(old.at("count").as_int64(), 63);
}

TEST_F(Api, SearchTellsWhereAnOldUnitIsToday) {
  auto r = json(call("GET", "/api/v1/places/search", {{"q", "yen bai"}}));
  auto first = r.at("items").at(0);
  EXPECT_EQ(first.at("id").as_string(), "old:15");
  EXPECT_EQ(first.at("part_of_today").at("id").as_string(), "15");
}

TEST_F(Api, SearchWithinATerritoryOnADay) {
  auto ids = [](const boost::json::value& r) {
    std::vector<std::string> out;
    for (const auto& u : r.at("items").as_array()) out.emplace_back(u.at("id").as_string());
    return out;
  };
  auto before = ids(json(call("GET", "/api/v1/places/search",
                              {{"q", "bac ha"}, {"within", "15"}, {"on", "2024-03-01"}})));
  EXPECT_NE(std::find(before.begin(), before.end(), "old:085"), before.end());  // Huyện Bắc Hà
  for (const auto& id : before) EXPECT_TRUE(id.starts_with("old:")) << id;
  auto today = ids(json(call("GET", "/api/v1/places/search",
                             {{"q", "yen binh"}, {"within", "15"}, {"on", "05/01/2026"}})));
  EXPECT_NE(std::find(today.begin(), today.end(), "04714"), today.end());  // Xã Yên Bình
  EXPECT_EQ(std::find(today.begin(), today.end(), "02116"), today.end());  // Thái Nguyên's
  for (const auto& id : today) EXPECT_FALSE(id.starts_with("old:")) << id;
  auto bad = call("GET", "/api/v1/places/search", {{"q", "bac ha"}, {"on", "31/02/2024"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json(bad).at("error").at("code").as_string(), "bad_date");
  EXPECT_EQ(call("GET", "/api/v1/places/search", {{"q", "bac ha"}, {"within", "99"}}).status, 404);
}

TEST_F(Api, AUnitSaysWhatItStoodForBeforeTheReform) {
  auto lc = json(call("GET", "/api/v1/places/15"));
  auto olds = lc.at("predecessors").as_array();
  ASSERT_EQ(olds.size(), 2u);
  EXPECT_EQ(olds[0].at("id").as_string(), "old:10");
  EXPECT_EQ(olds[1].at("id").as_string(), "old:15");
  EXPECT_EQ(lc.at("before_reform").as_string(),
            "tỉnh Lào Cai, gồm tỉnh Lào Cai và tỉnh Yên Bái trước 01/07/2025");
  EXPECT_FALSE(json(call("GET", "/api/v1/places/01")).as_object().contains("before_reform"));
}

// Old Phường Ngọc Hà was split: its figures before the reform count in today's Phường Ngọc Hà
// (which kept its name), and today's Phường Ba Đình took "một phần" of it. Both sides say so.
TEST_F(Api, ASplitCommuneIsNamedAsAPartOnBothSides) {
  auto old = json(call("GET", "/api/v1/places/old:00016"));
  EXPECT_EQ(old.at("part_of_today").at("id").as_string(), "00008");
  auto parts = old.at("also_part_of").as_array();
  ASSERT_FALSE(parts.empty());
  EXPECT_EQ(parts[0].at("id").as_string(), "00004");
  EXPECT_EQ(parts[0].at("note").as_string(), "một phần");

  auto ba_dinh = json(call("GET", "/api/v1/places/00004"));
  for (const auto& p : ba_dinh.at("predecessors").as_array())
    EXPECT_NE(p.at("id").as_string(), "old:00016");  // its figures are not Ba Đình's
  bool named = false;
  for (const auto& p : ba_dinh.at("partial_predecessors").as_array()) {
    EXPECT_EQ(p.at("note").as_string(), "một phần");
    if (p.at("id").as_string() != "old:00016") continue;
    named = true;
    EXPECT_EQ(p.at("full_name").as_string(), "Phường Ngọc Hà");
    EXPECT_EQ(p.at("counted_in").at("id").as_string(), "00008");
  }
  EXPECT_TRUE(named) << boost::json::serialize(ba_dinh);
  // A unit that took no split commune in part lists none.
  EXPECT_TRUE(json(call("GET", "/api/v1/places/15")).at("partial_predecessors").as_array().empty());
}

TEST_F(Api, UnknownUnitIs404WithVietnameseMessage) {
  auto r = call("GET", "/api/v1/places/old:99");
  EXPECT_EQ(r.status, 404);
  auto e = json(r).at("error");
  EXPECT_EQ(e.at("code").as_string(), "unit_not_found");
  EXPECT_NE(std::string(e.at("message").as_string()).find("Không tìm thấy"), std::string::npos);
  EXPECT_EQ(call("GET", "/api/v1/places", {{"parent", "nowhere"}}).status, 404);
}

TEST_F(Api, MalformedPeriodIs400) {
  auto ok = json(call("GET", "/api/v1/periods/parse", {{"p", "2022-01..2022-10"}}));
  EXPECT_EQ(ok.at("label_vi").as_string(), "10 tháng đầu năm 2022");
  EXPECT_EQ(ok.at("last_year").at("code").as_string(), "2021-01..2021-10");
  auto bad = call("GET", "/api/v1/periods/parse", {{"p", "2022-13"}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_EQ(json(bad).at("error").at("code").as_string(), "bad_period");
  auto missing = call("GET", "/api/v1/periods/parse");
  EXPECT_EQ(json(missing).at("error").at("code").as_string(), "missing_parameter");
}

TEST_F(Api, UnknownRouteAndWrongMethod) {
  EXPECT_EQ(call("GET", "/api/v1/nothing-here").status, 404);
  EXPECT_EQ(call("DELETE", "/api/v1/places").status, 405);
}

TEST_F(Api, NonJsonBodyIsRefused) {
  api::Request r;
  r.body = "{not json";
  try {
    r.json_body();
    FAIL();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "invalid_json");
    EXPECT_EQ(api::status_of(e.kind()), 400);
  }
  r.body = "[1,2]";  // JSON, but not an object
  EXPECT_THROW(r.json_body(), Error);
}

TEST_F(Api, GeoJsonOfTodaysProvinces) {
  auto r = call("GET", "/api/v1/geo/provinces");
  ASSERT_EQ(r.status, 200);
  auto features = json(r).at("features").as_array();
  EXPECT_EQ(features.size(), 34u);
}
