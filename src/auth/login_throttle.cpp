// auth/login_throttle.cpp — see login_throttle.h.
#include "auth/login_throttle.h"

#include <algorithm>
#include <string>

namespace caunoi::auth::throttle {
namespace {

// A name no account can have (64 bytes at most) still has to be keyed; its first bytes are
// enough, and they keep a hostile 1 MiB "name" out of the table.
constexpr size_t kMaxKeyBytes = 100;
// Rows with no failure for a day are forgiven entirely (every count decays well before).
constexpr int64_t kForgetSeconds = 24 * 3600;

std::string name_key(std::string_view username) {
  return std::string(username.substr(0, kMaxKeyBytes));
}

// per_name = 0 rows hold the whole address; their username is ''.
void count(store::Connection& c, bool per_name, const std::string& name, std::string_view remote,
           int64_t now) {
  const Limits& l = per_name ? kPerName : kPerAddress;
  // Decay and increment in one statement, so that two servers counting at once both count.
  c.execute(
      "INSERT INTO auth_login_throttle AS t (per_name, username, remote, failures, last_failure_at)"
      " VALUES (?, ?, ?, 1, ?) ON CONFLICT (per_name, username, remote) DO UPDATE SET"
      " failures = CASE WHEN t.failures - (excluded.last_failure_at - t.last_failure_at) / ? > 0"
      " THEN t.failures - (excluded.last_failure_at - t.last_failure_at) / ? ELSE 0 END + 1,"
      " last_failure_at = excluded.last_failure_at",
      per_name, name, remote, now, l.forgive_seconds, l.forgive_seconds);
  int64_t failures = c.scalar(
                          "SELECT failures FROM auth_login_throttle WHERE per_name = ? AND"
                          " username = ? AND remote = ?",
                          per_name, name, remote)
                         .value_or(0);
  if (int64_t d = delay_after(l, failures); d > 0)
    c.execute(
        "UPDATE auth_login_throttle SET blocked_until = CASE WHEN blocked_until > ? THEN"
        " blocked_until ELSE ? END WHERE per_name = ? AND username = ? AND remote = ?",
        now + d, now + d, per_name, name, remote);
}

}  // namespace

int64_t delay_after(const Limits& l, int64_t failures) {
  int64_t over = failures - l.free_failures;
  if (over < 0) return 0;
  // 2^10 s already passes the cap; larger shifts would overflow.
  return std::min<int64_t>(int64_t{1} << std::min<int64_t>(over, 20), kMaxDelaySeconds);
}

int64_t wait_seconds(store::Connection& c, std::string_view username, std::string_view remote,
                     int64_t now) {
  int64_t until = c.scalar(
                       "SELECT MAX(blocked_until) FROM auth_login_throttle WHERE remote = ? AND"
                       " ((per_name = 1 AND username = ?) OR per_name = 0)",
                       remote, name_key(username))
                      .value_or(0);
  return std::max<int64_t>(0, until - now);
}

void record_failure(store::Connection& c, std::string_view username, std::string_view remote,
                    int64_t now) {
  count(c, true, name_key(username), remote, now);
  count(c, false, "", remote, now);
  c.execute("DELETE FROM auth_login_throttle WHERE last_failure_at < ? AND blocked_until <= ?",
            now - kForgetSeconds, now);
}

void record_success(store::Connection& c, std::string_view username, std::string_view remote) {
  c.execute("DELETE FROM auth_login_throttle WHERE per_name = 1 AND username = ? AND remote = ?",
            name_key(username), remote);
}

void clear(store::Connection& c, std::string_view username) {
  c.execute("DELETE FROM auth_login_throttle WHERE per_name = 1 AND username = ?",
            name_key(username));
}

}  // namespace caunoi::auth::throttle
