// analytics/load.cpp — building the engine from the database at start: every live activity
// (activities::scan_facts), every target and result (plans::Service::scan), and the Vietnamese
// labels of the reference lists for breakdown rows.
#include <mutex>

#include "activities/reference.h"
#include "analytics/engine.h"
#include "store/dialect.h"

namespace caunoi::analytics {

void Engine::load(store::Connection& c, const Keep& keep) {
  std::shared_ptr<const activities::Reference> ref;
  if (store::table_exists(c, "activity_ref")) ref = activities::Reference::load(c);
  std::unique_lock lk(mu_);
  if (ref)
    labels_ = [ref](std::string_view list, std::string_view code) {
      return ref->label(list, code);
    };
  if (store::table_exists(c, "activities"))
    activities::scan_facts(c, [&](const activities::ActivityFact& f) {
      if (!keep || keep(f.unit_id, f.date)) cube_.apply(f, +1);
    });
  plans::Service::scan(
      c, [&](const plans::Target& t) { stocks_.set_target(t, t.value); },
      [&](const plans::ResultRecord& r) {
        if (keep && !keep(r.unit_id, r.as_of)) return;
        for (const auto& v : r.values) stocks_.set_result(r.unit_id, r.as_of, v, false);
      });
}

}  // namespace caunoi::analytics
