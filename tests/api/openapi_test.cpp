// tests/api/openapi_test.cpp — the API's one description (data/api/openapi.json) against the
// server itself (issue 22 item 5): the router's routes and the document's operations are the same
// set, and real answers of every route — a success and an error each, from a fresh database with
// a signed-in administrator — have a status the document lists and a body its schema accepts;
// the JSON body of every accepted request fits the operation's request schema too.
#include <gtest/gtest.h>

#include <chrono>
#include <fstream>
#include <set>
#include <sstream>
#include <thread>

#include "api/json_schema.h"
#include "auth/auth_world.h"
#include "auth/first_run.h"
#include "auth/policy.h"

using namespace caunoi;
using testutil::AuthWorld;
using testutil::Caller;
using testutil::SchemaChecker;
namespace json = boost::json;

namespace {

json::value read_document() {
  std::ifstream in(std::filesystem::path(CAUNOI_SOURCE_DIR) / "data" / "api" / "openapi.json");
  std::stringstream ss;
  ss << in.rdbuf();
  return json::parse(ss.str());
}

std::string lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string media_of(const std::string& content_type) {
  std::string m = content_type.substr(0, content_type.find(';'));
  while (!m.empty() && m.back() == ' ') m.pop_back();
  return m;
}

// Why `res`, the answer of `method pattern`, departs from the document (empty: it does not).
std::vector<std::string> departures(const SchemaChecker& doc, const std::string& method,
                                    const std::string& pattern, const api::Response& res) {
  const auto* op = doc.doc().at("paths").as_object().if_contains(pattern);
  if (!op || !op->as_object().contains(lower(method))) return {"the document has no operation"};
  const auto& responses = op->at(lower(method)).at("responses").as_object();
  const auto* documented = responses.if_contains(std::to_string(res.status));
  if (!documented) return {"status " + std::to_string(res.status) + " is not documented"};
  const auto& content = doc.resolve(*documented).at("content").as_object();
  std::string media = media_of(res.content_type);
  const auto* one = content.if_contains(media);
  if (!one) return {"content type " + media + " is not documented"};
  if (media != "application/json" && !media.ends_with("+json")) {
    if (res.body.empty()) return {"empty " + media + " body"};
    return {};
  }
  boost::system::error_code ec;
  json::value body = json::parse(res.body, ec);
  if (ec) return {"the body is not JSON"};
  return doc.check(body, one->at("schema"));
}

std::string joined(const std::vector<std::string>& v) {
  std::string s;
  for (const auto& x : v) s += "\n  " + x;
  return s;
}

class OpenApi : public ::testing::Test {
 protected:
  // One call: the path is the pattern with `fill` in its {names}; the answer must have
  // `expect` as status and conform to the document.
  api::Response call(const Caller& who, const std::string& method, const std::string& pattern,
                     std::map<std::string, std::string> fill = {},
                     std::map<std::string, std::string> query = {}, std::string body = "",
                     int expect = 200) {
    std::string path = pattern;
    for (const auto& [k, v] : fill)
      if (auto at = path.find("{" + k + "}"); at != std::string::npos)
        path.replace(at, k.size() + 2, v);
    if (expect < 300) {
      auto off = request_departures(method, pattern, body);
      EXPECT_TRUE(off.empty()) << method << " " << path
                               << ": the request departs from the document:" << joined(off);
    }
    auto res = w_.call(who, method, path, std::move(query), std::move(body));
    EXPECT_EQ(res.status, expect) << method << " " << path << ": " << res.body.substr(0, 400);
    auto off = departures(doc_, method, pattern, res);
    EXPECT_TRUE(off.empty()) << method << " " << path << " (" << res.status
                             << ") departs from the document:" << joined(off);
    seen_[method + " " + pattern].insert(res.status);
    return res;
  }
  // A request the server accepts must be one the document describes: its JSON body, where the
  // operation takes one, is held to the operation's request schema.
  std::vector<std::string> request_departures(const std::string& method, const std::string& pattern,
                                              const std::string& body) const {
    const auto* op = doc_.doc().at("paths").as_object().if_contains(pattern);
    if (!op || !op->as_object().contains(lower(method))) return {};
    const auto* rb = op->at(lower(method)).as_object().if_contains("requestBody");
    const json::value* schema = nullptr;
    if (rb)
      if (const auto* j = rb->at("content").as_object().if_contains("application/json"))
        schema = &j->at("schema");
    if (!schema) return {};
    if (body.empty()) return {"no body, where the document requires one"};
    return doc_.check(json::parse(body), *schema);
  }
  static json::object body_of(const api::Response& r) { return json::parse(r.body).as_object(); }
  static std::string id_text(const api::Response& r) {
    const json::value v = json::parse(r.body);
    const auto& id = v.at("id");
    return id.is_string() ? std::string(id.as_string()) : std::to_string(id.to_number<int64_t>());
  }

  AuthWorld w_;
  SchemaChecker doc_{read_document()};
  std::map<std::string, std::set<int>> seen_;  // "METHOD pattern" -> statuses answered
};

TEST_F(OpenApi, TheRouterAndTheDocumentNameTheSameRoutes) {
  std::set<std::string> routed, documented;
  for (const auto& [method, pattern] : w_.rt().router().routes())
    routed.insert(method + " " + pattern);
  for (const auto& [path, item] : doc_.doc().at("paths").as_object())
    for (const auto& [method, _] : item.as_object()) {
      std::string m(method);
      for (auto& c : m) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      documented.insert(m + " " + std::string(path));
    }
  std::vector<std::string> undocumented, unrouted;
  std::set_difference(routed.begin(), routed.end(), documented.begin(), documented.end(),
                      std::back_inserter(undocumented));
  std::set_difference(documented.begin(), documented.end(), routed.begin(), routed.end(),
                      std::back_inserter(unrouted));
  EXPECT_TRUE(undocumented.empty())
      << "routes missing from data/api/openapi.json:" << joined(undocumented);
  EXPECT_TRUE(unrouted.empty()) << "documented but not routed:" << joined(unrouted);
  EXPECT_GT(routed.size(), 60u);
}

TEST_F(OpenApi, TheServerServesTheDocumentWithoutSignIn) {
  auto res = call(Caller{}, "GET", "/api/v1/openapi.json");
  auto served = json::parse(res.body);
  EXPECT_EQ(served, doc_.doc());
  EXPECT_EQ(served.at("openapi").as_string().subview().substr(0, 3), "3.1");
}

// The checker itself: a real answer passes, and the same answer with a field renamed, dropped,
// mistyped or added does not.
TEST_F(OpenApi, TheCheckerRejectsARenamedOrMissingField) {
  auto res = call(Caller{}, "GET", "/api/v1/places/{id}", {{"id", "15"}});
  const auto schema = json::value{{"$ref", "#/components/schemas/PlaceDetail"}};
  auto good = json::parse(res.body);
  ASSERT_TRUE(doc_.check(good, schema).empty());

  auto renamed = good;
  renamed.as_object()["fullname"] = renamed.at("full_name");
  renamed.as_object().erase("full_name");
  EXPECT_EQ(doc_.check(renamed, schema).size(), 2u) << joined(doc_.check(renamed, schema));
  auto mistyped = good;
  mistyped.as_object()["level"] = "1";
  EXPECT_EQ(doc_.check(mistyped, schema).size(), 1u);
  auto nested = good;
  nested.as_object()["ancestors"].as_array()[0].as_object().erase("era");
  EXPECT_EQ(doc_.check(nested, schema).size(), 1u);
  auto bad_enum = good;
  bad_enum.as_object()["era"] = "future";
  EXPECT_EQ(doc_.check(bad_enum, schema).size(), 1u);

  api::Response wrong = res;
  wrong.status = 418;
  EXPECT_FALSE(departures(doc_, "GET", "/api/v1/places/{id}", wrong).empty());
  wrong.status = 200;
  wrong.content_type = "text/plain";
  EXPECT_FALSE(departures(doc_, "GET", "/api/v1/places/{id}", wrong).empty());
}

TEST_F(OpenApi, EveryRouteAnswersAsDocumented) {
  const Caller anyone;
  const std::string commune = w_.commune, province = w_.province;

  // ---- open to everyone
  call(anyone, "GET", "/healthz");
  call(anyone, "GET", "/api/v1/openapi.json");
  call(anyone, "GET", "/api/v1/geo/provinces");
  call(anyone, "GET", "/api/v1/places");
  call(anyone, "GET", "/api/v1/places", {}, {{"era", "old"}});
  call(anyone, "GET", "/api/v1/places", {}, {{"era", "x"}}, "", 400);
  call(anyone, "GET", "/api/v1/places/search", {}, {{"q", "lao cai"}});
  call(anyone, "GET", "/api/v1/places/search", {},
       {{"q", "an"}, {"within", province}, {"on", "2024-01-01"}});
  call(anyone, "GET", "/api/v1/places/search", {}, {}, "", 400);
  call(anyone, "GET", "/api/v1/places/{id}", {{"id", province}});
  call(anyone, "GET", "/api/v1/places/{id}", {{"id", "old:15"}});
  call(anyone, "GET", "/api/v1/places/{id}", {{"id", commune}});
  call(anyone, "GET", "/api/v1/places/{id}", {{"id", "khong-co"}}, {}, "", 404);
  call(anyone, "GET", "/api/v1/periods/parse", {}, {{"p", "2025Q3"}});
  call(anyone, "GET", "/api/v1/periods/parse", {}, {{"p", "quý năm"}}, "", 400);
  call(anyone, "POST", "/api/v1/qa/ask", {}, {},
       R"({"question": "bhyt hgd mot nam bao nhieu tien"})");
  call(anyone, "POST", "/api/v1/qa/ask", {}, {},
       R"({"question": "Thời tiết Hà Nội ngày mai có mưa không?", "contact": "0912345678"})");
  call(anyone, "POST", "/api/v1/qa/ask", {}, {}, R"({"q": "x"})", 400);

  // The first administrator, from the one-time link.
  call(anyone, "GET", "/api/v1/auth/setup");
  std::optional<std::string> token;
  {
    auto lease = w_.rt().pool().acquire();
    token = auth::first_run_token(*lease, w_.rt().auth());
  }
  ASSERT_TRUE(token);
  auto setup = [&](const std::string& t) {
    return json::serialize(json::object{{"token", t},
                                        {"username", "quantri"},
                                        {"full_name", "Quản trị"},
                                        {"password", testutil::kPassword}});
  };
  call(anyone, "POST", "/api/v1/auth/setup", {}, {}, setup("00" + *token), 403);
  call(anyone, "POST", "/api/v1/auth/setup", {}, {}, setup(*token), 201);
  call(anyone, "POST", "/api/v1/auth/login", {}, {},
       testutil::login_body("quantri", "sai-mat-khau"), 401);
  call(anyone, "POST", "/api/v1/auth/login", {}, {},
       testutil::login_body("quantri", testutil::kPassword));
  const Caller admin = w_.login("quantri");
  ASSERT_FALSE(admin.csrf.empty());

  // ---- every other route refuses a caller who has not signed in
  for (const auto& [method, pattern] : w_.rt().router().routes()) {
    const auth::Rule* rule = auth::find_rule(method, pattern);
    if (rule && rule->action == auth::Action::open) continue;
    call(anyone, method, pattern, {{"id", "1"}, {"list", "partner"}}, {{"unit", province}},
         method == "GET" ? "" : "{}", 401);
  }

  // ---- the signed-in user
  call(admin, "GET", "/api/v1/auth/me");
  auto tok =
      call(admin, "POST", "/api/v1/auth/tokens", {}, {}, R"({"name": "máy đọc số liệu"})", 201);
  call(admin, "POST", "/api/v1/auth/tokens", {}, {}, R"({"name": ""})", 400);
  call(admin, "GET", "/api/v1/auth/tokens");
  call(admin, "DELETE", "/api/v1/auth/tokens/{id}", {{"id", id_text(tok)}});
  call(admin, "DELETE", "/api/v1/auth/tokens/{id}", {{"id", "987654"}}, {}, "", 404);
  call(admin, "POST", "/api/v1/auth/password", {}, {},
       R"({"old_password": "sai", "new_password": "Mat-khau-moi-2025-dai"})", 400);

  // ---- accounts
  const std::string staff = json::serialize(json::object{{"username", "canbo-tinh"},
                                                         {"full_name", "Cán bộ tỉnh"},
                                                         {"role", "province_staff"},
                                                         {"unit_id", province},
                                                         {"password", testutil::kPassword}});
  auto user = call(admin, "POST", "/api/v1/users", {}, {}, staff, 201);
  call(admin, "POST", "/api/v1/users", {}, {}, staff, 409);
  const std::string uid = id_text(user);
  call(admin, "GET", "/api/v1/users");
  call(admin, "GET", "/api/v1/users/{id}", {{"id", uid}});
  call(admin, "GET", "/api/v1/users/{id}", {{"id", "987654"}}, {}, "", 404);
  call(admin, "PUT", "/api/v1/users/{id}", {{"id", uid}}, {},
       R"({"full_name": "Cán bộ tỉnh Lào Cai"})");
  call(admin, "PUT", "/api/v1/users/{id}", {{"id", uid}}, {}, R"({"active": "có"})", 400);
  call(admin, "POST", "/api/v1/users/{id}/password", {{"id", uid}}, {},
       R"({"password": "Mot-mat-khau-khac-2025"})");
  call(admin, "POST", "/api/v1/users/{id}/password", {{"id", uid}}, {}, R"({"password": "ngan"})",
       400);

  // ---- reference lists and activities
  auto ref = body_of(call(admin, "GET", "/api/v1/reference"));
  ASSERT_FALSE(ref.at("kinds").as_array().empty());
  call(admin, "POST", "/api/v1/reference/{list}", {{"list", "partner"}}, {},
       R"({"code": "hoi_nong_dan", "label": "Hội Nông dân"})", 201);
  call(admin, "POST", "/api/v1/reference/{list}", {{"list", "partner"}}, {},
       R"({"code": "", "label": ""})", 400);
  const std::string activity = R"({"place": ")" + commune +
                               R"(", "date": "2025-10-15", "kind": "conference",
      "groups": ["farm_households"], "languages": ["vi"], "title": "Hội nghị ở xã",
      "figures": {"events": 1, "attendees": 85}})";
  auto created = call(admin, "POST", "/api/v1/activities", {}, {}, activity, 201);
  const std::string aid = id_text(created);
  call(admin, "POST", "/api/v1/activities", {}, {}, R"({"figures": 3})", 400);
  call(admin, "GET", "/api/v1/activities", {}, {{"unit", province}, {"period", "2025-10"}});
  call(admin, "GET", "/api/v1/activities", {}, {{"limit", "0"}}, "", 400);
  call(admin, "GET", "/api/v1/activities/{id}", {{"id", aid}});
  call(admin, "GET", "/api/v1/activities/{id}", {{"id", "987654"}}, {}, "", 404);
  std::string changed = activity;
  changed.replace(changed.find("85"), 2, "90");
  call(admin, "PUT", "/api/v1/activities/{id}", {{"id", aid}}, {}, changed);
  call(admin, "PUT", "/api/v1/activities/{id}", {{"id", aid}}, {}, R"({"date": "hôm qua"})", 400);
  call(admin, "GET", "/api/v1/activities/{id}/history", {{"id", aid}});
  call(admin, "GET", "/api/v1/activities/{id}/history", {{"id", "x"}}, {}, "", 404);
  call(admin, "GET", "/api/v1/activities/export", {}, {{"format", "csv"}});
  call(admin, "GET", "/api/v1/activities/export", {}, {{"unit", province}});
  call(admin, "GET", "/api/v1/activities/export", {}, {{"format", "pdf"}}, "", 400);
  call(admin, "GET", "/api/v1/activities/template", {}, {{"kind", "conference"}});
  call(admin, "GET", "/api/v1/activities/template", {}, {{"kind", "khong-co"}}, "", 404);

  // A file import, queued and then finished.
  const std::string csv =
      "Ngày,Đơn vị,Đơn vị báo cáo,Loại hoạt động,Số cuộc,Số lượt người tham dự\n"
      "11/10/2025," +
      commune + "," + province + ",Hội nghị truyền thông,1,40\n";
  auto started = call(admin, "POST", "/api/v1/imports", {},
                      {{"filename", "hd.csv"}, {"unit", province}}, csv, 202);
  const std::string job = id_text(started);
  for (int i = 0; i < 600; ++i) {
    auto progress = call(admin, "GET", "/api/v1/imports/{id}", {{"id", job}});
    std::string state(json::parse(progress.body).at("state").as_string());
    if (state == "done" || state == "failed") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  call(admin, "POST", "/api/v1/imports", {}, {{"filename", "hd.csv"}}, "", 400);
  call(admin, "GET", "/api/v1/imports/{id}", {{"id", "987654"}}, {}, "", 404);

  // ---- plans and results
  call(admin, "GET", "/api/v1/plans/measures");
  auto target = call(admin, "POST", "/api/v1/plans/targets", {}, {},
                     R"({"unit_id": ")" + province +
                         R"(", "year": 2026, "indicator": "bhyt_coverage", "value": 95})",
                     201);
  call(admin, "POST", "/api/v1/plans/targets", {}, {},
       R"({"targets": [{"unit_id": ")" + commune +
           R"(", "year": 2026, "indicator": "bhyt_coverage", "value": 93}]})");
  call(admin, "POST", "/api/v1/plans/targets", {}, {},
       R"({"unit_id": ")" + province + R"(", "year": 2026, "indicator": "bhyt_coverage"})", 400);
  call(admin, "GET", "/api/v1/plans/targets", {}, {{"unit", province}, {"year", "2026"}});
  call(admin, "GET", "/api/v1/plans/targets", {}, {{"year", "năm nay"}}, "", 400);
  call(admin, "DELETE", "/api/v1/plans/targets/{id}", {{"id", id_text(target)}});
  call(admin, "DELETE", "/api/v1/plans/targets/{id}", {{"id", "987654"}}, {}, "", 404);
  call(admin, "POST", "/api/v1/plans/targets/import", {},
       {{"filename", "ct.csv"}, {"unit", province}},
       "Mã đơn vị,Năm,Chỉ tiêu,Giá trị\n" + province + ",2026,bhyt_coverage,96\n");
  call(admin, "POST", "/api/v1/plans/targets/import", {},
       {{"filename", "ct.csv"}, {"unit", province}},
       "Mã đơn vị,Năm,Chỉ tiêu,Giá trị\n" + province + ",2026,khong_co,96\n", 400);
  const std::string result =
      R"({"unit_id": ")" + commune +
      R"(", "period": "2025-10", "values": {"bhyt": 18000, "population": 20000}})";
  call(admin, "POST", "/api/v1/plans/results", {}, {}, result, 201);
  call(admin, "POST", "/api/v1/plans/results", {}, {}, R"({"results": [)" + result + "]}");
  call(admin, "POST", "/api/v1/plans/results", {}, {},
       R"({"unit_id": ")" + commune + R"(", "period": "2025-10", "values": {"bhyt": "nhiều"}})",
       400);
  call(admin, "GET", "/api/v1/plans/results", {}, {{"unit", province}});
  call(admin, "GET", "/api/v1/plans/results", {}, {{"from", "mai"}}, "", 400);
  call(admin, "POST", "/api/v1/plans/results/import", {},
       {{"filename", "kq.csv"}, {"unit", province}},
       "Mã đơn vị,Kỳ,BHYT,Dân số\n" + commune + ",2025-09,18100,20000\n");
  call(admin, "POST", "/api/v1/plans/results/import", {},
       {{"filename", "kq.csv"}, {"unit", province}},
       "Mã đơn vị,Kỳ,BHYT,Dân số\n" + commune + ",tháng chín,18100,20000\n", 400);
  call(admin, "DELETE", "/api/v1/plans/results", {}, {{"unit", commune}, {"period", "2025-09"}});
  call(admin, "DELETE", "/api/v1/plans/results", {}, {{"unit", commune}}, "", 400);

  // ---- analytics and reports
  call(admin, "GET", "/api/v1/analytics/indicators");
  call(admin, "GET", "/api/v1/analytics", {},
       {{"indicator", "meetings"},
        {"unit", province},
        {"period", "2025-10"},
        {"by", "children"},
        {"compare", "last-year"}});
  call(admin, "GET", "/api/v1/analytics", {},
       {{"indicator", "meetings"}, {"period", "2025"}, {"by", "period"}});
  call(admin, "GET", "/api/v1/analytics", {}, {{"indicator", "meetings"}}, "", 400);
  call(admin, "GET", "/api/v1/analytics/ranking", {},
       {{"indicator", "bhyt_coverage"}, {"period", "2025-10"}, {"sort", "pct_of_plan"}});
  call(admin, "GET", "/api/v1/analytics/ranking", {},
       {{"indicator", "meetings"}, {"period", "2025-10"}, {"level", "commune"}}, "", 400);
  for (const char* kind : {"", "/xlsx", "/docx"}) {
    std::string pattern = std::string("/api/v1/reports") + kind;
    call(admin, "GET", pattern, {},
         {{"unit", province}, {"period", "2025-01..2025-10"}, {"compare", "last-year"}});
    call(admin, "GET", pattern, {}, {{"unit", province}}, "", 400);
  }
  call(admin, "GET", "/api/v1/reports", {},
       {{"unit", "VN"}, {"period", "2025-10"}, {"data", "approved"}});

  // ---- approvals of a month
  const std::string month =
      R"({"unit_id": ")" + province + R"(", "period": "2025-11", "reason": "Thiếu số liệu"})";
  call(admin, "POST", "/api/v1/approvals/submit", {}, {}, month);
  call(admin, "POST", "/api/v1/approvals/submit", {}, {}, month, 409);
  call(admin, "POST", "/api/v1/approvals/return", {}, {}, month);
  call(admin, "POST", "/api/v1/approvals/return", {}, {}, month, 409);
  call(admin, "POST", "/api/v1/approvals/submit", {}, {}, month);
  call(admin, "POST", "/api/v1/approvals/approve", {}, {}, month);
  call(admin, "POST", "/api/v1/approvals/approve", {}, {}, month, 409);
  // The province's officer is told, marks the notice read, and only their own unit's.
  const Caller officer = w_.token_caller(w_.add_user("cb.tinh", "province_staff", province));
  auto notices = body_of(call(officer, "GET", "/api/v1/approvals/notices"));
  ASSERT_EQ(notices.at("notices").as_array().size(), 1u);
  const auto& decided = notices.at("notices").as_array()[0].as_object();
  auto seen_body = [&](const std::string& unit, int64_t at) {
    return json::serialize(json::object{
        {"unit_id", unit}, {"period", "2025-11"}, {"state", "approved"}, {"decided_at", at}});
  };
  const int64_t at = decided.at("decided_at").as_int64();
  call(officer, "POST", "/api/v1/approvals/notices/seen", {}, {}, seen_body(province, at));
  call(officer, "POST", "/api/v1/approvals/notices/seen", {}, {}, seen_body(province, at - 1), 404);
  call(officer, "POST", "/api/v1/approvals/notices/seen", {}, {}, seen_body(w_.other_province, at),
       403);
  call(officer, "POST", "/api/v1/approvals/notices/seen", {}, {}, R"({"unit_id": "15"})", 400);
  EXPECT_TRUE(
      body_of(call(officer, "GET", "/api/v1/approvals/notices")).at("notices").as_array().empty());
  call(admin, "GET", "/api/v1/approvals", {}, {{"unit", province}});
  call(admin, "GET", "/api/v1/approvals/lock", {}, {{"unit", province}, {"date", "2025-11-20"}});
  call(admin, "GET", "/api/v1/approvals/lock", {}, {{"unit", province}, {"date", "hôm nay"}}, "",
       400);
  call(admin, "POST", "/api/v1/approvals/reopen", {}, {}, month);
  call(admin, "POST", "/api/v1/approvals/reopen", {}, {}, month, 409);

  // ---- the Q&A bank and the queue of questions
  auto entries = body_of(call(admin, "GET", "/api/v1/qa/entries", {}, {{"status", "published"}}));
  ASSERT_FALSE(entries.at("items").as_array().empty());
  const std::string entry(entries.at("items").as_array()[0].at("id").as_string());
  call(admin, "GET", "/api/v1/qa/entries", {}, {{"status", "x"}}, "", 400);
  call(admin, "GET", "/api/v1/qa/entries/{id}", {{"id", entry}});
  call(admin, "GET", "/api/v1/qa/entries/{id}", {{"id", "khong-co"}}, {}, "", 404);
  const std::string fresh =
      R"({"id": "thu-001", "topic": "Thử", "question": "Câu hỏi thử?", "answer": "Trả lời thử.", "status": "draft"})";
  call(admin, "POST", "/api/v1/qa/entries", {}, {}, fresh, 201);
  call(admin, "POST", "/api/v1/qa/entries", {}, {}, fresh, 409);
  call(admin, "PUT", "/api/v1/qa/entries/{id}", {{"id", "thu-001"}}, {},
       R"({"question": "Câu hỏi thử, bản hai?", "answer": "Trả lời thử.", "status": "draft"})");
  call(admin, "PUT", "/api/v1/qa/entries/{id}", {{"id", "thu-001"}}, {}, R"({"question": ""})",
       400);
  call(admin, "GET", "/api/v1/qa/entries/{id}/history", {{"id", "thu-001"}});
  call(admin, "GET", "/api/v1/qa/export");
  call(admin, "POST", "/api/v1/qa/import", {}, {},
       R"({"id": "thu-002", "question": "Câu hai?", "answer": "Hai."})"
       "\n");
  call(admin, "POST", "/api/v1/qa/import", {}, {}, "{\"id\": 1}\n", 400);
  auto queue = body_of(call(admin, "GET", "/api/v1/qa/queue"));
  call(admin, "GET", "/api/v1/qa/queue", {}, {{"status", "x"}}, "", 400);
  ASSERT_FALSE(queue.at("items").as_array().empty());
  const std::string queued = std::to_string(queue.at("items").as_array()[0].at("id").as_int64());
  call(admin, "POST", "/api/v1/qa/queue/{id}/phrasing", {{"id", queued}}, {}, R"({"entry_id": 7})",
       400);
  call(admin, "POST", "/api/v1/qa/queue/{id}/phrasing", {{"id", queued}}, {},
       R"({"entry_id": ")" + entry + R"("})");
  call(anyone, "POST", "/api/v1/qa/ask", {}, {},
       R"({"question": "Tôi muốn xem hồ sơ của tôi", "contact": "a@b.vn"})");
  call(anyone, "POST", "/api/v1/qa/ask", {}, {}, R"({"question": "Giá vàng hôm nay bao nhiêu?"})");
  queue = body_of(call(admin, "GET", "/api/v1/qa/queue"));
  ASSERT_FALSE(queue.at("items").as_array().empty());
  const std::string next = std::to_string(queue.at("items").as_array()[0].at("id").as_int64());
  call(
      admin, "POST", "/api/v1/qa/queue/{id}/answer", {{"id", next}}, {},
      R"({"id": "thu-003", "answer": "Cổng chỉ giải đáp chính sách BHXH, BHYT, BHTN.", "status": "published"})",
      201);
  call(admin, "POST", "/api/v1/qa/queue/{id}/answer", {{"id", next}}, {},
       R"({"id": "thu-004", "answer": "x"})", 409);
  call(admin, "POST", "/api/v1/qa/queue/{id}/close", {{"id", "987654"}}, {}, "", 404);
  call(anyone, "POST", "/api/v1/qa/ask", {}, {},
       R"({"question": "Xổ số miền Bắc hôm nay ra số mấy?"})");
  queue = body_of(call(admin, "GET", "/api/v1/qa/queue"));
  ASSERT_FALSE(queue.at("items").as_array().empty());
  const std::string stray = std::to_string(queue.at("items").as_array()[0].at("id").as_int64());
  const std::string out_of_scope = R"({"kind": "out_of_scope"})";
  call(admin, "POST", "/api/v1/qa/queue/{id}/example", {{"id", stray}}, {}, R"({"kind": "x"})",
       400);
  call(admin, "POST", "/api/v1/qa/queue/{id}/example", {{"id", stray}}, {}, out_of_scope);
  call(admin, "POST", "/api/v1/qa/queue/{id}/example", {{"id", stray}}, {}, out_of_scope, 409);
  queue = body_of(call(admin, "GET", "/api/v1/qa/queue"));
  if (!queue.at("items").as_array().empty())
    call(admin, "POST", "/api/v1/qa/queue/{id}/close",
         {{"id", std::to_string(queue.at("items").as_array()[0].at("id").as_int64())}});
  call(admin, "GET", "/api/v1/qa/queue", {}, {{"status", "closed"}});

  // ---- the audit log, and last the changes that end what the calls above used
  call(admin, "GET", "/api/v1/audit", {}, {{"limit", "20"}});
  call(admin, "GET", "/api/v1/audit", {}, {{"format", "csv"}, {"action", "user."}});
  call(admin, "GET", "/api/v1/audit", {}, {{"limit", "nhiều"}}, "", 400);
  call(admin, "DELETE", "/api/v1/activities/{id}", {{"id", aid}});
  call(admin, "DELETE", "/api/v1/activities/{id}", {{"id", "987654"}}, {}, "", 404);
  call(admin, "DELETE", "/api/v1/users/{id}", {{"id", uid}});
  const json::value me = json::parse(call(admin, "GET", "/api/v1/auth/me").body);
  call(admin, "DELETE", "/api/v1/users/{id}",
       {{"id", std::to_string(me.at("user").at("id").as_int64())}}, {}, "", 409);
  call(admin, "POST", "/api/v1/auth/logout");
  // A password change ends every other session: last, from a session of its own.
  call(w_.login("quantri"), "POST", "/api/v1/auth/password", {}, {},
       json::serialize(json::object{{"old_password", testutil::kPassword},
                                    {"new_password", "Mat-khau-moi-2025-dai"}}));

  // Every route answered: a success each, and an error each (at the least, 401 to a caller who has
  // not signed in; the open routes their own refusals above, but for those that cannot fail).
  const std::set<std::string> cannot_fail{"GET /healthz", "GET /api/v1/openapi.json",
                                          "GET /api/v1/geo/provinces", "GET /api/v1/auth/setup"};
  for (const auto& [method, pattern] : w_.rt().router().routes()) {
    std::string key = method + " " + pattern;
    const auto& statuses = seen_[key];
    EXPECT_TRUE(std::any_of(statuses.begin(), statuses.end(), [](int s) { return s < 300; }))
        << key << " never answered with success";
    if (!cannot_fail.contains(key)) {
      EXPECT_TRUE(std::any_of(statuses.begin(), statuses.end(), [](int s) { return s >= 400; }))
          << key << " never answered with an error";
    }
  }
}

}  // namespace
