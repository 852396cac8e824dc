// auth/service.h — accounts, sign-in, sessions and API tokens, with their rules.
//
// Sign-in: wrong passwords slow down the address that sends them (login_throttle.h): after 5
// failures on one name from one address, or 20 on any names from it, each further try waits
// 1 s, 2 s, 4 s … up to 15 minutes (rate_limited "login_throttled", with the wait for
// Retry-After). Nothing is locked, so failures from an attacker's address never keep the real
// user out from theirs. Whether a name exists changes nothing an answer shows: an unknown name
// and a wrong password get the same error, are slowed down alike (the key is the name as typed)
// and cost the same argon2 work.
//
// Sessions last 12 hours; each has a CSRF token that cookie-borne requests must echo in
// X-CSRF-Token on unsafe methods. API tokens (Bearer) are for machine clients and carry their
// owner's role and unit; only a signed-in browser session may mint one, so a leaked token cannot
// breed copies that outlive its revocation. Every session and token holds the password generation
// it was issued under: a password change (own or by an administrator) ends them all at once, in
// the change's transaction and even if one was being issued concurrently. The session that
// changed its own password is replaced by a fresh one rather than ended.
//
// Thread-safe: one Service is shared by every worker; each call uses the caller's connection.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/user.h"
#include "common/error.h"
#include "places/gazetteer.h"
#include "store/store.h"

namespace caunoi::auth {

struct NewUser {
  std::string username;
  std::string full_name;
  std::string role;     // role code
  std::string unit_id;  // places id
  std::string password;
};

struct UserPatch {
  std::optional<std::string> full_name, role, unit_id;
  std::optional<bool> active;
  std::optional<bool> unlock;  // true lifts sign-in delays on the user's name, from every address
};

struct Session {
  std::string token;       // goes in the caunoi_session cookie; never stored
  std::string csrf_token;  // the client sends it back in X-CSRF-Token
  int64_t expires_at = 0;
  User user;
};

struct ApiToken {
  int64_t id = 0;
  std::string name;
  int64_t created_at = 0, expires_at = 0;  // expires_at 0 = never
  bool revoked = false;
};

// Thrown by login() while the name or the address is slowed down.
class LoginThrottled : public Error {
 public:
  explicit LoginThrottled(int64_t retry_after);
  int64_t retry_after() const { return retry_after_; }  // seconds, for Retry-After

 private:
  int64_t retry_after_;
};

class Service {
 public:
  using Clock = std::function<int64_t()>;  // unix seconds; tests pass their own
  static constexpr int64_t kSessionSeconds = 12 * 3600;

  explicit Service(const places::Gazetteer& g, Clock now = {});

  // Accounts. Each validates (role code, unit fits the role, password rules) and throws
  // invalid_input with FieldErrors, conflict "username_taken", not_found "user_not_found".
  User create_user(store::Connection& c, const NewUser& u);
  User update_user(store::Connection& c, int64_t id, const UserPatch& p);
  // Ends every session and API token of the user (an administrator's reset, the CLI).
  void set_password(store::Connection& c, int64_t id, std::string_view password);
  // The same, checking the old password first (invalid_input "bad_old_password"). A cookie
  // session that makes the change gets the returned session in place of its own.
  std::optional<Session> change_own_password(store::Connection& c, const Principal& who,
                                             std::string_view old_password,
                                             std::string_view new_password,
                                             const std::string& remote);
  User get_user(store::Connection& c, int64_t id) const;
  std::vector<User> list_users(store::Connection& c) const;

  // Throws unauthenticated "bad_credentials", LoginThrottled, forbidden "account_disabled" (only
  // after the right password). Not to be called inside a transaction that may roll back: a
  // failure must stay counted.
  Session login(store::Connection& c, std::string_view username, std::string_view password,
                const std::string& remote);
  void logout(store::Connection& c, std::string_view session_token);
  std::optional<Principal> from_session(store::Connection& c, std::string_view token) const;
  std::optional<Principal> from_api_token(store::Connection& c, std::string_view token) const;

  // Returns the token's record and the token itself (shown once). Throws forbidden
  // "token_cannot_mint" when `who` came with an API token.
  std::pair<ApiToken, std::string> create_token(store::Connection& c, const Principal& who,
                                                const std::string& name, int64_t ttl_days);
  std::vector<ApiToken> tokens(store::Connection& c, int64_t user_id) const;
  void revoke_token(store::Connection& c, int64_t user_id, int64_t token_id);

  int64_t now() const { return now_(); }
  const places::Gazetteer& places() const { return g_; }

 private:
  void check_role_unit(Role r, const std::string& unit_id) const;
  Session open_session(store::Connection& c, const User& u, const std::string& remote);

  const places::Gazetteer& g_;
  Clock now_;
  std::string dummy_hash_;  // verified against when the user name is unknown
};

}  // namespace caunoi::auth
