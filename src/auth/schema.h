// auth/schema.h — the tables of auth: users, sessions, API tokens, sign-in throttle (component
// "auth").
#pragma once

#include "store/store.h"

namespace caunoi::auth {

// Applies the auth migrations not yet applied.
void migrate(store::Connection& c);

}  // namespace caunoi::auth
