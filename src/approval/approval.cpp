// approval/approval.cpp — see approval.h.
#include "approval/approval.h"

#include <boost/json.hpp>
#include <chrono>

#include "audit/log.h"
#include "changes/feed.h"
#include "common/error.h"
#include "store/migrations.h"

namespace caunoi::approval {
namespace {

constexpr store::Migration kMigrations[] = {
    {"approval", 1, "period approvals", R"sql(
CREATE TABLE period_approvals (
  unit_id TEXT NOT NULL,
  period TEXT NOT NULL,
  state TEXT NOT NULL,
  submitted_by TEXT NOT NULL DEFAULT '',
  submitted_at INTEGER NOT NULL DEFAULT 0,
  decided_by TEXT NOT NULL DEFAULT '',
  decided_at INTEGER NOT NULL DEFAULT 0,
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (unit_id, period)
);
CREATE INDEX period_approvals_period ON period_approvals(period, state);
)sql"},
    // The notices a user has read, on the server so that one read on one computer is read on
    // every other: a notice is a decision (unit, month, state, when), so a month decided again
    // makes a new one. Not audited: it records what someone read, not a change of data.
    {"approval", 2, "approval notices seen", R"sql(
CREATE TABLE approval_notices_seen (
  user_id INTEGER NOT NULL,
  unit_id TEXT NOT NULL,
  period TEXT NOT NULL,
  state TEXT NOT NULL,
  decided_at INTEGER NOT NULL,
  seen_at INTEGER NOT NULL,
  PRIMARY KEY (user_id, unit_id, period, state, decided_at)
);
)sql"},
};

int64_t now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string month_vi(const std::string& period) {
  return "tháng " + std::to_string(std::stoi(period.substr(5, 2))) + "/" + period.substr(0, 4);
}

void check_period(const std::string& period) {
  bool ok = period.size() == 7 && period[4] == '-' &&
            Date::valid(std::atoi(period.substr(0, 4).c_str()),
                        std::atoi(period.substr(5, 2).c_str()), 1) &&
            period.find_first_not_of("0123456789-") == std::string::npos;
  if (!ok)
    throw invalid("bad_period", "Kỳ báo cáo phải là một tháng dạng YYYY-MM, ví dụ 2025-10.",
                  {{"period", "Kỳ báo cáo phải có dạng YYYY-MM.", 0}});
}

std::string to_json(const std::optional<Record>& r) {
  if (!r) return "";
  return boost::json::serialize(boost::json::object{{"unit_id", r->unit_id},
                                                    {"period", r->period},
                                                    {"state", r->state},
                                                    {"submitted_by", r->submitted_by},
                                                    {"decided_by", r->decided_by},
                                                    {"reason", r->reason}});
}

// The state as the user reads it (the web app's "Duyệt số liệu tháng" page shows these words).
std::string state_vi(const std::optional<Record>& r) {
  if (!r || r->state.empty()) return "chưa gửi";
  if (r->state == "submitted") return "đã gửi, chờ phê duyệt";
  if (r->state == "approved") return "đã phê duyệt";
  if (r->state == "returned") return "bị trả lại";
  if (r->state == "reopened") return "đã mở lại";
  return r->state;
}

Error wrong_state(const std::string& step, const std::optional<Record>& r) {
  return Error(ErrorKind::conflict, "approval_state",
               "Không thể " + step + ": kỳ báo cáo đang ở trạng thái " + state_vi(r) + ".");
}

// Staff of a unit strictly above `unit_id` (or an administrator) may decide on it.
void check_level(const places::Gazetteer& g, const auth::Principal& who,
                 const std::string& unit_id) {
  const auth::User& u = who.user;
  if (u.role == auth::Role::admin) return;
  bool above = auth::role_may(u.role, auth::Action::approve) && g.within(unit_id, u.unit_id) &&
               g.current_of(unit_id).id != u.unit_id;
  if (!above)
    throw Error(ErrorKind::forbidden, "approval_level",
                "Chỉ cán bộ đơn vị cấp trên của " + g.display_name(g.get(unit_id)) +
                    " mới được phê duyệt, trả lại hoặc mở lại kỳ báo cáo này.");
}

constexpr const char* kSelect =
    "SELECT unit_id, period, state, submitted_by, submitted_at, decided_by, decided_at, reason"
    " FROM period_approvals ";

Record read(const store::Row& r) {
  return {r.text(0), r.text(1), r.text(2), r.text(3), r.i64(4), r.text(5), r.i64(6), r.text(7)};
}

// A decision of the level above: from state `from` to `to`, by the actor, with a reason.
auto decide(const Actor& a, const char* from, const char* to, const std::string& reason) {
  return [&a, from, to, reason](Record& r) {
    if (r.state != from) return false;
    r.state = to;
    r.decided_by = a.who.user.username;
    r.decided_at = now();
    r.reason = reason;
    return true;
  };
}

void save(store::Connection& c, const Record& r) {
  c.execute(
      "INSERT INTO period_approvals (unit_id, period, state, submitted_by, submitted_at,"
      " decided_by, decided_at, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)"
      " ON CONFLICT (unit_id, period) DO UPDATE SET state = excluded.state,"
      " submitted_by = excluded.submitted_by, submitted_at = excluded.submitted_at,"
      " decided_by = excluded.decided_by, decided_at = excluded.decided_at,"
      " reason = excluded.reason",
      r.unit_id, r.period, r.state, r.submitted_by, r.submitted_at, r.decided_by, r.decided_at,
      r.reason);
}

// One transition: check, write, audit, all in one transaction. `step` edits the record and
// returns false if the current state does not allow it.
template <class Step>
Record transition(store::Connection& c, const places::Gazetteer& g, const Actor& a,
                  const std::string& unit_id, const std::string& period, const char* action,
                  const std::string& step_vi, Step step) {
  check_period(period);
  const places::Unit& unit = g.get(unit_id);
  if (unit.era != places::Era::current || unit.level == places::Level::country)
    throw invalid("approval_unit",
                  "Chỉ đơn vị hành chính hiện hành cấp tỉnh hoặc xã mới gửi phê duyệt kỳ báo cáo.");
  store::Transaction tx(c);
  auto before = get(c, unit.id, period);
  Record r = before.value_or(Record{unit.id, period, "", "", 0, "", 0, ""});
  if (!step(r)) throw wrong_state(step_vi, before);
  save(c, r);
  audit::record(
      c, {0, 0, a.who.user.id, a.who.user.username, a.remote, action,
          "approval:" + unit.id + "/" + period, unit.id, 200, to_json(before), to_json(r), ""});
  changes::record(c, kFeedPart,
                  boost::json::serialize(boost::json::object{
                      {"unit", unit.id}, {"period", period}, {"action", action}}));
  tx.commit();
  return r;
}

std::string require_reason(const std::string& reason) {
  if (reason.find_first_not_of(" \t\r\n") == std::string::npos)
    throw invalid("reason_required", "Vui lòng ghi rõ lý do.",
                  {{"reason", "Vui lòng ghi rõ lý do.", 0}});
  return reason;
}

}  // namespace

void migrate(store::Connection& c) {
  changes::migrate(c);  // every step writes its entry in the change feed
  store::apply_migrations(c, kMigrations);
}

Record submit(store::Connection& c, const places::Gazetteer& g, const Actor& a,
              const std::string& unit_id, const std::string& period) {
  if (a.who.user.role == auth::Role::collaborator)
    throw Error(ErrorKind::forbidden, "forbidden_role",
                "Cộng tác viên không gửi phê duyệt kỳ báo cáo; đề nghị cán bộ xã thực hiện.");
  return transition(c, g, a, unit_id, period, "approval.submit", "gửi phê duyệt", [&](Record& r) {
    if (r.state == "submitted" || r.state == "approved") return false;
    r.state = "submitted";
    r.submitted_by = a.who.user.username;
    r.submitted_at = now();
    r.reason.clear();
    return true;
  });
}

Record approve(store::Connection& c, const places::Gazetteer& g, const Actor& a,
               const std::string& unit_id, const std::string& period) {
  check_level(g, a.who, unit_id);
  return transition(c, g, a, unit_id, period, "approval.approve", "phê duyệt",
                    decide(a, "submitted", "approved", ""));
}

Record send_back(store::Connection& c, const places::Gazetteer& g, const Actor& a,
                 const std::string& unit_id, const std::string& period, const std::string& reason) {
  check_level(g, a.who, unit_id);
  require_reason(reason);
  return transition(c, g, a, unit_id, period, "approval.return", "trả lại",
                    decide(a, "submitted", "returned", reason));
}

Record reopen(store::Connection& c, const places::Gazetteer& g, const Actor& a,
              const std::string& unit_id, const std::string& period, const std::string& reason) {
  check_level(g, a.who, unit_id);
  require_reason(reason);
  return transition(c, g, a, unit_id, period, "approval.reopen", "mở lại",
                    decide(a, "approved", "reopened", reason));
}

std::optional<Record> get(store::Connection& c, const std::string& unit_id,
                          const std::string& period) {
  std::optional<Record> out;
  c.each(
      std::string(kSelect) + "WHERE unit_id = ? AND period = ?",
      [&](const store::Row& r) { out = read(r); }, unit_id, period);
  return out;
}

std::vector<Record> notices(store::Connection& c, const auth::User& u, int days) {
  const int64_t since = now() - int64_t{days} * 86400;
  std::vector<Record> out;
  c.each(
      std::string(kSelect) +
          "WHERE unit_id = ? AND state IN ('approved', 'returned') AND decided_at >= ?"
          " AND NOT EXISTS (SELECT 1 FROM approval_notices_seen s WHERE s.user_id = ?"
          " AND s.unit_id = period_approvals.unit_id AND s.period = period_approvals.period"
          " AND s.state = period_approvals.state AND s.decided_at = period_approvals.decided_at)"
          " ORDER BY decided_at DESC, period DESC",
      [&](const store::Row& r) { out.push_back(read(r)); }, u.unit_id, since, u.id);
  return out;
}

void mark_seen(store::Connection& c, const auth::User& u, const Record& notice) {
  if (notice.unit_id != u.unit_id)
    throw Error(ErrorKind::forbidden, "notice_scope",
                "Chỉ đánh dấu đã xem được thông báo về kỳ báo cáo của chính đơn vị mình.");
  check_period(notice.period);
  auto now_record = get(c, notice.unit_id, notice.period);
  bool current = now_record && now_record->state == notice.state &&
                 now_record->decided_at == notice.decided_at &&
                 (notice.state == "approved" || notice.state == "returned");
  if (!current)
    throw Error(ErrorKind::not_found, "notice_not_found",
                "Không tìm thấy thông báo này: quyết định về kỳ báo cáo " +
                    month_vi(notice.period) + " đã thay đổi hoặc không có.");
  c.execute(
      "INSERT INTO approval_notices_seen (user_id, unit_id, period, state, decided_at, seen_at)"
      " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
      u.id, notice.unit_id, notice.period, notice.state, notice.decided_at, now());
}

std::vector<Record> list(store::Connection& c, const places::Gazetteer& g,
                         const std::string& unit_id, const std::string& period) {
  if (!period.empty()) check_period(period);
  std::vector<Record> out;
  c.each(
      std::string(kSelect) + "WHERE (? = '' OR period = ?) ORDER BY period DESC, unit_id",
      [&](const store::Row& r) {
        Record rec = read(r);
        if (g.within(rec.unit_id, unit_id)) out.push_back(std::move(rec));
      },
      period, period);
  return out;
}

namespace {

// The units whose approval of a month locks data of `u`: itself, the unit it is part of today,
// and that unit's ancestors.
std::vector<std::string> covering_ids(const places::Gazetteer& g, const places::Unit& u) {
  std::vector<std::string> ids{u.id};
  const places::Unit& today = g.current_of(u.id);
  if (today.id != u.id) ids.push_back(today.id);
  for (const auto* a : g.ancestors(today.id)) ids.push_back(a->id);
  return ids;
}

std::string month_code(Date date) {
  char period[16];
  std::snprintf(period, sizeof period, "%04d-%02d", date.year, date.month);
  return period;
}

}  // namespace

std::optional<Record> lock_covering(store::Connection& c, const places::Gazetteer& g,
                                    const std::string& unit_id, Date date) {
  const places::Unit* u = g.find(unit_id);
  if (!u) return std::nullopt;
  std::string period = month_code(date);
  for (const auto& id : covering_ids(g, *u)) {
    auto r = get(c, id, period);
    if (r && r->state == "approved") return r;
  }
  return std::nullopt;
}

ApprovedMonths ApprovedMonths::load(store::Connection& c) {
  ApprovedMonths m;
  c.each("SELECT unit_id, period FROM period_approvals WHERE state = 'approved'",
         [&](const store::Row& r) { m.approved_.emplace(r.text(0), r.text(1)); });
  return m;
}

bool ApprovedMonths::covers(const places::Gazetteer& g, const std::string& unit_id,
                            Date date) const {
  const places::Unit* u = g.find(unit_id);
  if (!u || approved_.empty()) return false;
  std::string period = month_code(date);
  for (const auto& id : covering_ids(g, *u))
    if (approved_.count({id, period})) return true;
  return false;
}

void ensure_unlocked(store::Connection& c, const places::Gazetteer& g, const std::string& unit_id,
                     Date date) {
  auto r = lock_covering(c, g, unit_id, date);
  if (!r) return;
  throw Error(ErrorKind::locked, "period_locked",
              "Số liệu " + month_vi(r->period) + " của " + g.display_name(g.get(r->unit_id)) +
                  " đã được phê duyệt nên không thể thay đổi. Đề nghị cấp phê duyệt mở lại kỳ "
                  "báo cáo nếu cần điều chỉnh.");
}

std::optional<std::string> LockCache::refusal(store::Connection& c, const places::Gazetteer& g,
                                              const std::string& unit_id, Date date) {
  if (!approved_) approved_ = std::make_shared<const ApprovedMonths>(ApprovedMonths::load(c));
  if (approved_->empty()) return std::nullopt;
  std::pair<std::string, int> key{unit_id, date.year * 12 + date.month};
  auto it = seen_.find(key);
  if (it == seen_.end()) {
    std::optional<std::string> locked;
    if (approved_->covers(g, unit_id, date)) {
      try {
        ensure_unlocked(c, g, unit_id, date);
      } catch (const Error& e) {
        locked = e.message();
      }
    }
    it = seen_.emplace(std::move(key), std::move(locked)).first;
  }
  return it->second;
}

}  // namespace caunoi::approval
