// tests/foundation/migrate_test.cpp — `caunoi migrate` (app/migrate.h): a SQLite database with
// demo data, accounts, audit and a Q&A queue moved into a new PostgreSQL database, compared table
// by table; a second run refused; a run that fails half-way leaving the target able to start
// again from clean; and the target's numbering going on after the moved ids.
#include <gtest/gtest.h>

#include <filesystem>
#include <map>

#include "activities/service.h"
#include "app/migrate.h"
#include "app/runtime.h"
#include "common/error.h"
#include "demo_data.h"
#include "places/gazetteer.h"
#include "store/dialect.h"
#include "store/open.h"
#include "test_db.h"

using namespace caunoi;

namespace {

// Rows of every table of a database.
std::map<std::string, int64_t> counts(const std::string& db) {
  auto c = store::open(db);
  std::map<std::string, int64_t> out;
  for (const auto& t : store::tables(*c))
    if (t.name != "schema_migrations")
      out[t.name] = c->scalar("SELECT COUNT(*) FROM " + t.name).value_or(0);
  return out;
}

class Migrate : public ::testing::Test {
 protected:
  void SetUp() override {
    // Its target is always PostgreSQL: the SQLite pass runs it, the PostgreSQL pass need not.
    if (testutil::on_postgres()) GTEST_SKIP() << "runs in the SQLite pass of this suite";
    testutil::need_postgres();
    if (IsSkipped() || HasFatalFailure()) return;
    source_ = (std::filesystem::temp_directory_path() /
               ("caunoi-migrate-" + std::to_string(::getpid()) + ".db"))
                  .string();
    // A served database: demo activities, plans and approvals, an account, the Q&A bank.
    {
      app::RuntimeOptions opt;
      opt.enforce_auth = false;
      app::Runtime rt(source_, testutil::test_paths(), 1, opt);
      auto c = rt.pool().acquire();
      testutil::write_demo_data(*c, rt.places(), 0.03, Date{2025, 6, 1}, Date{2025, 7, 31});
      auth::NewUser u;
      u.username = "Lan.LaoCai";
      u.role = "province_staff";
      u.unit_id = "15";
      u.password = "mật khẩu đủ dài 2026";
      rt.auth().create_user(*c, u);
    }
  }
  void TearDown() override {
    for (const char* s : {"", "-wal", "-shm"}) std::filesystem::remove(source_ + s);
  }
  std::string source_;
};

}  // namespace

TEST_F(Migrate, MovesEveryTableWholeOnceAndTheTargetRunsOn) {
  testutil::PgDatabase target;
  auto before = counts(source_);
  ASSERT_GT(before.at("activities"), 100);
  ASSERT_GT(before.at("qa_entries"), 50);

  auto moved = app::migrate_database(source_, target.url(), testutil::test_paths());
  auto after = counts(target.url());
  // The target keeps its record of the schema (a Runtime below starts on it).
  EXPECT_EQ(store::open(target.url())->scalar("SELECT COUNT(*) FROM schema_migrations"),
            store::open(source_)->scalar("SELECT COUNT(*) FROM schema_migrations"));
  for (const auto& [table, n] : before) {
    // The target holds the source's rows, plus the migration's own audit record.
    EXPECT_EQ(after[table], n + (table == "audit_log" ? 1 : 0)) << table;
  }
  EXPECT_EQ(after.size(), before.size());
  size_t listed = 0;
  for (const auto& m : moved) listed += before.count(m.name);
  EXPECT_EQ(listed, before.size());

  // The account signs in there with its name in another case (citext), and its password.
  {
    app::Runtime rt(target.url(), testutil::test_paths(), 1);
    auto c = rt.pool().acquire();
    auto users = rt.auth().list_users(*c);
    ASSERT_EQ(users.size(), 1u);
    EXPECT_EQ(users[0].username, "Lan.LaoCai");
    EXPECT_EQ(rt.auth().login(*c, "lan.laocai", "mật khẩu đủ dài 2026", "127.0.0.1").user.id,
              users[0].id);
    // New rows are numbered after the moved ones.
    int64_t last = c->scalar("SELECT MAX(id) FROM activities").value_or(0);
    activities::Activity a;
    a.reporting_unit = "15";
    a.place = "15";
    a.date_from = a.date_to = Date{2025, 8, 1};
    a.kind = "conference";
    a.figures = {{"events", 1}, {"attendees", 40}};
    auto made = rt.activities().create(*c, a, testutil::by());
    EXPECT_EQ(made.id, last + 1);
  }

  // A second run finds data and writes nothing.
  auto audit_rows = counts(target.url()).at("audit_log");
  try {
    app::migrate_database(source_, target.url(), testutil::test_paths());
    ADD_FAILURE() << "a second migration into a database with data was accepted";
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "target_not_empty");
    EXPECT_NE(std::string(e.what()).find("activities"), std::string::npos) << e.what();
  }
  EXPECT_EQ(counts(target.url()).at("audit_log"), audit_rows);
}

TEST_F(Migrate, ARunThatFailsHalfWayLeavesNothingAndRunsAgain) {
  testutil::PgDatabase target;
  {
    // The target refuses rows of one of the last tables: the copy fails after most are done.
    auto c = app::open_database(target.url(), testutil::test_paths());
    c->exec_script(
        "CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$"
        " BEGIN RAISE EXCEPTION 'ổ đĩa đầy'; END $$;"
        "CREATE TRIGGER refuse BEFORE INSERT ON qa_queue FOR EACH ROW EXECUTE FUNCTION refuse()");
  }
  {
    auto c = store::open(source_);
    c->execute(
        "INSERT INTO qa_queue(question, asked_at, confidence) VALUES ('Bao giờ tôi nhận lương "
        "hưu?', "
        "'2026-12-07T10:00:00Z', 0.1)");
  }
  EXPECT_THROW(app::migrate_database(source_, target.url(), testutil::test_paths()), Error);
  auto left = counts(target.url());
  EXPECT_EQ(left.at("activities"), 0);
  EXPECT_EQ(left.at("audit_log"), 0);
  EXPECT_EQ(left.at("qa_entries"), 0);

  store::open(target.url())->exec_script("DROP TRIGGER refuse ON qa_queue");
  app::migrate_database(source_, target.url(), testutil::test_paths());
  EXPECT_EQ(counts(target.url()).at("qa_queue"), counts(source_).at("qa_queue"));
  EXPECT_EQ(counts(target.url()).at("activities"), counts(source_).at("activities"));
}

TEST_F(Migrate, RefusesTheSameDatabaseAndAMissingSource) {
  try {
    app::migrate_database(source_, source_, testutil::test_paths());
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "same_database");
  }
  try {
    app::migrate_database("/nonexistent/caunoi.db", source_ + "-x", testutil::test_paths());
    ADD_FAILURE();
  } catch (const Error& e) {
    EXPECT_EQ(e.code(), "db_missing");
  }
}
