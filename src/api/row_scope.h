// api/row_scope.h — the unit scope of the signed-in user, applied to each row of an imported
// file. The guard (auth_guard.h) sees only the units a request names; a file names its units row
// by row, so importers ask this for every row. Same decision as the guard (auth::authorize, old
// units by today's territory), remembered per unit. Without a signed-in user (enforcement off
// in in-process tests) every unit passes.
#pragma once

#include <optional>
#include <string>
#include <unordered_map>

#include "api/router.h"
#include "auth/policy.h"
#include "places/gazetteer.h"

namespace caunoi::api {

class RowScope {
 public:
  // `params` are the guard's (_user, _role, _unit); method and pattern name the route's rule.
  RowScope(const Params& params, const places::Gazetteer& g, const std::string& method,
           const std::string& pattern);
  // Nothing if the user may write data of `unit_id`, else the Vietnamese reason.
  std::optional<std::string> refusal(const std::string& unit_id);

 private:
  const places::Gazetteer& g_;
  std::optional<auth::Principal> who_;
  const auth::Rule* rule_ = nullptr;
  std::unordered_map<std::string, std::optional<std::string>> seen_;
};

}  // namespace caunoi::api
