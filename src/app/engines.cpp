// app/engines.cpp — see engines.h.
#include "app/engines.h"

#include "approval/approval.h"

namespace caunoi::app {

std::shared_ptr<analytics::Engine> load_engine(store::Connection& c, const places::Gazetteer& g,
                                               bool approved_only) {
  auto e = std::make_shared<analytics::Engine>(g);
  if (!approved_only) {
    e->load(c);
    return e;
  }
  auto approved = approval::ApprovedMonths::load(c);
  e->load(c, [&](const std::string& unit_id, Date d) { return approved.covers(g, unit_id, d); });
  return e;
}

}  // namespace caunoi::app
