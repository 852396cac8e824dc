// api/row_scope.cpp — see row_scope.h.
#include "api/row_scope.h"

namespace caunoi::api {

RowScope::RowScope(const Request& q, const places::Gazetteer& g, const std::string& method,
                   const std::string& pattern)
    : g_(g), who_(q.who), rule_(auth::find_rule(method, pattern)) {}

std::optional<std::string> RowScope::refusal(const std::string& unit_id) {
  if (!who_) return std::nullopt;
  auto it = seen_.find(unit_id);
  if (it == seen_.end()) {
    std::optional<std::string> reason;
    try {
      auth::authorize(&*who_, rule_, {unit_id}, g_);
    } catch (const Error& e) {
      reason = e.message();
    }
    it = seen_.emplace(unit_id, std::move(reason)).first;
  }
  return it->second;
}

std::optional<FieldError> RowGuard::check(store::Connection& c, const std::string& unit_id,
                                          std::optional<Date> date, const char* unit_field,
                                          const char* date_field) {
  if (auto refused = scope_.refusal(unit_id)) return FieldError{unit_field, *refused, 0};
  if (date)
    if (auto locked = locks_.refusal(c, g_, unit_id, *date))
      return FieldError{date_field, *locked, 0};
  return std::nullopt;
}

}  // namespace caunoi::api
