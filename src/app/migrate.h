// app/migrate.h — moving a whole caunoi database to another engine: `caunoi migrate --from
// caunoi.db --to postgresql://…` (docs/scaling.md). Every table of the source is copied in one
// transaction on the target, then counted and summed on both sides before it commits, so a run
// that is interrupted or finds a difference leaves the target as it found it.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "app/bootstrap.h"

namespace caunoi::app {

struct MovedTable {
  std::string name;
  int64_t rows = 0;
  uint64_t checksum = 0;  // the same on both sides, else nothing is kept
};

// Copies every table of `from` into `to`, both --db names, after bringing both to this build's
// schema. Refuses (Vietnamese, nothing written):
//   same_database    `from` and `to` name the same database;
//   db_missing       `from` does not exist (a SQLite file);
//   target_not_empty `to` already holds data other than what a new database starts with (the
//                    units, the reference lists): caunoi migrate runs once into a new database;
//   migrate_mismatch a table's count or checksum differs after the copy.
// `progress` hears each table as it is copied.
std::vector<MovedTable> migrate_database(
    const std::string& from, const std::string& to, const Paths& paths,
    const std::function<void(const std::string& table, int64_t rows)>& progress = {});

}  // namespace caunoi::app
