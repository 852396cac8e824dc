// plans/schema.cpp — see schema.h. One row per target, one row per (unit, period, measure,
// group) result; as_of (ISO date of the period's last day) orders results in time.
#include "plans/schema.h"

namespace caunoi::plans {
namespace {

constexpr store::Migration kMigrations[] = {
    {"plans", 1, "targets and participation results",
     "CREATE TABLE plan_targets ("
     " id INTEGER PRIMARY KEY, unit_id TEXT NOT NULL, year INTEGER NOT NULL,"
     " indicator TEXT NOT NULL, grp TEXT NOT NULL DEFAULT '', value REAL NOT NULL,"
     " note TEXT NOT NULL DEFAULT '', updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
     " UNIQUE (unit_id, year, indicator, grp));"
     "CREATE INDEX plan_targets_year ON plan_targets(year);"
     "CREATE TABLE participation_results ("
     " id INTEGER PRIMARY KEY, unit_id TEXT NOT NULL, period TEXT NOT NULL, as_of TEXT NOT NULL,"
     " measure TEXT NOT NULL, grp TEXT NOT NULL DEFAULT '', value INTEGER NOT NULL,"
     " updated_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP,"
     " UNIQUE (unit_id, period, measure, grp));"
     "CREATE INDEX participation_results_asof ON participation_results(as_of);"},
};

}  // namespace

std::span<const store::Migration> migrations() {
  return kMigrations;
}

}  // namespace caunoi::plans
