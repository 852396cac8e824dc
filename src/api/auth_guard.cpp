// api/auth_guard.cpp — see auth_guard.h.
//
// Units a request touches: query parameters and top-level JSON body fields named unit, unit_id,
// reporting_unit, place_id, place or parent, and path parameters {unit} / {unit_id}. A request on
// one stored entity (a path with captures such as /activities/{id}) that names no unit is checked
// against the entity itself: for a GET, the unit fields of the response; for a change, those of
// a GET of the same path made before the handler runs — which is also the "before" image of the
// audit record.
#include "api/auth_guard.h"

#include <spdlog/spdlog.h>

#include "approval/approval.h"
#include "audit/log.h"
#include "auth/crypto.h"
#include "auth/policy.h"
#include "auth/service.h"
#include "periods/period.h"

namespace caunoi::api {
namespace {

namespace json = boost::json;

constexpr std::string_view kUnitKeys[] = {"unit",     "unit_id", "reporting_unit",
                                          "place_id", "place",   "parent"};
constexpr size_t kMaxAuditBody = 64 * 1024;

// Internal lookups (the before-image GET) run the router again; they skip guard and audit.
thread_local int internal_depth = 0;
// The before-image of the change being dispatched on this thread.
thread_local std::string pending_before;

bool unsafe(const std::string& m) {
  return m != "GET" && m != "HEAD" && m != "OPTIONS";
}

// Prefixes whose services write their own, exact audit records.
bool audited_explicitly(const std::string& pattern) {
  for (std::string_view p : {"/api/v1/auth", "/api/v1/users", "/api/v1/approvals"})
    if (pattern.starts_with(p)) return true;
  return false;
}

bool has_captures(const Params& p) {
  for (const auto& [k, v] : p)
    if (!k.starts_with('_')) return true;
  return false;
}

void add_unit(std::vector<std::string>& out, const json::value& v) {
  if (v.is_string() && !v.as_string().empty()) out.emplace_back(v.as_string());
  if (v.is_object())
    if (auto* id = v.as_object().if_contains("id"); id && id->is_string())
      out.emplace_back(id->as_string());
}

// Unit fields of an object, or of its object members one level down (wrapped entities).
std::vector<std::string> units_in(const json::object& o, bool descend = true) {
  std::vector<std::string> out;
  for (auto key : kUnitKeys)
    if (auto* v = o.if_contains(key)) add_unit(out, *v);
  if (out.empty() && descend)
    for (const auto& kv : o)
      if (kv.value().is_object()) {
        auto inner = units_in(kv.value().as_object(), false);
        out.insert(out.end(), inner.begin(), inner.end());
      }
  return out;
}

std::optional<json::object> json_object_of(std::string_view body) {
  boost::system::error_code ec;
  auto v = json::parse(body, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

std::vector<std::string> request_units(const Request& r, const Params& params) {
  std::vector<std::string> out;
  for (auto key : kUnitKeys) {
    std::string k(key);
    if (auto it = r.query.find(k); it != r.query.end() && !it->second.empty())
      out.push_back(it->second);
    if (auto it = params.find(k); it != params.end() && !it->second.empty())
      out.push_back(it->second);
  }
  if (!r.body.empty() && r.body.front() == '{')
    if (auto o = json_object_of(r.body)) {
      auto b = units_in(*o, false);
      out.insert(out.end(), b.begin(), b.end());
      // Batches ({"results": [...]}, {"targets": [...]}): every item's unit counts.
      for (const auto& kv : *o)
        if (kv.value().is_array())
          for (const auto& item : kv.value().as_array())
            if (item.is_object()) {
              auto i = units_in(item.as_object(), false);
              out.insert(out.end(), i.begin(), i.end());
            }
    }
  return out;
}

// The request body for the audit record, with secrets masked.
std::string masked_body(const Request& r) {
  if (r.body.empty()) return "";
  auto o = json_object_of(r.body);
  if (!o) return "(" + std::to_string(r.body.size()) + " byte, không phải JSON)";
  for (auto& kv : *o) {
    std::string_view k = kv.key();
    if (k.find("password") != std::string_view::npos || k.find("token") != std::string_view::npos)
      kv.value() = "***";
  }
  std::string s = json::serialize(*o);
  return s.size() > kMaxAuditBody ? s.substr(0, kMaxAuditBody) : s;
}

// The dated units of an entity: each unit field with the first date field ("date_from", "date").
// (unit, date) pairs a change is dated at: an activity's first day; a participation result's
// "as of" day (the end of its period); each of a batch of results ({"results": [...]}).
void dated_units(const json::object& o, std::vector<std::pair<std::string, Date>>& out) {
  if (auto* batch = o.if_contains("results"); batch && batch->is_array()) {
    for (const auto& item : batch->as_array())
      if (item.is_object()) dated_units(item.as_object(), out);
    return;
  }
  std::optional<Date> d;
  for (const char* key : {"date_from", "date"})
    if (auto* v = o.if_contains(key); v && v->is_string()) {
      d = Date::parse(v->as_string());
      break;
    }
  if (auto* v = o.if_contains("period"); !d && v && v->is_string()) {
    try {
      d = periods::Period::parse(v->as_string()).to;
    } catch (const Error&) {
      // A malformed period is the handler's to refuse, with its own field message.
    }
  }
  if (!d) return;
  for (auto& u : units_in(o)) out.emplace_back(std::move(u), *d);
}

class Guard {
 public:
  Guard(Router& r, Context& c) : router_(r), ctx_(c) {}

  void before(const Request& req, const std::string& pattern, Params& params) {
    if (internal_depth > 0) return;
    pending_before.clear();
    const auth::Rule* rule = auth::find_rule(req.method, pattern);
    if (rule && rule->action == auth::Action::open) return;
    std::optional<auth::Principal> who;
    {
      auto lease = ctx_.pool->acquire();
      who = principal_of(req, *lease, ctx_);
    }
    if (who) {
      params["_user"] = who->user.username;
      params["_user_id"] = std::to_string(who->user.id);
      params["_role"] = std::string(auth::role_code(who->user.role));
      params["_unit"] = who->user.unit_id;
      if (who->via_cookie && unsafe(req.method)) check_csrf(req, *who);
    }
    // Anyone without the role's grant is refused before any lookup on their behalf.
    if (!who || !auth::role_may(who->user.role, rule ? rule->action : auth::Action::admin))
      auth::authorize(who ? &*who : nullptr, rule, {}, *ctx_.places);
    auto units = request_units(req, params);
    bool entity = has_captures(params);
    if (entity && unsafe(req.method) && !audited_explicitly(pattern)) {
      // A change must be allowed both where the entity is and where the request moves it.
      pending_before = read_before(req.path);
      if (auto o = json_object_of(pending_before)) {
        auto stored = units_in(*o);
        units.insert(units.end(), stored.begin(), stored.end());
      }
    }
    if (entity && !unsafe(req.method) && rule && rule->scoped) {
      // Also checked on the response (after()); without units in the request, the role is
      // checked now and the unit only there.
      params["_check_response_units"] = units.empty() ? "strict" : "lenient";
      if (units.empty() && who) units.push_back(who->user.unit_id);
    }
    auth::authorize(who ? &*who : nullptr, rule, units, *ctx_.places);
    if (rule && rule->action == auth::Action::write && unsafe(req.method))
      check_unlocked(req, pattern);
  }

  void after(const Request& req, const std::string& pattern, const Params& params, Response& res) {
    if (internal_depth > 0) return;
    if (params.contains("_check_response_units") && res.status < 400) check_response(params, res);
    if (!unsafe(req.method) || audited_explicitly(pattern)) return;
    const auth::Rule* rule = auth::find_rule(req.method, pattern);
    if (rule && rule->action == auth::Action::open) return;
    bool changed = res.status < 300;
    bool refused = res.status == 401 || res.status == 403 || res.status == 423;
    if (!changed && !refused) return;
    audit::Entry e;
    if (auto it = params.find("_user_id"); it != params.end()) e.user_id = std::stoll(it->second);
    if (auto it = params.find("_user"); it != params.end()) e.username = it->second;
    e.remote = req.remote;
    e.action = req.method + " " + pattern;
    e.entity = req.path;
    auto units = request_units(req, params);
    if (!units.empty()) e.unit_id = units.front();
    e.status = res.status;
    e.before = pending_before;
    if (changed && res.body.size() <= kMaxAuditBody && json_object_of(res.body)) e.after = res.body;
    e.request = masked_body(req);
    pending_before.clear();
    try {
      auto lease = ctx_.pool->acquire();
      audit::record(*lease, e);
    } catch (const std::exception& ex) {
      spdlog::error("Không ghi được nhật ký kiểm tra cho {} {}: {}", req.method, req.path,
                    ex.what());
    }
  }

 private:
  void check_csrf(const Request& req, const auth::Principal& who) {
    std::string sent = req.header("x-csrf-token");
    if (sent.empty() || !auth::equal_constant_time(sent, who.csrf_token))
      throw Error(ErrorKind::forbidden, "csrf",
                  "Yêu cầu thiếu hoặc sai mã chống giả mạo (X-CSRF-Token). Vui lòng tải lại "
                  "trang và thử lại.");
  }

  // A change dated in an approved month of its unit is refused (locked, 423), both where the entity
  // was (the before-image) and where the request would put it. Imports check row by row in the
  // import itself (see docs/security.md).
  void check_unlocked(const Request& req, const std::string& pattern) {
    if (audited_explicitly(pattern)) return;
    std::vector<std::pair<std::string, Date>> dated;
    if (auto o = json_object_of(pending_before)) dated_units(*o, dated);
    if (!req.body.empty() && req.body.front() == '{')
      if (auto o = json_object_of(req.body)) dated_units(*o, dated);
    // A change addressed by query (DELETE /plans/results?unit=&period=).
    json::object query;
    for (const auto& [k, v] : req.query) query[k] = v;
    dated_units(query, dated);
    if (dated.empty()) return;
    auto lease = ctx_.pool->acquire();
    for (const auto& [unit, date] : dated)
      if (ctx_.places->find(unit)) approval::ensure_unlocked(*lease, *ctx_.places, unit, date);
  }

  std::string read_before(const std::string& path) {
    Request get;
    get.method = "GET";
    get.path = path;
    ++internal_depth;
    Response r;
    try {
      r = router_.dispatch(get);
    } catch (...) {
      --internal_depth;
      throw;
    }
    --internal_depth;
    return r.status == 200 ? r.body : "";
  }

  void check_response(const Params& params, Response& res) {
    auto role = auth::role_from_code(params.count("_role") ? params.at("_role") : "");
    if (!role || !auth::role_is_scoped(*role)) return;
    auto o = json_object_of(res.body);
    auto units = o ? units_in(*o) : std::vector<std::string>{};
    const std::string& mine = params.at("_unit");
    bool inside = !units.empty() || params.at("_check_response_units") == "lenient";
    for (const auto& u : units)
      inside = inside && ctx_.places->find(u) && ctx_.places->within(u, mine);
    if (!inside)
      throw Error(ErrorKind::forbidden, "forbidden_unit",
                  "Dữ liệu này thuộc đơn vị nằm ngoài phạm vi tài khoản của bạn.");
  }

  Router& router_;
  Context& ctx_;
};

}  // namespace

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
  auto p = principal_of(r, c, ctx);
  if (!p)
    throw Error(ErrorKind::unauthenticated, "login_required",
                "Vui lòng đăng nhập để sử dụng chức năng này.");
  return *p;
}

void audit_action(store::Connection& c, const Request& r, const auth::Principal* who,
                  std::string action, std::string entity, std::string before, std::string after,
                  int status) {
  audit::Entry e;
  if (who) e.user_id = who->user.id, e.username = who->user.username;
  e.remote = r.remote;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.status = status;
  // The unit the change concerns, as the entity states it (after, else before).
  for (const std::string* image : {&after, &before})
    if (auto o = json_object_of(*image); o && e.unit_id.empty())
      if (auto units = units_in(*o, false); !units.empty()) e.unit_id = units.front();
  e.before = std::move(before);
  e.after = std::move(after);
  e.request = masked_body(r);
  audit::record(c, e);
}

void install_auth_guard(Router& router, Context& ctx) {
  auto g = std::make_shared<Guard>(router, ctx);
  router.set_guard(
      [g](const Request& r, const std::string& p, Params& params) { g->before(r, p, params); });
  router.set_after([g](const Request& r, const std::string& p, const Params& params,
                       Response& res) { g->after(r, p, params, res); });
}

}  // namespace caunoi::api
