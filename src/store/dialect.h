// store/dialect.h — the questions whose SQL differs between SQLite and PostgreSQL, each answered
// once here so that domain code asks them in one way (see docs/scaling.md for what is still to
// move here).
#pragma once

#include <string_view>

#include "store/store.h"

namespace caunoi::store {

// Whether a table (or view) of that name exists: sqlite_master on SQLite, pg_class on PostgreSQL
// (one the connection's search path reaches).
bool table_exists(Connection& c, std::string_view name);

}  // namespace caunoi::store
