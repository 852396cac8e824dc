// activities/change_feed.h — what the activity log tells other servers through the change feed
// (changes/feed.h), and how a server reads it back into facts for its listeners.
//
// An entry names versions, not values: {"added":[[id,version],…],"removed":[[id,version],…]} for
// a form write, {"imported":[first,last]} for a file (its rows as version 1). The facts are read
// from the tables when the entry is applied, by version, so a later change of the same activity
// cannot leak into an earlier entry; and an import of a million rows stays a line in the log.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "activities/facts.h"
#include "store/store.h"

namespace caunoi::activities::feed {

inline constexpr const char* kActivities = "activities";  // a part name in change_log
inline constexpr const char* kReference = "reference";

using Version = std::pair<int64_t, int64_t>;  // (activity id, version)

// Appends the entry in the caller's transaction (changes::record).
void record_versions(store::Connection& c, const std::vector<Version>& added,
                     const std::vector<Version>& removed);
void record_import(store::Connection& c, int64_t first, int64_t last);
void record_reference(store::Connection& c, std::string_view list);

// Reads an entry's facts: removed ones first, then added ones (an update is a removal and an
// addition, as FactListener says). `added` may be called in batches of many facts.
void read(store::Connection& c, const std::string& payload,
          const std::function<void(const ActivityFact&)>& removed,
          const std::function<void(const ActivityFact&)>& added);

}  // namespace caunoi::activities::feed
