// analytics/indicators.h — the named indicators, defined as data (see indicators.cpp).
//
// An activity indicator sums one figure over a set of activity kinds (a flow: months add up).
// A participation indicator divides the sum of some measures by the sum of others, times a
// factor (a stock: the value at the end of the period counts, not the sum of months), e.g.
//   meetings           = Σ events over {conference, customer_conference, dialogue,
//                                       consultation, small_group}
//   bhyt_coverage      = bhyt / population × 100
//   bhxh_labour_share  = (bhxh_compulsory + bhxh_voluntary) / labour_force × 100
// Percent of plan and change against the same period a year earlier apply to every indicator
// (analytics/engine.h). "kind.<code>" indicators count each activity kind by its main figure.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace caunoi::analytics {

enum class Source { activity, participation };

struct Indicator {
  std::string code;
  std::string label;      // Vietnamese, for tables: "Số hội nghị truyền thông, ..."
  std::string unit;       // Vietnamese unit of measure: "cuộc", "lượt người", "người", "%"
  Source source = Source::activity;
  // activity
  std::string figure;               // "events"
  std::vector<std::string> kinds;   // empty: every kind
  // participation
  std::vector<std::string> numerator, denominator;  // measure codes (plans/model.h)
  double factor = 1;
  int decimals = 0;        // how the value is printed
  std::string narrative;   // noun phrase after the number in a drafted sentence
  std::string category;    // "activity", "kind", "participation": how lists group them

  bool is_rate() const { return !denominator.empty(); }
  // Targets of sums roll up from provinces to the country; targets of rates do not.
  bool summable() const { return !is_rate(); }
};

const std::vector<Indicator>& indicators();
const Indicator* find_indicator(std::string_view code);
// Throws invalid_input "unknown_indicator" listing the codes.
const Indicator& get_indicator(std::string_view code);
// For plan targets: an indicator code, or a bare activity kind ("conference" → "kind.conference").
std::optional<std::string> target_indicator(std::string_view code);

}  // namespace caunoi::analytics
