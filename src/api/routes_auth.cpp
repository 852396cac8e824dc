// api/routes_auth.cpp — /api/v1/auth: sign in and out, who am I, own password, own API tokens.
//
// Sign-in answers with the session in an HttpOnly, SameSite=Strict cookie (Secure when the
// request came over TLS, as a reverse proxy reports with X-Forwarded-Proto: https) and with the
// session's CSRF token in the body; the web app sends that token back in X-CSRF-Token on every
// POST, PUT and DELETE. GET /api/v1/auth/me returns it again after a page reload. A slowed-down
// sign-in (429) says in Retry-After when to try again, like the server-wide rate limit.
#include "api/auth_guard.h"
#include "api/context.h"
#include "api/router.h"
#include "auth/first_run.h"
#include "auth/service.h"

namespace caunoi::api {
namespace {

namespace json = boost::json;

std::string cookie(const Request& r, const std::string& value, int64_t max_age) {
  std::string c = std::string(kSessionCookie) + "=" + value +
                  "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + std::to_string(max_age);
  if (r.header("x-forwarded-proto") == "https") c += "; Secure";
  return c;
}

std::string string_field(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

json::object token_json(const auth::ApiToken& t) {
  return {{"id", t.id},
          {"name", t.name},
          {"created_at", t.created_at},
          {"expires_at", t.expires_at},
          {"revoked", t.revoked}};
}

}  // namespace

void register_auth_routes(Router& r, Context& ctx) {
  r.post("/api/v1/auth/login", [&ctx](const Request& q, const Params&) {
    auto body = q.json_body();
    std::string username = string_field(body, "username");
    std::string password = string_field(body, "password");
    auto lease = ctx.pool->acquire();
    auth::Session s;
    try {
      // No transaction: a failed attempt must stay counted when the error is thrown.
      s = ctx.auth->login(*lease, username, password, q.remote);
    } catch (const Error& e) {
      audit_action(*lease, q, nullptr, "auth.login_failed", "user:" + username, "", "",
                   status_of(e.kind()));
      auto* slowed = dynamic_cast<const auth::LoginThrottled*>(&e);
      if (!slowed) throw;
      auto res = Response::error(e);
      res.headers.emplace_back("Retry-After", std::to_string(slowed->retry_after()));
      return res;
    }
    auth::Principal who{s.user, true, "", s.csrf_token};
    audit_action(*lease, q, &who, "auth.login", "user:" + std::to_string(s.user.id), "", "");
    auto res = Response::json(json::object{{"user", user_json(ctx, s.user)},
                                           {"csrf_token", s.csrf_token},
                                           {"expires_at", s.expires_at}});
    res.headers.emplace_back("Set-Cookie", cookie(q, s.token, auth::Service::kSessionSeconds));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  });

  // First run (auth/first_run.h): whether the database still waits for its first administrator,
  // and creating that administrator from the one-time link `caunoi serve` printed.
  r.get("/api/v1/auth/setup", [&ctx](const Request&, const Params&) {
    auto lease = ctx.pool->acquire();
    return Response::json(json::object{{"needed", auth::needs_first_admin(*lease)}});
  });

  r.post("/api/v1/auth/setup", [&ctx](const Request& q, const Params&) {
    auto body = q.json_body();
    auto lease = ctx.pool->acquire();
    const auth::User u = auth::claim_first_run(
        *lease, *ctx.auth, string_field(body, "token"), string_field(body, "username"),
        string_field(body, "full_name"), string_field(body, "password"));
    auth::Principal who{u, false, "", ""};
    audit_action(*lease, q, &who, "auth.first_admin", "user:" + std::to_string(u.id), "", "");
    return Response::json(json::object{{"user", user_json(ctx, u)}}, 201);
  });

  r.post("/api/v1/auth/logout", [&ctx](const Request& q, const Params&) {
    auto lease = ctx.pool->acquire();
    auto who = principal_of(q, *lease, ctx);
    store::Transaction tx(*lease);
    ctx.auth->logout(*lease, cookie_value(q, kSessionCookie));
    if (who)
      audit_action(*lease, q, &*who, "auth.logout", "user:" + std::to_string(who->user.id), "", "");
    tx.commit();
    auto res = Response::json(json::object{{"ok", true}});
    res.headers.emplace_back("Set-Cookie", cookie(q, "", 0));
    return res;
  });

  r.get("/api/v1/auth/me", [&ctx](const Request& q, const Params&) {
    auto lease = ctx.pool->acquire();
    auto who = require_principal(q, *lease, ctx);
    json::object o{{"user", user_json(ctx, who.user)}};
    if (who.via_cookie) o["csrf_token"] = who.csrf_token;
    auto res = Response::json(o);
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  });

  r.post("/api/v1/auth/password", [&ctx](const Request& q, const Params&) {
    auto body = q.json_body();
    auto lease = ctx.pool->acquire();
    auto who = require_principal(q, *lease, ctx);
    store::Transaction tx(*lease);
    auto fresh = ctx.auth->change_own_password(*lease, who, string_field(body, "old_password"),
                                               string_field(body, "new_password"), q.remote);
    audit_action(*lease, q, &who, "auth.password", "user:" + std::to_string(who.user.id), "", "");
    tx.commit();
    // Every other session and every API token of the user ended with the old password. A
    // browser that made the change goes on under a new cookie; a token client signs in again.
    json::object o{{"ok", true}, {"relogin", !fresh}};
    if (fresh) o["csrf_token"] = fresh->csrf_token;
    auto res = Response::json(o);
    res.headers.emplace_back(
        "Set-Cookie",
        fresh ? cookie(q, fresh->token, auth::Service::kSessionSeconds) : cookie(q, "", 0));
    res.headers.emplace_back("Cache-Control", "no-store");
    return res;
  });

  r.get("/api/v1/auth/tokens", [&ctx](const Request& q, const Params&) {
    auto lease = ctx.pool->acquire();
    auto who = require_principal(q, *lease, ctx);
    json::array a;
    for (const auto& t : ctx.auth->tokens(*lease, who.user.id)) a.push_back(token_json(t));
    return Response::json(json::object{{"tokens", std::move(a)}});
  });

  r.post("/api/v1/auth/tokens", [&ctx](const Request& q, const Params&) {
    auto body = q.json_body();
    int64_t ttl = 90;
    if (auto* v = body.if_contains("ttl_days"); v && v->is_int64()) ttl = v->as_int64();
    auto lease = ctx.pool->acquire();
    auto who = require_principal(q, *lease, ctx);
    store::Transaction tx(*lease);
    auto [t, token] = ctx.auth->create_token(*lease, who, string_field(body, "name"), ttl);
    auto o = token_json(t);
    audit_action(*lease, q, &who, "auth.token_create", "token:" + std::to_string(t.id), "",
                 json::serialize(o));
    tx.commit();
    o["token"] = token;
    return Response::json(o, 201);
  });

  r.del("/api/v1/auth/tokens/{id}", [&ctx](const Request& q, const Params& p) {
    auto lease = ctx.pool->acquire();
    auto who = require_principal(q, *lease, ctx);
    int64_t id = std::atoll(p.at("id").c_str());
    store::Transaction tx(*lease);
    ctx.auth->revoke_token(*lease, who.user.id, id);
    audit_action(*lease, q, &who, "auth.token_revoke", "token:" + std::to_string(id), "", "");
    tx.commit();
    return Response::json(json::object{{"ok", true}});
  });
}

}  // namespace caunoi::api
