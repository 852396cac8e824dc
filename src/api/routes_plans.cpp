// api/routes_plans.cpp — /api/v1/plans: yearly targets and participation results.
//
//   GET    /api/v1/plans/measures                      the closed list of result measures
//   GET    /api/v1/plans/targets?unit=&year=           {"targets": [...]}
//   POST   /api/v1/plans/targets                       one target, or {"targets": [...]}
//   DELETE /api/v1/plans/targets/{id}
//   POST   /api/v1/plans/targets/import                CSV/XLSX (multipart "file" or raw body
//                                                      with ?filename=), all rows or none
//   GET    /api/v1/plans/results?unit=&from=&to=       {"results": [...]} (dates ISO)
//   POST   /api/v1/plans/results                       one record, or {"results": [...]}
//   DELETE /api/v1/plans/results?unit=&period=
//   POST   /api/v1/plans/results/import
// Writes go through plans::Service, which validates whole and notifies the analytics engine.
#include <charconv>

#include "api/context.h"
#include "api/json_util.h"
#include "api/router.h"
#include "api/row_scope.h"
#include "api/scope.h"
#include "api/upload.h"
#include "approval/approval.h"
#include "plans/service.h"

namespace caunoi::api {
namespace {

namespace json = boost::json;

std::string str(const json::object& o, const char* k, const char* alt = nullptr) {
  const json::value* v = o.if_contains(k);
  if ((!v || v->is_null()) && alt) v = o.if_contains(alt);
  if (!v || v->is_null()) return "";
  if (v->is_string()) return std::string(v->as_string());
  if (v->is_int64()) return std::to_string(v->as_int64());
  return json::serialize(*v);
}

// The unit of a target or result: "unit_id", else "unit"; read as the guard reads it (scope.h).
std::string unit_of(const json::object& o) {
  for (const char* k : {"unit_id", "unit"})
    if (const json::value* v = o.if_contains(k))
      if (auto u = unit_text(*v, k)) return *u;
  return "";
}

double number(const json::object& o, const char* k, std::vector<FieldError>& errs) {
  const json::value* v = o.if_contains(k);
  if (v && v->is_number()) return v->to_number<double>();
  errs.push_back({k, "Phải là số", 0});
  return 0;
}

plans::Target target_of(const json::object& o, std::vector<FieldError>& errs) {
  plans::Target t;
  t.unit_id = unit_of(o);
  const json::value* y = o.if_contains("year");
  t.year = y && y->is_int64() ? static_cast<int>(y->as_int64()) : 0;
  t.indicator = str(o, "indicator");
  t.group = str(o, "group");
  t.value = number(o, "value", errs);
  t.note = str(o, "note");
  return t;
}

json::object target_json(const plans::Target& t) {
  return {{"id", t.id},       {"unit_id", t.unit_id}, {"year", t.year}, {"indicator", t.indicator},
          {"group", t.group}, {"value", t.value},     {"note", t.note}};
}

// values: [{"measure","group","value"}] or {"bhyt": 1604000, ...}
plans::ResultRecord result_of(const json::object& o, std::vector<FieldError>& errs) {
  plans::ResultRecord r;
  r.unit_id = unit_of(o);
  r.period = str(o, "period");
  const json::value* vals = o.if_contains("values");
  auto amount = [&](const json::value& v, const std::string& field) -> int64_t {
    if (v.is_int64()) return v.as_int64();
    if (v.is_double() && v.as_double() == static_cast<double>(static_cast<int64_t>(v.as_double())))
      return static_cast<int64_t>(v.as_double());
    errs.push_back({field, "Phải là số nguyên", 0});
    return 0;
  };
  if (vals && vals->is_array()) {
    for (const auto& v : vals->as_array()) {
      if (!v.is_object()) continue;
      const auto& vo = v.as_object();
      plans::ResultValue rv{str(vo, "measure"), str(vo, "group"), 0};
      if (const auto* n = vo.if_contains("value")) rv.value = amount(*n, "values." + rv.measure);
      r.values.push_back(std::move(rv));
    }
  } else if (vals && vals->is_object()) {
    for (const auto& [k, v] : vals->as_object())
      r.values.push_back({std::string(k), "", amount(v, "values." + std::string(k))});
  }
  return r;
}

json::object result_json(const plans::ResultRecord& r) {
  json::array vals;
  for (const auto& v : r.values)
    vals.push_back(json::object{{"measure", v.measure}, {"group", v.group}, {"value", v.value}});
  return {{"unit_id", r.unit_id},
          {"period", r.period},
          {"as_of", r.as_of.iso()},
          {"values", std::move(vals)}};
}

int64_t target_id(const Params& p) {
  const std::string& s = p.at("id");
  int64_t id = 0;
  auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || end != s.data() + s.size() || id <= 0)
    throw not_found("target_not_found", "Không tìm thấy chỉ tiêu kế hoạch này.");
  return id;
}

void throw_if(const std::vector<FieldError>& errs) {
  if (!errs.empty()) throw invalid("invalid_plan_data", "Dữ liệu chưa hợp lệ; chưa ghi gì.", errs);
}

// Each row of an imported file: within the user's unit, and (results) not in an approved month.
plans::Service::RowCheck row_check(const Request& q, const places::Gazetteer& g,
                                   const std::string& pattern) {
  auto guard = std::make_shared<RowGuard>(q, g, pattern);
  return [guard](store::Connection& c, const std::string& unit, std::optional<Date> as_of) {
    return guard->check(c, unit, as_of, "unit", "period");
  };
}

// A write of one item, or of {"<list>": [...]}: every item parsed (field errors together), then
// written whole; one item answers itself (201), a batch the number written.
template <class Item, class Parse, class PutOne, class PutMany, class ToJson>
Response one_or_batch(const Request& q, const char* list, Parse parse, PutOne put_one,
                      PutMany put_many, ToJson to_json) {
  auto body = q.json_body();
  std::vector<FieldError> errs;
  if (const auto* items = body.if_contains(list); items && items->is_array()) {
    std::vector<Item> all;
    for (const auto& v : items->as_array())
      if (v.is_object()) all.push_back(parse(v.as_object(), errs));
    throw_if(errs);
    size_t n = all.size();
    put_many(std::move(all));
    return Response::json(json::object{{"written", n}});
  }
  Item one = parse(body, errs);
  throw_if(errs);
  return Response::json(to_json(put_one(std::move(one))), 201);
}

// A file import route: the file, each row checked by the rule of `path`, the account that sent
// it (one import at a time each), and the rows read and written.
template <class Run>
void import_route(Router& r, Context& ctx, const std::string& path, const Access& a, Run run) {
  r.post(
      path,
      [&ctx, path, run](const Request& q, const Params&) {
        Upload up = uploaded_file(q, "tep.csv");
        auto c = ctx.pool->acquire();
        auto s = run(*c, up, row_check(q, *ctx.places, path), q.actor);
        return Response::json(json::object{{"rows", s.rows}, {"written", s.written}});
      },
      a);
}

}  // namespace

void register_plans_routes(Router& r, Context& ctx) {
  plans::Service& svc = *ctx.plans;
  store::Pool& pool = *ctx.pool;

  // Where the guard finds units: the query of a read, the fields (or batch items) of a write,
  // the stored target or result a delete or an overwrite replaces (the audit's before-image).
  const std::vector<std::string> kUnitFields{"unit_id", "unit"};
  Access read = query_units();
  read.returns = {"unit_id"};
  Access upload = query_units();
  upload.upload = true;
  Access put_targets = body_units(kUnitFields);
  put_targets.batch = "targets";
  Access drop_target;
  drop_target.stored = [&svc](store::Connection& c, const Request&, const Params& p, Touch& t) {
    auto old = svc.target(c, target_id(p));
    if (!old) throw not_found("target_not_found", "Không tìm thấy chỉ tiêu kế hoạch này.");
    t.units.push_back(old->unit_id);
    t.before = json::serialize(target_json(*old));
  };
  // The records a write replaces, as they were.
  auto replaced = [&svc](store::Connection& c,
                         const std::vector<std::pair<std::string, std::string>>& keys, Touch& t) {
    json::array before;
    for (const auto& [unit, period] : keys)
      if (unit.empty())
        continue;
      else if (auto old = svc.result(c, unit, period))
        before.push_back(result_json(*old));
    if (!before.empty()) t.before = json::serialize(json::object{{"results", std::move(before)}});
  };
  Access put_results = body_units(kUnitFields, {"period"});
  put_results.batch = "results";
  put_results.stored = [replaced](store::Connection& c, const Request& q, const Params&, Touch& t) {
    std::vector<std::pair<std::string, std::string>> keys;
    auto key = [&](const json::value& v) {
      if (!v.is_object()) return;
      const auto& o = v.as_object();
      keys.emplace_back(unit_of(o), str(o, "period"));
    };
    if (q.json) {
      key(*q.json);
      if (const auto* list = q.json->as_object().if_contains("results"); list && list->is_array())
        for (const auto& item : list->as_array()) key(item);
    }
    replaced(c, keys, t);
  };
  Access drop_result = query_units();
  drop_result.query_dated = true;
  drop_result.stored = [replaced](store::Connection& c, const Request& q, const Params&, Touch& t) {
    replaced(c, {{q.param("unit"), q.param("period")}}, t);
  };

  r.get("/api/v1/plans/measures", [](const Request&, const Params&) {
    json::array items;
    for (const auto& m : plans::measures())
      items.push_back(
          json::object{{"code", m.code}, {"label_vi", m.label_vi}, {"column_vi", m.column_vi}});
    return Response::json(json::object{{"measures", std::move(items)}});
  });

  r.get(
      "/api/v1/plans/targets",
      [&svc, &pool](const Request& q, const Params&) {
        std::optional<int> year;
        if (auto y = q.param("year"); !y.empty()) {
          try {
            year = std::stoi(y);
          } catch (const std::exception&) {
            throw invalid("bad_year", "Năm không hợp lệ.", {{"year", "Phải là số", 0}});
          }
        }
        auto c = pool.acquire();
        json::array items;
        for (const auto& t : svc.targets(*c, q.param("unit"), year))
          items.push_back(target_json(t));
        return Response::json(json::object{{"targets", std::move(items)}});
      },
      read);

  r.post(
      "/api/v1/plans/targets",
      [&svc, &pool](const Request& q, const Params&) {
        auto c = pool.acquire();
        return one_or_batch<plans::Target>(
            q, "targets", target_of,
            [&](auto t) { return svc.put_target(*c, std::move(t), q.actor); },
            [&](auto ts) { svc.put_targets(*c, std::move(ts), q.actor); }, target_json);
      },
      put_targets);

  r.del(
      "/api/v1/plans/targets/{id}",
      [&svc, &pool](const Request& q, const Params& p) {
        int64_t id = target_id(p);
        auto c = pool.acquire();
        svc.delete_target(*c, id, q.actor);
        return Response::json(json::object{{"deleted", id}});
      },
      drop_target);

  import_route(r, ctx, "/api/v1/plans/targets/import", upload,
               [&svc](store::Connection& c, const Upload& up, auto check, const audit::Actor& by) {
                 return svc.import_targets(c, up.data, up.filename, std::move(check), by);
               });

  r.get(
      "/api/v1/plans/results",
      [&svc, &pool](const Request& q, const Params&) {
        auto date = [&](const char* k) -> std::optional<Date> {
          std::string v = q.param(k);
          if (v.empty()) return std::nullopt;
          auto d = Date::parse(v);
          if (!d)
            throw invalid("bad_date", "Ngày không hợp lệ: " + v, {{k, "Ngày không hợp lệ", 0}});
          return d;
        };
        auto c = pool.acquire();
        json::array items;
        for (const auto& rec : svc.results(*c, q.param("unit"), date("from"), date("to")))
          items.push_back(result_json(rec));
        return Response::json(json::object{{"results", std::move(items)}});
      },
      read);

  r.post(
      "/api/v1/plans/results",
      [&svc, &pool](const Request& q, const Params&) {
        auto c = pool.acquire();
        return one_or_batch<plans::ResultRecord>(
            q, "results", result_of,
            [&](auto rec) { return svc.put_result(*c, std::move(rec), q.actor); },
            [&](auto rs) { svc.put_results(*c, std::move(rs), q.actor); }, result_json);
      },
      put_results);

  r.del(
      "/api/v1/plans/results",
      [&svc, &pool](const Request& q, const Params&) {
        auto c = pool.acquire();
        svc.delete_result(*c, required_param(q, "unit"), required_param(q, "period"), q.actor);
        return Response::json(json::object{{"deleted", true}});
      },
      drop_result);

  import_route(r, ctx, "/api/v1/plans/results/import", upload,
               [&svc](store::Connection& c, const Upload& up, auto check, const audit::Actor& by) {
                 return svc.import_results(c, up.data, up.filename, std::move(check), by);
               });
}

}  // namespace caunoi::api
