// api/routes_audit.cpp — GET /api/v1/audit: the audit log for administrators (policy.h), filtered
// by time, user, action, entity and unit; JSON by page or the whole selection as CSV.
#include "api/context.h"
#include "api/router.h"
#include "audit/log.h"

namespace caunoi::api {
namespace {

namespace json = boost::json;

int64_t int_param(const Request& q, const std::string& name, int64_t fallback, int64_t max) {
  std::string s = q.param(name);
  if (s.empty()) return fallback;
  if (s.size() > 12 || s.find_first_not_of("0123456789") != std::string::npos)
    throw invalid("bad_parameter", "Tham số " + name + " phải là số nguyên không âm.",
                  {{name, "Phải là số nguyên không âm.", 0}});
  return std::min<int64_t>(std::stoll(s), max);
}

json::value text_or_json(const std::string& s) {
  if (s.empty()) return nullptr;
  boost::system::error_code ec;
  auto v = json::parse(s, ec);
  return ec ? json::value(s) : v;
}

}  // namespace

void register_audit_routes(Router& r, Context& ctx) {
  r.get("/api/v1/audit", [&ctx](const Request& q, const Params&) {
    audit::Filter f;
    if (q.query.count("from")) f.from = int_param(q, "from", 0, INT64_MAX / 2);
    if (q.query.count("to")) f.to = int_param(q, "to", 0, INT64_MAX / 2);
    f.username = q.param("user");
    f.action_prefix = q.param("action");
    f.entity_prefix = q.param("entity");
    f.unit_id = q.param("unit");
    bool csv = q.param("format") == "csv";
    f.limit = int_param(q, "limit", csv ? 100000 : 100, csv ? 100000 : 1000);
    f.offset = int_param(q, "offset", 0, INT64_MAX / 2);
    auto lease = ctx.pool->acquire();
    auto entries = audit::query(*lease, f);
    if (csv) {
      Response res;
      res.content_type = "text/csv; charset=utf-8";
      res.body = audit::to_csv(entries);
      res.headers.emplace_back("Content-Disposition", "attachment; filename=\"nhat-ky.csv\"");
      return res;
    }
    json::array a;
    for (const auto& e : entries)
      a.push_back(json::object{{"id", e.id},
                               {"at", e.at},
                               {"user_id", e.user_id},
                               {"username", e.username},
                               {"remote", e.remote},
                               {"action", e.action},
                               {"entity", e.entity},
                               {"unit_id", e.unit_id},
                               {"status", e.status},
                               {"before", text_or_json(e.before)},
                               {"after", text_or_json(e.after)},
                               {"request", text_or_json(e.request)}});
    return Response::json(
        json::object{{"total", audit::count(*lease, f)}, {"entries", std::move(a)}});
  });
}

}  // namespace caunoi::api
