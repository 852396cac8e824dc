// activities/audit_image.cpp — see audit_image.h.
#include "activities/audit_image.h"

#include <boost/json.hpp>

namespace caunoi::activities {

std::string audit_image(const Activity& a) {
  namespace json = boost::json;
  auto codes = [](const std::vector<std::string>& v) { return json::array(v.begin(), v.end()); };
  json::object figures;
  for (const auto& [code, n] : a.figures) figures[code] = n;
  return json::serialize(json::object{{"id", a.id},
                                      {"reporting_unit", a.reporting_unit},
                                      {"place", a.place},
                                      {"date_from", a.date_from.iso()},
                                      {"date_to", a.date_to.iso()},
                                      {"kind", a.kind},
                                      {"channel", a.channel},
                                      {"groups", codes(a.groups)},
                                      {"topics", codes(a.topics)},
                                      {"languages", codes(a.languages)},
                                      {"partners", codes(a.partners)},
                                      {"figures", std::move(figures)},
                                      {"title", a.title},
                                      {"note", a.note},
                                      {"external_ref", a.external_ref},
                                      {"version", a.version}});
}

}  // namespace caunoi::activities
