// plans/service.h — entering, listing and importing targets and participation results.
//
// Every write is validated whole before anything is written (units exist, periods are a month
// or a quarter, values are non-negative, an old unit is not given figures after the 2025 reform)
// and lands in one transaction. After commit the listeners (the analytics cube) hear of each
// changed value, so in-memory aggregates never see uncommitted or rolled-back data.
//
// Target indicators are checked by a function the composition root passes in (analytics owns the
// list of indicators; plans must not depend on it). It may also rewrite a code, e.g. a bare
// activity kind "conference" to the indicator "kind.conference".
#pragma once

#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "audit/log.h"
#include "common/error.h"
#include "plans/model.h"
#include "store/store.h"

namespace caunoi::places {
class Gazetteer;
}

namespace caunoi::plans {

class Listener {
 public:
  virtual ~Listener() = default;
  // value nullopt: the target / result value was removed.
  virtual void on_target(const Target& t, std::optional<double> value) = 0;
  virtual void on_result(const std::string& unit_id, Date as_of, const ResultValue& v,
                         bool removed) = 0;
};

using IndicatorCheck = std::function<std::optional<std::string>(std::string_view code)>;

struct ImportSummary {
  long rows = 0;     // data rows read
  long written = 0;  // targets or result values written
};

class Service {
 public:
  explicit Service(const places::Gazetteer& g, IndicatorCheck check = {});
  // Creates the tables (idempotent).
  static void install(store::Connection& c);
  void add_listener(Listener* l) { listeners_.push_back(l); }

  // Insert or replace by (unit, year, indicator, group); returns the stored target with its id.
  // Every write lands with the audit record of `by` in one transaction (audit/log.h).
  Target put_target(store::Connection& c, Target t, const audit::Actor& by);
  void put_targets(store::Connection& c, std::vector<Target> ts, const audit::Actor& by);
  void delete_target(store::Connection& c, int64_t id, const audit::Actor& by);
  // One target by id (the guard's and the audit's view of what a delete removes).
  std::optional<Target> target(store::Connection& c, int64_t id) const;
  std::vector<Target> targets(store::Connection& c, std::string_view unit,
                              std::optional<int> year) const;

  // Each given value replaces the stored one of the same (unit, period, measure, group); other
  // measures of the period are kept.
  ResultRecord put_result(store::Connection& c, ResultRecord r, const audit::Actor& by);
  void put_results(store::Connection& c, std::vector<ResultRecord> rs, const audit::Actor& by);
  // Removes every value of a unit's period; not_found if there was none.
  void delete_result(store::Connection& c, std::string_view unit, std::string_view period,
                     const audit::Actor& by);
  // The stored record of a unit's period (any period code Period::parse reads), if any.
  std::optional<ResultRecord> result(store::Connection& c, std::string_view unit,
                                     std::string_view period) const;
  // Records of a unit ("" = all) whose period ends within [from, to] (either may be open).
  std::vector<ResultRecord> results(store::Connection& c, std::string_view unit,
                                    std::optional<Date> from, std::optional<Date> to) const;

  // Asked for every valid row of an import: the unit and, for results, the day the figures
  // are as of (nullopt for targets). A FieldError ("unit" or "period") refuses the row, and so
  // the file: the API checks the user's unit scope and approved months this way.
  using RowCheck = std::function<std::optional<FieldError>(
      store::Connection&, const std::string& unit_id, std::optional<Date> as_of)>;

  // CSV or XLSX (by content and file name), all rows or none; see plans/import.h for columns.
  // XLSX is read within tabular::XlsxLimits. The actor `by` who sent the file may have one plan
  // import at a time (conflict "import_busy" otherwise); an actor without a name is not limited.
  ImportSummary import_targets(store::Connection& c, std::string_view data,
                               std::string_view filename, const RowCheck& row_check,
                               const audit::Actor& by);
  ImportSummary import_results(store::Connection& c, std::string_view data,
                               std::string_view filename, const RowCheck& row_check,
                               const audit::Actor& by);

  // An entry another server (or a command) wrote in the change feed (changes/feed.h): the
  // listeners hear the values now stored under the keys it names. false: another part's entry.
  bool apply_change(store::Connection& c, const std::string& part, const std::string& payload);

  // Everything stored, for building the analytics cube at start.
  static void scan(store::Connection& c, const std::function<void(const Target&)>& on_target,
                   const std::function<void(const ResultRecord&)>& on_result);

  // Validation alone (also used row by row by the importers). Field names are prefixed.
  Target checked(Target t, const std::string& prefix, std::vector<FieldError>& errs) const;
  ResultRecord checked(ResultRecord r, const std::string& prefix,
                       std::vector<FieldError>& errs) const;

 private:
  void write_targets(store::Connection& c, std::vector<Target>& ts, const audit::Actor& by);
  void write_results(store::Connection& c, const std::vector<ResultRecord>& rs,
                     const audit::Actor& by);
  // Marks `owner` busy for the life of the returned guard.
  std::shared_ptr<void> busy(const std::string& owner);

  const places::Gazetteer& places_;
  IndicatorCheck check_;
  std::vector<Listener*> listeners_;
  std::mutex busy_m_;
  std::set<std::string> busy_;  // accounts with a plan import under way
};

}  // namespace caunoi::plans
