// tests/analytics/world.h — what the analytics, plans and reports tests share: the gazetteer
// (installed once per test binary), an engine wired to a plans service over a fresh in-memory
// database, and helpers that spread a total over units and months as real reports would.
#pragma once

#include <gtest/gtest.h>

#include <memory>

#include "analytics/engine.h"
#include "analytics/indicators.h"
#include "app/bootstrap.h"
#include "foundation/test_db.h"
#include "places/gazetteer.h"
#include "plans/service.h"

namespace caunoi::testutil {

inline const places::Gazetteer& gazetteer() {
  static const places::Gazetteer* g = [] {
    TempDb db;
    auto c = app::open_database(db.path, test_paths());
    return new places::Gazetteer(places::Gazetteer::load(*c));
  }();
  return *g;
}

struct AnalyticsWorld {
  std::unique_ptr<store::Connection> db = store::open_sqlite(":memory:");
  plans::Service plans{gazetteer(), analytics::target_indicator};
  analytics::Engine engine{gazetteer()};

  AnalyticsWorld() {
    plans::Service::install(*db);
    plans.add_listener(&engine);
  }

  analytics::Figure figure(const std::string& indicator, const std::string& unit,
                           const std::string& period, bool compare = false) {
    analytics::Query q;
    q.indicator = indicator;
    q.unit = unit;
    q.period = periods::Period::parse(period);
    q.compare = compare;
    return engine.query(q).total;
  }

  // Adds `total` of one figure of a kind, split as evenly as integers allow over the units and
  // over the months of the period (the remainder goes to the first slots).
  void spread(const std::vector<std::string>& units, const std::string& period,
              const std::string& kind, const std::vector<std::pair<std::string, int64_t>>& totals) {
    auto p = periods::Period::parse(period);
    std::vector<Date> months;
    for (Date d = p.from; d <= p.to; d = d.month == 12 ? Date{d.year + 1, 1, 1}
                                                      : Date{d.year, d.month + 1, 1})
      months.push_back(d);
    int64_t slots = static_cast<int64_t>(units.size() * months.size());
    int64_t slot = 0;
    for (const auto& u : units)
      for (const auto& m : months) {
        activities::ActivityFact f;
        f.id = ++next_id;
        f.unit_id = u;
        f.date = Date{m.year, m.month, 10};
        f.kind = kind;
        for (const auto& [fig, total] : totals)
          f.figures.push_back({fig, total / slots + (slot < total % slots ? 1 : 0)});
        engine.on_added(f);
        ++slot;
      }
  }

  int64_t next_id = 0;
};

// Old provinces (before July 2025), in gazetteer order.
inline std::vector<std::string> old_provinces() {
  std::vector<std::string> out;
  for (const auto* u : gazetteer().children("VN", places::Era::old)) out.push_back(u->id);
  return out;
}

}  // namespace caunoi::testutil
