// store/sqlite_row_source.h — Connection::insert_rows for SQLite: a table-valued function,
// caunoi_rows(?), that reads a store::RowSource handed to it as a bound pointer, so that
// "INSERT INTO t(...) SELECT c0, c1, ... FROM caunoi_rows(?)" loads any number of rows with one
// statement (the pattern of SQLite's carray extension). Private to the SQLite backend.
#pragma once

#include <sqlite3.h>

#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace caunoi::store::sqlite_rows {

// Makes caunoi_rows available on `db`; once per connection.
void register_module(sqlite3* db);

// See Connection::insert_rows. Throws caunoi::Error on a database error, and rethrows what
// rows.next() threw.
int64_t insert(sqlite3* db, std::string_view table, const std::vector<std::string>& columns,
               std::string_view tail, RowSource& rows);

}  // namespace caunoi::store::sqlite_rows
