// store/migrations.cpp — see migrations.h.
#include "store/migrations.h"

#include <algorithm>
#include <vector>

namespace caunoi::store {

static void ensure_table(Connection& c) {
  c.exec_script(
      "CREATE TABLE IF NOT EXISTS schema_migrations ("
      " component TEXT NOT NULL, version INTEGER NOT NULL, name TEXT NOT NULL,"
      " applied_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP, PRIMARY KEY (component, version))");
}

int schema_version(Connection& c, const std::string& component) {
  ensure_table(c);
  return static_cast<int>(
      c.scalar("SELECT MAX(version) FROM schema_migrations WHERE component = ?", component)
          .value_or(0));
}

int apply_migrations(Connection& c, std::span<const Migration> migrations) {
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
    c.exec_script(m.sql);
    c.execute("INSERT INTO schema_migrations(component, version, name) VALUES (?, ?, ?)",
              m.component, m.version, m.name);
    tx.commit();
    ++applied;
  }
  return applied;
}

}  // namespace caunoi::store
