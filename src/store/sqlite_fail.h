// store/sqlite_fail.h — turns the error on a SQLite handle into caunoi::Error (constraint →
// conflict, busy/locked → db_busy, else db_error). Private to the SQLite backend's files.
#pragma once

#include <sqlite3.h>

#include <string_view>

namespace caunoi::store {

[[noreturn]] void fail(sqlite3* db, std::string_view what);

}  // namespace caunoi::store
