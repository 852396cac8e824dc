// store/dialect.h — the questions whose SQL differs between SQLite and PostgreSQL, each answered
// once here so that domain code asks them in one way (see docs/scaling.md for what is still to
// move here).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "store/store.h"

namespace caunoi::store {

// Whether a table (or view) of that name exists: sqlite_master on SQLite, pg_class on PostgreSQL
// (one the connection's search path reaches).
bool table_exists(Connection& c, std::string_view name);

// A table of the database's own (not the engine's catalogue), as a whole-database copy needs it.
struct TableInfo {
  std::string name;
  std::vector<std::string> columns;     // in their declared order
  std::vector<bool> real;               // per column: holds floating-point numbers
  std::vector<std::string> references;  // tables its foreign keys point to
};
// Every table, those referenced before those that reference them, else by name.
std::vector<TableInfo> tables(Connection& c);

// "column IN (the texts of a JSON array bound as one parameter)": a list of any length in one
// prepared statement, without splicing values into SQL. json_each on SQLite,
// json_array_elements_text on PostgreSQL, there as "= ANY(ARRAY(…))": PostgreSQL plans
// "IN (SELECT <function>)" as a hash join over a scan of the whole table (it takes the function
// for 100 rows), but an array compared by ANY as a scan of the column's index.
std::string in_json_array(const Connection& c, std::string_view column);

// Runs `select` (a SELECT … FROM … without WHERE) for the rows whose `columns` equal one of
// `keys` (each a value per column), calling fn on each row found: a few hundred keys a
// statement, "WHERE ((a = ? AND b = ?) OR …)". Not "(a, b) IN (VALUES …)": SQLite takes row
// values only from a subquery, and PostgreSQL would type the VALUES' parameters as text, not as
// the columns' types; both engines plan this form as one index lookup per key.
void each_by_keys(Connection& c, const std::string& select, const std::vector<std::string>& columns,
                  const std::vector<std::vector<Value>>& keys,
                  const std::function<void(const Row&)>& fn);

// "text `needle` occurs in `haystack`" (both SQL expressions): instr on SQLite, strpos on
// PostgreSQL, which has no instr.
std::string contains(const Connection& c, std::string_view haystack, std::string_view needle);

// For the life of a bulk load on `c`: a page cache of `mib` MiB on SQLite (then back to its
// default), since with SQLite's 2 MB a large import re-reads and re-writes index pages all
// through its transaction. Nothing on PostgreSQL, whose buffers are the server's.
class BulkLoadCache {
 public:
  BulkLoadCache(Connection& c, int mib);
  ~BulkLoadCache();
  BulkLoadCache(const BulkLoadCache&) = delete;
  BulkLoadCache& operator=(const BulkLoadCache&) = delete;

 private:
  Connection& c_;
  bool sqlite_;
};

}  // namespace caunoi::store
