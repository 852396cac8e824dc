// activities/audit_image.h — an activity as the audit trail keeps it: its stored codes and
// figures as JSON, not the labels of the day, so that a record still reads right after a
// reference list is renamed.
#pragma once

#include <string>

#include "activities/activity.h"

namespace caunoi::activities {

std::string audit_image(const Activity& a);

}  // namespace caunoi::activities
