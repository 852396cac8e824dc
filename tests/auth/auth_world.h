// tests/auth/auth_world.h — a Runtime with auth enforced and a few users in distinct units, plus
// helpers to call the router as one of them (Bearer token, or a cookie session with its CSRF
// token). Shared by tests/auth and tests/approval.
#pragma once

#include <atomic>
#include <boost/json.hpp>
#include <chrono>
#include <memory>

#include "app/runtime.h"
#include "foundation/api_call.h"
#include "foundation/test_db.h"
#include "store/dialect.h"

namespace caunoi::testutil {

inline constexpr const char* kPassword = "Truyen-thong-2025";

inline std::string login_body(const std::string& user, const std::string& pw) {
  return boost::json::serialize(boost::json::object{{"username", user}, {"password", pw}});
}

struct Caller {
  std::string bearer;  // API token, or ""
  std::string cookie;  // caunoi_session value, or ""
  std::string csrf;    // X-CSRF-Token to send with the cookie
  std::string remote = "10.0.0.1";
};

class AuthWorld {
 public:
  // The auth clock stands still unless a test moves it (advance()), so that sign-in delays and
  // their messages do not depend on how fast the machine is.
  AuthWorld() : rt_(std::make_unique<app::Runtime>(db_.path, test_paths(), 3, options())) {
    const auto& g = rt_->places();
    province = "15";        // Lào Cai (today; it kept Yên Bái's code)
    other_province = "01";  // Hà Nội
    commune = g.children(province).front()->id;
    other_commune = g.children(other_province).front()->id;
  }

  app::Runtime& rt() { return *rt_; }

  app::RuntimeOptions options() {
    app::RuntimeOptions o;
    o.auth_clock = [this] { return now_.load(); };
    return o;
  }
  void advance(int64_t seconds) { now_ += seconds; }
  const std::string& db_path() const { return db_.path; }

  auth::User add_user(const std::string& name, const std::string& role, const std::string& unit) {
    auto lease = rt_->pool().acquire();
    return rt_->auth().create_user(*lease, {name, name + " (thử)", role, unit, kPassword});
  }

  // Minted as from the user's browser session, the only way the service allows.
  Caller token_caller(const auth::User& u) {
    auto lease = rt_->pool().acquire();
    auth::Principal browser{u, true, "", ""};
    return Caller{rt_->auth().create_token(*lease, browser, "test", 1).second, "", ""};
  }

  Caller login(const std::string& name, const std::string& remote = "10.0.0.9") {
    Caller c;
    c.remote = remote;
    auto r = call(c, "POST", "/api/v1/auth/login", {}, login_body(name, kPassword));
    if (r.status != 200) return c;
    for (const auto& [k, v] : r.headers)
      if (k == "Set-Cookie") c.cookie = v.substr(v.find('=') + 1, v.find(';') - v.find('=') - 1);
    c.csrf = std::string(boost::json::parse(r.body).at("csrf_token").as_string());
    return c;
  }

  api::Response call(const Caller& c, std::string method, std::string path,
                     std::map<std::string, std::string> query = {}, std::string body = "") {
    auto r = request(std::move(method), std::move(path), std::move(query), std::move(body));
    r.remote = c.remote;
    if (!c.bearer.empty()) r.headers["authorization"] = "Bearer " + c.bearer;
    if (!c.cookie.empty()) r.headers["cookie"] = "theme=dark; caunoi_session=" + c.cookie;
    if (!c.csrf.empty()) r.headers["x-csrf-token"] = c.csrf;
    return rt_->router().dispatch(r);
  }

  // Every row of every table but the audit log, as text: equal fingerprints = nothing changed.
  std::string fingerprint() {
    auto lease = rt_->pool().acquire();
    std::vector<std::string> tables;
    for (const auto& t : store::tables(*lease))
      if (t.name != "audit_log" && t.name != "sqlite_sequence") tables.push_back(t.name);
    std::string out;
    for (const auto& t : tables) {
      out += "#" + t + "\n";
      lease->each("SELECT * FROM \"" + t + "\" ORDER BY 1", [&](const store::Row& r) {
        for (int i = 0; i < r.columns(); ++i) out += r.text(i) + "|";
        out += "\n";
      });
    }
    return out;
  }

  static std::string error_code(const api::Response& r) {
    boost::system::error_code ec;
    auto v = boost::json::parse(r.body, ec);
    if (ec || !v.is_object() || !v.as_object().contains("error")) return "";
    return std::string(v.at("error").at("code").as_string());
  }

  std::string province, other_province, commune, other_commune;

 private:
  TempDb db_ = prepared_db();  // migrations, units and Q&A bank already in place
  std::atomic<int64_t> now_{std::chrono::duration_cast<std::chrono::seconds>(
                                std::chrono::system_clock::now().time_since_epoch())
                                .count()};
  std::unique_ptr<app::Runtime> rt_;
};

}  // namespace caunoi::testutil
