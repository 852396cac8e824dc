// approval/approval.h — reported months go up level by level, and approved ones stop changing.
//
// A unit submits a month ("2025-10") of its data; staff of a unit above it (its parent or higher;
// a commune's province, a province's centre) approve it or return it with a reason. An approved
// (unit, month) is locked: ensure_unlocked() refuses edits and imports dated in that month for
// the unit and everything within it. Reopening (with a reason) needs the approving level too.
// Every transition is written to the audit log in the same transaction as the change. The staff
// of a unit are told of the decisions on its months (notices), and what each has read is kept.
//
//   none/returned/reopened --submit--> submitted --approve--> approved --reopen--> reopened
//                                       submitted --return--> returned
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "auth/user.h"
#include "common/date.h"
#include "places/gazetteer.h"
#include "store/store.h"

namespace caunoi::approval {

struct Record {
  std::string unit_id;
  std::string period;  // "YYYY-MM"
  std::string state;   // submitted | approved | returned | reopened
  std::string submitted_by;
  int64_t submitted_at = 0;
  std::string decided_by;  // who approved, returned or reopened last
  int64_t decided_at = 0;
  std::string reason;  // of a return or reopening
};

// Who acts and from where, for the checks and the audit record.
struct Actor {
  const auth::Principal& who;
  std::string remote;
};

void migrate(store::Connection& c);

// The part's name in the change feed (changes/feed.h): an entry per step, naming unit and month,
// after which other servers rebuild what they hold of approved data.
inline constexpr const char* kFeedPart = "approval";

// Each runs in its own transaction (call it outside one). Errors: invalid_input "bad_period",
// conflict "approval_state" (wrong state for the step), forbidden "approval_level".
Record submit(store::Connection& c, const places::Gazetteer& g, const Actor& a,
              const std::string& unit_id, const std::string& period);
Record approve(store::Connection& c, const places::Gazetteer& g, const Actor& a,
               const std::string& unit_id, const std::string& period);
Record send_back(store::Connection& c, const places::Gazetteer& g, const Actor& a,
                 const std::string& unit_id, const std::string& period, const std::string& reason);
Record reopen(store::Connection& c, const places::Gazetteer& g, const Actor& a,
              const std::string& unit_id, const std::string& period, const std::string& reason);

std::optional<Record> get(store::Connection& c, const std::string& unit_id,
                          const std::string& period);
// Records of units within `unit_id` (today's territory), optionally of one month.
std::vector<Record> list(store::Connection& c, const places::Gazetteer& g,
                         const std::string& unit_id, const std::string& period = "");

// Notices: the decisions of the level above (approved, returned) on the months of `u`'s own unit
// made in the last `days` days that `u` has not marked seen; newest first. Older decisions are
// history, not news: a new account is not greeted with years of them.
inline constexpr int kNoticeDays = 60;
std::vector<Record> notices(store::Connection& c, const auth::User& u, int days = kNoticeDays);
// Marks the notice of a decision (its unit_id, period, state and decided_at) seen for `u` alone;
// marking it again changes nothing. Errors: forbidden "notice_scope" for another unit's month
// (one marks only one's own notices), invalid_input "bad_period", not_found "notice_not_found"
// when the month's decision is not that one (decided again since, or never).
void mark_seen(store::Connection& c, const auth::User& u, const Record& notice);

// The approved (unit, month) that covers data of `unit_id` dated `date`: the unit itself or a
// unit it lies within (today's territory, so data of an old unit is locked by its successor).
std::optional<Record> lock_covering(store::Connection& c, const places::Gazetteer& g,
                                    const std::string& unit_id, Date date);
// Throws locked "period_locked" (HTTP 423) if lock_covering finds one. Activities and plans call
// this before every create, update, delete and import row.
void ensure_unlocked(store::Connection& c, const places::Gazetteer& g, const std::string& unit_id,
                     Date date);

// Every approved (unit, month) at one moment, for deciding about many rows at once (reports of
// approved data only read every fact): the same rule as lock_covering without a query per row.
class ApprovedMonths;

// For checking many rows of one import: loads the approved months once (on first use, through
// the caller's connection, so inside the import's transaction) and remembers the answer per
// (unit, month). refusal() gives ensure_unlocked's Vietnamese message for a locked row.
class LockCache {
 public:
  std::optional<std::string> refusal(store::Connection& c, const places::Gazetteer& g,
                                     const std::string& unit_id, Date date);

 private:
  std::shared_ptr<const ApprovedMonths> approved_;
  std::map<std::pair<std::string, int>, std::optional<std::string>> seen_;
};

class ApprovedMonths {
 public:
  static ApprovedMonths load(store::Connection& c);
  bool covers(const places::Gazetteer& g, const std::string& unit_id, Date date) const;
  bool empty() const { return approved_.empty(); }

 private:
  std::set<std::pair<std::string, std::string>> approved_;  // (unit id, "YYYY-MM")
};

}  // namespace caunoi::approval
