// http/static_files.h — serves the built front end (web/dist) from memory-safe file reads.
// Paths are confined to the root (no "..", no symlinks out); unknown paths without a file
// extension get index.html so that client-side routes (/hoat-dong, /bao-cao) load the app.
#pragma once

#include <filesystem>
#include <string>

#include "api/router.h"

namespace caunoi::http {

class StaticFiles {
 public:
  explicit StaticFiles(std::filesystem::path root);
  bool empty() const { return root_.empty(); }
  api::Response serve(const std::string& path) const;

 private:
  std::filesystem::path root_;
};

}  // namespace caunoi::http
