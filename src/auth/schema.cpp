// auth/schema.cpp — migrations of component "auth". Session and API token columns hold SHA-256
// digests, never the tokens themselves. The CSRF token is kept as is: it proves nothing without
// the session cookie, and GET /api/v1/auth/me hands it back to a reloaded page.
// password_generation counts a user's password changes; a session or API token carries the one it
// was issued under and is refused once the user's has moved on (service.h).
#include "auth/schema.h"

#include "store/migrations.h"

namespace caunoi::auth {
namespace {

constexpr store::Migration kMigrations[] = {
    {"auth", 1, "users, sessions, api tokens", R"sql(
CREATE TABLE auth_users (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  full_name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL,
  unit_id TEXT NOT NULL,
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  failed_logins INTEGER NOT NULL DEFAULT 0,
  locked_until INTEGER NOT NULL DEFAULT 0,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  password_changed_at INTEGER NOT NULL
);
CREATE TABLE auth_sessions (
  token_hash TEXT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES auth_users(id) ON DELETE CASCADE,
  csrf_token TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  remote TEXT NOT NULL DEFAULT ''
);
CREATE INDEX auth_sessions_user ON auth_sessions(user_id);
CREATE TABLE auth_tokens (
  id INTEGER PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES auth_users(id) ON DELETE CASCADE,
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL DEFAULT 0,
  revoked INTEGER NOT NULL DEFAULT 0
);
)sql"},
    // The lock-out (failed_logins, locked_until) let anyone lock an account and told which names
    // exist; sign-ins are now slowed per address instead (login_throttle.h). Accounts locked under
    // the old rule are free again since the columns go.
    {"auth", 2, "login throttle, password generation", R"sql(
ALTER TABLE auth_users DROP COLUMN failed_logins;
ALTER TABLE auth_users DROP COLUMN locked_until;
ALTER TABLE auth_users ADD COLUMN password_generation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE auth_sessions ADD COLUMN password_generation INTEGER NOT NULL DEFAULT 0;
ALTER TABLE auth_tokens ADD COLUMN password_generation INTEGER NOT NULL DEFAULT 0;
CREATE TABLE auth_login_throttle (
  per_name INTEGER NOT NULL,  -- 1: this name from this address; 0: every name from it
  username TEXT NOT NULL COLLATE NOCASE,  -- as typed, existing or not; '' when per_name = 0
  remote TEXT NOT NULL,
  failures INTEGER NOT NULL,
  last_failure_at INTEGER NOT NULL,
  blocked_until INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY (per_name, username, remote)
);
CREATE INDEX auth_login_throttle_remote ON auth_login_throttle(remote);
)sql"},
    // The first administrator's one-time setup token (first_run.h), as its SHA-256.
    {"auth", 3, "first-run setup token", R"sql(
CREATE TABLE auth_setup (
  token_hash TEXT PRIMARY KEY,
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL
);
)sql"},
};

}  // namespace

void migrate(store::Connection& c) {
  store::apply_migrations(c, kMigrations);
}

}  // namespace caunoi::auth
