// tests/auth/backup_test.cpp — an online backup restores to exactly the database it copied.
#include <gtest/gtest.h>

#include "audit/log.h"
#include "auth/service.h"
#include "foundation/test_db.h"

using namespace caunoi;

namespace {

std::string dump(store::Connection& c) {
  std::vector<std::string> tables;
  c.each("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name",
         [&](const store::Row& r) { tables.push_back(r.text(0)); });
  std::string out;
  for (const auto& t : tables) {
    out += "#" + t + "\n";
    c.each("SELECT * FROM \"" + t + "\" ORDER BY 1", [&](const store::Row& r) {
      for (int i = 0; i < r.columns(); ++i) out += r.text(i) + "|";
      out += "\n";
    });
  }
  return out;
}

TEST(Backup, RestoreGivesBackTheSameDatabase) {
  // The online backup is SQLite's; caunoi backup refuses a PostgreSQL name (pg_dump is the tool).
  if (testutil::on_postgres()) GTEST_SKIP() << "SQLite only: PostgreSQL is backed up with pg_dump";
  testutil::TempDb live, copy;
  auto c = app::open_database(live.path, testutil::test_paths());
  auto g = places::Gazetteer::load(*c);
  auth::Service s(g);
  s.create_user(*c, {"quantri", "", "admin", "VN", "Quan-tri-2025"});
  audit::record(*c, {0, 0, 1, "quantri", "local", "test.before_backup", "", "", 200, "", "", ""});
  std::string at_backup = dump(*c);
  ASSERT_NE(at_backup.find("quantri"), std::string::npos);

  c->backup_to(copy.path);
  {
    auto b = store::open_sqlite(copy.path, {.read_only = true});
    EXPECT_EQ(dump(*b), at_backup);
  }

  // Later changes are undone by a restore.
  s.create_user(*c, {"sau.saoluu", "", "leader", "VN", "Lanh-dao-2025"});
  EXPECT_NE(dump(*c), at_backup);
  c.reset();
  store::open_sqlite(copy.path, {.read_only = true})->backup_to(live.path);
  auto restored = store::open_sqlite(live.path);
  EXPECT_EQ(dump(*restored), at_backup);
}

}  // namespace
