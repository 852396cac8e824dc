// tests/approval/requests.h — JSON bodies the approval tests send: an approval step and a
// conference activity of a unit on a date.
#pragma once

#include <boost/json.hpp>
#include <string>

namespace caunoi::testutil {

inline std::string approval_body(const std::string& unit, const std::string& period,
                                 const std::string& reason = "") {
  return boost::json::serialize(
      boost::json::object{{"unit_id", unit}, {"period", period}, {"reason", reason}});
}

inline std::string conference_body(const std::string& unit, const std::string& date,
                                   int attendees) {
  return boost::json::serialize(boost::json::object{
      {"reporting_unit", unit},
      {"place", unit},
      {"date_from", date},
      {"kind", "conference"},
      {"groups", boost::json::array{"farm_households"}},
      {"topics", boost::json::array{"voluntary_si"}},
      {"figures", boost::json::object{{"events", 1}, {"attendees", attendees}}}});
}

}  // namespace caunoi::testutil
