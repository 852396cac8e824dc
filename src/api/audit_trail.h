// api/audit_trail.h — the audit record of a request: what happened, not what a caller sent.
//
// A change keeps the stored entity as its route's loader read it before the change (the
// "before" image, from the service), the answer as its "after", and the request body with its
// secrets masked; a file upload keeps the file's name, size and SHA-256 instead of its bytes.
// A refused request of a signed-in user is kept with at most 4 KB of what it sent; a refused
// request of no one is only counted, so an anonymous client cannot fill the append-only table.
#pragma once

#include <cstdint>
#include <string>

#include "api/access.h"
#include "api/router.h"
#include "store/store.h"

namespace caunoi::api {

// The audit's account of an uploaded file (the raw body, see request_shape.h): its name, size and
// SHA-256, never its bytes.
std::string file_facts(const Request& r);

// Completes the request's actor once the guard knows who asks and what the request touches.
void fill_actor(Request& r, const RouteInfo& route, const Touch& t);

// Records the outcome of an unsafe request of an audited route (see auth_guard.cpp).
void record_request(store::Connection& c, const Request& r, const RouteInfo& route, const Touch& t,
                    const Response& res);

// An audit record of an action taken by `who` (explicitly audited routes: sign-in, users,
// approvals).
void audit_action(store::Connection& c, const Request& r, const auth::Principal* who,
                  std::string action, std::string entity, std::string before, std::string after,
                  int status = 200);

// Refused requests of no signed-in user since the server started (counted, not stored).
uint64_t refused_anonymous();

}  // namespace caunoi::api
