// activities/change_feed.cpp — see change_feed.h.
#include "activities/change_feed.h"

#include <boost/json.hpp>

#include "changes/feed.h"

namespace caunoi::activities::feed {

namespace json = boost::json;

namespace {

json::array versions(const std::vector<Version>& vs) {
  json::array a;
  for (const auto& [id, v] : vs) a.push_back(json::array{id, v});
  return a;
}

void each_version(const json::object& o, const char* key,
                  const std::function<void(int64_t, int64_t)>& fn) {
  if (const auto* a = o.if_contains(key))
    for (const auto& v : a->as_array())
      fn(v.as_array().at(0).to_number<int64_t>(), v.as_array().at(1).to_number<int64_t>());
}

}  // namespace

void record_versions(store::Connection& c, const std::vector<Version>& added,
                     const std::vector<Version>& removed) {
  changes::record(
      c, kActivities,
      json::serialize(json::object{{"added", versions(added)}, {"removed", versions(removed)}}));
}

void record_import(store::Connection& c, int64_t first, int64_t last) {
  changes::record(c, kActivities, json::serialize(json::object{{"imported", {first, last}}}));
}

void record_reference(store::Connection& c, std::string_view list) {
  changes::record(c, kReference, json::serialize(json::object{{"list", list}}));
}

void read(store::Connection& c, const std::string& payload,
          const std::function<void(const ActivityFact&)>& removed,
          const std::function<void(const ActivityFact&)>& added) {
  const json::object o = json::parse(payload).as_object();
  auto one = [&](const std::function<void(const ActivityFact&)>& fn) {
    return [&c, &fn](int64_t id, int64_t v) {
      if (auto f = fact_at(c, id, v)) fn(*f);
    };
  };
  each_version(o, "removed", one(removed));
  each_version(o, "added", one(added));
  if (const auto* r = o.if_contains("imported")) {
    const auto& a = r->as_array();
    scan_imported_facts(c, a.at(0).to_number<int64_t>(), a.at(1).to_number<int64_t>(), added);
  }
}

}  // namespace caunoi::activities::feed
