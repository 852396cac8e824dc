// api/routes_reference.cpp — /api/v1/reference: every reference list of the activity log with
// its Vietnamese labels, which figures and channels each kind takes; an administrator adds an
// entry with POST /api/v1/reference/{list} {"code", "label", "category"?, "figures"?, "channels"?}.
#include "activities/service.h"
#include "api/context.h"
#include "api/router.h"

namespace caunoi::api {

namespace {

namespace json = boost::json;

json::object reference_json(const activities::Reference& ref) {
  json::object out;
  for (const char* list : activities::kLists) {
    json::array items;
    for (const auto& e : ref.entries(list)) {
      json::object o{{"code", e.code}, {"label", e.label}};
      if (!e.category.empty()) o["category"] = e.category;
      if (std::string_view(list) == "kind") {
        json::array figs, chans;
        for (const auto& f : ref.figures_of(e.code)) figs.emplace_back(f);
        for (const auto& c : ref.channels_of(e.code)) chans.emplace_back(c);
        o["figures"] = std::move(figs);
        o["channels"] = std::move(chans);
      }
      items.push_back(std::move(o));
    }
    out[std::string(list) + "s"] = std::move(items);
  }
  return out;
}

std::vector<std::string> string_list(const json::object& o, const char* key) {
  std::vector<std::string> out;
  if (auto* v = o.if_contains(key); v && v->is_array()) {
    for (const auto& x : v->as_array())
      if (x.is_string()) out.emplace_back(x.as_string());
  }
  return out;
}

}  // namespace

void register_reference_routes(Router& r, Context& ctx) {
  activities::Service& svc = *ctx.activities;
  store::Pool& pool = *ctx.pool;

  r.get("/api/v1/reference", [&](const Request&, const Params&) {
    return Response::json(reference_json(*svc.reference()));
  });

  r.post("/api/v1/reference/{list}", [&](const Request& q, const Params& p) {
    json::object o = q.json_body();
    auto str = [&](const char* key) {
      auto* v = o.if_contains(key);
      return v && v->is_string() ? std::string(v->as_string()) : std::string();
    };
    activities::RefEntry e{str("code"), str("label"), str("category"), 0};
    auto c = pool.acquire();
    svc.add_reference(*c, q.actor, p.at("list"), e, string_list(o, "figures"),
                      string_list(o, "channels"));
    return Response::json(reference_json(*svc.reference()), 201);
  });
}

}  // namespace caunoi::api
