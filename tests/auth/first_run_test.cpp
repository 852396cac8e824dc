// tests/auth/first_run_test.cpp — a new database lets its first administrator in (issue 22 item
// 4): the one-time token works once, over the router as the setup page uses it; a wrong or
// expired token, or any token once an administrator exists, is refused; no token is made then.
#include <gtest/gtest.h>

#include "auth/auth_world.h"
#include "auth/first_run.h"

using namespace caunoi;
using testutil::AuthWorld;
using testutil::Caller;

namespace {

std::string setup_body(const std::string& token, const std::string& user,
                       const std::string& password) {
  return boost::json::serialize(boost::json::object{
      {"token", token}, {"username", user}, {"full_name", "Quản trị"}, {"password", password}});
}

std::optional<std::string> token_of(AuthWorld& w) {
  auto lease = w.rt().pool().acquire();
  return auth::first_run_token(*lease, w.rt().auth());
}

bool needed(AuthWorld& w) {
  auto r = w.call(Caller{}, "GET", "/api/v1/auth/setup");
  EXPECT_EQ(r.status, 200);
  return boost::json::parse(r.body).at("needed").as_bool();
}

const char* kGood = "mot-mat-khau-dai-du-12";

}  // namespace

TEST(FirstRun, TheOneTimeLinkCreatesTheFirstAdministratorOnce) {
  AuthWorld w;
  EXPECT_TRUE(needed(w));
  const auto token = token_of(w);
  ASSERT_TRUE(token);
  EXPECT_EQ(token->size(), 64u);

  // Wrong token, and a bad password with the right token: refused, the token stays usable.
  auto r =
      w.call(Caller{}, "POST", "/api/v1/auth/setup", {}, setup_body("00" + *token, "boss", kGood));
  EXPECT_EQ(r.status, 403);
  EXPECT_EQ(AuthWorld::error_code(r), "setup_token_invalid");
  r = w.call(Caller{}, "POST", "/api/v1/auth/setup", {}, setup_body(*token, "boss", "ngan"));
  EXPECT_EQ(r.status, 400) << r.body;

  r = w.call(Caller{}, "POST", "/api/v1/auth/setup", {}, setup_body(*token, "boss", kGood));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(boost::json::parse(r.body).at("user").at("role").as_string(), "admin");
  EXPECT_FALSE(needed(w));

  // The administrator signs in with the password they chose.
  auto login =
      w.call(Caller{}, "POST", "/api/v1/auth/login", {}, testutil::login_body("boss", kGood));
  EXPECT_EQ(login.status, 200) << login.body;

  // Spent: the same token, or a new start, creates nothing more.
  r = w.call(Caller{}, "POST", "/api/v1/auth/setup", {}, setup_body(*token, "boss2", kGood));
  EXPECT_EQ(r.status, 409);
  EXPECT_EQ(AuthWorld::error_code(r), "setup_done");
  EXPECT_FALSE(token_of(w));
}

TEST(FirstRun, ATokenExpiresAndANewStartReplacesIt) {
  AuthWorld w;
  const auto first = token_of(w);
  const auto second = token_of(w);
  ASSERT_TRUE(first && second);
  EXPECT_NE(*first, *second);
  auto r = w.call(Caller{}, "POST", "/api/v1/auth/setup", {}, setup_body(*first, "boss", kGood));
  EXPECT_EQ(r.status, 403) << "replaced by the second start";
  w.advance(auth::kSetupTokenSeconds + 1);
  r = w.call(Caller{}, "POST", "/api/v1/auth/setup", {}, setup_body(*second, "boss", kGood));
  EXPECT_EQ(r.status, 403) << "expired";
  EXPECT_TRUE(needed(w));
}

TEST(FirstRun, NoLinkOnceAnAdministratorExists) {
  AuthWorld w;
  w.add_user("quantri", "admin", "VN");
  EXPECT_FALSE(token_of(w));
  EXPECT_FALSE(needed(w));
  auto r = w.call(Caller{}, "POST", "/api/v1/auth/setup", {}, setup_body("ab", "x", kGood));
  EXPECT_EQ(r.status, 409);
}
