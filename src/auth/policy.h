// auth/policy.h — the one table that says what every route does and who may do it.
//
// A route is named by its method and the router pattern it was registered with
// ("PUT /api/v1/activities/{id}"). The table maps it to an Action (roles.h) and says whether the
// action is limited to a unit: then the request's units (query "unit", JSON "unit_id", the stored
// entity's unit...; collected by api/auth_guard.cpp) must all lie within the user's unit for
// scoped roles. A request that names no unit stands for the whole country ("VN").
//
// Entries ending in "*" match every pattern with that prefix; an exact entry wins over a prefix
// and a longer prefix over a shorter one. A route in no entry is an admin-only route, so an
// endpoint added without a policy line is closed, never silently open.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "auth/roles.h"
#include "auth/user.h"
#include "places/gazetteer.h"

namespace caunoi::auth {

struct Rule {
  std::string_view method;   // "GET", "POST", "PUT", "DELETE" or "*"
  std::string_view pattern;  // router pattern, or a prefix ending in '*'
  Action action;
  bool scoped;  // the units the request touches must lie within the user's unit
};

std::span<const Rule> rules();
// The rule for a route; nullptr if none (admins only). HEAD is looked up as GET.
const Rule* find_rule(std::string_view method, std::string_view pattern);

// Throws unauthenticated "login_required" when no one is signed in and the rule needs someone,
// forbidden "forbidden_role" when the role lacks the action, forbidden "forbidden_unit" when a
// unit lies outside the user's subtree, not_found "unit_not_found" for an unknown unit.
// `units` empty means the whole country.
void authorize(const Principal* who, const Rule* rule, const std::vector<std::string>& units,
               const places::Gazetteer& g);

}  // namespace caunoi::auth
