// api/context.h — what route handlers may reach: the connection pool and the domain services.
//
// Built once by the server at start (see api/app.cpp) and shared by all workers; every member is
// thread-safe or immutable. A part of the system adds its service here and a register_*_routes
// function in its own api/routes_<part>.cpp.
#pragma once

#include <filesystem>

#include "store/pool.h"

namespace caunoi::places {
class Gazetteer;
}
namespace caunoi::activities {
class Service;
}

namespace caunoi::auth {
class Service;
}
namespace caunoi::analytics {
class Engine;
class Snapshot;
}  // namespace caunoi::analytics
namespace caunoi::plans {
class Service;
}
namespace caunoi::qa {
class Service;
}

namespace caunoi::api {

class Router;

struct Context {
  store::Pool* pool = nullptr;
  const places::Gazetteer* places = nullptr;
  std::filesystem::path data_dir;             // data/ of the project (units, Q&A bank, GeoJSON)
  activities::Service* activities = nullptr;  // the activity log (activities/service.h)
  auth::Service* auth = nullptr;              // accounts and sessions (auth/service.h)
  qa::Service* qa = nullptr;                  // automatic Q&A (qa/service.h, qa::open_service)
  analytics::Engine* analytics = nullptr;     // in-memory aggregates (analytics/engine.h)
  // The same over approved months only (analytics/snapshot.h); the approval routes invalidate it.
  analytics::Snapshot* approved_analytics = nullptr;
  plans::Service* plans = nullptr;  // targets and participation results
};

// One per part; each lives in api/routes_<part>.cpp.
void register_system_routes(Router& r, Context& ctx);      // /healthz, geo, openapi.json
void register_places_routes(Router& r, Context& ctx);      // /api/v1/places...
void register_periods_routes(Router& r, Context& ctx);     // /api/v1/periods/parse
void register_activities_routes(Router& r, Context& ctx);  // /api/v1/activities...
void register_imports_routes(Router& r, Context& ctx);     // /api/v1/imports...
void register_reference_routes(Router& r, Context& ctx);   // /api/v1/reference...
void register_auth_routes(Router& r, Context& ctx);        // /api/v1/auth/...
void register_users_routes(Router& r, Context& ctx);       // /api/v1/users...
void register_audit_routes(Router& r, Context& ctx);       // /api/v1/audit
void register_approval_routes(Router& r, Context& ctx);    // /api/v1/approvals...

void register_qa_routes(Router& r, Context& ctx);         // /api/v1/qa/... (when ctx.qa is set)
void register_analytics_routes(Router& r, Context& ctx);  // /api/v1/analytics...
void register_plans_routes(Router& r, Context& ctx);      // /api/v1/plans...
void register_reports_routes(Router& r, Context& ctx);    // /api/v1/reports...

// All of the above, in one call (api/app.cpp).
void register_all_routes(Router& r, Context& ctx);

}  // namespace caunoi::api
