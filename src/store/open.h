// store/open.h — opens a database by the name given to --db: a PostgreSQL URL or keyword string
// goes to the PostgreSQL backend, anything else is a SQLite file (or ":memory:").
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/store.h"

namespace caunoi::store {

// postgresql://…, postgres://…, or a libpq keyword string ("host=db1 dbname=caunoi"): a name
// that starts with a keyword and "=". A SQLite file so named must be given as ./name.
bool is_postgres_name(std::string_view name);

// The name as logs may show it: a SQLite path as given, a PostgreSQL name as
// "postgresql://user@host:port/db", without its password.
std::string display_name(const std::string& name);

std::unique_ptr<Connection> open(const std::string& name, const OpenOptions& opt = {});

}  // namespace caunoi::store
