// activities/repository.h — the SQL of the activity log; nothing above it writes these tables.
//
// Every function runs on the caller's connection and inside the caller's transaction when there
// is one (the service opens them: one per form write, one per import). The unit-subtree filter
// is computed with the Gazetteer (both eras roll into today's territory) and handed to SQL as a
// JSON array of unit ids.
#pragma once

#include <functional>
#include <optional>
#include <vector>

#include "activities/activity.h"
#include "places/gazetteer.h"
#include "store/store.h"

namespace caunoi::activities::repo {

// Inserts (sets a.id). With skip_existing, an external_ref already stored makes it a no-op that
// returns false; otherwise a duplicate external_ref throws conflict "duplicate_external_ref".
bool insert(store::Connection& c, Activity& a, bool skip_existing = false);

// insert(c, a, /*skip_existing=*/true) for many rows in one transaction (the file import): one
// prepared statement, its values rewritten in place, so that a row costs no statement lookup and,
// once the buffers have grown, no allocation. Lives no longer than the connection.
class BulkInserter {
 public:
  explicit BulkInserter(store::Connection& c);
  // As insert(): sets a.id and returns true, or false when the external_ref is already stored.
  bool insert_or_skip(Activity& a);

 private:
  store::Connection& c_;
  store::Statement& st_;
  std::vector<store::Value> values_;
};
std::optional<Activity> get(store::Connection& c, int64_t id);
std::optional<int64_t> id_of_ref(store::Connection& c, const std::string& external_ref);
// Copies the stored version to history, then writes `a` as version+1. a.id must exist.
void update(store::Connection& c, Activity& a, const std::string& by);
// Copies the stored version to history, then marks it deleted as version+1.
void soft_delete(store::Connection& c, int64_t id, const std::string& by);
// Every superseded version, oldest first (the live one is get()).
std::vector<Activity> history(store::Connection& c, int64_t id);

struct ListResult {
  std::vector<Activity> items;
  int64_t total = 0;
};
// Newest first (date, then id).
ListResult list(store::Connection& c, const places::Gazetteer& g, const Filter& f, const Page& p);
// Every match, oldest first, for exports.
void each(store::Connection& c, const places::Gazetteer& g, const Filter& f,
          const std::function<void(const Activity&)>& fn);
// Live activities with id in [first, last], in id order (notifying listeners after an import).
void each_in_range(store::Connection& c, int64_t first, int64_t last,
                   const std::function<void(const Activity&)>& fn);
int64_t count_live(store::Connection& c);

}  // namespace caunoi::activities::repo
