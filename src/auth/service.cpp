// auth/service.cpp — see service.h.
#include "auth/service.h"

#include <chrono>
#include <tuple>

#include "auth/crypto.h"
#include "auth/login_throttle.h"
#include "auth/password_rules.h"
#include "auth/users.h"
#include "common/error.h"

namespace caunoi::auth {
namespace {

int64_t system_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

Error bad_credentials() {
  return Error(ErrorKind::unauthenticated, "bad_credentials",
               "Tên đăng nhập hoặc mật khẩu không đúng.");
}

Error field_error(const std::string& field, const std::string& message) {
  return invalid("invalid_user", message, {{field, message, 0}});
}

// Depends on the wait only, never on the account, so it tells nothing about the name.
std::string throttle_message(int64_t seconds) {
  std::string wait = seconds < 60 ? std::to_string(seconds) + " giây"
                                  : std::to_string((seconds + 59) / 60) + " phút";
  return "Đăng nhập sai nhiều lần từ địa chỉ này. Vui lòng chờ " + wait + " rồi thử lại.";
}

}  // namespace

LoginThrottled::LoginThrottled(int64_t retry_after)
    : Error(ErrorKind::rate_limited, "login_throttled", throttle_message(retry_after)),
      retry_after_(retry_after) {}

Service::Service(const places::Gazetteer& g, Clock now)
    : g_(g),
      now_(now ? std::move(now) : Clock(system_now)),
      dummy_hash_(hash_password(random_hex(16))) {}

void Service::check_role_unit(Role r, const std::string& unit_id) const {
  const places::Unit* u = g_.find(unit_id);
  if (!u) throw field_error("unit_id", "Không tìm thấy đơn vị " + unit_id + ".");
  if (u->era != places::Era::current)
    throw field_error("unit_id", "Tài khoản phải gắn với đơn vị hành chính hiện hành.");
  bool ok = true;
  switch (r) {
    case Role::admin:
    case Role::central_staff:
      ok = u->level == places::Level::country;
      break;
    case Role::province_staff:
      ok = u->level == places::Level::province;
      break;
    case Role::commune_staff:
    case Role::collaborator:
      ok = u->level == places::Level::commune;
      break;
    case Role::leader:
    case Role::public_user:
      break;
  }
  if (!ok)
    throw field_error("unit_id", "Đơn vị " + u->full_name + " không phù hợp với vai trò " +
                                     std::string(role_label_vi(r)) + ".");
}

User Service::create_user(store::Connection& c, const NewUser& in) {
  std::vector<FieldError> errs;
  if (in.username.size() < 3 || in.username.size() > 64 ||
      in.username.find_first_not_of(
          "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") != std::string::npos)
    errs.push_back({"username",
                    "Tên đăng nhập dài 3–64 ký tự, chỉ gồm chữ không dấu, chữ số, dấu chấm, gạch "
                    "dưới hoặc gạch ngang.",
                    0});
  auto role = role_from_code(in.role);
  if (!role) errs.push_back({"role", "Vai trò không hợp lệ: " + in.role + ".", 0});
  if (!errs.empty()) throw invalid("invalid_user", "Thông tin tài khoản chưa hợp lệ.", errs);
  check_role_unit(*role, in.unit_id);
  check_password(in.password, in.username);
  if (users::by_name(c, in.username))
    throw Error(ErrorKind::conflict, "username_taken",
                "Tên đăng nhập " + in.username + " đã được sử dụng.");
  User u;
  u.username = in.username;
  u.full_name = in.full_name;
  u.role = *role;
  u.unit_id = in.unit_id;
  u.id = users::insert(c, u, hash_password(in.password), now());
  return get_user(c, u.id);
}

User Service::update_user(store::Connection& c, int64_t id, const UserPatch& p) {
  User u = get_user(c, id);
  if (p.full_name) u.full_name = *p.full_name;
  if (p.role) {
    auto r = role_from_code(*p.role);
    if (!r) throw field_error("role", "Vai trò không hợp lệ: " + *p.role + ".");
    u.role = *r;
  }
  if (p.unit_id) u.unit_id = *p.unit_id;
  if (p.active) u.active = *p.active;
  check_role_unit(u.role, u.unit_id);
  if (p.unlock && *p.unlock) throttle::clear(c, u.username);
  users::update(c, u, now());
  // A change of role, unit or status ends the user's sessions: they sign in again as the new self.
  if (p.role || p.unit_id || p.active) c.execute("DELETE FROM auth_sessions WHERE user_id = ?", id);
  return get_user(c, id);
}

void Service::set_password(store::Connection& c, int64_t id, std::string_view password) {
  User u = get_user(c, id);
  check_password(password, u.username);
  users::set_hash(c, id, hash_password(password), now());
  // The new generation already refuses every session and token; sessions also go from the table,
  // tokens stay in their owner's list, shown revoked.
  c.execute("DELETE FROM auth_sessions WHERE user_id = ?", id);
}

std::optional<Session> Service::change_own_password(store::Connection& c, const Principal& who,
                                                    std::string_view old_password,
                                                    std::string_view new_password,
                                                    const std::string& remote) {
  auto row = users::with_hash(c, who.user.username);
  if (!row || !verify_password(row->second, old_password))
    throw invalid("bad_old_password", "Mật khẩu hiện tại không đúng.",
                  {{"old_password", "Mật khẩu hiện tại không đúng.", 0}});
  set_password(c, who.user.id, new_password);
  if (!who.via_cookie) return std::nullopt;
  // The device that made the change stays signed in, under a new token: a copy of the old
  // cookie taken before the change is worth nothing after it.
  return open_session(c, get_user(c, who.user.id), remote);
}

User Service::get_user(store::Connection& c, int64_t id) const {
  auto u = users::by_id(c, id);
  if (!u) throw not_found("user_not_found", "Không tìm thấy tài khoản.");
  return *u;
}

std::vector<User> Service::list_users(store::Connection& c) const {
  return users::all(c);
}

Session Service::login(store::Connection& c, std::string_view username, std::string_view password,
                       const std::string& remote) {
  int64_t t = now();
  // Refused before the password is looked at: an answer that depended on it would let a slowed
  // down attacker go on guessing.
  if (int64_t wait = throttle::wait_seconds(c, username, remote, t); wait > 0)
    throw LoginThrottled(wait);
  auto row = users::with_hash(c, username);
  // The dummy hash makes an unknown name cost what a known one does.
  bool ok = verify_password(row ? row->second : dummy_hash_, password) && row;
  if (!ok) {
    throttle::record_failure(c, username, remote, t);
    throw bad_credentials();
  }
  const User& u = row->first;
  if (!u.active)
    throw Error(ErrorKind::forbidden, "account_disabled",
                "Tài khoản đã bị vô hiệu hóa. Vui lòng liên hệ quản trị hệ thống.");
  throttle::record_success(c, username, remote);
  c.execute("DELETE FROM auth_sessions WHERE expires_at <= ?", t);
  return open_session(c, u, remote);
}

Session Service::open_session(store::Connection& c, const User& u, const std::string& remote) {
  Session s;
  s.token = random_hex(32);
  s.csrf_token = random_hex(32);
  s.expires_at = now() + kSessionSeconds;
  s.user = u;
  c.execute(
      "INSERT INTO auth_sessions (token_hash, user_id, csrf_token, created_at, expires_at, remote,"
      " password_generation) VALUES (?, ?, ?, ?, ?, ?, ?)",
      sha256_hex(s.token), u.id, s.csrf_token, now(), s.expires_at, remote, u.password_generation);
  return s;
}

void Service::logout(store::Connection& c, std::string_view session_token) {
  c.execute("DELETE FROM auth_sessions WHERE token_hash = ?", sha256_hex(session_token));
}

std::optional<Principal> Service::from_session(store::Connection& c, std::string_view token) const {
  if (token.empty()) return std::nullopt;
  std::string h = sha256_hex(token), csrf;
  int64_t generation = 0;
  auto u = users::by_credential(c, "auth_sessions", "k.csrf_token, k.password_generation",
                                "k.token_hash = ? AND k.expires_at > ?", h, now(),
                                [&](const store::Row& r, int i) {
                                  csrf = r.text(i);
                                  generation = r.i64(i + 1);
                                });
  // Compared with the very user read that becomes the principal, so the generation a token
  // minted by this request inherits is the session's own (create_token).
  if (!u || !u->active || u->password_generation != generation) return std::nullopt;
  return Principal{*u, true, h, csrf};
}

std::optional<Principal> Service::from_api_token(store::Connection& c,
                                                 std::string_view token) const {
  if (token.empty()) return std::nullopt;
  int64_t generation = 0;
  auto u = users::by_credential(
      c, "auth_tokens", "k.password_generation",
      "k.token_hash = ? AND k.revoked = 0 AND (k.expires_at = 0 OR k.expires_at > ?)",
      sha256_hex(token), now(), [&](const store::Row& r, int i) { generation = r.i64(i); });
  if (!u || !u->active || u->password_generation != generation) return std::nullopt;
  return Principal{*u, false, "", ""};
}

std::pair<ApiToken, std::string> Service::create_token(store::Connection& c, const Principal& who,
                                                       const std::string& name, int64_t ttl_days) {
  if (!who.via_cookie)
    throw Error(ErrorKind::forbidden, "token_cannot_mint",
                "Không thể dùng mã truy cập (API token) để tạo mã truy cập mới. Vui lòng đăng "
                "nhập trên trình duyệt để tạo mã.");
  if (name.empty() || name.size() > 100)
    throw field_error("name", "Tên mã truy cập dài 1–100 ký tự.");
  if (ttl_days < 0 || ttl_days > 3650)
    throw field_error("ttl_days", "Thời hạn mã truy cập từ 0 (không hết hạn) đến 3650 ngày.");
  get_user(c, who.user.id);
  std::string token = "cn_" + random_hex(32);
  ApiToken t{0, name, now(), ttl_days ? now() + ttl_days * 86400 : 0, false};
  // The generation the request was authenticated under, not today's: a session that a password
  // change ended while this request ran must not leave a live token behind.
  c.execute(
      "INSERT INTO auth_tokens (user_id, name, token_hash, created_at, expires_at,"
      " password_generation) VALUES (?, ?, ?, ?, ?, ?)",
      who.user.id, name, sha256_hex(token), t.created_at, t.expires_at,
      who.user.password_generation);
  t.id = c.last_insert_id();
  return {t, token};
}

std::vector<ApiToken> Service::tokens(store::Connection& c, int64_t user_id) const {
  std::vector<ApiToken> out;
  // A token of an earlier password shows as revoked: it is, in effect.
  c.each(
      "SELECT t.id, t.name, t.created_at, t.expires_at,"
      " CASE WHEN t.revoked <> 0 OR t.password_generation <> u.password_generation THEN 1 ELSE 0"
      " END"
      " FROM auth_tokens t JOIN auth_users u ON u.id = t.user_id WHERE t.user_id = ? ORDER BY t.id",
      [&](const store::Row& r) {
        out.push_back({r.i64(0), r.text(1), r.i64(2), r.i64(3), r.i64(4) != 0});
      },
      user_id);
  return out;
}

void Service::revoke_token(store::Connection& c, int64_t user_id, int64_t token_id) {
  if (c.execute("UPDATE auth_tokens SET revoked = 1 WHERE id = ? AND user_id = ?", token_id,
                user_id) == 0)
    throw not_found("token_not_found", "Không tìm thấy mã truy cập.");
}

}  // namespace caunoi::auth
