// demo/approvals_gen.cpp — approved reporting months, so that the demo shows the approval
// workflow and "approved data only" reports have something to hold.
//
// Every current province has each month from the start of the demo through December 2025
// approved by the centre (which, through today's territory, also covers the old provinces'
// data of those months), and January–March 2026 submitted and waiting. Later months stay open,
// so the demo remains editable where a user would work. Written as rows of period_approvals
// (approval/approval.cpp) rather than through approval::approve, which needs a signed-in
// approver and writes an audit record per step: these months were approved before the demo's
// history begins.
#include <cstdio>

#include "demo/demo.h"

namespace caunoi::demo {

void generate_approvals(DemoContext& ctx) {
  const Date last_approved{2025, 12, 1};
  const Date last_submitted{2026, 3, 1};
  auto provinces = ctx.places.children("VN", places::Era::current);
  store::Transaction tx(ctx.db);
  for (Date m{ctx.opt.from.year, ctx.opt.from.month, 1};
       m <= last_submitted && m < Date{ctx.opt.to.year, ctx.opt.to.month, 1};
       m = m.month == 12 ? Date{m.year + 1, 1, 1} : Date{m.year, m.month + 1, 1}) {
    char period[16];
    std::snprintf(period, sizeof period, "%04d-%02d", m.year, m.month);
    bool approved = m <= last_approved;
    for (const auto* p : provinces)
      ctx.db.execute(
          "INSERT INTO period_approvals (unit_id, period, state, submitted_by, submitted_at, "
          "decided_by, decided_at) VALUES (?, ?, ?, 'demo', 0, ?, 0) ON CONFLICT DO NOTHING",
          p->id, std::string(period), approved ? "approved" : "submitted", approved ? "demo" : "");
  }
  tx.commit();
}

}  // namespace caunoi::demo
