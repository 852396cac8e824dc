// audit/log.h — the audit trail: an append-only table (component "audit") whose rows SQLite
// triggers refuse to update or delete, so the application itself cannot rewrite history.
//
// Writes are recorded either by the API's after-dispatch hook (api/auth_guard.cpp: every
// successful or refused unsafe request, with the entity as it read before the change) or by
// explicit calls from services that know the exact before and after (users, approvals) — those
// run inside the same transaction as the change, so a change and its record land together.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/store.h"

namespace caunoi::audit {

struct Entry {
  int64_t id = 0;
  int64_t at = 0;  // unix seconds (UTC)
  int64_t user_id = 0;
  std::string username;  // "" = anonymous
  std::string remote;    // client address
  std::string action;    // "user.create", "approval.approve", "PUT /api/v1/activities/{id}"
  std::string entity;    // "user:7", "/api/v1/activities/12", "approval:10/2022-10"
  std::string unit_id;   // the unit the change concerns, if known
  int status = 200;      // HTTP status of the request (403 for refused attempts)
  std::string before;    // JSON text or ""
  std::string after;     // JSON text or ""
  std::string request;   // the request body with secrets masked, or ""
};

struct Filter {
  std::optional<int64_t> from, to;  // unix seconds, inclusive
  std::string username, action_prefix, entity_prefix, unit_id;
  int64_t limit = 100, offset = 0;
};

void migrate(store::Connection& c);
// Sets `at` to now when 0. Returns the new row id.
int64_t record(store::Connection& c, Entry e);
std::vector<Entry> query(store::Connection& c, const Filter& f);
int64_t count(store::Connection& c, const Filter& f);
// UTF-8 CSV with a header row in Vietnamese (opens in Excel).
std::string to_csv(const std::vector<Entry>& entries);

}  // namespace caunoi::audit
