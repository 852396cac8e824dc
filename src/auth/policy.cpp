// auth/policy.cpp — the policy table and its check; see policy.h. Add a line here with every new
// route group; without one the routes stay admin-only.
#include "auth/policy.h"

#include "common/error.h"

namespace caunoi::auth {
namespace {

using A = Action;

constexpr Rule kRules[] = {
    // Open to everyone.
    {"GET", "/healthz", A::open, false},
    {"GET", "/api/v1/openapi.json", A::open, false},
    {"GET", "/api/v1/places*", A::open, false},
    {"GET", "/api/v1/periods*", A::open, false},
    {"GET", "/api/v1/geo*", A::open, false},
    {"POST", "/api/v1/qa/ask", A::open, false},
    {"POST", "/api/v1/auth/login", A::open, false},
    {"GET", "/api/v1/auth/setup", A::open, false},
    {"POST", "/api/v1/auth/setup", A::open, false},  // needs the one-time token (first_run.h)
    // The signed-in user about themselves.
    {"*", "/api/v1/auth*", A::self, false},
    // Administration.
    {"*", "/api/v1/users*", A::admin, false},
    {"*", "/api/v1/audit*", A::admin, false},
    // Approval of reported periods (the service checks the approving level).
    {"GET", "/api/v1/approvals*", A::read, true},
    // One's own notices: of the user's own unit (no unit to name), marked read only for that
    // unit (the service checks it); reading a notice is not a change of data.
    {"GET", "/api/v1/approvals/notices", A::read, false},
    {"POST", "/api/v1/approvals/notices/seen", A::read, true},
    {"POST", "/api/v1/approvals/submit", A::write, true},
    {"POST", "/api/v1/approvals/approve", A::approve, true},
    {"POST", "/api/v1/approvals/return", A::approve, true},
    {"POST", "/api/v1/approvals/reopen", A::approve, true},
    // Activities, reference lists and imports.
    {"GET", "/api/v1/reference*", A::read, false},
    {"GET", "/api/v1/activities/reference*", A::read, false},
    {"GET", "/api/v1/activities/template*", A::read, false},
    {"GET", "/api/v1/activities/export*", A::export_, true},
    {"GET", "/api/v1/activities*", A::read, true},
    {"*", "/api/v1/activities*", A::write, true},
    // The reference lists are national: administrators only (no unit makes them a unit's).
    {"*", "/api/v1/reference*", A::admin, false},
    // An import's progress lists its file's rows: shown only within the unit it was made for.
    {"GET", "/api/v1/imports*", A::read, true},
    {"*", "/api/v1/imports*", A::import, true},
    // Analytics, plans, results and reports.
    {"GET", "/api/v1/analytics/indicators*", A::read, false},
    {"GET", "/api/v1/analytics*", A::report, true},
    {"GET", "/api/v1/plans/measures*", A::read, false},
    {"POST", "/api/v1/plans/targets/import", A::import, true},
    {"POST", "/api/v1/plans/results/import", A::import, true},
    {"GET", "/api/v1/plans*", A::read, true},
    {"*", "/api/v1/plans*", A::write, true},
    {"GET", "/api/v1/results*", A::read, true},
    {"*", "/api/v1/results*", A::write, true},
    {"*", "/api/v1/reports*", A::report, true},
    // Q&A staff pages: the bank and the queue of citizens' questions are national; central
    // staff and administrators curate them (roles.cpp), whatever unit a request names.
    {"GET", "/api/v1/qa*", A::read, false},
    {"*", "/api/v1/qa*", A::curate, false},
};

bool method_fits(std::string_view rule, std::string_view method) {
  return rule == "*" || rule == method;
}

}  // namespace

std::span<const Rule> rules() {
  return kRules;
}

const Rule* find_rule(std::string_view method, std::string_view pattern) {
  if (method == "HEAD") method = "GET";
  const Rule* best = nullptr;
  size_t best_len = 0;
  for (const Rule& r : kRules) {
    if (!method_fits(r.method, method)) continue;
    if (r.pattern == pattern) return &r;
    if (r.pattern.ends_with('*')) {
      auto prefix = r.pattern.substr(0, r.pattern.size() - 1);
      if (pattern.starts_with(prefix) && prefix.size() + 1 > best_len) {
        best = &r;
        best_len = prefix.size() + 1;
      }
    }
  }
  return best;
}

void authorize(const Principal* who, const Rule* rule, const std::vector<std::string>& units,
               const places::Gazetteer& g) {
  Action action = rule ? rule->action : Action::admin;
  if (action == Action::open) return;
  if (!who)
    throw Error(ErrorKind::unauthenticated, "login_required",
                "Vui lòng đăng nhập để sử dụng chức năng này.");
  const User& u = who->user;
  if (!role_may(u.role, action))
    throw Error(ErrorKind::forbidden, "forbidden_role",
                "Vai trò " + std::string(role_label_vi(u.role)) +
                    " không được phép thực hiện thao tác này.");
  if (!rule || !rule->scoped || !role_is_scoped(u.role)) return;
  static const std::vector<std::string> kWholeCountry{"VN"};
  for (const auto& id : units.empty() ? kWholeCountry : units) {
    const places::Unit& unit = g.get(id);
    if (!g.within(unit.id, u.unit_id))
      throw Error(ErrorKind::forbidden, "forbidden_unit",
                  "Tài khoản của bạn chỉ được thao tác trong phạm vi " +
                      g.display_name(g.get(u.unit_id)) + "; " + g.display_name(unit) +
                      " nằm ngoài phạm vi này.");
  }
}

}  // namespace caunoi::auth
