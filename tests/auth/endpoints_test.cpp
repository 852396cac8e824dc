// tests/auth/endpoints_test.cpp — every registered route, asked by someone who must not reach it:
// a province officer about another province, a citizen's account, and an anonymous client. Each
// must be refused (403 / 401) and leave the database as it was. Insiders are not refused by the
// policy. The route list comes from the router, so a new endpoint is covered without editing here.
#include <gtest/gtest.h>

#include "auth/auth_world.h"
#include "auth/policy.h"

using namespace caunoi;
using testutil::AuthWorld;
using testutil::Caller;

namespace {

// A concrete path for a pattern: every capture becomes "1".
std::string fill(const std::string& pattern) {
  std::string out;
  size_t i = 0;
  while (i < pattern.size()) {
    if (pattern[i] == '{') {
      out += "1";
      i = pattern.find('}', i) + 1;
    } else {
      out += pattern[i++];
    }
  }
  return out;
}

// A request that names `unit` in every place the guard looks.
struct Probe {
  std::string path;
  std::map<std::string, std::string> query;
  std::string body;
};

Probe probe(const std::string& pattern, const std::string& unit) {
  boost::json::object b{{"unit_id", unit},
                        {"reporting_unit", unit},
                        {"place", unit},
                        {"period", "2025-10"},
                        {"reason", "thử"}};
  return {fill(pattern),
          {{"unit", unit}, {"parent", unit}, {"period", "2025-10"}},
          boost::json::serialize(b)};
}

class Endpoints : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    w_ = new AuthWorld();
    auto outsider = w_->add_user("cb.hanoi", "province_staff", w_->other_province);
    auto insider = w_->add_user("cb.laocai", "province_staff", w_->province);
    auto citizen = w_->add_user("nguoidan", "public", "VN");
    outsider_ = new Caller(w_->token_caller(outsider));
    insider_ = new Caller(w_->token_caller(insider));
    citizen_ = new Caller(w_->token_caller(citizen));
  }
  static void TearDownTestSuite() {
    delete outsider_;
    delete insider_;
    delete citizen_;
    delete w_;
  }
  static AuthWorld* w_;
  static Caller *outsider_, *insider_, *citizen_;
};
AuthWorld* Endpoints::w_;
Caller *Endpoints::outsider_, *Endpoints::insider_, *Endpoints::citizen_;

TEST_F(Endpoints, OutsidersCitizensAndAnonymousAreRefusedEverywhere) {
  auto routes = w_->rt().router().routes();
  ASSERT_GT(routes.size(), 15u);
  int checked = 0;
  for (const auto& [method, pattern] : routes) {
    const auth::Rule* rule = auth::find_rule(method, pattern);
    if (rule && rule->action == auth::Action::open) continue;
    SCOPED_TRACE(method + " " + pattern);
    auto p = probe(pattern, w_->province);
    std::string before = w_->fingerprint();

    auto anon = w_->call(Caller{}, method, p.path, p.query, p.body);
    EXPECT_EQ(anon.status, 401);
    EXPECT_EQ(AuthWorld::error_code(anon), "login_required");

    bool self = rule && rule->action == auth::Action::self;
    if (!self) {
      auto pub = w_->call(*citizen_, method, p.path, p.query, p.body);
      EXPECT_EQ(pub.status, 403);
      EXPECT_EQ(AuthWorld::error_code(pub), "forbidden_role");
    }
    if (!rule || rule->scoped || !auth::role_may(auth::Role::province_staff, rule->action)) {
      auto out = w_->call(*outsider_, method, p.path, p.query, p.body);
      EXPECT_EQ(out.status, 403);
      std::string code = AuthWorld::error_code(out);
      EXPECT_TRUE(code == "forbidden_unit" || code == "forbidden_role") << code;
    }
    EXPECT_EQ(w_->fingerprint(), before) << "a refused request changed the database";
    ++checked;
  }
  EXPECT_GT(checked, 10);
}

TEST_F(Endpoints, InsidersPassThePolicyOnScopedRoutes) {
  for (const auto& [method, pattern] : w_->rt().router().routes()) {
    const auth::Rule* rule = auth::find_rule(method, pattern);
    if (!rule || !rule->scoped || rule->action == auth::Action::approve) continue;
    SCOPED_TRACE(method + " " + pattern);
    auto p = probe(pattern, w_->commune);
    auto r = w_->call(*insider_, method, p.path, p.query, p.body);
    std::string code = AuthWorld::error_code(r);
    EXPECT_NE(r.status, 401);
    EXPECT_NE(code, "forbidden_unit");
    EXPECT_NE(code, "forbidden_role");
  }
}

TEST_F(Endpoints, UnknownRoutesAreAdminOnly) {
  EXPECT_EQ(auth::find_rule("POST", "/api/v1/something-new"), nullptr);
  auth::Principal staff{{1, "x", "", auth::Role::central_staff, "VN"}, false, "", ""};
  try {
    auth::authorize(&staff, nullptr, {}, w_->rt().places());
    FAIL() << "an unlisted route was open to central staff";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::forbidden);
  }
  auth::Principal admin{{2, "a", "", auth::Role::admin, "VN"}, false, "", ""};
  EXPECT_NO_THROW(auth::authorize(&admin, nullptr, {}, w_->rt().places()));
}

TEST_F(Endpoints, PublicRoutesNeedNoLogin) {
  Caller anon;
  EXPECT_EQ(w_->call(anon, "GET", "/healthz").status, 200);
  EXPECT_EQ(w_->call(anon, "GET", "/api/v1/places", {{"parent", "VN"}}).status, 200);
  EXPECT_EQ(w_->call(anon, "GET", "/api/v1/periods/parse", {{"p", "2025-10"}}).status, 200);
}

TEST_F(Endpoints, LeaderReadsEverywhereButChangesNothing) {
  auto leader = w_->token_caller(w_->add_user("lanhdao", "leader", "VN"));
  auto r = w_->call(leader, "GET", "/api/v1/approvals", {{"unit", w_->other_province}});
  EXPECT_EQ(r.status, 200);
  std::string before = w_->fingerprint();
  auto s = w_->call(leader, "POST", "/api/v1/approvals/submit", {},
                    R"({"unit_id":")" + w_->province + R"(","period":"2025-10"})");
  EXPECT_EQ(s.status, 403);
  EXPECT_EQ(w_->fingerprint(), before);
}

}  // namespace
