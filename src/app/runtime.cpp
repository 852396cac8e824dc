// app/runtime.cpp — see runtime.h.
#include "app/runtime.h"

#include "api/auth_guard.h"

namespace caunoi::app {

Runtime::Runtime(const std::string& db_path, Paths paths, int pool_size, RuntimeOptions opt)
    : paths_(std::move(paths)) {
  {
    auto c = open_database(db_path, paths_);
    places_ = std::make_unique<places::Gazetteer>(places::Gazetteer::load(*c));
    activities_ = std::make_unique<activities::Service>(*c, *places_);
  }
  pool_ =
      std::make_unique<store::Pool>([db_path] { return store::open_sqlite(db_path); }, pool_size);
  ctx_.pool = pool_.get();
  ctx_.places = places_.get();
  ctx_.activities = activities_.get();
  auth_ = std::make_unique<auth::Service>(*places_);
  ctx_.auth = auth_.get();
  ctx_.data_dir = paths_.data_dir;
  api::register_all_routes(router_, ctx_);
  if (opt.enforce_auth) api::install_auth_guard(router_, ctx_);
}

Runtime::~Runtime() {
  if (pool_) pool_->close_idle();
}

}  // namespace caunoi::app
