// auth/users.cpp — see users.h.
#include "auth/users.h"

#include <iterator>

namespace caunoi::auth::users {
namespace {

constexpr const char* kColNames[] = {
    "id",         "username",   "full_name",    "role", "unit_id", "active", "password_generation",
    "created_at", "updated_at", "password_hash"};
constexpr int kColCount = std::size(kColNames);

// "SELECT <p>id, <p>username, …": p is "" or a table alias with its dot.
std::string select_cols(std::string_view p) {
  std::string out = "SELECT ";
  for (int i = 0; i < kColCount; ++i) (out += i ? ", " : "").append(p).append(kColNames[i]);
  return out;
}

const std::string kCols = select_cols("") + " FROM auth_users ";

User read(const store::Row& r) {
  User u;
  u.id = r.i64(0);
  u.username = r.text(1);
  u.full_name = r.text(2);
  u.role = role_from_code(r.text(3)).value_or(Role::public_user);
  u.unit_id = r.text(4);
  u.active = r.i64(5) != 0;
  u.password_generation = r.i64(6);
  u.created_at = r.i64(7);
  u.updated_at = r.i64(8);
  return u;
}

template <class... Args>
std::optional<std::pair<User, std::string>> one(store::Connection& c, const std::string& where,
                                                Args&&... args) {
  std::optional<std::pair<User, std::string>> out;
  c.each(
      kCols + where, [&](const store::Row& r) { out.emplace(read(r), r.text(9)); },
      std::forward<Args>(args)...);
  return out;
}

}  // namespace

std::optional<User> by_id(store::Connection& c, int64_t id) {
  auto r = one(c, "WHERE id = ?", id);
  return r ? std::optional<User>(r->first) : std::nullopt;
}

std::optional<User> by_credential(store::Connection& c, const std::string& table,
                                  const std::string& extra, const std::string& where,
                                  const std::string& token_hash, int64_t now,
                                  const std::function<void(const store::Row&, int)>& more) {
  std::optional<User> out;
  c.each(
      select_cols("u.") + ", " + extra + " FROM " + table +
          " k JOIN auth_users u ON u.id = k.user_id WHERE " + where,
      [&](const store::Row& r) {
        out = read(r);
        more(r, kColCount);
      },
      token_hash, now);
  return out;
}

std::optional<User> by_name(store::Connection& c, std::string_view username) {
  auto r = with_hash(c, username);
  return r ? std::optional<User>(r->first) : std::nullopt;
}

std::optional<std::pair<User, std::string>> with_hash(store::Connection& c,
                                                      std::string_view username) {
  return one(c, "WHERE username = ?", username);
}

std::vector<User> all(store::Connection& c) {
  std::vector<User> out;
  c.each(kCols + "ORDER BY username", [&](const store::Row& r) { out.push_back(read(r)); });
  return out;
}

int64_t insert(store::Connection& c, const User& u, const std::string& hash, int64_t now) {
  c.execute(
      "INSERT INTO auth_users (username, full_name, role, unit_id, password_hash, active,"
      " created_at, updated_at, password_changed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
      u.username, u.full_name, role_code(u.role), u.unit_id, hash, u.active, now, now, now);
  return c.last_insert_id();
}

void update(store::Connection& c, const User& u, int64_t now) {
  c.execute(
      "UPDATE auth_users SET full_name = ?, role = ?, unit_id = ?, active = ?, updated_at = ?"
      " WHERE id = ?",
      u.full_name, role_code(u.role), u.unit_id, u.active, now, u.id);
}

void set_hash(store::Connection& c, int64_t id, const std::string& hash, int64_t now) {
  c.execute(
      "UPDATE auth_users SET password_hash = ?, password_changed_at = ?, updated_at = ?,"
      " password_generation = password_generation + 1 WHERE id = ?",
      hash, now, now, id);
}

}  // namespace caunoi::auth::users
