// auth/first_run.h — letting the first administrator in on a new database.
//
// A new caunoi has no account, and a fixed default password would be the same on every machine.
// As Jupyter and Jenkins do, the first start of a server on a database without an active
// administrator makes a one-time setup token (256 random bits, kept only as its SHA-256, valid
// 24 hours) and prints a link holding it; the page behind the link creates the first
// administrator with a password the person chooses. Each such start replaces the token; once an
// administrator exists no token is made or accepted, and nothing is printed.
#pragma once

#include <optional>
#include <string>

#include "auth/service.h"

namespace caunoi::auth {

inline constexpr int64_t kSetupTokenSeconds = 24 * 3600;

// True while the database has no active administrator (the setup page is then offered).
bool needs_first_admin(store::Connection& c);

// The token to print, or nullopt when an active administrator exists (then any old token is
// removed).
std::optional<std::string> first_run_token(store::Connection& c, const Service& s);

// Creates the first administrator (role admin, unit VN) from a valid token, and spends the token,
// in one transaction. Throws conflict "setup_done" when an administrator exists, forbidden
// "setup_token_invalid" for a wrong or expired token, and create_user's errors for a bad name or
// password (the token is then kept, so the person can try again).
User claim_first_run(store::Connection& c, Service& s, std::string_view token,
                     const std::string& username, const std::string& full_name,
                     const std::string& password);

}  // namespace caunoi::auth
