// app/runtime.cpp — see runtime.h.
#include "app/runtime.h"

namespace caunoi::app {

Runtime::Runtime(const std::string& db_path, Paths paths, int pool_size)
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
  ctx_.data_dir = paths_.data_dir;
  api::register_all_routes(router_, ctx_);
}

Runtime::~Runtime() {
  if (pool_) pool_->close_idle();
}

}  // namespace caunoi::app
