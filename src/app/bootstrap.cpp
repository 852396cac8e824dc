// app/bootstrap.cpp — see bootstrap.h. Each part's migrations are listed here, in one place.
#include "app/bootstrap.h"

#include <unistd.h>

#include <cstdlib>

#include "activities/schema.h"
#include "approval/approval.h"
#include "audit/log.h"
#include "auth/schema.h"
#include "places/install.h"
#include "plans/schema.h"
#include "qa/repository.h"
#include "store/migrations.h"
#include "store/open.h"

namespace caunoi::app {
namespace fs = std::filesystem;

Paths locate() {
  Paths p;
  fs::path exe_root;
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) exe_root = exe.parent_path().parent_path();
  auto pick = [&](const char* env, const fs::path& rel) {
    if (const char* v = std::getenv(env); v && *v) return fs::path(v);
    if (!exe_root.empty() && fs::exists(exe_root / rel)) return exe_root / rel;
    return fs::current_path() / rel;
  };
  p.data_dir = pick("CAUNOI_DATA_DIR", "data");
  p.web_dir = pick("CAUNOI_WEB_DIR", fs::path("web") / "dist");
  return p;
}

void prepare_database(store::Connection& c, const Paths& paths) {
  places::install(c, paths.data_dir);
  store::apply_migrations(c, activities::migrations());
  auth::migrate(c);
  audit::migrate(c);
  approval::migrate(c);
  store::apply_migrations(c, plans::migrations());
  qa::apply_qa_migrations(c);
}

std::unique_ptr<store::Connection> open_database(const std::string& path, const Paths& paths) {
  auto c = store::open(path);
  prepare_database(*c, paths);
  return c;
}

}  // namespace caunoi::app
