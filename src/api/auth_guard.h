// api/auth_guard.h — where requests meet the policy (auth/policy.h): who is asking (session
// cookie or Bearer token), CSRF on cookie sessions, which units the request touches, and the
// audit record of every change. Installed on the Router by app::Runtime when auth is enforced.
#pragma once

#include <boost/json.hpp>
#include <optional>

#include "api/context.h"
#include "api/router.h"
#include "auth/user.h"

namespace caunoi::api {

inline constexpr const char* kSessionCookie = "caunoi_session";

// The principal of a request, if its cookie or Bearer token is valid (nullopt otherwise).
std::optional<auth::Principal> principal_of(const Request& r, store::Connection& c,
                                            const Context& ctx);
// The same, or unauthenticated "login_required".
auth::Principal require_principal(const Request& r, store::Connection& c, const Context& ctx);
// The value of a cookie in the Cookie header, or "".
std::string cookie_value(const Request& r, std::string_view name);

void install_auth_guard(Router& router, Context& ctx);

// A user as the API shows it (routes_users.cpp); never the password hash.
boost::json::object user_json(const Context& ctx, const auth::User& u);
// An audit record of an action taken by `who` (explicitly audited routes).
void audit_action(store::Connection& c, const Request& r, const auth::Principal* who,
                  std::string action, std::string entity, std::string before, std::string after,
                  int status = 200);

}  // namespace caunoi::api
