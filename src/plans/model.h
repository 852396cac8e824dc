// plans/model.h — the two kinds of planning data: targets and participation results.
//
// A Target is one number a unit is asked to reach in a year: an analytics indicator code
// ("bhyt_coverage", "bhxh_labour_share", "meetings", "kind.conference"...) optionally for one
// target group ("hgd", "hssv"). Participation results are stock figures reported per unit at the
// end of a month or a quarter: one ResultValue per measure (and group for BHYT by group).
// Measures are a closed list; their codes are what analytics indicators name.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "common/date.h"

namespace caunoi::plans {

struct Measure {
  const char* code;      // "bhxh_compulsory"
  const char* label_vi;  // "Số người tham gia BHXH bắt buộc"
  const char* column_vi; // the heading of the import/export column: "BHXH bắt buộc"
};

// bhxh_compulsory, bhxh_voluntary, bhtn, bhyt, population, labour_force.
std::span<const Measure> measures();
const Measure* find_measure(std::string_view code);

struct Target {
  int64_t id = 0;
  std::string unit_id;
  int year = 0;
  std::string indicator;  // analytics indicator code
  std::string group;      // "" = all groups
  double value = 0;
  std::string note;
};

struct ResultValue {
  std::string measure;  // a Measure code
  std::string group;    // "" = total; BHYT by group: "hgd", "hssv", ...
  int64_t value = 0;
};

// The figures of one unit at the end of one period (month "2022-03" or quarter "2022Q1").
struct ResultRecord {
  std::string unit_id;
  std::string period;  // canonical period code
  Date as_of;          // last day of the period: stocks are "as of the end"
  std::vector<ResultValue> values;
};

}  // namespace caunoi::plans
