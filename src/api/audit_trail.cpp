// api/audit_trail.cpp — see audit_trail.h.
#include "api/audit_trail.h"

#include <atomic>

#include "audit/log.h"
#include "auth/crypto.h"

namespace caunoi::api {
namespace {

namespace json = boost::json;

constexpr size_t kMaxAuditBody = 64 * 1024;
constexpr size_t kMaxRefusedBody = 4 * 1024;

std::atomic<uint64_t> anonymous_refusals{0};

std::optional<json::object> object_of(std::string_view text) {
  boost::system::error_code ec;
  auto v = json::parse(text, ec);
  if (ec || !v.is_object()) return std::nullopt;
  return std::move(v.as_object());
}

// The request as the audit keeps it: the parsed body with secrets masked, or a file's facts
// (taken before the handler took the file over).
std::string kept_request(const Request& r, const Access& a, const Touch& t, size_t limit) {
  if (a.upload) return t.file;
  if (r.body.empty()) return "";
  if (!r.json || !r.json->is_object()) {
    // Appended, not "(" + …: GCC 12's -Wrestrict misreads operator+(const char*, string&&).
    std::string s = "(";
    s += std::to_string(r.body.size());
    s += " byte, không phải JSON)";
    return s;
  }
  json::object o = r.json->as_object();
  for (auto& kv : o) {
    std::string_view k = kv.key();
    if (k.find("password") != std::string_view::npos || k.find("token") != std::string_view::npos)
      kv.value() = "***";
  }
  std::string s = json::serialize(o);
  return s.size() > limit ? s.substr(0, limit) : s;
}

}  // namespace

std::string file_facts(const Request& r) {
  if (r.body.empty()) return "";
  // The file's own bytes (multipart already cut away), so the hash matches the officer's file.
  return json::serialize(
      json::object{{"file", json::object{{"filename", r.param("filename")},
                                         {"bytes", r.body.size()},
                                         {"sha256", auth::sha256_hex(r.body)}}}});
}

uint64_t refused_anonymous() {
  return anonymous_refusals.load();
}

void fill_actor(Request& r, const RouteInfo& route, const Touch& t) {
  audit::Actor& a = r.actor;
  if (r.who) a.user_id = r.who->user.id, a.username = r.who->user.username;
  if (!t.units.empty()) a.unit_id = t.units.front();
  a.before = t.before;
  a.request = kept_request(r, route.access, t, kMaxAuditBody);
}

void record_request(store::Connection& c, const Request& r, const RouteInfo& route, const Touch& t,
                    const Response& res) {
  bool changed = res.status < 300;
  if (!changed && !r.who) {
    ++anonymous_refusals;
    return;
  }
  if (!changed && res.status != 400 && res.status != 401 && res.status != 403 &&
      res.status != 415 && res.status != 423)
    return;  // a not-found or a conflict changed nothing and tells nothing of intent
  audit::Entry e;
  if (r.who) e.user_id = r.who->user.id, e.username = r.who->user.username;
  e.remote = r.remote;
  e.action = r.method + " " + route.pattern;
  e.entity = r.path;
  if (!t.units.empty()) e.unit_id = t.units.front();
  e.status = res.status;
  e.before = t.before;
  if (changed && res.body.size() <= kMaxAuditBody && object_of(res.body)) e.after = res.body;
  e.request = kept_request(r, route.access, t, changed ? kMaxAuditBody : kMaxRefusedBody);
  audit::record(c, e);
}

void audit_action(store::Connection& c, const Request& r, const auth::Principal* who,
                  std::string action, std::string entity, std::string before, std::string after,
                  int status) {
  audit::Entry e;
  if (who) e.user_id = who->user.id, e.username = who->user.username;
  e.remote = r.remote;
  e.action = std::move(action);
  e.entity = std::move(entity);
  e.status = status;
  // The unit the change concerns, as the entity states it (after, else before).
  for (const std::string* image : {&after, &before})
    if (auto o = object_of(*image); o && e.unit_id.empty())
      for (const char* key : {"unit_id", "unit", "reporting_unit", "place"})
        if (auto* v = o->if_contains(key); v && v->is_string() && e.unit_id.empty())
          e.unit_id = v->as_string();
  e.before = std::move(before);
  e.after = std::move(after);
  e.request = kept_request(r, Access{}, Touch{}, kMaxAuditBody);
  audit::record(c, e);
}

}  // namespace caunoi::api
