// store/migrations.cpp — see migrations.h.
//
// Several servers may start at once on one PostgreSQL database, each applying the migrations: on
// PostgreSQL the whole run holds a session advisory lock, so that the second waits and then finds
// them applied, rather than creating the same tables twice. (A lock taken inside each migration's
// transaction would come too late: at SERIALIZABLE the transaction's snapshot is taken by that
// very statement, before the wait.) On SQLite, BEGIN IMMEDIATE already queues the writers.
#include "store/migrations.h"

#include <algorithm>
#include <vector>

#include "store/postgres.h"

namespace caunoi::store {

StartupLock::StartupLock(Connection& c) : c_(c), pg_(c.backend() == "postgresql") {
  if (pg_) c_.exec_script("SELECT pg_advisory_lock(" + std::string(kKey) + ")");
}

StartupLock::~StartupLock() {
  if (!pg_) return;
  try {
    c_.exec_script("SELECT pg_advisory_unlock(" + std::string(kKey) + ")");
  } catch (...) {  // a lost connection has dropped the lock with it
  }
}

static void ensure_table(Connection& c) {
  // citext is contrib's, shipped with the server and trusted since PostgreSQL 13: the database's
  // owner may create it. The DDL translation maps COLLATE NOCASE to it.
  if (c.backend() == "postgresql") c.exec_script("CREATE EXTENSION IF NOT EXISTS citext");
  c.exec_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " component TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
      " applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (component, version))");
}

int schema_version(Connection& c, const std::string& component) {
  {
    StartupLock lock(c);
    ensure_table(c);
  }
  return static_cast<int>(
      c.scalar("SELECT MAX(version) FROM schema_migrations WHERE component = ?", component)
          .value_or(0));
}

int apply_migrations(Connection& c, std::span<const Migration> migrations) {
  StartupLock lock(c);
  ensure_table(c);
  std::vector<Migration> todo(migrations.begin(), migrations.end());
  std::stable_sort(todo.begin(), todo.end(), [](const Migration& a, const Migration& b) {
    return std::string_view(a.component) < b.component ||
           (std::string_view(a.component) == b.component && a.version < b.version);
  });
  int applied = 0;
  for (const auto& m : todo) {
    Transaction tx(c);
    bool done = c.scalar("SELECT 1 FROM schema_migrations WHERE component = ? AND version = ?",
                         m.component, m.version)
                    .has_value();
    if (done) continue;  // tx rolls back an empty transaction
    if (c.backend() != "postgresql")
      c.exec_script(m.sql);
    else if (m.postgres_sql)
      c.exec_script(m.postgres_sql);
    else
      c.exec_script(postgres_ddl(m.sql));
    c.execute("INSERT INTO schema_migrations(component, version, name) VALUES (?, ?, ?)",
              m.component, m.version, m.name);
    tx.commit();
    ++applied;
  }
  return applied;
}

}  // namespace caunoi::store
