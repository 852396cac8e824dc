// common/project_dirs.cpp — see project_dirs.h.
#include "common/project_dirs.h"

#include <cstdlib>

namespace caunoi {
namespace fs = std::filesystem;

fs::path project_dir(const char* env, const fs::path& rel) {
  if (const char* v = std::getenv(env); v && *v) return fs::path(v);
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    fs::path beside = exe.parent_path().parent_path() / rel;
    if (fs::exists(beside, ec)) return beside;
  }
  return fs::current_path() / rel;
}

fs::path data_dir() {
  return project_dir("CAUNOI_DATA_DIR", "data");
}

}  // namespace caunoi
