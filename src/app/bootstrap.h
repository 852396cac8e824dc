// app/bootstrap.h — the composition root: where the data files are, and a database prepared
// with the schema of every part. Used by the CLI commands and the tests; nothing below uses it.
#pragma once

#include <filesystem>
#include <memory>

#include "store/store.h"

namespace caunoi::app {

struct Paths {
  std::filesystem::path data_dir;  // data/ (units, GeoJSON, Q&A bank, demo inputs)
  std::filesystem::path web_dir;   // web/dist (may not exist)
};

// CAUNOI_DATA_DIR / CAUNOI_WEB_DIR if set; else next to the binary (build/caunoi → ../data);
// else the current directory's data/ and web/dist.
Paths locate();

// Opens (creating if needed) a database by its --db name (store::open) and applies every part's migrations, then loads
// the administrative units once. Safe to call on every start.
std::unique_ptr<store::Connection> open_database(const std::string& path, const Paths& paths);
void prepare_database(store::Connection& c, const Paths& paths);

}  // namespace caunoi::app
