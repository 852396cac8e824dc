// tests/auth/login_test.cpp — passwords, sign-in, sessions and CSRF. Sign-in delays, the same
// answer for unknown names, and the ends of tokens: accounts_test.cpp.
#include <gtest/gtest.h>

#include "auth/auth_world.h"
#include "auth/crypto.h"
#include "auth/login_throttle.h"
#include "auth/password_rules.h"
#include "auth/service.h"

using namespace caunoi;
using testutil::AuthWorld;
using testutil::Caller;
using testutil::login_body;

namespace {

TEST(Crypto, Argon2idHashesVerifyAndAreSalted) {
  std::string a = auth::hash_password("Mat-khau-dai-2025");
  std::string b = auth::hash_password("Mat-khau-dai-2025");
  EXPECT_TRUE(a.starts_with("$argon2id$v=19$m=19456,t=2,p=1$")) << a;
  EXPECT_NE(a, b);
  EXPECT_TRUE(auth::verify_password(a, "Mat-khau-dai-2025"));
  EXPECT_TRUE(auth::verify_password(b, "Mat-khau-dai-2025"));
  EXPECT_FALSE(auth::verify_password(a, "Mat-khau-dai-2026"));
  EXPECT_FALSE(auth::verify_password("plain-text", "plain-text"));
}

TEST(Crypto, TokensAreRandomAndHashesStable) {
  EXPECT_EQ(auth::random_hex(32).size(), 64u);
  EXPECT_NE(auth::random_hex(), auth::random_hex());
  EXPECT_EQ(auth::sha256_hex("abc"),
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}

TEST(PasswordRules, RefusesWeakPasswordsWithReasons) {
  EXPECT_NO_THROW(auth::check_password("Truyen-thong-2025", "an"));
  for (const char* weak : {"ngan1", "khongcochuso", "1234567890", "nguyenvana2025"}) {
    SCOPED_TRACE(weak);
    try {
      auth::check_password(weak, "nguyenvana");
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "weak_password");
      ASSERT_FALSE(e.fields().empty());
      EXPECT_EQ(e.fields()[0].field, "password");
    }
  }
}

TEST(Accounts, RoleMustFitTheUnit) {
  AuthWorld w;
  EXPECT_THROW(w.add_user("sai.cap", "province_staff", w.commune), Error);
  EXPECT_THROW(w.add_user("sai.vaitro", "sieu_nhan", "VN"), Error);
  EXPECT_THROW(w.add_user("ctv.cu", "collaborator", "old:04270"), Error);
  auto u = w.add_user("ctv.xa", "collaborator", w.commune);
  EXPECT_EQ(u.role, auth::Role::collaborator);
  EXPECT_THROW(w.add_user("CTV.XA", "collaborator", w.commune), Error);  // names are case-blind
}

// Failures spread over many addresses (what locked the account before) slow nobody down: each
// address has had fewer than its free tries, and nothing is kept on the account any more.
TEST(Login, FailuresFromManyAddressesNeverLockTheAccount) {
  testutil::TempDb db;
  auto c = app::open_database(db.path, testutil::test_paths());
  auto g = places::Gazetteer::load(*c);
  int64_t clock = 1'760'000'000;
  auth::Service s(g, [&clock] { return clock; });
  s.create_user(*c, {"quantri", "", "admin", "VN", testutil::kPassword});
  for (int i = 1; i <= 8; ++i) {
    try {
      s.login(*c, "quantri", "sai-mat-khau-1", "10.1.1." + std::to_string(i));
      FAIL();
    } catch (const Error& e) {
      EXPECT_EQ(e.code(), "bad_credentials");
    }
  }
  auto session = s.login(*c, "quantri", testutil::kPassword, "10.1.1.9");
  EXPECT_EQ(session.token.size(), 64u);
  EXPECT_TRUE(s.from_session(*c, session.token).has_value());
  // Sessions expire.
  clock += auth::Service::kSessionSeconds + 1;
  EXPECT_FALSE(s.from_session(*c, session.token).has_value());
}

TEST(Login, UnknownUserAndWrongPasswordLookTheSame) {
  AuthWorld w;
  w.add_user("canbo", "central_staff", "VN");
  Caller anon;
  auto a = w.call(anon, "POST", "/api/v1/auth/login", {}, login_body("canbo", "sai-mat-khau-9"));
  auto b = w.call(anon, "POST", "/api/v1/auth/login", {}, login_body("khongco", "sai-mat-khau-9"));
  EXPECT_EQ(a.status, 401);
  EXPECT_EQ(a.body, b.body);
}

// Was: 10 attempts a minute per address (in memory, so each server counted its own). Now only
// failures count, in the database, and they slow the address down with growing waits.
TEST(Login, FailuresSlowDownTheirAddressOnly) {
  AuthWorld w;
  Caller anon;
  anon.remote = "192.0.2.7";
  int limited = 0;
  for (int i = 0; i < auth::throttle::kPerAddress.free_failures + 2; ++i)
    limited += w.call(anon, "POST", "/api/v1/auth/login", {},
                      login_body("ai-" + std::to_string(i), "x1234567890"))
                   .status == 429;
  EXPECT_EQ(limited, 2);
  anon.remote = "192.0.2.8";  // another client is not affected
  EXPECT_EQ(w.call(anon, "POST", "/api/v1/auth/login", {}, login_body("ai", "x1234567890")).status,
            401);
}

TEST(Session, CookieIsHardenedAndMeWorks) {
  AuthWorld w;
  w.add_user("tinh.lc", "province_staff", w.province);
  api::Request r;
  r.method = "POST";
  r.path = "/api/v1/auth/login";
  r.body = login_body("tinh.lc", testutil::kPassword);
  r.headers["x-forwarded-proto"] = "https";
  auto res = w.rt().router().dispatch(r);
  ASSERT_EQ(res.status, 200) << res.body;
  std::string cookie;
  for (const auto& [k, v] : res.headers)
    if (k == "Set-Cookie") cookie = v;
  EXPECT_TRUE(cookie.starts_with("caunoi_session=")) << cookie;
  for (const char* attr : {"HttpOnly", "SameSite=Strict", "Secure", "Path=/"})
    EXPECT_NE(cookie.find(attr), std::string::npos) << attr;

  auto c = w.login("tinh.lc");
  auto me = w.call(c, "GET", "/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  auto j = boost::json::parse(me.body);
  EXPECT_EQ(j.at("user").at("unit_id").as_string(), w.province);
  EXPECT_EQ(j.at("csrf_token").as_string(), c.csrf);
  EXPECT_EQ(j.at("user").as_object().count("password_hash"), 0u);
  // What the role may do, from the policy table: the web app's menu shows only those pages.
  std::vector<std::string> may;
  for (const auto& a : j.at("user").at("may").as_array()) may.emplace_back(a.as_string());
  EXPECT_EQ(may,
            (std::vector<std::string>{"read", "write", "import", "export", "report", "approve"}));
  EXPECT_EQ(auth::granted_actions(auth::Role::collaborator),
            (std::vector<std::string_view>{"read", "write"}));
  EXPECT_EQ(auth::granted_actions(auth::Role::leader),
            (std::vector<std::string_view>{"read", "export", "report"}));

  auto out = w.call(c, "POST", "/api/v1/auth/logout");
  EXPECT_EQ(out.status, 200);
  EXPECT_EQ(w.call(c, "GET", "/api/v1/auth/me").status, 401);
}

TEST(Session, CsrfTokenRequiredForCookieWrites) {
  AuthWorld w;
  w.add_user("tw.canbo", "central_staff", "VN");
  auto c = w.login("tw.canbo");
  ASSERT_FALSE(c.cookie.empty());
  std::string body = R"({"name":"may-chu-bao-cao"})";
  std::string before = w.fingerprint();
  Caller no_csrf = c;
  no_csrf.csrf.clear();
  auto r1 = w.call(no_csrf, "POST", "/api/v1/auth/tokens", {}, body);
  EXPECT_EQ(r1.status, 403);
  EXPECT_EQ(AuthWorld::error_code(r1), "csrf");
  Caller wrong = c;
  wrong.csrf = std::string(c.csrf.size(), 'a');
  EXPECT_EQ(w.call(wrong, "POST", "/api/v1/auth/tokens", {}, body).status, 403);
  EXPECT_EQ(w.fingerprint(), before);
  // Reads need no token; a write with it goes through.
  EXPECT_EQ(w.call(no_csrf, "GET", "/api/v1/auth/me").status, 200);
  auto ok = w.call(c, "POST", "/api/v1/auth/tokens", {}, body);
  ASSERT_EQ(ok.status, 201) << ok.body;
  // The new API token works as a Bearer token without CSRF.
  Caller machine;
  machine.bearer = std::string(boost::json::parse(ok.body).at("token").as_string());
  EXPECT_EQ(w.call(machine, "GET", "/api/v1/auth/me").status, 200);
}

TEST(Admin, ManagesUsersAndOthersCannot) {
  AuthWorld w;
  auto admin = w.token_caller(w.add_user("quantri", "admin", "VN"));
  auto staff = w.token_caller(w.add_user("cb.tinh", "province_staff", w.province));
  std::string body = R"({"username":"ctv.moi","role":"collaborator","unit_id":")" + w.commune +
                     R"(","password":"Cong-tac-vien-2025"})";
  EXPECT_EQ(w.call(staff, "POST", "/api/v1/users", {}, body).status, 403);
  auto made = w.call(admin, "POST", "/api/v1/users", {}, body);
  ASSERT_EQ(made.status, 201) << made.body;
  auto list = boost::json::parse(w.call(admin, "GET", "/api/v1/users").body);
  EXPECT_EQ(list.at("users").as_array().size(), 3u);
  // The new collaborator can sign in with the password the administrator set.
  EXPECT_EQ(w.call(Caller{}, "POST", "/api/v1/auth/login", {},
                   login_body("ctv.moi", "Cong-tac-vien-2025"))
                .status,
            200);
}

}  // namespace
