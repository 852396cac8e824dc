// api/routes_imports.cpp — /api/v1/imports: a CSV or XLSX file of activities, imported on a
// background worker (queued while others run; 409 import_busy while the same account has one
// queued or running). POST answers 202 {"id"} at once; GET /api/v1/imports/{id} reports
// {state: queued|running|done|failed, phase: checking|writing, rows_total, rows_done (checked),
// rows_to_write, rows_written, errors: [{row, column, message}], error_count, inserted, skipped}.
// The body is multipart/form-data with a part named "file" (what a browser form sends), or the raw
// file with ?filename=hoat-dong.xlsx. ?sheet= picks an XLSX sheet by name.
//
// The auth guard checks the request's own ?unit= only (the user's own unit when it names none);
// a file names its units row by row, so every row is checked in the import itself (row_check
// below): its place and its reporting unit must lie within the signed-in user's unit, by the
// same policy function the guard uses, and its first day must not fall in a month approved for
// either. A refused row is listed like any other bad row and the file writes nothing.
#include <charconv>
#include <map>
#include <memory>
#include <unordered_map>

#include "activities/service.h"
#include "api/audit_trail.h"
#include "api/context.h"
#include "api/router.h"
#include "api/row_scope.h"
#include "api/scope.h"
#include "api/upload.h"
#include "approval/approval.h"
#include "auth/policy.h"

namespace caunoi::api {

namespace {

namespace json = boost::json;

// The per-row check of an import by the user the guard signed in (none when the guard let no
// one in, as in tests of the bare routes). Answers are kept
// per unit and per (unit, month), since a million-row file names a few thousand of each; the
// approved months are read once, on the import's connection inside its transaction, so no
// approval can slip in between the check and the commit.
using RowCheck =
    std::function<std::optional<FieldError>(store::Connection&, const activities::Activity&)>;

RowCheck row_check(const Request& q, const places::Gazetteer& g) {
  auto guard = std::make_shared<RowGuard>(q, g, "/api/v1/imports");
  return [guard](store::Connection& c, const activities::Activity& a) {
    if (auto refused = guard->check(c, a.place, a.date_from, "place", "date_from")) return refused;
    if (a.reporting_unit.empty() || a.reporting_unit == a.place) return std::optional<FieldError>();
    return guard->check(c, a.reporting_unit, a.date_from, "reporting_unit", "date_from");
  };
}

int64_t job_id(const Params& p) {
  const std::string& s = p.at("id");
  int64_t id = 0;
  std::from_chars(s.data(), s.data() + s.size(), id);
  return id;
}

// `max_errors` keeps the audit's copy short; the progress page lists them all.
json::object job_json(const activities::ImportJob& j, size_t max_errors = SIZE_MAX) {
  json::array errors;
  for (const auto& e : j.report.errors) {
    if (errors.size() >= max_errors) break;
    errors.push_back(json::object{{"row", e.row}, {"column", e.column}, {"message", e.message}});
  }
  return json::object{{"id", j.id},
                      {"state", j.state},
                      {"filename", j.filename},
                      {"unit", j.unit_id},
                      {"rows_total", j.report.rows_total},
                      {"rows_done", j.report.rows_done},
                      {"phase", j.phase},
                      {"rows_to_write", j.report.rows_to_write},
                      {"rows_written", j.report.rows_written},
                      {"inserted", j.report.inserted},
                      {"skipped", j.report.skipped},
                      {"error_count", j.report.error_count},
                      {"errors", std::move(errors)},
                      {"message", j.message}};
}

}  // namespace

void register_imports_routes(Router& r, Context& ctx) {
  activities::Service& svc = *ctx.activities;
  store::Pool& pool = *ctx.pool;

  Access upload = query_units();
  upload.upload = true;
  Access job;
  job.stored = [&svc](store::Connection&, const Request&, const Params& p, Touch& t) {
    auto j = svc.job(job_id(p));
    if (!j)
      throw not_found("import_not_found", "Không có lượt nhập tệp số \"" + p.at("id") + "\".");
    t.units.push_back(j->unit_id);
  };
  job.returns = {"unit"};

  r.post(
      "/api/v1/imports",
      [&](const Request& q, const Params&) {
        Upload up = uploaded_file(q, "");
        activities::ImportOptions opt;
        opt.filename = up.filename;
        opt.sheet = q.param("sheet");
        std::string user = q.actor.username;
        opt.created_by = user.empty() ? "import" : user;
        opt.owner = user;
        opt.row_check = row_check(q, *ctx.places);
        // The job answers with this unit, so the guard shows it only within it (auth_guard.h).
        opt.unit_id = !q.param("unit").empty() ? q.param("unit")
                      : q.who                  ? q.who->user.unit_id
                                               : "VN";
        // What the file wrote is recorded with its rows, in the import's transaction, as the
        // user who sent it; a file refused whole wrote nothing, and its end is recorded on its own.
        opt.actor = q.actor;
        opt.actor.action = "import.ended";
        opt.actor.entity.clear();  // the job's, "import:<id>"
        Request who;
        who.method = q.method;
        who.path = q.path;
        who.remote = q.remote;
        who.who = q.who;
        auto ended = [&ctx, who](const activities::ImportJob& j) {
          if (!ctx.auth || j.report.inserted > 0) return;
          auto c = ctx.pool->acquire();
          audit_action(*c, who, who.who ? &*who.who : nullptr, "import.ended",
                       "import:" + std::to_string(j.id), "",
                       boost::json::serialize(job_json(j, 20)), j.state == "done" ? 200 : 400);
        };
        int64_t id = svc.start_import(pool, std::move(up.data), std::move(opt), ended);
        Response res = Response::json(json::object{{"id", id}, {"state", "queued"}}, 202);
        res.headers.emplace_back("Location", "/api/v1/imports/" + std::to_string(id));
        return res;
      },
      upload);

  r.get(
      "/api/v1/imports/{id}",
      [&](const Request&, const Params& p) {
        auto j = svc.job(job_id(p));
        if (!j)
          throw not_found("import_not_found", "Không có lượt nhập tệp số \"" + p.at("id") + "\".");
        return Response::json(job_json(*j));
      },
      job);
}

}  // namespace caunoi::api
