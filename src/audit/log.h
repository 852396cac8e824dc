// audit/log.h — the audit trail: an append-only table (component "audit") whose rows SQLite
// triggers refuse to update or delete, so the application itself cannot rewrite history.
//
// A change is recorded by the service that makes it, inside the change's own transaction
// (record_change with the Actor its caller handed over), so a change never lands without its
// record and a record that cannot be written undoes the change. The API's guard fills the Actor
// in for a request (who, from where, the route, the entity as it read before the change, what was
// sent); the CLI fills it in as "cli:<system user>". The guard itself records only refusals,
// which change nothing (api/auth_guard.cpp).
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

// Who makes a change, from where, and what they asked for; handed down to the service that makes
// it. One Actor stands for one request or one CLI command.
struct Actor {
  int64_t user_id = 0;
  std::string username;  // "cli:<system user>" for the command line
  std::string remote;
  std::string action;   // "PUT /api/v1/activities/{id}", "cli:import"
  std::string entity;   // "/api/v1/activities/12", a file name
  std::string unit_id;  // the unit the request named, if any
  std::string before;   // the entity as it read before the change (JSON), or ""
  std::string request;  // what was sent, secrets masked, or a file's facts
  // Set once a record of this actor's change is written, so that the request's guard knows the
  // change was recorded with it. Mutable: the record is written through a const Actor.
  mutable bool recorded = false;
};

// The actor of a command run from the shell by the system user running it.
Actor cli_actor(std::string action, std::string entity = "");

void migrate(store::Connection& c);
// Writes the record of `by`'s change with its after-image, on the connection of the change and
// inside its open write transaction: throws (logic_error) when no transaction is open, for a
// record written after its change committed could be lost while the change stays. `unit_id`
// overrides the actor's unit when the service knows the stored one.
void record_change(store::Connection& c, const Actor& by, std::string after,
                   std::string unit_id = "", int status = 200);
// Sets `at` to now when 0. Returns the new row id.
int64_t record(store::Connection& c, Entry e);
std::vector<Entry> query(store::Connection& c, const Filter& f);
int64_t count(store::Connection& c, const Filter& f);
// UTF-8 CSV with a header row in Vietnamese (opens in Excel).
std::string to_csv(const std::vector<Entry>& entries);

}  // namespace caunoi::audit
