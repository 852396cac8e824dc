// tests/store/pg_server.h — a real PostgreSQL for tests: one throwaway server per test process,
// started on first use by scripts/pg-temp.sh (temporary directory, free loopback port, generated
// password, run as nobody when the tests run as root) and gone when the process ends, however it
// ends. CAUNOI_TEST_PG_URL names a server to use instead (scripts/pg-temp.sh -- ctest … sets it,
// so that a whole run shares one). Each test takes a fresh database of its own: PgDatabase.
#pragma once

#include <gtest/gtest.h>

#include <functional>
#include <string>

namespace caunoi::testutil {

class PgServer {
 public:
  // The process's server, started on the first call. Never null; see available().
  static PgServer& get();

  // False when this machine has no PostgreSQL (the tests then skip, saying why()); a server
  // that is installed but fails to start is a failure, not a skip. CAUNOI_REQUIRE_PG=1 turns a
  // missing PostgreSQL into a failure too (for CI).
  bool available() const { return !url_.empty(); }
  bool must_run() const { return must_run_; }
  const std::string& why() const { return why_; }
  // Of the maintenance database "postgres", as superuser; with_database swaps the database.
  const std::string& url() const { return url_; }
  std::string with_database(const std::string& db) const;

  ~PgServer();

 private:
  PgServer();
  std::string url_, why_;
  bool must_run_ = false;
  int keep_alive_ = -1;  // our end of the script's stdin: closing it stops the server
  int pid_ = -1;
};

// A new empty database on the server, dropped again at destruction.
class PgDatabase {
 public:
  PgDatabase();
  // A copy of the database `template_db` (which nobody may be connected to).
  explicit PgDatabase(const std::string& template_db);
  // The name (family + build) of a database that `prepare(url)` filled once, kept on the server
  // to copy from with the constructor above: made under a name of this process and renamed into
  // place, so that processes sharing a server (CAUNOI_TEST_PG_URL) see it whole or not at all.
  // The family's templates of other builds are dropped.
  static std::string shared_template(const std::string& family, const std::string& build,
                                     const std::function<void(const std::string& url)>& prepare);
  ~PgDatabase();
  PgDatabase(const PgDatabase&) = delete;
  PgDatabase& operator=(const PgDatabase&) = delete;
  const std::string& url() const { return url_; }

 private:
  std::string name_, url_;
};

// Called from a fixture's SetUp: skips the test, saying why, when there is no PostgreSQL here
// (fails it instead when one must run); the test body then does not run.
inline void need_postgres() {
  const auto& s = PgServer::get();
  if (s.available()) return;
  if (s.must_run()) FAIL() << "PostgreSQL must run here: " << s.why();
  GTEST_SKIP() << "skipped: " << s.why();  // ctest's SKIP_REGULAR_EXPRESSION looks for this
}

}  // namespace caunoi::testutil
