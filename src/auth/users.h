// auth/users.h — the auth_users table: plain reads and writes, no rules. service.h applies the
// rules (password strength, role and unit fit, sign-in throttling) and calls these.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "auth/user.h"
#include "store/store.h"

namespace caunoi::auth::users {

std::optional<User> by_id(store::Connection& c, int64_t id);
// The user of a credential (a session or an API token), read with it by one statement: every
// request is authenticated, and on PostgreSQL each statement is a round trip. `table` is the
// credential's table (alias k, with a user_id column), `where` conditions on it with two
// parameters, the token's hash and now; `extra` are k's columns, handed to `more` (indexed from 0).
std::optional<User> by_credential(store::Connection& c, const std::string& table,
                                  const std::string& extra, const std::string& where,
                                  const std::string& token_hash, int64_t now,
                                  const std::function<void(const store::Row&, int)>& more);
std::optional<User> by_name(store::Connection& c, std::string_view username);
// With the stored argon2id hash, for login only.
std::optional<std::pair<User, std::string>> with_hash(store::Connection& c,
                                                      std::string_view username);
std::vector<User> all(store::Connection& c);
int64_t insert(store::Connection& c, const User& u, const std::string& hash, int64_t now);
void update(store::Connection& c, const User& u, int64_t now);
// Also moves the password generation on (user.h).
void set_hash(store::Connection& c, int64_t id, const std::string& hash, int64_t now);

}  // namespace caunoi::auth::users
