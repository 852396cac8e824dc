// api/scope.h — the units a request touches and the units an answer returns, read only through
// the route's declaration (access.h) and only from the parsed request (request_shape.h).
//
// A unit is named by a string or an integer (Excel and scripts send 15 for "15"); anything else
// where a unit belongs (an array, an object, true, 1.5) is refused, since no one can say which
// unit it means. The same reading serves the handlers (unit_text), so the guard and the handler
// cannot disagree on what a field names.
#pragma once

#include <optional>
#include <string>

#include "api/access.h"
#include "api/router.h"
#include "auth/policy.h"
#include "places/gazetteer.h"
#include "store/store.h"

namespace caunoi::api {

// The unit a JSON value names: a string as it is, an integer in decimal; nullopt for null or "".
// Throws invalid_input "bad_unit" for any other value, naming `field`.
std::optional<std::string> unit_text(const boost::json::value& v, std::string_view field);

// What the request itself names, by the route's declaration (query and body units, batch items,
// dated units) and by the usual unit keys (Touch::named).
Touch touch_of(const Request& r, const Access& a);
// Adds the stored entity the route's loader finds (nothing without a loader).
void add_stored(store::Connection& c, const Request& r, const Params& params, const Access& a,
                Touch& t);

// For a scoped user, refuses (forbidden "forbidden_unit") an answer when a record it returns lies
// outside the user's unit, or when a record's unit cannot be told. Records are the objects, at
// any depth, that carry one of `a.returns` (the answer itself, the items of its lists, nested
// lists too); an object in a list without any of them, or an answer with neither records nor
// lists, cannot be told. JSON answers only: files are bounded by the query's unit.
void check_returned(const Response& res, const Access& a, const auth::Principal& who,
                    const places::Gazetteer& g);

}  // namespace caunoi::api
