// plans/audit_image.cpp — see audit_image.h.
#include "plans/audit_image.h"

#include <boost/json.hpp>

namespace caunoi::plans {
namespace {

namespace json = boost::json;

json::object image(const Target& t) {
  return {{"id", t.id},       {"unit_id", t.unit_id}, {"year", t.year}, {"indicator", t.indicator},
          {"group", t.group}, {"value", t.value},     {"note", t.note}};
}

json::object image(const ResultRecord& r) {
  json::array values;
  for (const auto& v : r.values)
    values.push_back(json::object{{"measure", v.measure}, {"group", v.group}, {"value", v.value}});
  return {{"unit_id", r.unit_id},
          {"period", r.period},
          {"as_of", r.as_of.iso()},
          {"values", std::move(values)}};
}

// One record as itself; several under `key` with their count, so that a batch stays one audit
// record. A file of thousands keeps its first kKept: the rows themselves are in their tables,
// and the record's request holds the file's SHA-256.
constexpr size_t kKept = 100;

template <class T>
std::string images(const std::vector<T>& items, const char* key) {
  if (items.size() == 1) return json::serialize(image(items.front()));
  json::array kept;
  for (size_t i = 0; i < items.size() && i < kKept; ++i) kept.push_back(image(items[i]));
  return json::serialize(json::object{{"count", items.size()}, {key, std::move(kept)}});
}

}  // namespace

std::string targets_image(const std::vector<Target>& ts) {
  return images(ts, "targets");
}

std::string results_image(const std::vector<ResultRecord>& rs) {
  return images(rs, "results");
}

}  // namespace caunoi::plans
