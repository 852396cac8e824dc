// tests/foundation/test_db.h — a temporary database prepared like the server's, shared by tests.
#pragma once

#include <filesystem>
#include <random>
#include <string>

#include "app/bootstrap.h"

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
};

}  // namespace caunoi::testutil
