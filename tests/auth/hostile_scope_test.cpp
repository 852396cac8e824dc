// tests/auth/hostile_scope_test.cpp — every write route, attacked by every scoped role (and by
// no account) with another unit's data in every shape an attacker found: whitespace and line
// breaks before the body, numbers for codes, the unit in the query but not the body and the
// reverse, arrays and nested objects where a code belongs, duplicate keys, a text/plain body,
// and one's own unit named for a national object. Each attempt must be refused (400, 403, 415;
// 401 without an account) and no table may change. Then the same shapes against an approved
// month: 423, nothing written.
//
// The list of attacks is keyed by route: a write route added without attacks here fails the
// test, so the table cannot fall behind the router.
#include <gtest/gtest.h>

#include <chrono>
#include <functional>
#include <set>
#include <thread>

#include "auth/auth_world.h"

using namespace caunoi;
using testutil::AuthWorld;
using testutil::Caller;
namespace json = boost::json;

namespace {

struct Attempt {
  std::string method, path;
  std::map<std::string, std::string> query;
  std::string body;
  std::string content_type = "application/json";
  std::string shape;  // what the attempt tries, for the failure message
};

// Every shape of one body whose `unit_fields` name `foreign`. `own` is the caller's unit, for the
// shapes that hide the foreign unit behind it; `numeric` is a foreign unit whose code reads the
// same as an integer.
std::vector<Attempt> shapes(const std::string& method, const std::string& path, json::object body,
                            const std::vector<std::string>& unit_fields, const std::string& own,
                            const std::string& foreign, const std::string& numeric) {
  std::vector<Attempt> out;
  auto with = [&](const std::function<json::value(const std::string&)>& unit) {
    json::object o = body;
    for (const auto& f : unit_fields)
      if (o.contains(f)) o[f] = unit(foreign);
    return o;
  };
  json::object plain = with([](const std::string& u) { return json::value(u); });
  std::string s = json::serialize(plain);
  out.push_back({method, path, {}, s, "application/json", "plain"});
  out.push_back({method, path, {}, " " + s, "application/json", "space before body"});
  out.push_back({method, path, {}, "\r\n" + s, "application/json", "CRLF before body"});
  out.push_back({method, path, {}, "\n\t  " + s, "application/json", "tab/newline before body"});
  out.push_back({method, path, {}, s, "text/plain", "text/plain body"});
  out.push_back({method, path, {}, s, "", "no content type"});
  out.push_back({method, path, {{"unit", own}}, s, "application/json", "own unit in query"});
  {
    json::object o = body;
    for (const auto& f : unit_fields)
      if (o.contains(f)) o[f] = std::stoll(numeric);
    out.push_back({method, path, {}, json::serialize(o), "application/json", "number for code"});
  }
  out.push_back({method,
                 path,
                 {},
                 json::serialize(with([](const std::string& u) { return json::array{u}; })),
                 "application/json",
                 "array for code"});
  out.push_back({method,
                 path,
                 {},
                 json::serialize(with([](const std::string& u) {
                   return json::object{{"id", u}};
                 })),
                 "application/json",
                 "object for code"});
  {
    // The own unit in the body, the foreign one only in the query.
    json::object o = body;
    for (const auto& f : unit_fields)
      if (o.contains(f)) o[f] = own;
    out.push_back({method,
                   path,
                   {{"unit", foreign}},
                   json::serialize(o),
                   "application/json",
                   "foreign unit in query only"});
    // Duplicate keys, own first and foreign last: the one parse keeps the last for the guard
    // and the handler alike, so the foreign unit is what both see.
    std::string dup = json::serialize(o);
    std::string dup_foreign_last = dup.substr(0, dup.size() - 1);
    for (const auto& f : unit_fields)
      if (o.contains(f)) dup_foreign_last += ",\"" + f + "\":\"" + foreign + "\"";
    dup_foreign_last += "}";
    out.push_back({method, path, {}, dup_foreign_last, "application/json", "duplicate key"});
  }
  return out;
}

json::object activity(const std::string& unit, const std::string& day) {
  return {{"reporting_unit", unit},
          {"place", unit},
          {"date_from", day},
          {"kind", "conference"},
          {"groups", json::array{"farm_households"}},
          {"topics", json::array{"voluntary_si"}},
          {"figures", json::object{{"events", 1}, {"attendees", 40}}}};
}
json::object target(const std::string& unit) {
  return {{"unit_id", unit}, {"year", 2026}, {"indicator", "bhyt_coverage"}, {"value", 95}};
}
json::object result(const std::string& unit, const std::string& period) {
  return {{"unit_id", unit},
          {"period", period},
          {"values", json::object{{"bhyt", 18000}, {"population", 20000}}}};
}

int64_t id_of(const api::Response& r) {
  return json::parse(r.body).at("id").as_int64();
}

class HostileScope : public ::testing::Test {
 protected:
  void SetUp() override {
    admin_ = w_.token_caller(w_.add_user("quantri", "admin", "VN"));
    const auto& g = w_.rt().places();
    // A foreign unit whose code has no leading zero, for the "number for code" shape.
    for (const auto* p : g.children("VN"))
      if (p->id[0] != '0' && !g.within(p->id, w_.province)) {
        numeric_ = p->id;
        break;
      }
    ASSERT_FALSE(numeric_.empty());
    sibling_ = g.children(w_.province).at(1)->id;  // another commune of the same province
    auto made = [&](const json::object& a) {
      auto r = w_.call(admin_, "POST", "/api/v1/activities", {}, json::serialize(a));
      EXPECT_EQ(r.status, 201) << r.body;
      return std::to_string(id_of(r));
    };
    foreign_activity_ = made(activity(w_.other_commune, "2025-10-05"));
    own_activity_ = made(activity(w_.commune, "2025-10-06"));
    auto t = w_.call(admin_, "POST", "/api/v1/plans/targets", {},
                     json::serialize(target(w_.other_province)));
    ASSERT_EQ(t.status, 201) << t.body;
    foreign_target_ = std::to_string(id_of(t));
    ASSERT_EQ(w_.call(admin_, "POST", "/api/v1/plans/results", {},
                      json::serialize(result(w_.other_commune, "2025-10")))
                  .status,
              201);
    // A question the bank cannot answer waits in the queue for a person.
    auto ask = w_.call(Caller{}, "POST", "/api/v1/qa/ask", {},
                       R"({"question":"xyzzy plugh quux frobnicate"})");
    ASSERT_EQ(ask.status, 200) << ask.body;
    auto queue = json::parse(w_.call(admin_, "GET", "/api/v1/qa/queue").body);
    ASSERT_FALSE(queue.at("items").as_array().empty()) << json::serialize(queue);
    queue_item_ = std::to_string(queue.at("items").at(0).at("id").as_int64());
    auto entries = json::parse(w_.call(admin_, "GET", "/api/v1/qa/entries").body);
    entry_ = std::string(entries.at("items").at(0).at("id").as_string());
  }

  // Every hostile attempt against one write route by a caller whose own unit is `own`.
  std::vector<Attempt> attempts(const std::string& method, const std::string& pattern,
                                const std::string& own, const std::string& foreign) {
    auto sh = [&](const std::string& path, json::object body,
                  const std::vector<std::string>& fields) {
      return shapes(method, path, std::move(body), fields, own, foreign, numeric_);
    };
    std::vector<Attempt> out;
    auto add = [&](std::vector<Attempt> more) { out.insert(out.end(), more.begin(), more.end()); };
    const std::vector<std::string> act_fields{"place", "reporting_unit"};
    const std::vector<std::string> plan_fields{"unit_id"};
    std::string key = method + " " + pattern;
    if (key == "POST /api/v1/activities") {
      add(sh("/api/v1/activities", activity(foreign, "2025-10-07"), act_fields));
      // A place of one's own reported as the foreign unit's.
      json::object mixed = activity(own, "2025-10-07");
      mixed["reporting_unit"] = foreign;
      out.push_back({method,
                     "/api/v1/activities",
                     {},
                     json::serialize(mixed),
                     "application/json",
                     "own place, foreign reporting unit"});
      json::object none = activity(own, "2025-10-07");
      none.erase("place");
      none.erase("reporting_unit");
      out.push_back({method,
                     "/api/v1/activities",
                     {{"unit", own}},
                     json::serialize(none),
                     "application/json",
                     "no unit in body"});
    } else if (key == "PUT /api/v1/activities/{id}") {
      // Moving one's own activity out, and writing into a foreign one under one's own name.
      add(sh("/api/v1/activities/" + own_activity_, activity(foreign, "2025-10-07"), act_fields));
      json::object mine = activity(own, "2025-10-07");
      out.push_back({method,
                     "/api/v1/activities/" + foreign_activity_,
                     {{"unit", own}},
                     json::serialize(mine),
                     "application/json",
                     "own body over a foreign record"});
      out.push_back({method,
                     "/api/v1/activities/" + foreign_activity_,
                     {{"unit", own}},
                     " " + json::serialize(mine),
                     "application/json",
                     "own body over a foreign record, space before"});
    } else if (key == "DELETE /api/v1/activities/{id}") {
      std::string path = "/api/v1/activities/" + foreign_activity_;
      out.push_back({method, path, {{"unit", own}}, "", "", "own unit in query"});
      out.push_back({method,
                     path,
                     {},
                     json::serialize(json::object{{"place", own}}),
                     "application/json",
                     "own unit in body"});
      out.push_back({method,
                     path,
                     {},
                     " " + json::serialize(json::object{{"place", own}}),
                     "application/json",
                     "own unit in body, space before"});
    } else if (key == "POST /api/v1/imports") {
      std::string csv =
          "Ngày,Đơn vị,Đơn vị báo cáo,Loại hoạt động,Số cuộc,Số lượt người tham dự\n"
          "10/10/2025," +
          foreign + "," + foreign + ",Hội nghị truyền thông,1,40\n";
      std::string reported =
          "Ngày,Đơn vị,Đơn vị báo cáo,Loại hoạt động,Số cuộc,Số lượt người "
          "tham dự\n10/10/2025," +
          own + "," + foreign + ",Hội nghị truyền thông,1,40\n";
      out.push_back({method,
                     "/api/v1/imports",
                     {{"filename", "hd.csv"}, {"unit", own}},
                     csv,
                     "text/csv",
                     "foreign rows under own unit"});
      out.push_back({method,
                     "/api/v1/imports",
                     {{"filename", "hd.csv"}},
                     csv,
                     "text/csv",
                     "foreign rows, no unit"});
      out.push_back({method,
                     "/api/v1/imports",
                     {{"filename", "hd.csv"}, {"unit", own}},
                     reported,
                     "text/csv",
                     "own place, foreign reporting unit"});
      out.push_back({method,
                     "/api/v1/imports",
                     {{"filename", "hd.csv"}, {"unit", foreign}},
                     csv,
                     "text/csv",
                     "foreign unit in query"});
    } else if (key == "POST /api/v1/plans/targets") {
      add(sh("/api/v1/plans/targets", target(foreign), plan_fields));
      json::object unit_alias = target(own);
      unit_alias.erase("unit_id");
      unit_alias["unit"] = foreign;
      out.push_back({method,
                     "/api/v1/plans/targets",
                     {},
                     json::serialize(unit_alias),
                     "application/json",
                     "\"unit\" instead of unit_id"});
      out.push_back({method,
                     "/api/v1/plans/targets",
                     {},
                     " " + json::serialize(json::object{
                               {"targets", json::array{target(own), target(foreign)}}}),
                     "application/json",
                     "batch with one foreign item"});
    } else if (key == "DELETE /api/v1/plans/targets/{id}") {
      out.push_back({method,
                     "/api/v1/plans/targets/" + foreign_target_,
                     {{"unit", own}},
                     "",
                     "",
                     "own unit in query"});
      out.push_back({method,
                     "/api/v1/plans/targets/" + foreign_target_,
                     {},
                     "\r\n" + json::serialize(json::object{{"unit_id", own}}),
                     "application/json",
                     "own unit in body"});
    } else if (key == "POST /api/v1/plans/targets/import") {
      out.push_back({method,
                     pattern,
                     {{"filename", "ct.csv"}, {"unit", own}},
                     "Mã đơn vị,Năm,Chỉ tiêu,Giá trị\n" + foreign + ",2026,bhyt_coverage,96\n",
                     "text/csv",
                     "foreign row"});
    } else if (key == "POST /api/v1/plans/results") {
      add(sh("/api/v1/plans/results", result(foreign, "2025-11"), plan_fields));
      out.push_back({method,
                     "/api/v1/plans/results",
                     {},
                     "\n" + json::serialize(
                                json::object{{"results", json::array{result(own, "2025-11"),
                                                                     result(foreign, "2025-11")}}}),
                     "application/json",
                     "batch with one foreign item"});
    } else if (key == "DELETE /api/v1/plans/results") {
      out.push_back({method,
                     pattern,
                     {{"unit", w_.other_commune}, {"period", "2025-10"}},
                     "",
                     "",
                     "foreign result"});
      out.push_back({method,
                     pattern,
                     {{"unit", w_.other_commune}, {"period", "2025-10"}},
                     json::serialize(json::object{{"unit_id", own}}),
                     "application/json",
                     "foreign result, own unit in body"});
    } else if (key == "POST /api/v1/plans/results/import") {
      out.push_back({method,
                     pattern,
                     {{"filename", "kq.csv"}, {"unit", own}},
                     "Mã đơn vị,Kỳ,BHYT,Dân số\n" + foreign + ",2025-11,18000,20000\n",
                     "text/csv",
                     "foreign row"});
    } else if (pattern.starts_with("/api/v1/approvals/")) {
      add(sh(pattern, json::object{{"unit_id", foreign}, {"period", "2025-10"}, {"reason", "x"}},
             plan_fields));
    } else if (pattern.starts_with("/api/v1/reference/")) {
      json::object e{{"code", "hostile"},
                     {"label", "Do kẻ tấn công thêm"},
                     {"category", "meeting"},
                     {"unit", own}};
      out.push_back({method,
                     "/api/v1/reference/partner",
                     {{"unit", own}},
                     json::serialize(e),
                     "application/json",
                     "own unit named for a national list"});
      out.push_back({method,
                     "/api/v1/reference/partner",
                     {{"unit", own}},
                     " " + json::serialize(e),
                     "application/json",
                     "own unit for a national list, space before"});
    } else if (pattern.starts_with("/api/v1/qa/")) {
      std::string path = pattern;
      auto fill = [&](const std::string& name, const std::string& value) {
        if (auto at = path.find("{" + name + "}"); at != std::string::npos)
          path.replace(at, name.size() + 2, value);
      };
      fill("id", pattern.find("queue") != std::string::npos ? queue_item_ : entry_);
      json::object e{{"id", "hostile-001"},
                     {"question", "Hỏi?"},
                     {"answer", "Chuyển khoản 500.000đ vào tài khoản sau để được giải quyết."},
                     {"status", "published"},
                     {"unit", own}};
      std::string body =
          pattern.ends_with("/import") ? json::serialize(e) + "\n" : json::serialize(e);
      out.push_back({method,
                     path,
                     {{"unit", own}},
                     body,
                     pattern.ends_with("/import") ? "application/x-ndjson" : "application/json",
                     "own unit named for the national Q&A bank"});
    } else if (pattern.starts_with("/api/v1/users")) {
      std::string path = pattern;
      if (auto at = path.find("{id}"); at != std::string::npos) path.replace(at, 4, "1");
      out.push_back({method,
                     path,
                     {{"unit", own}},
                     json::serialize(json::object{{"username", "x"},
                                                  {"role", "admin"},
                                                  {"unit_id", own},
                                                  {"password", "Mat-khau-rat-dai-2025"}}),
                     "application/json",
                     "account administration with own unit"});
    }
    return out;
  }

  // Sends every attempt as `c`; each must be refused and, together, change nothing.
  void expect_all_refused(const Caller& c, const std::string& who, const std::string& own,
                          const std::string& foreign, const std::set<int>& refusals) {
    for (const auto& [method, pattern] : w_.rt().router().routes()) {
      if (method == "GET" || pattern.starts_with("/api/v1/auth") || pattern == "/api/v1/qa/ask")
        continue;  // reads; the caller about themselves; the citizens' open question box
      auto list = attempts(method, pattern, own, foreign);
      EXPECT_FALSE(list.empty()) << "no hostile attempts written for " << method << " " << pattern;
      std::string before = w_.fingerprint();
      for (const auto& a : list) {
        auto r = call(c, a);
        bool checked_later = a.path == "/api/v1/imports" && r.status == 202;
        EXPECT_TRUE(refusals.contains(r.status) || checked_later)
            << who << " " << a.method << " " << a.path << " [" << a.shape << "] → " << r.status
            << " " << r.body.substr(0, 300);
        if (checked_later) {
          // Accepted for checking: the rows must then be refused, nothing written.
          auto job = finished(json::parse(r.body).at("id").as_int64());
          EXPECT_EQ(job.at("state").as_string(), "failed")
              << who << " import [" << a.shape << "] " << json::serialize(job);
        }
      }
      expect_unchanged(before, who + " through " + method + " " + pattern);
    }
  }

  // The lines that differ, not two dumps of the whole database.
  void expect_unchanged(const std::string& before, const std::string& what) {
    std::string after = w_.fingerprint();
    if (after == before) return;
    auto lines = [](const std::string& s) {
      std::multiset<std::string> out;
      size_t i = 0;
      while (i < s.size()) {
        size_t j = s.find('\n', i);
        if (j == std::string::npos) j = s.size();
        out.insert(s.substr(i, j - i));
        i = j + 1;
      }
      return out;
    };
    auto a = lines(before), b = lines(after);
    std::string diff;
    for (const auto& l : b)
      if (!a.contains(l)) diff += "+ " + l.substr(0, 200) + "\n";
    for (const auto& l : a)
      if (!b.contains(l)) diff += "- " + l.substr(0, 200) + "\n";
    ADD_FAILURE() << what << " changed data:\n" << diff;
  }

  api::Response call(const Caller& c, const Attempt& a) {
    auto r = testutil::request(a.method, a.path, a.query, a.body);
    r.remote = c.remote;
    if (!a.content_type.empty()) r.headers["content-type"] = a.content_type;
    if (!c.bearer.empty()) r.headers["authorization"] = "Bearer " + c.bearer;
    return w_.rt().router().dispatch(r);
  }

  json::object finished(int64_t id) {
    for (int i = 0; i < 600; ++i) {
      auto r = w_.call(admin_, "GET", "/api/v1/imports/" + std::to_string(id));
      auto o = json::parse(r.body).as_object();
      if (o.at("state") != "running" && o.at("state") != "queued") return o;
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
    ADD_FAILURE() << "import " << id << " did not finish";
    return {};
  }

  AuthWorld w_;
  Caller admin_;
  std::string numeric_, sibling_, foreign_activity_, own_activity_, foreign_target_, queue_item_,
      entry_;
};

TEST_F(HostileScope, ProvinceOfficerCannotReachAnotherProvince) {
  auto c = w_.token_caller(w_.add_user("cb.laocai", "province_staff", w_.province));
  expect_all_refused(c, "province_staff", w_.commune, w_.other_commune, {400, 403, 415});
}

TEST_F(HostileScope, CommuneOfficerCannotReachAnotherCommune) {
  auto c = w_.token_caller(w_.add_user("cb.xa", "commune_staff", w_.commune));
  expect_all_refused(c, "commune_staff", w_.commune, w_.other_commune, {400, 403, 415});
  expect_all_refused(c, "commune_staff (sibling)", w_.commune, sibling_, {400, 403, 415});
}

TEST_F(HostileScope, CollaboratorCannotReachBeyondTheCommune) {
  auto c = w_.token_caller(w_.add_user("ctv", "collaborator", w_.commune));
  expect_all_refused(c, "collaborator", w_.commune, w_.other_commune, {400, 403, 415});
}

TEST_F(HostileScope, NoAccountWritesNothing) {
  expect_all_refused(Caller{}, "anonymous", w_.commune, w_.other_commune, {400, 401, 403, 415});
}

// An approved month of the officer's own province refuses every change dated in it, in every
// shape of request.
TEST_F(HostileScope, ApprovedMonthIsLockedWhateverTheShape) {
  auto officer = w_.token_caller(w_.add_user("cb.laocai", "province_staff", w_.province));
  auto step = [&](const Caller& c, const char* s) {
    return w_.call(c, "POST", std::string("/api/v1/approvals/") + s, {},
                   R"({"unit_id":")" + w_.province + R"(","period":"2025-10"})");
  };
  ASSERT_EQ(w_.call(officer, "POST", "/api/v1/plans/results", {},
                    json::serialize(result(w_.commune, "2025-10")))
                .status,
            201);
  auto later = w_.call(officer, "POST", "/api/v1/activities", {},
                       json::serialize(activity(w_.commune, "2025-11-03")));
  ASSERT_EQ(later.status, 201) << later.body;
  std::string later_id = std::to_string(id_of(later));
  ASSERT_EQ(step(officer, "submit").status, 200);
  ASSERT_EQ(step(admin_, "approve").status, 200);

  std::vector<Attempt> list;
  auto add_shapes = [&](const std::string& method, const std::string& path, std::string body) {
    for (std::string prefix : {"", " ", "\r\n", "\n\t "})
      list.push_back(
          {method, path, {}, prefix + body, "application/json", "prefix '" + prefix + "'"});
  };
  add_shapes("POST", "/api/v1/activities", json::serialize(activity(w_.commune, "2025-10-20")));
  // Moving a November activity into the approved October, and editing an October one.
  add_shapes("PUT", "/api/v1/activities/" + later_id,
             json::serialize(activity(w_.commune, "2025-10-20")));
  add_shapes("PUT", "/api/v1/activities/" + own_activity_,
             json::serialize(activity(w_.commune, "2025-11-20")));
  list.push_back({"DELETE", "/api/v1/activities/" + own_activity_, {}, "", "", "delete"});
  add_shapes("POST", "/api/v1/plans/results", json::serialize(result(w_.commune, "2025-10")));
  // The province's own code as a number.
  json::object numeric = result(w_.province, "2025-10");
  numeric["unit_id"] = std::stoll(w_.province);
  add_shapes("POST", "/api/v1/plans/results", json::serialize(numeric));
  add_shapes(
      "POST", "/api/v1/plans/results",
      json::serialize(json::object{
          {"results", json::array{result(w_.commune, "2025-11"), result(w_.commune, "2025-10")}}}));
  list.push_back({"DELETE",
                  "/api/v1/plans/results",
                  {{"unit", w_.commune}, {"period", "2025-10"}},
                  "",
                  "",
                  "delete by query"});

  std::string before = w_.fingerprint();
  for (const auto& a : list) {
    auto r = call(officer, a);
    EXPECT_EQ(r.status, 423) << a.method << " " << a.path << " [" << a.shape << "] → "
                             << r.body.substr(0, 300);
  }
  expect_unchanged(before, "locked month");
}

// Reads are scoped on what they return, nested lists included.
TEST_F(HostileScope, ReadsOfAnotherProvincesRecordsAreRefused) {
  auto officer = w_.token_caller(w_.add_user("cb.laocai", "province_staff", w_.province));
  for (const auto& path : {"/api/v1/activities/" + foreign_activity_,
                           "/api/v1/activities/" + foreign_activity_ + "/history"}) {
    for (std::map<std::string, std::string> q :
         {std::map<std::string, std::string>{}, {{"unit", w_.commune}}}) {
      auto r = w_.call(officer, "GET", path, q);
      EXPECT_EQ(r.status, 403) << path << " " << r.body;
    }
  }
  // One's own record and its history are readable.
  auto mine = w_.call(officer, "GET", "/api/v1/activities/" + own_activity_ + "/history");
  EXPECT_EQ(mine.status, 200) << mine.body;
  auto list = w_.call(officer, "GET", "/api/v1/activities", {{"unit", w_.province}});
  EXPECT_EQ(list.status, 200) << list.body;
}

// A refused request of no account is counted, not stored: the append-only log cannot be filled
// by anyone on the Internet.
TEST_F(HostileScope, AnonymousRefusalsAreNotStored) {
  auto count = [&] {
    auto log = json::parse(w_.call(admin_, "GET", "/api/v1/audit").body);
    return log.at("total").as_int64();
  };
  int64_t before = count();
  std::string big(900 * 1024, 'x');
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(
        w_.call(Caller{}, "POST", "/api/v1/activities", {}, "{\"note\":\"" + big + "\"}").status,
        401);
  EXPECT_EQ(count(), before);
}

}  // namespace
