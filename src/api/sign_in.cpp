// api/sign_in.cpp — see sign_in.h.
#include "api/sign_in.h"

#include "auth/crypto.h"
#include "auth/service.h"

namespace caunoi::api {

std::string cookie_value(const Request& r, std::string_view name) {
  std::string header = r.header("cookie");
  std::string_view s = header;
  while (!s.empty()) {
    auto semi = s.find(';');
    auto part = s.substr(0, semi);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name)
      return std::string(part.substr(eq + 1));
    if (semi == std::string_view::npos) break;
    s.remove_prefix(semi + 1);
  }
  return "";
}

std::optional<auth::Principal> principal_of(const Request& r, store::Connection& c,
                                            const Context& ctx) {
  if (!ctx.auth) return std::nullopt;
  std::string authz = r.header("authorization");
  if (authz.size() > 7 && (authz.starts_with("Bearer ") || authz.starts_with("bearer ")))
    return ctx.auth->from_api_token(c, authz.substr(7));
  return ctx.auth->from_session(c, cookie_value(r, kSessionCookie));
}

auth::Principal require_principal(const Request& r, store::Connection& c, const Context& ctx) {
  if (r.who) return *r.who;
  auto p = principal_of(r, c, ctx);
  if (!p)
    throw Error(ErrorKind::unauthenticated, "login_required",
                "Vui lòng đăng nhập để sử dụng chức năng này.");
  return *p;
}

void check_csrf(const Request& r, const auth::Principal& who) {
  std::string sent = r.header("x-csrf-token");
  if (sent.empty() || !auth::equal_constant_time(sent, who.csrf_token))
    throw Error(ErrorKind::forbidden, "csrf",
                "Yêu cầu thiếu hoặc sai mã chống giả mạo (X-CSRF-Token). Vui lòng tải lại "
                "trang và thử lại.");
}

}  // namespace caunoi::api
