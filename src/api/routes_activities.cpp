// api/routes_activities.cpp — /api/v1/activities: the activity log's CRUD, filtered list with
// paging, history of an activity, exports (CSV, XLSX) and blank XLSX templates.
//
// Filters (list and export): unit (subtree, either era), period (see periods/period.h) or
// from/to dates, kind, group, topic, language, channel; paging: offset, limit (≤ 1000). Who made
// a change is the signed-in user (set by the auth guard), else the X-User header, else "api".
#include <charconv>

#include "activities/export.h"
#include "activities/service.h"
#include "api/context.h"
#include "api/json_util.h"
#include "api/router.h"
#include "api/scope.h"
#include "tabular/xlsx_writer.h"

namespace caunoi::api {

namespace {

namespace json = boost::json;
using activities::Activity;

json::array strings(const std::vector<std::string>& v) {
  json::array a;
  for (const auto& s : v) a.emplace_back(s);
  return a;
}

json::object activity_json(const Activity& a, const activities::Reference& ref,
                           const places::Gazetteer& g) {
  json::object figures;
  for (const auto& [code, v] : a.figures) figures[code] = v;
  const places::Unit* place = g.find(a.place);
  // Commune names repeat across the country ("xã An Long"): lists above a province need the
  // province, of the place's own era, beside it.
  std::string province;
  if (place && place->level > places::Level::province)
    for (const auto* up : g.ancestors(place->id))
      if (up->level == places::Level::province) province = g.display_name(*up);
  json::object o{{"id", a.id},
                 {"reporting_unit", a.reporting_unit},
                 {"place", a.place},
                 {"place_name", place ? g.display_name(*place) : a.place},
                 {"place_province", province},
                 {"date_from", a.date_from.iso()},
                 {"date_to", a.date_to.iso()},
                 {"kind", a.kind},
                 {"kind_label", ref.label("kind", a.kind)},
                 {"channel", a.channel},
                 {"groups", strings(a.groups)},
                 {"topics", strings(a.topics)},
                 {"languages", strings(a.languages)},
                 {"partners", strings(a.partners)},
                 {"figures", std::move(figures)},
                 {"title", a.title},
                 {"note", a.note},
                 {"external_ref", a.external_ref},
                 {"created_by", a.created_by},
                 {"created_at", a.created_at},
                 {"updated_by", a.updated_by},
                 {"updated_at", a.updated_at},
                 {"version", a.version},
                 {"deleted", a.deleted}};
  return o;
}

// The request body as an Activity; type errors become field errors (the rules come later,
// in the service, so that the form and the import say the same).
Activity activity_from_json(const json::object& o) {
  Activity a;
  std::vector<FieldError> errs;
  auto text = [&](const char* key, std::string& out) {
    if (auto* v = o.if_contains(key)) {
      if (v->is_string()) {
        out = std::string(v->as_string());
      } else if (!v->is_null()) {
        errs.push_back({key, "Phải là chuỗi ký tự."});
      }
    }
  };
  auto list = [&](const char* key, std::vector<std::string>& out) {
    if (auto* v = o.if_contains(key)) {
      if (!v->is_array()) {
        if (!v->is_null()) errs.push_back({key, "Phải là danh sách mã."});
        return;
      }
      for (const auto& x : v->as_array()) {
        if (x.is_string()) {
          out.emplace_back(x.as_string());
        } else {
          errs.push_back({key, "Mỗi phần tử phải là một mã (chuỗi ký tự)."});
        }
      }
    }
  };
  auto date = [&](const char* key, Date& out, bool required) {
    std::string s;
    text(key, s);
    if (s.empty()) {
      if (required) errs.push_back({key, "Chưa nhập ngày."});
      return;
    }
    if (auto d = Date::parse(s)) {
      out = *d;
    } else {
      errs.push_back({key, "Ngày không hợp lệ: \"" + s + "\" (dạng 2022-10-31 hoặc 31/10/2022)."});
    }
  };
  text("reporting_unit", a.reporting_unit);
  text("place", a.place);
  if (o.contains("date") && !o.contains("date_from")) {
    date("date", a.date_from, true);
  } else {
    date("date_from", a.date_from, true);
  }
  date("date_to", a.date_to, false);
  text("kind", a.kind);
  text("channel", a.channel);
  list("groups", a.groups);
  list("topics", a.topics);
  list("languages", a.languages);
  list("partners", a.partners);
  text("title", a.title);
  text("note", a.note);
  text("external_ref", a.external_ref);
  if (auto* v = o.if_contains("figures")) {
    if (!v->is_object()) {
      errs.push_back({"figures", "Phải là một đối tượng {mã chỉ số: số}."});
    } else {
      for (const auto& [k, x] : v->as_object()) {
        std::string field = "figures." + std::string(k);
        if (x.is_int64()) {
          a.figures.emplace_back(std::string(k), x.as_int64());
        } else if (x.is_uint64() && x.as_uint64() < (1ull << 53)) {
          a.figures.emplace_back(std::string(k), static_cast<int64_t>(x.as_uint64()));
        } else if (x.is_double() &&
                   x.as_double() == static_cast<double>(static_cast<int64_t>(x.as_double()))) {
          a.figures.emplace_back(std::string(k), static_cast<int64_t>(x.as_double()));
        } else {
          errs.push_back({field, "Phải là số nguyên."});
        }
      }
    }
  }
  if (a.reporting_unit.empty()) a.reporting_unit = a.place;
  if (!errs.empty())
    throw invalid("invalid_activity", "Hoạt động chưa hợp lệ, xin kiểm tra lại các trường.", errs);
  return a;
}

int64_t int_param(const Request& q, const std::string& name, int64_t fallback, int64_t lo,
                  int64_t hi) {
  std::string s = q.param(name);
  if (s.empty()) return fallback;
  int64_t v = 0;
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || p != s.data() + s.size() || v < lo || v > hi) {
    // An offset has no real upper bound: name only the lower one rather than a 19-digit number.
    std::string range = hi >= (int64_t{1} << 40)
                            ? "không nhỏ hơn " + std::to_string(lo)
                            : "từ " + std::to_string(lo) + " đến " + std::to_string(hi);
    throw invalid("bad_parameter", "Tham số \"" + name + "\" phải là số nguyên " + range + ".",
                  {{name, "Giá trị không hợp lệ."}});
  }
  return v;
}

int64_t id_of(const Params& p) {
  const std::string& s = p.at("id");
  int64_t id = 0;
  auto [ptr, ec] = std::from_chars(s.data(), s.data() + s.size(), id);
  if (ec != std::errc() || ptr != s.data() + s.size() || id <= 0) {
    throw not_found("activity_not_found", "Không tìm thấy hoạt động \"" + s + "\".");
  }
  return id;
}

// The signed-in user as the auth guard proved it, else an X-User header (tools and tests
// without auth), else "api".
activities::Filter filter_of(const Request& q, const activities::Reference& ref) {
  activities::Filter f;
  f.unit = q.param("unit");
  if (!q.param("period").empty()) {
    auto p = period_param(q);
    f.from = p.from;
    f.to = p.to;
  }
  for (const char* key : {"from", "to"}) {
    std::string s = q.param(key);
    if (s.empty()) continue;
    auto d = Date::parse(s);
    if (!d) {
      throw invalid("bad_date", "Tham số \"" + std::string(key) + "\" không phải ngày hợp lệ.",
                    {{key, "Dạng 2022-10-31 hoặc 31/10/2022."}});
    }
    (std::string_view(key) == "from" ? f.from : f.to) = d;
  }
  auto code = [&](const char* key, const char* list, std::string& out) {
    out = q.param(key);
    if (!out.empty() && !ref.has(list, out)) {
      throw invalid("unknown_code", "Mã \"" + out + "\" không có trong danh mục.",
                    {{key, "Mã không có trong danh mục."}});
    }
  };
  code("kind", "kind", f.kind);
  code("group", "group", f.group);
  code("topic", "topic", f.topic);
  code("language", "language", f.language);
  code("channel", "channel", f.channel);
  return f;
}

Response file(std::string body, const char* mime, const std::string& name) {
  Response r;
  r.content_type = mime;
  r.body = std::move(body);
  r.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return r;
}

}  // namespace

void register_activities_routes(Router& r, Context& ctx) {
  activities::Service& svc = *ctx.activities;
  store::Pool& pool = *ctx.pool;
  const places::Gazetteer& g = *ctx.places;

  // Where the guard finds the units of an activity: in the body a change sends, in the stored
  // activity a path names (also the audit's before-image), in every record an answer returns.
  const std::vector<std::string> kUnitFields{"place", "reporting_unit"};
  const std::vector<std::string> kDateFields{"date_from", "date"};
  auto stored = [&svc, &g](store::Connection& c, const Request&, const Params& p, Touch& t) {
    Activity a = svc.get(c, id_of(p));
    t.units.push_back(a.place);
    t.units.push_back(a.reporting_unit);
    t.dated.emplace_back(a.place, a.date_from);
    t.dated.emplace_back(a.reporting_unit, a.date_from);
    t.before = json::serialize(activity_json(a, *svc.reference(), g));
  };
  Access list = query_units();
  list.returns = {"place"};
  Access one;
  one.stored = stored;
  one.returns = {"place"};
  Access create = body_units(kUnitFields, kDateFields);
  Access change = create;
  change.stored = stored;

  r.get(
      "/api/v1/activities",
      [&](const Request& q, const Params&) {
        auto ref = svc.reference();
        auto f = filter_of(q, *ref);
        activities::Page page{int_param(q, "offset", 0, 0, INT64_MAX / 2),
                              int_param(q, "limit", 50, 1, 1000)};
        auto c = pool.acquire();
        auto res = svc.list(*c, f, page);
        json::array items;
        for (const auto& a : res.items) items.push_back(activity_json(a, *ref, g));
        return Response::json(json::object{{"items", std::move(items)},
                                           {"total", res.total},
                                           {"offset", page.offset},
                                           {"limit", page.limit}});
      },
      list);

  // Before /{id}: the router tries routes in order.
  r.get(
      "/api/v1/activities/export",
      [&](const Request& q, const Params&) {
        auto ref = svc.reference();
        auto f = filter_of(q, *ref);
        std::string format = q.param("format", "xlsx");
        auto c = pool.acquire();
        if (format == "csv") {
          return file(activities::export_csv(*c, *ref, g, f), "text/csv; charset=utf-8",
                      "hoat-dong.csv");
        }
        if (format != "xlsx") {
          throw invalid("bad_format", "Tham số format chỉ nhận \"csv\" hoặc \"xlsx\".",
                        {{"format", "Giá trị không hợp lệ."}});
        }
        return file(activities::export_xlsx(*c, *ref, g, f), tabular::kXlsxMime, "hoat-dong.xlsx");
      },
      query_units());

  r.get("/api/v1/activities/template", [&](const Request& q, const Params&) {
    std::string kind = q.param("kind");
    return file(activities::template_xlsx(*svc.reference(), kind), tabular::kXlsxMime,
                "mau-nhap-hoat-dong" + (kind.empty() ? "" : "-" + kind) + ".xlsx");
  });

  r.post(
      "/api/v1/activities",
      [&](const Request& q, const Params&) {
        Activity a = activity_from_json(q.json_body());
        auto c = pool.acquire();
        a = svc.create(*c, std::move(a), q.actor);
        return Response::json(activity_json(a, *svc.reference(), g), 201);
      },
      create);

  r.get(
      "/api/v1/activities/{id}",
      [&](const Request&, const Params& p) {
        auto c = pool.acquire();
        return Response::json(activity_json(svc.get(*c, id_of(p)), *svc.reference(), g));
      },
      one);

  r.get(
      "/api/v1/activities/{id}/history",
      [&](const Request&, const Params& p) {
        auto c = pool.acquire();
        auto ref = svc.reference();
        json::array items;
        for (const auto& a : svc.history(*c, id_of(p))) items.push_back(activity_json(a, *ref, g));
        return Response::json(json::object{{"items", std::move(items)}});
      },
      one);

  r.put(
      "/api/v1/activities/{id}",
      [&](const Request& q, const Params& p) {
        Activity a = activity_from_json(q.json_body());
        auto c = pool.acquire();
        a = svc.update(*c, id_of(p), std::move(a), q.actor);
        return Response::json(activity_json(a, *svc.reference(), g));
      },
      change);

  r.del(
      "/api/v1/activities/{id}",
      [&](const Request& q, const Params& p) {
        auto c = pool.acquire();
        int64_t id = id_of(p);
        svc.remove(*c, id, q.actor);
        return Response::json(json::object{{"id", id}, {"deleted", true}});
      },
      one);
}

}  // namespace caunoi::api
