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
};

// Returns the number of migrations applied now.
int apply_migrations(Connection& c, std::span<const Migration> migrations);
int schema_version(Connection& c, const std::string& component);

}  // namespace caunoi::store
