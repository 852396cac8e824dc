// activities/facts.h — the activity log as analytics reads it.
//
// Analytics (src/analytics) does not read the activities tables; it receives ActivityFact values:
// all of them once at start through scan_facts(), then every change through a FactListener that
// the activities service notifies after each committed write. The codes are the stable codes of
// the reference lists (see activities/reference.h).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "common/date.h"
#include "store/store.h"

namespace caunoi::activities {

struct ActivityFact {
  int64_t id = 0;
  std::string unit_id;  // where it happened: a places::Unit id, old or current ("old:04270")
  Date date;            // first day (activities spanning a range count on their first day)
  std::string kind;     // "conference", "small_group", "loudspeaker", "online_post", ...
  std::string channel;  // "" or "facebook", "zalo", "portal", "tv", "radio", "print_press"...
  std::vector<std::string> groups, topics, languages;
  std::vector<std::pair<std::string, int64_t>> figures;  // ("events", 1), ("attendees", 120)...
};

// Every live (not deleted) activity, in id order.
void scan_facts(store::Connection& c, const std::function<void(const ActivityFact&)>& fn);
// Activity `id` as it was at `version` (none if that version was deleted or never existed), and
// the activities an import wrote with ids [first, last] as the import wrote them (version 1),
// whatever became of them since: what another server's change feed entry names.
std::optional<ActivityFact> fact_at(store::Connection& c, int64_t id, int64_t version);
void scan_imported_facts(store::Connection& c, int64_t first, int64_t last,
                         const std::function<void(const ActivityFact&)>& fn);

class FactListener {
 public:
  virtual ~FactListener() = default;
  // Called after commit. An update is a removal of the old fact followed by an addition.
  virtual void on_added(const ActivityFact& f) = 0;
  virtual void on_removed(const ActivityFact& f) = 0;
};

}  // namespace caunoi::activities
