// audit/log.cpp — see log.h.
#include "audit/log.h"

#include <chrono>
#include <cstdlib>
#include <ctime>
#include <stdexcept>

#include <pwd.h>
#include <unistd.h>

#include "common/error.h"
#include "store/migrations.h"
#include "tabular/csv_writer.h"

namespace caunoi::audit {
namespace {

constexpr store::Migration kMigrations[] = {
    {"audit", 1, "append-only audit log", R"sql(
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at INTEGER NOT NULL,
  user_id INTEGER NOT NULL DEFAULT 0,
  username TEXT NOT NULL DEFAULT '',
  remote TEXT NOT NULL DEFAULT '',
  action TEXT NOT NULL,
  entity TEXT NOT NULL DEFAULT '',
  unit_id TEXT NOT NULL DEFAULT '',
  status INTEGER NOT NULL DEFAULT 200,
  before_json TEXT NOT NULL DEFAULT '',
  after_json TEXT NOT NULL DEFAULT '',
  request_json TEXT NOT NULL DEFAULT ''
);
CREATE INDEX audit_log_at ON audit_log(at);
CREATE INDEX audit_log_user ON audit_log(username, at);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
)sql"},
};

// The WHERE clause and its binds, shared by query() and count(). Binds are all text or integers,
// passed in order; every filter is a bound parameter, never spliced into the SQL.
std::pair<std::string, std::vector<store::Value>> where(const Filter& f) {
  std::string sql = " WHERE 1 = 1";
  std::vector<store::Value> binds;
  if (f.from) sql += " AND at >= ?", binds.emplace_back(*f.from);
  if (f.to) sql += " AND at <= ?", binds.emplace_back(*f.to);
  if (!f.username.empty()) sql += " AND username = ?", binds.emplace_back(f.username);
  if (!f.action_prefix.empty())
    sql += " AND substr(action, 1, ?) = ?",
        binds.emplace_back(static_cast<int64_t>(f.action_prefix.size())),
        binds.emplace_back(f.action_prefix);
  if (!f.entity_prefix.empty())
    sql += " AND substr(entity, 1, ?) = ?",
        binds.emplace_back(static_cast<int64_t>(f.entity_prefix.size())),
        binds.emplace_back(f.entity_prefix);
  if (!f.unit_id.empty()) sql += " AND unit_id = ?", binds.emplace_back(f.unit_id);
  return {sql, binds};
}

std::string iso_utc(int64_t t) {
  std::time_t tt = static_cast<std::time_t>(t);
  std::tm tm{};
  gmtime_r(&tt, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace

void migrate(store::Connection& c) {
  store::apply_migrations(c, kMigrations);
}

int64_t record(store::Connection& c, Entry e) {
  if (e.at == 0)
    e.at = std::chrono::duration_cast<std::chrono::seconds>(
               std::chrono::system_clock::now().time_since_epoch())
               .count();
  c.execute(
      "INSERT INTO audit_log (at, user_id, username, remote, action, entity, unit_id, status,"
      " before_json, after_json, request_json) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
      e.at, e.user_id, e.username, e.remote, e.action, e.entity, e.unit_id, e.status, e.before,
      e.after, e.request);
  return c.last_insert_id();
}

Actor cli_actor(std::string action, std::string entity) {
  Actor a;
  const char* user = std::getenv("USER");
  if (!user || !*user)
    if (const passwd* pw = getpwuid(geteuid())) user = pw->pw_name;
  a.username = std::string("cli:") + (user && *user ? user : std::to_string(geteuid()));
  a.remote = "local";
  a.action = std::move(action);
  a.entity = std::move(entity);
  return a;
}

void record_change(store::Connection& c, const Actor& by, std::string after, std::string unit_id,
                   int status) {
  if (!c.in_transaction())
    throw std::logic_error("audit::record_change outside the change's transaction: " + by.action);
  try {
    record(c, {0, 0, by.user_id, by.username, by.remote, by.action, by.entity,
               unit_id.empty() ? by.unit_id : std::move(unit_id), status, by.before,
               std::move(after), by.request});
  } catch (const std::exception& e) {
    // Whatever the store said (a full disk, a broken table), the change must not land: the
    // caller's transaction rolls back on this, and the user is told why.
    throw Error(ErrorKind::internal, "audit_failed",
                std::string("Không ghi được nhật ký kiểm tra nên thay đổi chưa được lưu; xin thử "
                            "lại sau hoặc báo quản trị hệ thống. (") +
                    e.what() + ")");
  }
  by.recorded = true;
}

std::vector<Entry> query(store::Connection& c, const Filter& f) {
  auto [sql, binds] = where(f);
  binds.emplace_back(f.limit);
  binds.emplace_back(f.offset);
  store::Statement& st =
      c.prepare(
           "SELECT id, at, user_id, username, remote, action, entity, unit_id, status, before_json,"
           " after_json, request_json FROM audit_log" +
           sql + " ORDER BY id DESC LIMIT ? OFFSET ?")
          .with_values(binds);
  std::vector<Entry> out;
  while (st.step()) {
    const auto& r = st.row();
    out.push_back({r.i64(0), r.i64(1), r.i64(2), r.text(3), r.text(4), r.text(5), r.text(6),
                   r.text(7), static_cast<int>(r.i64(8)), r.text(9), r.text(10), r.text(11)});
  }
  st.reset();
  return out;
}

int64_t count(store::Connection& c, const Filter& f) {
  auto [sql, binds] = where(f);
  store::Statement& st = c.prepare("SELECT COUNT(*) FROM audit_log" + sql).with_values(binds);
  int64_t n = st.step() ? st.row().i64(0) : 0;
  st.reset();
  return n;
}

std::string to_csv(const std::vector<Entry>& entries) {
  tabular::CsvWriter w;
  w.row({"STT", "Thời điểm (UTC)", "Người thực hiện", "Địa chỉ", "Thao tác", "Đối tượng", "Đơn vị",
         "Mã kết quả", "Trước", "Sau", "Yêu cầu"});
  for (const auto& e : entries)
    w.row({std::to_string(e.id), iso_utc(e.at), e.username, e.remote, e.action, e.entity, e.unit_id,
           std::to_string(e.status), e.before, e.after, e.request});
  return w.take();
}

}  // namespace caunoi::audit
