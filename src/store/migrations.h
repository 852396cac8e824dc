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

// Held while a server prepares its database (migrations, and what it writes into a new database:
// the units, the Q&A bank): on PostgreSQL a session advisory lock, so that servers starting at
// once on one new database prepare it one after another and the later ones find it prepared.
// Re-entrant on one connection (apply_migrations takes it too). Nothing on SQLite, where
// BEGIN IMMEDIATE already queues the writers.
class StartupLock {
 public:
  explicit StartupLock(Connection& c);
  ~StartupLock();
  StartupLock(const StartupLock&) = delete;
  StartupLock& operator=(const StartupLock&) = delete;

 private:
  static constexpr const char* kKey = "7302202619";  // any number, the same in every server
  Connection& c_;
  bool pg_;
};

// Returns the number of migrations applied now.
int apply_migrations(Connection& c, std::span<const Migration> migrations);
int schema_version(Connection& c, const std::string& component);

}  // namespace caunoi::store
