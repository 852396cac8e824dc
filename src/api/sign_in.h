// api/sign_in.h — who is asking: the session cookie or Bearer token of a request, and the CSRF
// token a cookie session must send with every change.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "api/context.h"
#include "api/router.h"
#include "auth/user.h"

namespace caunoi::api {

inline constexpr const char* kSessionCookie = "caunoi_session";

// The principal of a request, if its cookie or Bearer token is valid (nullopt otherwise).
std::optional<auth::Principal> principal_of(const Request& r, store::Connection& c,
                                            const Context& ctx);
// The guard's principal (r.who), else the same lookup; unauthenticated "login_required" if none.
auth::Principal require_principal(const Request& r, store::Connection& c, const Context& ctx);
// The value of a cookie in the Cookie header, or "".
std::string cookie_value(const Request& r, std::string_view name);
// Throws forbidden "csrf" unless a cookie session's change carries its X-CSRF-Token.
void check_csrf(const Request& r, const auth::Principal& who);

}  // namespace caunoi::api
