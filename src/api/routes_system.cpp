// api/routes_system.cpp — /healthz, /api/v1/meta, periods parsing and the province GeoJSON.
#include <fstream>
#include <sstream>

#include "api/context.h"
#include "api/json_util.h"
#include "api/router.h"

namespace caunoi::api {

void register_system_routes(Router& r, Context& ctx) {
  r.get("/healthz", [&ctx](const Request&, const Params&) {
    auto lease = ctx.pool->acquire();
    bool ok = lease->scalar("SELECT 1").value_or(0) == 1;
    return Response::json(boost::json::object{{"status", ok ? "ok" : "degraded"}}, ok ? 200 : 503);
  });

  // The province boundaries are 2 MB: read once, served from memory.
  auto geo = std::make_shared<std::string>();
  {
    std::ifstream in(ctx.data_dir / "geo" / "provinces_2025.geojson", std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    *geo = ss.str();
  }
  r.get("/api/v1/geo/provinces", [geo](const Request&, const Params&) {
    if (geo->empty())
      throw Error(ErrorKind::not_found, "geo_missing", "Không có dữ liệu bản đồ tỉnh.");
    Response res;
    res.content_type = "application/geo+json";
    res.body = *geo;
    res.headers.emplace_back("Cache-Control", "public, max-age=86400");
    return res;
  });
}

void register_periods_routes(Router& r, Context&) {
  r.get("/api/v1/periods/parse", [](const Request& q, const Params&) {
    return Response::json(period_json(period_param(q, "p")));
  });
}

}  // namespace caunoi::api
