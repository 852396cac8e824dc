// tests/foundation/demo_data.h — a small demo data set (src/demo) written into a test database:
// the generator's activities, plans and approvals of the months `from`..`to`, figures scaled by
// `scale`, quietly. For tests that need a served database's worth of rows, not particular ones.
#pragma once

#include "demo/demo.h"
#include "foundation/test_db.h"

namespace caunoi::testutil {

inline void write_demo_data(store::Connection& c, const places::Gazetteer& g, double scale,
                            Date from, Date to) {
  demo::DemoOptions opt;
  opt.scale = scale;
  opt.from = from;
  opt.to = to;
  opt.data_dir = test_paths().data_dir;
  demo::Progress quiet(false);
  demo::generate(c, g, opt, quiet);
}

}  // namespace caunoi::testutil
