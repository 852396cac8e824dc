// api/auth_guard.cpp — see auth_guard.h.
//
// Before the handler: the rule of the route (the policy table); the principal; the role's grant,
// checked before anything is looked up on the caller's behalf; the units the request touches
// (scope.h), which must all lie within a scoped user's unit — and a scoped write that touches
// no determinable unit is refused; the approved-month lock of every dated unit. After it: the
// units of what a scoped read returns, and the audit record of a change or a refusal.
#include "api/auth_guard.h"

#include <spdlog/spdlog.h>

#include "api/request_shape.h"
#include "api/scope.h"
#include "approval/approval.h"
#include "auth/policy.h"

namespace caunoi::api {
namespace {

// Routes whose services write their own, exact audit records.
bool audited_explicitly(const std::string& pattern) {
  for (std::string_view p : {"/api/v1/auth", "/api/v1/users", "/api/v1/approvals"})
    if (pattern.starts_with(p)) return true;
  return false;
}

class Guard {
 public:
  explicit Guard(Context& c) : ctx_(c) {}

  void before(Request& req, const RouteInfo& route, const Params& params, Touch& t) {
    const auth::Rule* rule = auth::find_rule(route.method, route.pattern);
    auth::Action action = rule ? rule->action : auth::Action::admin;
    if (action == auth::Action::open) return;
    auto lease = ctx_.pool->acquire();
    req.who = principal_of(req, *lease, ctx_);
    const auth::Principal* who = req.who ? &*req.who : nullptr;
    bool write = unsafe_method(req.method);
    if (who && who->via_cookie && write) check_csrf(req, *who);
    // Anyone without the role's grant is refused before any lookup on their behalf.
    if (!who || !auth::role_may(who->user.role, action)) auth::authorize(who, rule, {}, places());
    t = touch_of(req, route.access);
    if (route.access.upload) t.file = file_facts(req);
    // Whatever the request names must lie within the user's unit, used or not; then what the
    // route declares, and then the stored entity — looked up only for someone entitled to ask.
    if (!t.named.empty()) auth::authorize(who, rule, t.named, places());
    if (!t.units.empty()) auth::authorize(who, rule, t.units, places());
    add_stored(*lease, req, params, route.access, t);
    std::vector<std::string> units = t.units;
    bool scoped = rule && rule->scoped && auth::role_is_scoped(who->user.role);
    // A file names its units row by row and the import checks each row; the request itself
    // stands for the user's own unit unless it names one.
    if (route.access.upload && units.empty()) units.push_back(who->user.unit_id);
    if (scoped && write && units.empty())
      throw invalid("unit_required",
                    "Yêu cầu chưa nêu đơn vị nào; tài khoản theo đơn vị chỉ được ghi dữ liệu "
                    "của một đơn vị xác định trong phạm vi của mình.");
    auth::authorize(who, rule, units, places());
    if (action == auth::Action::write && write)
      for (const auto& [unit, day] : t.dated)
        if (places().find(unit)) approval::ensure_unlocked(*lease, places(), unit, day);
    if (write) fill_actor(req, route, t);
  }

  void after(const Request& req, const RouteInfo& route, const Touch& t, Response& res) {
    if (req.who && !unsafe_method(req.method))
      check_returned(res, route.access, *req.who, places());
    if (!unsafe_method(req.method) || audited_explicitly(route.pattern)) return;
    // A change its service recorded landed with its record; a refusal changed nothing and is
    // recorded here on its own.
    if (res.status < 300 && req.actor.recorded) return;
    const auth::Rule* rule = auth::find_rule(route.method, route.pattern);
    if (rule && rule->action == auth::Action::open) return;
    try {
      auto lease = ctx_.pool->acquire();
      record_request(*lease, req, route, t, res);
    } catch (const std::exception& ex) {
      spdlog::error("Không ghi được nhật ký kiểm tra cho {} {}: {}", req.method, req.path,
                    ex.what());
    }
  }

 private:
  const places::Gazetteer& places() const { return *ctx_.places; }
  Context& ctx_;
};

}  // namespace

void install_auth_guard(Router& router, Context& ctx) {
  auto g = std::make_shared<Guard>(ctx);
  router.set_guard([g](Request& r, const RouteInfo& route, const Params& params, Touch& t) {
    g->before(r, route, params, t);
  });
  router.set_after([g](const Request& r, const RouteInfo& route, const Touch& t, Response& res) {
    g->after(r, route, t, res);
  });
}

}  // namespace caunoi::api
