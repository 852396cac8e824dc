// store/postgres.h — the PostgreSQL backend of store.h, on libpq. Domain code does not include it:
// store/open.h opens either engine by name.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "store/store.h"

namespace caunoi::store {

// Opens a connection by a libpq name: a URL (postgresql://user:pw@host:port/db) or a keyword
// string ("host=… dbname=…"). OpenOptions::busy_timeout_ms becomes the session's lock_timeout,
// read_only its default_transaction_read_only. Errors (Vietnamese, password never shown):
// db_unreachable, db_auth_failed, db_not_found, db_url_invalid.
std::unique_ptr<Connection> open_postgres(const std::string& name, const OpenOptions& opt = {});

// SQL with its "?" placeholders numbered $1, $2, … — those outside string literals, quoted
// names and comments. `count` receives how many there were.
std::string number_placeholders(std::string_view sql, int* count = nullptr);

}  // namespace caunoi::store
