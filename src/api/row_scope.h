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
#include "approval/approval.h"
#include "auth/policy.h"
#include "places/gazetteer.h"

namespace caunoi::api {

class RowScope {
 public:
  // The user is the guard's principal of `q`; method and pattern name the route's rule.
  RowScope(const Request& q, const places::Gazetteer& g, const std::string& method,
           const std::string& pattern);
  // Nothing if the user may write data of `unit_id`, else the Vietnamese reason.
  std::optional<std::string> refusal(const std::string& unit_id);

 private:
  const places::Gazetteer& g_;
  std::optional<auth::Principal> who_;
  const auth::Rule* rule_ = nullptr;
  std::unordered_map<std::string, std::optional<std::string>> seen_;
};

// The two checks every imported row goes through: the user's unit scope, then the approved
// months (approval::LockCache). `date` empty: no lock check (plans' targets are yearly plans).
class RowGuard {
 public:
  RowGuard(const Request& q, const places::Gazetteer& g, const std::string& pattern)
      : g_(g), scope_(q, g, "POST", pattern) {}
  // The refusal as a field error named unit_field or date_field, or nothing.
  std::optional<FieldError> check(store::Connection& c, const std::string& unit_id,
                                  std::optional<Date> date, const char* unit_field,
                                  const char* date_field);

 private:
  const places::Gazetteer& g_;
  RowScope scope_;
  approval::LockCache locks_;
};

}  // namespace caunoi::api
