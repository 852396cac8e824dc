// store/dialect.cpp — see dialect.h.
#include "store/dialect.h"

#include <string>

namespace caunoi::store {

bool table_exists(Connection& c, std::string_view name) {
  std::string sql =
      c.backend() == "postgresql"
          ? "SELECT 1 FROM pg_class WHERE relname = ? AND relkind IN ('r', 'p', 'v', 'm')"
            " AND pg_table_is_visible(oid)"
          : "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?";
  return c.scalar(sql, std::string(name)).has_value();
}

}  // namespace caunoi::store
