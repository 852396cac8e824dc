// tests/foundation/store_test.cpp — the store interface on SQLite: typed rows, transactions that
// roll back, migrations applied once, errors as caunoi::Error.
#include <gtest/gtest.h>

#include "common/error.h"
#include "store/migrations.h"
#include "store/pool.h"
#include "store/store.h"
#include "test_db.h"

using namespace caunoi;

TEST(Store, TypedRowsAndNulls) {
  auto c = store::open_sqlite(":memory:");
  c->exec_script("CREATE TABLE t(a INTEGER, b REAL, c TEXT)");
  c->execute("INSERT INTO t VALUES (?,?,?)", 42, 2.5, "Lào Cai");
  c->execute("INSERT INTO t VALUES (?,?,?)", std::optional<int>{}, 0.0, std::string("x"));
  std::vector<std::string> seen;
  c->each("SELECT a, b, c FROM t ORDER BY rowid", [&](const store::Row& r) {
    seen.push_back((r.is_null(0) ? "null" : std::to_string(r.i64(0))) + "|" +
                   std::to_string(r.f64(1)) + "|" + r.text(2));
  });
  ASSERT_EQ(seen.size(), 2u);
  EXPECT_EQ(seen[0], "42|2.500000|Lào Cai");
  EXPECT_EQ(seen[1], "null|0.000000|x");
  EXPECT_EQ(c->scalar("SELECT SUM(a) FROM t"), 42);
}

TEST(Store, TransactionRollsBackUnlessCommitted) {
  auto c = store::open_sqlite(":memory:");
  c->exec_script("CREATE TABLE t(a INTEGER)");
  {
    store::Transaction tx(*c);
    c->execute("INSERT INTO t VALUES (1)");
  }
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM t"), 0);
  {
    store::Transaction tx(*c);
    c->execute("INSERT INTO t VALUES (1)");
    tx.commit();
  }
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM t"), 1);
  EXPECT_FALSE(c->in_transaction());
}

TEST(Store, ConstraintViolationIsConflictAndLeavesNoRow) {
  auto c = store::open_sqlite(":memory:");
  c->exec_script(
      "CREATE TABLE p(id INTEGER PRIMARY KEY); CREATE TABLE ch(p INTEGER REFERENCES p(id))");
  try {
    c->execute("INSERT INTO ch VALUES (7)");  // foreign keys are on
    FAIL() << "expected a constraint error";
  } catch (const Error& e) {
    EXPECT_EQ(e.kind(), ErrorKind::conflict);
  }
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM ch"), 0);
}

TEST(Store, MigrationsApplyOnceAndRecordVersion) {
  testutil::TempDb db;
  static constexpr store::Migration ms[] = {
      {"demo_part", 1, "create", "CREATE TABLE x(a INTEGER)"},
      {"demo_part", 2, "add", "ALTER TABLE x ADD COLUMN b TEXT"},
  };
  {
    auto c = store::open_sqlite(db.path);
    EXPECT_EQ(store::apply_migrations(*c, ms), 2);
    EXPECT_EQ(store::schema_version(*c, "demo_part"), 2);
  }
  auto c = store::open_sqlite(db.path);
  EXPECT_EQ(store::apply_migrations(*c, ms), 0);
  c->execute("INSERT INTO x(a, b) VALUES (1, 'b')");
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM x"), 1);
}

TEST(Store, FailedMigrationLeavesPreviousVersion) {
  auto c = store::open_sqlite(":memory:");
  static constexpr store::Migration ms[] = {
      {"p", 1, "ok", "CREATE TABLE y(a INTEGER)"},
      {"p", 2, "bad", "CREATE TABLE z(a INTEGER); THIS IS NOT SQL"},
  };
  EXPECT_THROW(store::apply_migrations(*c, ms), Error);
  EXPECT_EQ(store::schema_version(*c, "p"), 1);
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM sqlite_master WHERE name = 'z'"), 0);
}

TEST(Store, FileDatabaseUsesWalAndForeignKeys) {
  testutil::TempDb db;
  auto c = store::open_sqlite(db.path);
  std::string mode;
  c->each("PRAGMA journal_mode", [&](const store::Row& r) { mode = r.text(0); });
  EXPECT_EQ(mode, "wal");
  EXPECT_EQ(c->scalar("PRAGMA foreign_keys"), 1);
}

TEST(Store, PoolReusesConnectionsAndDropsLeakedTransactions) {
  testutil::TempDb db;
  int opened = 0;
  store::Pool pool(
      [&] {
        ++opened;
        return store::open_sqlite(db.path);
      },
      2);
  { auto a = pool.acquire(); }
  { auto b = pool.acquire(); }
  EXPECT_EQ(opened, 1);
  {
    auto a = pool.acquire();
    a->exec_script("BEGIN");  // leaked on purpose
  }
  {
    auto b = pool.acquire();
    EXPECT_FALSE(b->in_transaction());
  }
  EXPECT_EQ(opened, 2);
}

// A loop over rows that ends by an exception leaves its statement part-way; the connection would
// keep an old read snapshot and its next write would fail with SQLITE_BUSY once another
// connection had written. Neither each() nor the pool lets that happen.
TEST(Store, AbandonedRowLoopDoesNotBlockTheNextWrite) {
  testutil::TempDb db;
  store::Pool pool([&] { return store::open_sqlite(db.path); }, 2);
  {
    auto c = pool.acquire();
    c->exec_script("CREATE TABLE t(x INTEGER)");
    c->execute("INSERT INTO t VALUES (1), (2), (3)");
  }
  auto write_elsewhere_then_here = [&] {
    auto a = pool.acquire();  // the connection that abandoned its rows (the only idle one)
    {
      auto b = pool.acquire();
      b->execute("INSERT INTO t VALUES (10)");
    }
    a->execute("INSERT INTO t VALUES (20)");
  };
  {  // through each(): the callback throws on the first row
    auto c = pool.acquire();
    EXPECT_THROW(
        c->each("SELECT x FROM t", [](const store::Row&) { throw std::runtime_error("x"); }),
        std::runtime_error);
  }
  EXPECT_NO_THROW(write_elsewhere_then_here());
  {  // by hand: one step, never reset
    auto c = pool.acquire();
    auto& st = c->prepare("SELECT x FROM t ORDER BY x");
    st.reset();
    ASSERT_TRUE(st.step());
  }
  EXPECT_NO_THROW(write_elsewhere_then_here());
  auto c = pool.acquire();
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM t"), 7);
}

namespace {

// Rows from a vector; throws at row `throw_at` (1-based) when set.
class VectorRows final : public store::RowSource {
 public:
  VectorRows(std::vector<std::vector<std::optional<std::string>>> rows, size_t throw_at = 0)
      : rows_(std::move(rows)), throw_at_(throw_at) {}
  bool next() override {
    if (++at_ == throw_at_) throw std::runtime_error("nguồn hỏng");
    return at_ <= rows_.size();
  }
  std::optional<std::string_view> text(int i) const override {
    const auto& v = rows_[at_ - 1][static_cast<size_t>(i)];
    return v ? std::optional<std::string_view>(*v) : std::nullopt;
  }

 private:
  std::vector<std::vector<std::optional<std::string>>> rows_;
  size_t throw_at_, at_ = 0;
};

}  // namespace

TEST(Store, InsertRowsLoadsEveryRowByOneStatement) {
  auto c = store::open_sqlite(":memory:");
  c->exec_script("CREATE TABLE t(id INTEGER PRIMARY KEY, k TEXT UNIQUE, v TEXT)");
  c->execute("INSERT INTO t(k, v) VALUES ('b', 'đã có')");
  VectorRows rows({{"a", "một"}, {"b", "trùng"}, {"c", std::nullopt}, {"d", "bốn"}});
  EXPECT_EQ(c->insert_rows("t", {"k", "v"}, "ON CONFLICT DO NOTHING", rows), 3);
  // The inserted rows took consecutive ids ending at last_insert_id().
  EXPECT_EQ(c->last_insert_id(), 4);
  std::vector<std::string> seen;
  c->each("SELECT id, k, v FROM t ORDER BY id", [&](const store::Row& r) {
    seen.push_back(std::to_string(r.i64(0)) + r.text(1) + (r.is_null(2) ? "∅" : r.text(2)));
  });
  EXPECT_EQ(seen, (std::vector<std::string>{"1bđã có", "2amột", "3c∅", "4dbốn"}));

  // Without a conflict clause a duplicate fails the statement as a conflict.
  VectorRows dup({{"e", "x"}, {"a", "y"}});
  {
    store::Transaction tx(*c);
    try {
      c->insert_rows("t", {"k", "v"}, "", dup);
      ADD_FAILURE() << "a duplicate key was accepted";
    } catch (const Error& e) {
      EXPECT_EQ(e.kind(), ErrorKind::conflict);
    }
  }
  // A source that throws: its exception comes out, and the transaction writes nothing.
  VectorRows broken({{"f", "x"}, {"g", "y"}}, 2);
  {
    store::Transaction tx(*c);
    EXPECT_THROW(c->insert_rows("t", {"k", "v"}, "", broken), std::runtime_error);
  }
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM t"), 4);
  // The table function cannot be read without a source, nor reached from SQL text.
  EXPECT_THROW(c->exec_script("SELECT * FROM caunoi_rows"), Error);
  EXPECT_EQ(c->scalar("SELECT COUNT(*) FROM caunoi_rows(NULL)"), 0);
}
