// api/json_util.h — small conversions shared by route handlers: a unit or period as JSON, and
// typed reads from request JSON with Vietnamese errors.
#pragma once

#include <boost/json.hpp>
#include <optional>
#include <string>

#include "api/router.h"
#include "periods/period.h"
#include "places/gazetteer.h"

namespace caunoi::api {

boost::json::object unit_json(const places::Gazetteer& g, const places::Unit& u);
boost::json::object period_json(const periods::Period& p);

// Reads the "period" query parameter (or another name); throws bad_period when malformed or
// missing_parameter when absent and required.
periods::Period period_param(const Request& r, const std::string& name = "period");
// Reads a required query parameter; throws invalid_input "missing_parameter".
std::string required_param(const Request& r, const std::string& name);

}  // namespace caunoi::api
