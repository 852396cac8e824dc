// app/runtime.h — everything a running caunoi holds: the connection pool, the gazetteer, the
// domain services and the router with every route. Built by `caunoi serve` and by the API tests
// (which call router().dispatch() without a socket). A part of the system that has a service
// adds a member here and constructs it in runtime.cpp, then fills its pointer in api::Context.
#pragma once

#include <condition_variable>
#include <memory>
#include <mutex>
#include <string>
#include <thread>

#include "activities/service.h"
#include "analytics/engine.h"
#include "analytics/snapshot.h"
#include "api/context.h"
#include "api/router.h"
#include "app/bootstrap.h"
#include "auth/service.h"
#include "changes/feed.h"
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
  // engine), on a background thread, and following the change feed every kFollowEvery.
  // `caunoi serve` calls it; in-process tests need not.
  void warm_up();
  // Applies what other servers and commands wrote since the last call (changes/feed.h) to what
  // this one holds in memory; returns how many entries. warm_up's thread calls it; tests may.
  size_t catch_up();
  static constexpr std::chrono::milliseconds kFollowEvery{200};
  // The name this server's connections write under (store::Connection::writer).
  const std::string& writer() const { return writer_; }

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
  void follow();  // warm_up's thread

  Paths paths_;
  const std::string writer_;
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

  // The change feed: one connection of its own, so that following never waits for the pool.
  std::mutex follow_m_;  // one catch_up at a time
  std::unique_ptr<store::Connection> follow_db_;
  std::unique_ptr<changes::Follower> follower_;
  bool qa_stale_ = false;  // the bank changed elsewhere; reloaded once per catch_up
  bool approved_stale_ = false;
  std::chrono::steady_clock::time_point pruned_{};
  std::mutex stop_m_;
  std::condition_variable stop_cv_;
  bool stopping_ = false;
  std::thread follow_thread_;
};

}  // namespace caunoi::app
