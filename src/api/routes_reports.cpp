// api/routes_reports.cpp — /api/v1/reports: the report of a unit and period (narrative and
// tables) as JSON, as an XLSX workbook, or as a Word document laid out as an administrative
// document (Decree 30/2020/NĐ-CP) to edit and sign.
//   GET /api/v1/reports?unit=VN&period=2022-01..2022-10[&compare=last-year]
//   GET /api/v1/reports/xlsx?... (same parameters)
//   GET /api/v1/reports/docx?... (same parameters)
// data=approved builds the report from approved months only (api/data_scope.h); the report says
// which data it holds either way. A period (or its comparison period) before 1 July 2025 comes
// with "reform_note" (reports::Report::reform_note), which the XLSX and the .docx carry too. The
// downloads are named by reports::file_name.
#include "api/context.h"
#include "api/data_scope.h"
#include "api/json_util.h"
#include "api/router.h"
#include "common/date.h"
#include "reports/render.h"
#include "tabular/docx_writer.h"
#include "tabular/xlsx_writer.h"

namespace caunoi::api {
namespace {

reports::Report build(const Context& ctx, const Request& q) {
  std::string c = q.param("compare");
  if (!c.empty() && c != "last-year" && c != "none")
    throw invalid("bad_compare", "Tham số compare chỉ nhận \"last-year\".",
                  {{"compare", "Giá trị không hợp lệ", 0}});
  auto view = engine_view(q, ctx);
  return reports::build_report(*view.engine, q.param("unit", "VN"), period_param(q),
                               c == "last-year", view.approved_only);
}

Response download(const char* mime, std::string body, const std::string& name) {
  Response res;
  res.content_type = mime;
  res.body = std::move(body);
  res.headers.emplace_back("Content-Disposition", "attachment; filename=\"" + name + "\"");
  return res;
}

}  // namespace

void register_reports_routes(Router& r, Context& ctx) {
  r.get(
      "/api/v1/reports",
      [&ctx](const Request& q, const Params&) {
        return Response::json(reports::render_json(build(ctx, q)));
      },
      query_units());

  r.get(
      "/api/v1/reports/xlsx",
      [&ctx](const Request& q, const Params&) {
        auto rep = build(ctx, q);
        return download(tabular::kXlsxMime, reports::render_xlsx(rep),
                        reports::file_name(rep, "xlsx"));
      },
      query_units());

  r.get(
      "/api/v1/reports/docx",
      [&ctx](const Request& q, const Params&) {
        auto rep = build(ctx, q);
        return download(tabular::kDocxMime, reports::render_docx(rep, Date::today()),
                        reports::file_name(rep, "docx"));
      },
      query_units());
}

}  // namespace caunoi::api
