// api/routes_system.cpp — /healthz, periods parsing, the province GeoJSON and the API's own
// description (data/api/openapi.json, the one place the API is described: the web app's types
// are generated from it and tests/api/openapi_test.cpp holds every route's answers against it).
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>

#include "api/context.h"
#include "api/json_util.h"
#include "api/router.h"

namespace caunoi::api {
namespace {

// A data file read once at start and served from memory; empty when it is missing.
std::shared_ptr<const std::string> read_once(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return std::make_shared<const std::string>(ss.str());
}

Response served(const std::string& body, const char* type, const char* missing_code,
                const char* missing_message) {
  if (body.empty()) throw Error(ErrorKind::not_found, missing_code, missing_message);
  Response res;
  res.content_type = type;
  res.body = body;
  res.headers.emplace_back("Cache-Control", "public, max-age=86400");
  return res;
}

}  // namespace

void register_system_routes(Router& r, Context& ctx) {
  r.get("/healthz", [&ctx](const Request&, const Params&) {
    auto lease = ctx.pool->acquire();
    bool ok = lease->scalar("SELECT 1").value_or(0) == 1;
    return Response::json(boost::json::object{{"status", ok ? "ok" : "degraded"}}, ok ? 200 : 503);
  });

  // The province boundaries are 2 MB.
  auto geo = read_once(ctx.data_dir / "geo" / "provinces_2025.geojson");
  r.get("/api/v1/geo/provinces", [geo](const Request&, const Params&) {
    return served(*geo, "application/geo+json", "geo_missing", "Không có dữ liệu bản đồ tỉnh.");
  });

  auto openapi = read_once(ctx.data_dir / "api" / "openapi.json");
  r.get("/api/v1/openapi.json", [openapi](const Request&, const Params&) {
    return served(*openapi, "application/json; charset=utf-8", "openapi_missing",
                  "Không có tài liệu mô tả API (data/api/openapi.json).");
  });
}

void register_periods_routes(Router& r, Context&) {
  r.get("/api/v1/periods/parse", [](const Request& q, const Params&) {
    return Response::json(period_json(period_param(q, "p")));
  });
}

}  // namespace caunoi::api
