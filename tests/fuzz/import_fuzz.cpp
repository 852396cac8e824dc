// tests/fuzz/import_fuzz.cpp — libFuzzer target for the property that matters most: a file
// lands whole or not at all. Any bytes are imported (as CSV, or as XLSX when they look like a
// ZIP archive) into an in-memory database prepared with the real unit lists; afterwards the
// table must have grown by exactly `inserted` rows when the report is clean and by none
// otherwise, and the connection must be out of its transaction.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <string_view>

#include "activities/import.h"
#include "activities/reference.h"
#include "activities/repository.h"
#include "activities/schema.h"
#include "common/error.h"
#include "places/gazetteer.h"
#include "places/install.h"
#include "store/migrations.h"

using namespace caunoi;

namespace {

struct World {
  std::unique_ptr<store::Connection> c;
  std::unique_ptr<places::Gazetteer> g;
  std::shared_ptr<const activities::Reference> ref;
};

World& world() {
  static World w = [] {
    World x;
    x.c = store::open_sqlite(":memory:");
    const char* data = std::getenv("CAUNOI_DATA_DIR");
    places::install(*x.c, data ? data : "data");
    store::apply_migrations(*x.c, activities::migrations());
    x.g = std::make_unique<places::Gazetteer>(places::Gazetteer::load(*x.c));
    x.ref = activities::Reference::load(*x.c);
    return x;
  }();
  return w;
}

}  // namespace

// Loading the unit lists takes seconds under ASan: done before fuzzing, outside the per-input
// timeout.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  world();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  World& w = world();
  std::string_view in(reinterpret_cast<const char*>(data), size);
  int64_t before = w.c->scalar("SELECT COUNT(*) FROM activities").value_or(0);
  activities::ImportOptions opt;
  opt.filename = "fuzz.csv";
  opt.today = Date{2026, 1, 1};
  activities::ImportReport rep;
  bool threw = false;
  try {
    rep = activities::import_activities(*w.c, *w.ref, *w.g, in, opt);
  } catch (const Error&) {
    threw = true;
  }
  int64_t after = w.c->scalar("SELECT COUNT(*) FROM activities").value_or(0);
  if (w.c->in_transaction()) __builtin_trap();
  if (threw || !rep.ok()) {
    if (after != before) __builtin_trap();  // a refused file wrote something
  } else if (after - before != rep.inserted) {
    __builtin_trap();  // the report and the table disagree
  }
  if (after > 10000) w.c->execute("DELETE FROM activities");
  return 0;
}
