// analytics/engine.h — the queries of dashboards and reports, answered from memory.
//
// The Engine owns the activity cube and the participation stocks, built once at start (load)
// and kept current as the activities service and the plans service report committed writes
// (it is their FactListener and plans::Listener). Queries take a shared lock, writes an
// exclusive one; no query reads the database.
//
// A query names an indicator (indicators.h), a unit (any current unit, or an old province or
// district), a period of whole months, optionally a breakdown and the comparison with the same
// period a year earlier. Every number comes with its target (the unit's plan for the period's
// year, if any) so percent of plan is at hand.
#pragma once

#include <functional>
#include <memory>
#include <optional>
#include <shared_mutex>
#include <string>
#include <string_view>
#include <vector>

#include "activities/facts.h"
#include "analytics/cube.h"
#include "analytics/indicators.h"
#include "analytics/month.h"
#include "analytics/stocks.h"
#include "periods/period.h"
#include "places/gazetteer.h"
#include "plans/service.h"
#include "store/store.h"

namespace caunoi::analytics {

enum class By { none, children, period, kind, group, topic, language, channel };
// "children", "period", ... ("" = none); throws invalid_input "bad_by".
By parse_by(std::string_view s);
const char* by_name(By b);

struct Figure {
  std::optional<double> value;
  std::optional<double> previous;  // same period a year earlier, when compared
  std::optional<double> target;    // plan for the period's year
  std::optional<int> as_of;        // stocks: month index of the value
  std::optional<int> previous_as_of;

  std::optional<double> ratio() const;        // value / previous
  std::optional<double> pct_of_plan() const;  // value / target × 100
};

struct Row {
  std::string key;    // unit id, "2022-03", kind code, group code...
  std::string label;  // Vietnamese
  Figure figure;
};

struct Query {
  std::string indicator;
  std::string unit = "VN";
  periods::Period period;
  By by = By::none;
  bool compare = false;
  std::string group;                       // target group of the plan to compare with ("" = all)
  places::Era era = places::Era::current;  // which tree by=children lists under VN
};

struct Result {
  const Indicator* indicator = nullptr;
  const places::Unit* unit = nullptr;
  periods::Period period;
  std::optional<periods::Period> previous_period;
  By by = By::none;
  Figure total;
  std::vector<Row> rows;
};

enum class RankBy { value, pct_of_plan, change };

struct Ranking {
  const Indicator* indicator = nullptr;
  periods::Period period;
  std::vector<Row> rows;  // best first
};

class Engine : public activities::FactListener, public plans::Listener {
 public:
  using Labeler = std::function<std::string(std::string_view list, std::string_view code)>;

  explicit Engine(const places::Gazetteer& g);

  // Which reported data to take in, by where and when it was reported (empty: all).
  using Keep = std::function<bool(const std::string& unit_id, Date date)>;

  // Reads every live activity and all targets and results (analytics/load.cpp). With `keep`,
  // only activities and results it accepts (targets are plans, not reported data: all kept).
  void load(store::Connection& c, const Keep& keep = {});
  void set_labels(Labeler l);

  Result query(const Query& q) const;
  // Units under `parent` (VN: provinces of `era`) ranked by an indicator; limit 0 = all.
  Ranking ranking(std::string_view indicator, const periods::Period& p, std::string_view parent,
                  places::Era era, RankBy by, bool compare, size_t limit = 0) const;

  const places::Gazetteer& places() const { return g_; }
  std::string label(std::string_view list, std::string_view code) const;
  int64_t facts() const;

  void on_added(const activities::ActivityFact& f) override;
  void on_removed(const activities::ActivityFact& f) override;
  void on_target(const plans::Target& t, std::optional<double> value) override;
  void on_result(const std::string& unit_id, Date as_of, const plans::ResultValue& v,
                 bool removed) override;

 private:
  std::optional<double> value_of(const Indicator& ind, const places::Unit& u, MonthRange r,
                                 std::optional<int>* as_of) const;
  Figure figure_of(const Indicator& ind, const places::Unit& u, MonthRange r,
                   std::optional<MonthRange> prev, int year, const std::string& group) const;
  const places::Unit& unit_for_query(std::string_view id) const;
  std::vector<const places::Unit*> children_of(const places::Unit& u, places::Era era) const;
  void rows_by_period(const Query& q, const Indicator& ind, const places::Unit& u, MonthRange r,
                      Result& out) const;
  void rows_by_kind(const Query& q, const Indicator& ind, const places::Unit& u, MonthRange r,
                    Result& out) const;
  void rows_by_dim(const Query& q, const Indicator& ind, const places::Unit& u, MonthRange r,
                   Result& out) const;

  const places::Gazetteer& g_;
  mutable std::shared_mutex mu_;
  Cube cube_;
  Stocks stocks_;
  Labeler labels_;
};

}  // namespace caunoi::analytics
