// tests/foundation/test_db.h — a temporary database prepared like the server's, shared by tests.
#pragma once

#include <filesystem>
#include <functional>
#include <random>
#include <string>

#include "app/bootstrap.h"
#include "app/runtime.h"
#include "audit/log.h"
#include "store/store.h"

namespace caunoi::testutil {

inline app::Paths test_paths() {
  app::Paths p;
  p.data_dir = std::filesystem::path(CAUNOI_SOURCE_DIR) / "data";
  p.web_dir = std::filesystem::path(CAUNOI_SOURCE_DIR) / "web" / "dist";
  return p;
}

// A fresh file name under the system temp dir; removed (with -wal/-shm) on destruction.
struct TempDb {
  std::string path;
  TempDb() {
    std::random_device rd;
    path =
        (std::filesystem::temp_directory_path() / ("caunoi-test-" + std::to_string(rd()) + ".db"))
            .string();
  }
  ~TempDb() {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(path + s);
  }
  TempDb(const TempDb&) = delete;
  TempDb& operator=(const TempDb&) = delete;

  // A database that has been through the server's start-up once (migrations, the units, the Q&A
  // bank), to copy from. Preparing one from nothing takes seconds under the sanitizers and ctest
  // runs every test in its own process, so the template is a file shared by the processes of one
  // build of one test binary (named after the binary's size and time), written whole under a
  // temporary name and renamed into place so that concurrent tests never see half of one.
  static std::string prepared_template() {
    namespace fs = std::filesystem;
    static const std::string path = [] {
      fs::path exe = fs::read_symlink("/proc/self/exe");
      auto stamp = fs::last_write_time(exe).time_since_epoch().count();
      std::string binary = "caunoi-template-" + std::to_string(std::hash<std::string>{}(exe)) + "-";
      std::string build = std::to_string(fs::file_size(exe)) + "-" + std::to_string(stamp);
      fs::path final_path = fs::temp_directory_path() / (binary + build + ".db");
      if (!fs::exists(final_path)) {
        TempDb fresh;
        {
          app::RuntimeOptions opt;
          opt.enforce_auth = false;
          app::Runtime rt(fresh.path, test_paths(), 1, opt);
        }
        TempDb whole;  // one file, no WAL beside it
        store::open_sqlite(fresh.path)->backup_to(whole.path);
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
    return path;
  }
  explicit TempDb(const std::string& from_template) : TempDb() {
    std::filesystem::copy_file(from_template, path);
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
