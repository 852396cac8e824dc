// api/scope.cpp — see scope.h.
#include "api/scope.h"

#include "periods/period.h"

namespace caunoi::api {
namespace {

namespace json = boost::json;

void add(std::vector<std::string>& out, std::optional<std::string> u) {
  if (u) out.push_back(std::move(*u));
}

// The day a change of object `o` is dated at: the first of `fields` present ("period": its last
// day). A malformed date is left for the handler to refuse with its own field message.
std::optional<Date> day_of(const json::object& o, const std::vector<std::string>& fields) {
  for (const auto& f : fields) {
    const json::value* v = o.if_contains(f);
    if (!v || !v->is_string()) continue;
    if (f == "period") {
      try {
        return periods::Period::parse(v->as_string()).to;
      } catch (const Error&) {
        continue;
      }
    }
    if (auto d = Date::parse(v->as_string())) return d;
  }
  return std::nullopt;
}

// One object's units by `fields`, and its dated units.
void object_units(const json::object& o, const Access& a, Touch& t) {
  std::vector<std::string> units;
  for (const auto& f : a.body)
    if (const json::value* v = o.if_contains(f)) add(units, unit_text(*v, f));
  if (auto d = day_of(o, a.dates))
    for (const auto& u : units) t.dated.emplace_back(u, *d);
  t.units.insert(t.units.end(), units.begin(), units.end());
}

bool names_unit(const json::object& o, const std::vector<std::string>& keys) {
  for (const auto& k : keys)
    if (o.contains(k)) return true;
  return false;
}

// The units of every record in an answer (see check_returned).
struct Returned {
  std::vector<std::string> units;
  bool lists = false;   // the answer holds a list (an empty list returns nothing)
  bool untold = false;  // some record's unit cannot be told
};

void collect(const json::value& v, const std::vector<std::string>& keys, Returned& out) {
  if (v.is_object()) {
    const auto& o = v.as_object();
    if (names_unit(o, keys)) {
      for (const auto& k : keys)
        if (const json::value* u = o.if_contains(k)) {
          if (!u->is_string() || u->as_string().empty())
            out.untold = true;
          else
            out.units.emplace_back(u->as_string());
        }
      return;
    }
    for (const auto& kv : o) collect(kv.value(), keys, out);
  } else if (v.is_array()) {
    out.lists = true;
    for (const auto& item : v.as_array()) {
      // A record in a list none of whose fields says whose it is.
      if (item.is_object() && !names_unit(item.as_object(), keys)) out.untold = true;
      collect(item, keys, out);
    }
  }
}

}  // namespace

std::optional<std::string> unit_text(const json::value& v, std::string_view field) {
  if (v.is_null()) return std::nullopt;
  if (v.is_string()) {
    if (v.as_string().empty()) return std::nullopt;
    return std::string(v.as_string());
  }
  if (v.is_int64()) return std::to_string(v.as_int64());
  if (v.is_uint64()) return std::to_string(v.as_uint64());
  throw invalid("bad_unit",
                "Trường \"" + std::string(field) +
                    "\" phải là mã đơn vị (chuỗi ký tự hoặc số nguyên), không phải danh sách, "
                    "đối tượng hay số thập phân.",
                {{std::string(field), "Mã đơn vị không hợp lệ.", 0}});
}

Touch touch_of(const Request& r, const Access& a) {
  Touch t;
  for (const char* k : {"unit", "unit_id", "place", "reporting_unit", "parent"})
    if (auto it = r.query.find(k); it != r.query.end() && !it->second.empty())
      t.named.push_back(it->second);
  if (r.json && r.json->is_object())
    for (const char* k : {"unit", "unit_id", "place", "reporting_unit", "parent"})
      if (const json::value* v = r.json->as_object().if_contains(k)) add(t.named, unit_text(*v, k));
  for (const auto& k : a.query)
    if (auto it = r.query.find(k); it != r.query.end() && !it->second.empty())
      t.units.push_back(it->second);
  if (r.json && r.json->is_object()) {
    const auto& o = r.json->as_object();
    object_units(o, a, t);
    if (!a.batch.empty())
      if (const json::value* list = o.if_contains(a.batch); list && list->is_array())
        for (const auto& item : list->as_array())
          if (item.is_object()) object_units(item.as_object(), a, t);
  }
  if (a.query_dated) {
    // A change addressed by query (DELETE ?unit=&period=) is dated by the query too.
    json::object q;
    for (const auto& [k, v] : r.query) q[k] = v;
    if (auto d = day_of(q, {"period", "date"}))
      for (const auto& k : a.query)
        if (auto it = r.query.find(k); it != r.query.end() && !it->second.empty())
          t.dated.emplace_back(it->second, *d);
  }
  return t;
}

void add_stored(store::Connection& c, const Request& r, const Params& params, const Access& a,
                Touch& t) {
  if (a.stored) a.stored(c, r, params, t);
}

void check_returned(const Response& res, const Access& a, const auth::Principal& who,
                    const places::Gazetteer& g) {
  if (a.returns.empty() || res.status >= 300 || !auth::role_is_scoped(who.user.role)) return;
  if (res.content_type.find("json") == std::string::npos) return;  // files: bounded by the query
  boost::system::error_code ec;
  json::value v = json::parse(res.body, ec);
  Returned r;
  if (!ec) collect(v, a.returns, r);
  if (ec || r.untold || (r.units.empty() && !r.lists))
    throw Error(ErrorKind::forbidden, "forbidden_unit",
                "Không xác định được đơn vị của dữ liệu trả về; dữ liệu không được hiển thị cho "
                "tài khoản theo đơn vị.");
  for (const auto& u : r.units)
    if (!g.find(u) || !g.within(u, who.user.unit_id))
      throw Error(ErrorKind::forbidden, "forbidden_unit",
                  "Dữ liệu này thuộc đơn vị nằm ngoài phạm vi tài khoản của bạn.");
}

}  // namespace caunoi::api
