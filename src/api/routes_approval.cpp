// api/routes_approval.cpp — /api/v1/approvals: submit a unit's month, approve, return, reopen,
// and see the state of the months of a subtree. The policy (auth/policy.h) checks the unit is in
// the user's subtree; approval/ checks the approving level and records the audit trail.
//   GET  /api/v1/approvals/notices       decisions on the signed-in user's own unit's months
//                                         that they have not read (approval::notices)
//   POST /api/v1/approvals/notices/seen  {unit_id, period, state, decided_at}: read, for them
#include "analytics/snapshot.h"
#include "api/auth_guard.h"
#include "api/context.h"
#include "api/router.h"
#include "approval/approval.h"

namespace caunoi::api {
namespace {

namespace json = boost::json;

json::object record_json(const places::Gazetteer& g, const approval::Record& r) {
  json::object o{{"unit_id", r.unit_id},
                 {"period", r.period},
                 {"state", r.state},
                 {"submitted_by", r.submitted_by},
                 {"submitted_at", r.submitted_at},
                 {"decided_by", r.decided_by},
                 {"decided_at", r.decided_at},
                 {"reason", r.reason}};
  if (const auto* u = g.find(r.unit_id)) o["unit_name"] = u->full_name;
  return o;
}

std::string field(const json::object& o, const char* key) {
  auto* v = o.if_contains(key);
  return v && v->is_string() ? std::string(v->as_string()) : std::string();
}

// The four transitions share one shape: read {unit_id, period, reason}, act, answer the record.
template <class Fn>
void transition_route(Router& r, Context& ctx, const std::string& step, Fn fn) {
  r.post(
      "/api/v1/approvals/" + step,
      [&ctx, fn, step](const Request& q, const Params&) {
        auto body = q.json_body();
        auto lease = ctx.pool->acquire();
        auto who = require_principal(q, *lease, ctx);
        approval::Actor actor{who, q.remote};
        auto rec = fn(*lease, *ctx.places, actor, field(body, "unit_id"), field(body, "period"),
                      field(body, "reason"));
        // Approving or reopening changes what "approved data only" reports hold.
        if (ctx.approved_analytics && (step == "approve" || step == "reopen")) {
          ctx.approved_analytics->changed();
        }
        return Response::json(record_json(*ctx.places, rec));
      },
      body_units({"unit_id"}));
}

}  // namespace

void register_approval_routes(Router& r, Context& ctx) {
  r.get(
      "/api/v1/approvals",
      [&ctx](const Request& q, const Params&) {
        auto lease = ctx.pool->acquire();
        json::array a;
        for (const auto& rec :
             approval::list(*lease, *ctx.places, q.param("unit", "VN"), q.param("period")))
          a.push_back(record_json(*ctx.places, rec));
        return Response::json(json::object{{"approvals", std::move(a)}});
      },
      query_units());

  // Whether data of a unit dated `date` is locked, and by which approval.
  r.get(
      "/api/v1/approvals/lock",
      [&ctx](const Request& q, const Params&) {
        auto d = Date::parse(q.param("date"));
        if (!d)
          throw invalid("bad_date", "Ngày không hợp lệ; dùng dạng 2025-10-31 hoặc 31/10/2025.",
                        {{"date", "Ngày không hợp lệ.", 0}});
        auto lease = ctx.pool->acquire();
        auto rec = approval::lock_covering(*lease, *ctx.places, q.param("unit", "VN"), *d);
        json::object o{{"locked", rec.has_value()}};
        if (rec) o["approval"] = record_json(*ctx.places, *rec);
        return Response::json(o);
      },
      query_units());

  r.get("/api/v1/approvals/notices", [&ctx](const Request& q, const Params&) {
    auto lease = ctx.pool->acquire();
    auto who = require_principal(q, *lease, ctx);
    json::array a;
    for (const auto& rec : approval::notices(*lease, who.user))
      a.push_back(record_json(*ctx.places, rec));
    return Response::json(json::object{{"notices", std::move(a)}});
  });

  r.post(
      "/api/v1/approvals/notices/seen",
      [&ctx](const Request& q, const Params&) {
        auto body = q.json_body();
        auto lease = ctx.pool->acquire();
        auto who = require_principal(q, *lease, ctx);
        approval::Record notice;
        notice.unit_id = field(body, "unit_id");
        notice.period = field(body, "period");
        notice.state = field(body, "state");
        const auto* at = body.if_contains("decided_at");
        if (!at || !(at->is_int64() || at->is_uint64()))
          throw invalid("bad_decided_at", "Thiếu thời điểm quyết định của thông báo.",
                        {{"decided_at", "Phải là một số nguyên (giây).", 0}});
        notice.decided_at = at->to_number<int64_t>();
        approval::mark_seen(*lease, who.user, notice);
        return Response::json(json::object{{"seen", true}});
      },
      body_units({"unit_id"}));

  transition_route(r, ctx, "submit", [](auto& c, auto& g, auto& a, auto unit, auto period, auto) {
    return approval::submit(c, g, a, unit, period);
  });
  transition_route(r, ctx, "approve", [](auto& c, auto& g, auto& a, auto unit, auto period, auto) {
    return approval::approve(c, g, a, unit, period);
  });
  transition_route(r, ctx, "return",
                   [](auto& c, auto& g, auto& a, auto unit, auto period, auto reason) {
                     return approval::send_back(c, g, a, unit, period, reason);
                   });
  transition_route(r, ctx, "reopen",
                   [](auto& c, auto& g, auto& a, auto unit, auto period, auto reason) {
                     return approval::reopen(c, g, a, unit, period, reason);
                   });
}

}  // namespace caunoi::api
