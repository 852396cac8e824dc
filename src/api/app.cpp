// api/app.cpp — the list of all route groups. Each part of the system adds one line here.
#include "api/context.h"
#include "api/router.h"

namespace caunoi::api {

void register_all_routes(Router& r, Context& ctx) {
  register_system_routes(r, ctx);
  register_places_routes(r, ctx);
  register_periods_routes(r, ctx);
  if (ctx.auth) {
    register_auth_routes(r, ctx);
    register_users_routes(r, ctx);
    register_audit_routes(r, ctx);
    register_approval_routes(r, ctx);
  }
  if (ctx.qa) register_qa_routes(r, ctx);
  if (ctx.analytics && ctx.plans) {
    register_analytics_routes(r, ctx);
    register_plans_routes(r, ctx);
    register_reports_routes(r, ctx);
  }
  if (ctx.activities) {
    register_activities_routes(r, ctx);
    register_imports_routes(r, ctx);
    register_reference_routes(r, ctx);
  }
}

}  // namespace caunoi::api
