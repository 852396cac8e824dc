// app/bootstrap.cpp — see bootstrap.h. Each part's migrations are listed here, in one place.
#include "app/bootstrap.h"

#include "activities/schema.h"
#include "approval/approval.h"
#include "audit/log.h"
#include "auth/schema.h"
#include "changes/feed.h"
#include "common/project_dirs.h"
#include "places/install.h"
#include "plans/schema.h"
#include "qa/repository.h"
#include "store/migrations.h"
#include "store/open.h"

namespace caunoi::app {
namespace fs = std::filesystem;

Paths locate() {
  Paths p;
  p.data_dir = data_dir();
  p.web_dir = project_dir("CAUNOI_WEB_DIR", fs::path("web") / "dist");
  return p;
}

void prepare_database(store::Connection& c, const Paths& paths) {
  places::install(c, paths.data_dir);
  changes::migrate(c);
  store::apply_migrations(c, activities::migrations());
  auth::migrate(c);
  audit::migrate(c);
  approval::migrate(c);
  store::apply_migrations(c, plans::migrations());
  qa::apply_qa_migrations(c);
}

std::unique_ptr<store::Connection> open_database(const std::string& path, const Paths& paths) {
  auto c = store::open(path);
  store::StartupLock preparing(*c);
  prepare_database(*c, paths);
  return c;
}

}  // namespace caunoi::app
