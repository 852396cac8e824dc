// app/runtime.cpp — see runtime.h.
#include "app/runtime.h"

#include "api/auth_guard.h"
#include "app/engines.h"
#include "store/migrations.h"
#include "store/open.h"

namespace caunoi::app {

Runtime::Runtime(const std::string& db_path, Paths paths, int pool_size, RuntimeOptions opt)
    : paths_(std::move(paths)) {
  {
    auto c = store::open(db_path);
    // Other servers starting on the same new database wait until this one has prepared it
    // (schema, units, the Q&A bank), then find it prepared.
    {
      store::StartupLock preparing(*c);
      prepare_database(*c, paths_);
      qa_ = qa::open_service(*c, paths_.data_dir);  // the Q&A bank: data/qa/kb.jsonl when empty
    }
    places_ = std::make_unique<places::Gazetteer>(places::Gazetteer::load(*c));
    activities_ = std::make_unique<activities::Service>(*c, *places_, opt.imports);
    // The aggregates are built from the database once, then kept current by both services.
    analytics_ = std::make_unique<analytics::Engine>(*places_);
    analytics_->load(*c);
    activities_->add_listener(analytics_.get());
    plans_ = std::make_unique<plans::Service>(*places_, analytics::target_indicator);
    plans_->add_listener(analytics_.get());
  }
  pool_ = std::make_unique<store::Pool>([db_path] { return store::open(db_path); }, pool_size);
  ctx_.pool = pool_.get();
  ctx_.places = places_.get();
  ctx_.activities = activities_.get();
  ctx_.analytics = analytics_.get();
  // Reports of approved data only: built from the database on first use after an approval
  // changed (approved months are locked, so nothing else can make it stale).
  approved_analytics_ = std::make_unique<analytics::Snapshot>([this] {
    auto lease = pool_->acquire();
    return std::shared_ptr<const analytics::Engine>(load_engine(*lease, *places_, true));
  });
  ctx_.approved_analytics = approved_analytics_.get();
  ctx_.plans = plans_.get();
  ctx_.qa = qa_.get();
  auth_ = std::make_unique<auth::Service>(*places_, opt.auth_clock);
  ctx_.auth = auth_.get();
  ctx_.data_dir = paths_.data_dir;
  api::register_all_routes(router_, ctx_);
  if (opt.enforce_auth) api::install_auth_guard(router_, ctx_);
}

void Runtime::warm_up() {
  approved_analytics_->refresh_in_background();
  qa_->train_eagerly();
}

Runtime::~Runtime() {
  if (approved_analytics_) approved_analytics_->wait_background();
  if (pool_) pool_->close_idle();
}

}  // namespace caunoi::app
