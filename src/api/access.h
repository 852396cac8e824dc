// api/access.h — what a route declares about the data it touches, and what one request touched.
//
// Every route says where its units come from (query parameters, typed body fields, the items of
// a batch, the stored entity it addresses), which fields date a change (for the approved-month
// lock), and which fields of its answer name the units of what it returns. The guard
// (auth_guard.h) reads the request only through these declarations, on the same parsed body the
// handler reads, so the shape of a request (whitespace before the body, a number for a code, the
// unit in the query but not the body) cannot slip a unit past it. A write of a scoped rule whose
// units come from nowhere is refused: deny by default.
#pragma once

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "common/date.h"

namespace caunoi::store {
class Connection;
}

namespace caunoi::api {

struct Request;
using Params = std::map<std::string, std::string>;

// What one request touches, as its route's declaration finds it.
struct Touch {
  std::vector<std::string> units;  // the units the route declares: named by it, or stored
  // Units named anywhere a unit is usually named (query "unit", body "place"…), declared or
  // not: a request that names a foreign unit is refused even where its handler ignores it.
  std::vector<std::string> named;
  std::vector<std::pair<std::string, Date>> dated;  // (unit, day) pairs under the month lock
  std::string before;                               // the stored entity (JSON) for the audit
  std::string file;  // an upload as the audit keeps it: name, size, SHA-256 (JSON)
};

// Loads what a request addresses in the database (through its domain service): adds the stored
// entity's units, dated units and JSON image to `t`. Throws not_found when the entity is not
// there, as the handler would (the guard then never lets a later-created entity through).
using StoredLoader =
    std::function<void(store::Connection&, const Request&, const Params&, Touch& t)>;

struct Access {
  std::vector<std::string> query;  // query parameters that name a unit
  std::vector<std::string> body;   // body fields that name a unit (a string or an integer)
  std::string batch;               // a body array whose object items name units by `body`
  std::vector<std::string> dates;  // body (and batch item) fields dating the change;
                                   // "period" stands for its last day
  bool query_dated = false;        // the query's unit and period date the change (DELETE by query)
  StoredLoader stored;             // the stored entity, for paths such as /activities/{id}
  std::vector<std::string> returns;  // fields naming the unit of each record in the answer
  bool upload = false;  // the body is a file (multipart or raw), checked row by row by the import
};

// Builders for the usual declarations, so route files read as one line each.
inline Access body_units(std::vector<std::string> fields, std::vector<std::string> dates = {}) {
  Access a;
  a.body = std::move(fields);
  a.dates = std::move(dates);
  return a;
}
inline Access query_units(std::vector<std::string> params = {"unit"}) {
  Access a;
  a.query = std::move(params);
  return a;
}

}  // namespace caunoi::api
