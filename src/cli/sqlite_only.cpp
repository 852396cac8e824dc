// cli/sqlite_only.cpp — the one refusal of commands that work on a SQLite file only (backup,
// restore, demo) when --db names a PostgreSQL database: PostgreSQL has its own tools for these.
#include "cli/commands.h"
#include "common/error.h"
#include "store/open.h"

namespace caunoi::cli {

void sqlite_only(const std::string& db, const std::string& instead) {
  if (store::is_postgres_name(db))
    throw invalid("sqlite_only", "Lệnh này chỉ dùng cho tệp SQLite; với PostgreSQL (" +
                                     store::display_name(db) + ") hãy " + instead + ".");
}

}  // namespace caunoi::cli
