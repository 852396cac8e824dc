// analytics/stocks.h — participation results and plan targets, in memory, rolled up like the
// cube but as stocks: a figure is "as of the end of the period", never summed over months.
//
// Results are kept per unit and measure key ("bhyt", "bhyt.hgd") as a series of (month, value).
// The value of unit U at the end of a period is U's own figure if it reported one; otherwise the
// sum of the provinces lying in U's territory today that reported (old provinces before the
// reform month, current ones after), so today's Lào Cai in 2022 is old Lào Cai plus Yên Bái.
// The month used is the last month in the period with any figure ("as of" in the answer).
//
// Targets are kept per (unit, year, indicator, group); a unit without its own target of a
// summable indicator gets the sum of its provinces' targets.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <vector>

#include "places/gazetteer.h"
#include "plans/model.h"

namespace caunoi::analytics {

struct StockValue {
  int month = 0;  // month index the value is as of
  int64_t value = 0;
};

class Stocks {
 public:
  explicit Stocks(const places::Gazetteer& g) : g_(g) {}

  void set_result(const std::string& unit_id, Date as_of, const plans::ResultValue& v,
                  bool removed);
  void set_target(const plans::Target& t, std::optional<double> value);

  // Sum of `keys` for unit U as of the last month in [m0, m1] that has any of them.
  std::optional<StockValue> value(const places::Unit& u, const std::vector<std::string>& keys,
                                  int m0, int m1) const;
  // Sum of `keys` as of month m: each figure's last value in [m0, m] (a denominator reported
  // yearly still serves a monthly numerator when m0 reaches back far enough).
  std::optional<int64_t> value_as_of(const places::Unit& u, const std::vector<std::string>& keys,
                                     int m0, int m) const;
  std::optional<double> target(const places::Unit& u, int year, const std::string& indicator,
                               const std::string& group, bool summable) const;
  // Group codes that have BHYT figures ("bhyt.<group>").
  std::vector<std::string> groups_of(const std::string& measure) const;

 private:
  using Series = std::vector<StockValue>;  // sorted by month
  // Units that reported `key`, with their series.
  struct Holders {
    std::map<uint32_t, Series> by_unit;
  };
  std::optional<int> last_month(const places::Unit& u, const Holders& h, int m0, int m1) const;
  std::optional<int64_t> at(const places::Unit& u, const Holders& h, int m0, int m) const;
  bool contributes(const places::Unit& holder, const places::Unit& u) const;

  const places::Gazetteer& g_;
  std::unordered_map<std::string, Holders> results_;  // by measure key
  // (year, indicator, group) → unit index → value
  std::map<std::tuple<int, std::string, std::string>, std::map<uint32_t, double>> targets_;
};

}  // namespace caunoi::analytics
