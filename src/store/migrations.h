// store/migrations.h — schema changes as data, recorded in the table schema_migrations.
//
// Each part of the system owns its tables and lists its migrations under its own component name
// ("places", "activities", ...). Versions count up from 1 within a component. apply() runs the
// ones not yet recorded, each in its own transaction, so a crash leaves the schema at a version
// boundary. A migration that was applied is never edited: add a new one.
#pragma once

#include <span>
#include <string>

#include "store/store.h"

namespace caunoi::store {

struct Migration {
  const char* component;
  int version;
  const char* name;
  const char* sql;
  // The text for PostgreSQL where `sql` says what its DDL translation (store::postgres_ddl: types,
  // numbered keys) cannot: triggers, collations, SQLite's functions. Null: sql, translated.
  const char* postgres_sql = nullptr;
};

// Returns the number of migrations applied now.
int apply_migrations(Connection& c, std::span<const Migration> migrations);
int schema_version(Connection& c, const std::string& component);

}  // namespace caunoi::store
