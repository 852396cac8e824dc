// api/routes_users.cpp — /api/v1/users: accounts, for administrators (policy.h). Each change is
// written with its audit record (before and after) in one transaction.
#include "api/auth_guard.h"
#include "api/context.h"
#include "api/router.h"
#include "auth/service.h"
#include "places/gazetteer.h"

namespace caunoi::api {
namespace {

namespace json = boost::json;

std::optional<std::string> opt_string(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_string())
    throw invalid("invalid_user", "Trường " + std::string(key) + " phải là chuỗi.",
                  {{key, "Phải là chuỗi.", 0}});
  return std::string(v->as_string());
}

std::optional<bool> opt_bool(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  if (!v->is_bool())
    throw invalid("invalid_user", "Trường " + std::string(key) + " phải là true hoặc false.",
                  {{key, "Phải là true hoặc false.", 0}});
  return v->as_bool();
}

int64_t user_id(const Params& p) {
  const std::string& s = p.at("id");
  if (s.empty() || s.find_first_not_of("0123456789") != std::string::npos || s.size() > 18)
    throw not_found("user_not_found", "Không tìm thấy tài khoản.");
  return std::stoll(s);
}

}  // namespace

json::object user_json(const Context& ctx, const auth::User& u) {
  json::object o{{"id", u.id},
                 {"username", u.username},
                 {"full_name", u.full_name},
                 {"role", auth::role_code(u.role)},
                 {"role_label", auth::role_label_vi(u.role)},
                 {"unit_id", u.unit_id},
                 {"active", u.active},
                 {"created_at", u.created_at},
                 {"updated_at", u.updated_at}};
  const auto may = auth::granted_actions(u.role);
  o["may"] = json::array(may.begin(), may.end());
  if (ctx.places)
    if (const auto* unit = ctx.places->find(u.unit_id)) o["unit_name"] = unit->full_name;
  return o;
}

void register_users_routes(Router& r, Context& ctx) {
  r.get("/api/v1/users", [&ctx](const Request&, const Params&) {
    auto lease = ctx.pool->acquire();
    json::array a;
    for (const auto& u : ctx.auth->list_users(*lease)) a.push_back(user_json(ctx, u));
    return Response::json(json::object{{"users", std::move(a)}});
  });

  r.get("/api/v1/users/{id}", [&ctx](const Request&, const Params& p) {
    auto lease = ctx.pool->acquire();
    return Response::json(user_json(ctx, ctx.auth->get_user(*lease, user_id(p))));
  });

  r.post("/api/v1/users", [&ctx](const Request& q, const Params&) {
    auto body = q.json_body();
    auth::NewUser in{
        opt_string(body, "username").value_or(""), opt_string(body, "full_name").value_or(""),
        opt_string(body, "role").value_or(""), opt_string(body, "unit_id").value_or(""),
        opt_string(body, "password").value_or("")};
    auto lease = ctx.pool->acquire();
    auto who = require_principal(q, *lease, ctx);
    store::Transaction tx(*lease);
    auto u = ctx.auth->create_user(*lease, in);
    auto after = user_json(ctx, u);
    audit_action(*lease, q, &who, "user.create", "user:" + std::to_string(u.id), "",
                 json::serialize(after));
    tx.commit();
    return Response::json(after, 201);
  });

  r.put("/api/v1/users/{id}", [&ctx](const Request& q, const Params& p) {
    auto body = q.json_body();
    auth::UserPatch patch{opt_string(body, "full_name"), opt_string(body, "role"),
                          opt_string(body, "unit_id"), opt_bool(body, "active"),
                          opt_bool(body, "unlock")};
    int64_t id = user_id(p);
    auto lease = ctx.pool->acquire();
    auto who = require_principal(q, *lease, ctx);
    store::Transaction tx(*lease);
    auto before = user_json(ctx, ctx.auth->get_user(*lease, id));
    auto after = user_json(ctx, ctx.auth->update_user(*lease, id, patch));
    audit_action(*lease, q, &who, "user.update", "user:" + std::to_string(id),
                 json::serialize(before), json::serialize(after));
    tx.commit();
    return Response::json(after);
  });

  r.del("/api/v1/users/{id}", [&ctx](const Request& q, const Params& p) {
    int64_t id = user_id(p);
    auto lease = ctx.pool->acquire();
    auto who = require_principal(q, *lease, ctx);
    if (who.user.id == id)
      throw Error(ErrorKind::conflict, "self_disable",
                  "Không thể tự vô hiệu hóa tài khoản của mình.");
    store::Transaction tx(*lease);
    auto before = user_json(ctx, ctx.auth->get_user(*lease, id));
    auth::UserPatch patch;
    patch.active = false;
    auto after = user_json(ctx, ctx.auth->update_user(*lease, id, patch));
    audit_action(*lease, q, &who, "user.disable", "user:" + std::to_string(id),
                 json::serialize(before), json::serialize(after));
    tx.commit();
    return Response::json(after);
  });

  r.post("/api/v1/users/{id}/password", [&ctx](const Request& q, const Params& p) {
    auto body = q.json_body();
    int64_t id = user_id(p);
    auto lease = ctx.pool->acquire();
    auto who = require_principal(q, *lease, ctx);
    store::Transaction tx(*lease);
    ctx.auth->set_password(*lease, id, opt_string(body, "password").value_or(""));
    audit_action(*lease, q, &who, "user.password", "user:" + std::to_string(id), "", "");
    tx.commit();
    return Response::json(json::object{{"ok", true}});
  });
}

}  // namespace caunoi::api
