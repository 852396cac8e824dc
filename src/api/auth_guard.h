// api/auth_guard.h — where requests meet the policy (auth/policy.h), in four small steps, each in
// its own file: sign-in (sign_in.h: who is asking, CSRF), scope (scope.h: the units a request
// touches and returns, as its route declares them in access.h), locks (approved months refuse
// changes) and audit (audit_trail.h). Installed on the Router by app::Runtime when auth is
// enforced.
#pragma once

#include <boost/json.hpp>

#include "api/audit_trail.h"
#include "api/context.h"
#include "api/router.h"
#include "api/sign_in.h"
#include "auth/user.h"

namespace caunoi::api {

void install_auth_guard(Router& router, Context& ctx);

// A user as the API shows it (routes_users.cpp); never the password hash.
boost::json::object user_json(const Context& ctx, const auth::User& u);

}  // namespace caunoi::api
