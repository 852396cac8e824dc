// tests/foundation/test_db.h — a temporary database prepared like the server's, shared by tests.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <functional>
#include <memory>
#include <random>
#include <string>

#include "app/bootstrap.h"
#include "app/runtime.h"
#include "audit/log.h"
#include "pg_server.h"
#include "store/open.h"
#include "store/store.h"

namespace caunoi::testutil {

inline app::Paths test_paths() {
  app::Paths p;
  p.data_dir = std::filesystem::path(CAUNOI_SOURCE_DIR) / "data";
  p.web_dir = std::filesystem::path(CAUNOI_SOURCE_DIR) / "web" / "dist";
  return p;
}

// The engine the domain, API and kill tests run on: SQLite files unless CAUNOI_TEST_ENGINE is
// "postgresql" (ctest's *_pg entries set it), then databases on a throwaway PostgreSQL
// (tests/store/pg_server.h). The same tests, one code path, both engines.
inline bool on_postgres() {
  const char* e = std::getenv("CAUNOI_TEST_ENGINE");
  return e && std::string_view(e) == "postgresql";
}

// A fresh database: a file under the system temp dir (removed with -wal/-shm on destruction), or
// a database of its own on the test server (dropped on destruction). `path` is what --db takes.
struct TempDb {
  std::string path;
  std::unique_ptr<PgDatabase> pg;
  TempDb() {
    if (on_postgres()) {
      pg = std::make_unique<PgDatabase>();
      path = pg->url();
      return;
    }
    path = temp_file();
  }
  ~TempDb() {
    if (pg) return;
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;

  // A database that has been through the server's start-up once (migrations, the units, the Q&A
  // bank), to copy from. Preparing one from nothing takes seconds under the sanitizers and ctest
  // runs every test in its own process, so the template is shared by the processes of one build
  // of one test binary (named after the binary's size and time), made whole under a temporary
  // name and renamed into place so that concurrent tests never see half of one: a file, or on
  // PostgreSQL a template database.
  static std::string prepared_template() {
    namespace fs = std::filesystem;
    static const std::string name = [] {
      fs::path exe = fs::read_symlink("/proc/self/exe");
      auto stamp = fs::last_write_time(exe).time_since_epoch().count();
      // Short enough for a PostgreSQL name (63 bytes).
      std::hash<std::string> h;
      std::string binary = "caunoi_tpl_" + std::to_string(h(exe)) + "_";
      std::string build =
          std::to_string(h(std::to_string(fs::file_size(exe)) + "_" + std::to_string(stamp)));
      auto prepare = [](const std::string& db) {
        app::RuntimeOptions opt;
        opt.enforce_auth = false;
        app::Runtime rt(db, test_paths(), 1, opt);
      };
      if (on_postgres()) return PgDatabase::shared_template(binary, build, prepare);
      fs::path final_path = fs::temp_directory_path() / (binary + build + ".db");
      if (!fs::exists(final_path)) {
        TempDb fresh;
        prepare(fresh.path);
        TempDb whole;  // one file, no WAL beside it
        store::open(fresh.path)->backup_to(whole.path);
        std::error_code ec;
        fs::rename(whole.path, final_path, ec);  // another process may have won: same content
        // Templates of earlier builds of this binary are of no more use.
        for (const auto& f : fs::directory_iterator(fs::temp_directory_path(), ec))
          if (auto n = f.path().filename().string();
              n.starts_with(binary) && f.path() != final_path)
            fs::remove(f.path(), ec);
      }
      return final_path.string();
    }();
    return name;
  }
  // A copy of a prepared template (a file, or a template database's name).
  explicit TempDb(const std::string& from_template) {
    if (on_postgres()) {
      pg = std::make_unique<PgDatabase>(from_template);
      path = pg->url();
      return;
    }
    path = temp_file();
    std::filesystem::copy_file(from_template, path);
  }

 private:
  static std::string temp_file() {
    std::random_device rd;
    auto name = "caunoi-test-" + std::to_string(rd()) + ".db";
    return (std::filesystem::temp_directory_path() / name).string();
  }
};

// The actor of a test's writes (audit/log.h): an account's name, "test" by default.
inline audit::Actor by(std::string username = "test") {
  audit::Actor a;
  a.username = std::move(username);
  return a;
}

inline TempDb prepared_db() {
  return TempDb(TempDb::prepared_template());
}

}  // namespace caunoi::testutil
