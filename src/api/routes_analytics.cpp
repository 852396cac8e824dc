// api/routes_analytics.cpp — /api/v1/analytics: indicator values from the in-memory engine.
//
//   GET /api/v1/analytics?indicator=meetings&unit=VN&period=2022-01..2022-10
//         [&by=children|period|kind|group|topic|language|channel][&compare=last-year]
//         [&group=<target group>][&era=old (children of VN: the 63 provinces)]
//   GET /api/v1/analytics/indicators
//   GET /api/v1/analytics/ranking?indicator&period[&parent=VN|&level=province]
//         [&sort=value|pct_of_plan|change][&compare=last-year][&limit=10][&era=old]
// Both take data=all (default) or data=approved (approved months only; api/data_scope.h).
// Answers carry "elapsed_ms": the engine's own time, never a database scan.
#include <chrono>

#include "analytics/engine.h"
#include "api/context.h"
#include "api/data_scope.h"
#include "api/json_util.h"
#include "api/router.h"
#include "reports/wording.h"

namespace caunoi::api {
namespace {

namespace json = boost::json;

json::value opt(std::optional<double> v) {
  if (!v) return nullptr;
  return *v;
}

std::string month_code(std::optional<int> m) {
  if (!m) return "";
  int mo = analytics::month_of(*m);
  return std::to_string(analytics::year_of(*m)) + "-" + (mo < 10 ? "0" : "") + std::to_string(mo);
}

json::object figure_json(const analytics::Indicator& ind, const analytics::Figure& f) {
  json::object o{{"value", opt(f.value)},
                 {"previous", opt(f.previous)},
                 {"target", opt(f.target)},
                 {"pct_of_plan", opt(f.pct_of_plan())},
                 {"ratio", opt(f.ratio())}};
  if (f.value && f.previous && *f.previous != 0) {
    o["change_pct"] = (*f.value / *f.previous - 1) * 100;
    o["change_text"] = ind.is_rate() ? reports::points_vi(*f.value, *f.previous)
                                     : reports::ratio_vi(*f.value, *f.previous);
  }
  if (f.as_of) o["as_of"] = month_code(f.as_of);
  if (f.previous_as_of) o["previous_as_of"] = month_code(f.previous_as_of);
  return o;
}

json::object indicator_json(const analytics::Indicator& i) {
  return {{"code", i.code},
          {"label", i.label},
          {"unit", i.unit},
          {"source", i.source == analytics::Source::activity ? "activity" : "participation"},
          {"category", i.category},
          {"rate", i.is_rate()},
          {"decimals", i.decimals}};
}

bool compare_param(const Request& q) {
  std::string c = q.param("compare");
  if (c.empty() || c == "none" || c == "false") return false;
  if (c == "last-year" || c == "true" || c == "1") return true;
  throw invalid("bad_compare", "Tham số compare chỉ nhận \"last-year\".",
                {{"compare", "Giá trị không hợp lệ", 0}});
}

places::Era era_param(const Request& q) {
  return q.param("era") == "old" ? places::Era::old : places::Era::current;
}

double elapsed_ms(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

void register_analytics_routes(Router& r, Context& ctx) {
  const places::Gazetteer& g = *ctx.places;

  r.get("/api/v1/analytics/indicators", [](const Request&, const Params&) {
    json::array items;
    for (const auto& i : analytics::indicators()) items.push_back(indicator_json(i));
    return Response::json(json::object{{"indicators", std::move(items)}});
  });

  r.get(
      "/api/v1/analytics",
      [&ctx, &g](const Request& req, const Params&) {
        auto t0 = std::chrono::steady_clock::now();
        analytics::Query q;
        q.indicator = required_param(req, "indicator");
        q.unit = req.param("unit", "VN");
        q.period = period_param(req);
        q.by = analytics::parse_by(req.param("by"));
        q.compare = compare_param(req);
        q.group = req.param("group");
        q.era = era_param(req);
        auto view = engine_view(req, ctx);
        auto res = view.engine->query(q);
        json::array rows;
        for (const auto& row : res.rows) {
          auto o = figure_json(*res.indicator, row.figure);
          o["key"] = row.key;
          o["label"] = row.label;
          rows.push_back(std::move(o));
        }
        json::object out{{"indicator", indicator_json(*res.indicator)},
                         {"unit", unit_json(g, *res.unit)},
                         {"period", period_json(res.period)},
                         {"by", analytics::by_name(res.by)},
                         {"compare", q.compare},
                         {"data", view.name()},
                         {"total", figure_json(*res.indicator, res.total)},
                         {"rows", std::move(rows)}};
        out["elapsed_ms"] = elapsed_ms(t0);
        return Response::json(out);
      },
      query_units());

  r.get(
      "/api/v1/analytics/ranking",
      [&ctx, &g](const Request& req, const Params&) {
        auto t0 = std::chrono::steady_clock::now();
        std::string indicator = required_param(req, "indicator");
        auto period = period_param(req);
        std::string level = req.param("level", "province");
        std::string parent = req.param("parent", "VN");
        if (level != "province" && parent == "VN")
          throw invalid("bad_level",
                        "Xếp hạng cấp xã cần tham số parent (mã tỉnh); level chỉ nhận province "
                        "hoặc commune.",
                        {{"level", "Giá trị không hợp lệ", 0}});
        std::string sort = req.param("sort", "value");
        analytics::RankBy by = sort == "pct_of_plan" ? analytics::RankBy::pct_of_plan
                               : sort == "change"    ? analytics::RankBy::change
                                                     : analytics::RankBy::value;
        size_t limit = 0;
        if (auto l = req.param("limit"); !l.empty()) {
          try {
            limit = std::stoul(l);
          } catch (const std::exception&) {
            throw invalid("bad_limit", "Tham số limit phải là số nguyên dương.");
          }
        }
        auto view = engine_view(req, ctx);
        auto rk = view.engine->ranking(indicator, period, parent, era_param(req), by,
                                       compare_param(req), limit);
        json::array rows;
        int rank = 0;
        for (const auto& row : rk.rows) {
          auto o = figure_json(*rk.indicator, row.figure);
          o["rank"] = ++rank;
          o["key"] = row.key;
          o["label"] = row.label;
          o["display_name"] = g.display_name(g.get(row.key));
          rows.push_back(std::move(o));
        }
        json::object out{{"indicator", indicator_json(*rk.indicator)},
                         {"period", period_json(period)},
                         {"sort", sort},
                         {"data", view.name()},
                         {"rows", std::move(rows)}};
        out["elapsed_ms"] = elapsed_ms(t0);
        return Response::json(out);
      },
      query_units({"parent"}));
}

}  // namespace caunoi::api
