// app/runtime.h — everything a running caunoi holds: the connection pool, the gazetteer, the
// domain services and the router with every route. Built by `caunoi serve` and by the API tests
// (which call router().dispatch() without a socket). A part of the system that has a service
// adds a member here and constructs it in runtime.cpp, then fills its pointer in api::Context.
#pragma once

#include <memory>
#include <string>

#include "activities/service.h"
#include "analytics/engine.h"
#include "analytics/snapshot.h"
#include "api/context.h"
#include "api/router.h"
#include "app/bootstrap.h"
#include "auth/service.h"
#include "places/gazetteer.h"
#include "qa/service.h"
#include "store/pool.h"

namespace caunoi::app {

struct RuntimeOptions {
  // Every route goes through the authorization policy (auth/policy.h) and the audit hook. Only
  // in-process tests of other parts turn this off, explicitly.
  bool enforce_auth = true;
  // Unix seconds for sign-in delays, sessions and tokens; empty = the system clock. Tests of
  // sign-in delays pass their own so that they need not sleep.
  auth::Service::Clock auth_clock;
  activities::ImportQueue imports;  // background imports at once and waiting
};

class Runtime {
 public:
  // Prepares the database (migrations, units) and builds every service. pool_size: connections.
  Runtime(const std::string& db_path, Paths paths, int pool_size, RuntimeOptions opt = {});
  ~Runtime();
  // Starts building what the first requests would otherwise wait for (the approved-data
  // engine), on a background thread. `caunoi serve` calls it; in-process tests need not.
  void warm_up();

  api::Router& router() { return router_; }
  api::Context& context() { return ctx_; }
  store::Pool& pool() { return *pool_; }
  const places::Gazetteer& places() const { return *places_; }
  activities::Service& activities() { return *activities_; }
  auth::Service& auth() { return *auth_; }
  analytics::Engine& analytics() { return *analytics_; }
  plans::Service& plans() { return *plans_; }
  qa::Service& qa() { return *qa_; }

 private:
  Paths paths_;
  std::unique_ptr<store::Pool> pool_;
  std::unique_ptr<places::Gazetteer> places_;
  // Declared before the services it listens to, so that it outlives them.
  std::unique_ptr<analytics::Engine> analytics_;
  std::unique_ptr<analytics::Snapshot> approved_analytics_;  // approved months only
  std::unique_ptr<activities::Service> activities_;
  std::unique_ptr<auth::Service> auth_;
  std::unique_ptr<plans::Service> plans_;
  std::unique_ptr<qa::Service> qa_;
  api::Context ctx_;
  api::Router router_;
};

}  // namespace caunoi::app
