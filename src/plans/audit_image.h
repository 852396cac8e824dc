// plans/audit_image.h — targets and results as the audit trail keeps them: the stored codes and
// values as JSON, one object for one record, {"count", "targets"|"results": [the first 100]} for a
// batch or a file.
#pragma once

#include <string>
#include <vector>

#include "plans/model.h"

namespace caunoi::plans {

std::string targets_image(const std::vector<Target>& ts);
std::string results_image(const std::vector<ResultRecord>& rs);

}  // namespace caunoi::plans
