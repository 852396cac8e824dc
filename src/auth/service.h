// auth/service.h — accounts, sign-in, sessions and API tokens, with their rules.
//
// Sign-in: 5 wrong passwords in a row lock the account for 15 minutes (locked, 423); a client
// address may try at most 10 sign-ins a minute (rate_limited, 429). An unknown user name costs
// the same argon2 work as a known one and gets the same answer, so neither timing nor wording
// tells which names exist. Sessions last 12 hours; each has a CSRF token that cookie-borne
// requests must echo in X-CSRF-Token on unsafe methods. API tokens (Bearer) are for machine
// clients and carry their owner's role and unit.
//
// Thread-safe: one Service is shared by every worker; each call uses the caller's connection.
#pragma once

#include <deque>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "auth/user.h"
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
  std::optional<bool> unlock;  // true clears a lock-out
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

class Service {
 public:
  using Clock = std::function<int64_t()>;  // unix seconds
  static constexpr int kMaxFailures = 5;
  static constexpr int64_t kLockSeconds = 15 * 60;
  static constexpr int kAttemptsPerMinute = 10;
  static constexpr int64_t kSessionSeconds = 12 * 3600;

  explicit Service(const places::Gazetteer& g, Clock now = {});

  // Accounts. Each validates (role code, unit fits the role, password rules) and throws
  // invalid_input with FieldErrors, conflict "username_taken", not_found "user_not_found".
  User create_user(store::Connection& c, const NewUser& u);
  User update_user(store::Connection& c, int64_t id, const UserPatch& p);
  void set_password(store::Connection& c, int64_t id, std::string_view password);
  void change_own_password(store::Connection& c, int64_t id, std::string_view old_password,
                           std::string_view new_password);
  User get_user(store::Connection& c, int64_t id) const;
  std::vector<User> list_users(store::Connection& c) const;

  // Throws unauthenticated "bad_credentials", locked "account_locked", rate_limited
  // "too_many_logins".
  Session login(store::Connection& c, std::string_view username, std::string_view password,
                const std::string& remote);
  void logout(store::Connection& c, std::string_view session_token);
  std::optional<Principal> from_session(store::Connection& c, std::string_view token) const;
  std::optional<Principal> from_api_token(store::Connection& c, std::string_view token) const;

  // Returns the token's record and the token itself (shown once).
  std::pair<ApiToken, std::string> create_token(store::Connection& c, int64_t user_id,
                                                const std::string& name, int64_t ttl_days);
  std::vector<ApiToken> tokens(store::Connection& c, int64_t user_id) const;
  void revoke_token(store::Connection& c, int64_t user_id, int64_t token_id);

  int64_t now() const { return now_(); }
  const places::Gazetteer& places() const { return g_; }

 private:
  void check_role_unit(Role r, const std::string& unit_id) const;
  void throttle(const std::string& remote);

  const places::Gazetteer& g_;
  Clock now_;
  std::mutex m_;
  std::map<std::string, std::deque<int64_t>> attempts_;  // by client address
  std::string dummy_hash_;  // verified against when the user name is unknown
};

}  // namespace caunoi::auth
