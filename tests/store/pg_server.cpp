// tests/store/pg_server.cpp — see pg_server.h. The script does the starting and the cleaning; this
// side holds the write end of its stdin, which the kernel closes when the process ends (a crash or
// SIGKILL included), and the script then stops the server and removes its directory.
#include "pg_server.h"

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>
#include <vector>

#include "store/postgres.h"

extern char** environ;

namespace caunoi::testutil {

PgServer& PgServer::get() {
  static PgServer server;
  return server;
}

PgServer::PgServer() {
  const char* require = std::getenv("CAUNOI_REQUIRE_PG");
  must_run_ = require && std::string(require) == "1";
  if (const char* given = std::getenv("CAUNOI_TEST_PG_URL"); given && *given) {
    url_ = given;
    return;
  }
  std::string script = std::string(CAUNOI_SOURCE_DIR) + "/scripts/pg-temp.sh";
  int in[2], out[2];
  if (pipe2(in, O_CLOEXEC) != 0 || pipe2(out, O_CLOEXEC) != 0)
    throw std::runtime_error("pipe2 failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_adddup2(&fa, in[0], 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  char* argv[] = {const_cast<char*>("bash"), script.data(), nullptr};
  pid_t pid = -1;
  int rc = posix_spawn(&pid, "/bin/bash", &fa, nullptr, argv, environ);
  posix_spawn_file_actions_destroy(&fa);
  close(in[0]);
  close(out[1]);
  keep_alive_ = in[1];
  if (rc != 0) {
    close(out[0]);
    why_ = "không chạy được " + script;
    return;
  }
  pid_ = pid;
  // The script prints the URL once the server accepts connections, or exits without a word.
  std::string line;
  char ch;
  while (read(out[0], &ch, 1) == 1 && ch != '\n') line += ch;
  close(out[0]);
  if (line.starts_with("postgresql://")) {
    url_ = line;
    return;
  }
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  bool missing = WIFEXITED(status) && WEXITSTATUS(status) == 3;
  why_ = missing ? "PostgreSQL is not installed (scripts/install-deps.sh installs postgresql-15)"
                 : "scripts/pg-temp.sh could not start PostgreSQL (its output is above)";
  if (!missing) must_run_ = true;
}

PgServer::~PgServer() {
  if (keep_alive_ >= 0) close(keep_alive_);
  if (pid_ > 0) waitpid(pid_, nullptr, 0);
}

std::string PgServer::with_database(const std::string& db) const {
  if (url_.starts_with("postgresql://") || url_.starts_with("postgres://")) {
    auto slash = url_.find('/', url_.find("://") + 3);
    auto query = url_.find('?');
    std::string rest = query == std::string::npos ? "" : url_.substr(query);
    return url_.substr(0, slash == std::string::npos ? url_.size() : slash) + "/" + db + rest;
  }
  return url_ + " dbname=" + db;  // a keyword string: the last dbname wins
}

namespace {

std::string fresh_name() {
  static std::atomic<int> counter{0};
  return "caunoi_test_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
}

}  // namespace

PgDatabase::PgDatabase() : PgDatabase(std::string()) {}

PgDatabase::PgDatabase(const std::string& template_db) : name_(fresh_name()) {
  const auto& server = PgServer::get();
  // FILE_COPY (PostgreSQL 15): a third of the time of the default WAL_LOG for a tiny database.
  std::string from = template_db.empty() ? "" : " TEMPLATE " + template_db;
  store::open_postgres(server.url())
      ->exec_script("CREATE DATABASE " + name_ + from + " STRATEGY = FILE_COPY");
  url_ = server.with_database(name_);
}

std::string PgDatabase::shared_template(
    const std::string& family, const std::string& build,
    const std::function<void(const std::string& url)>& prepare) {
  const std::string name = family + build;
  const auto& server = PgServer::get();
  auto admin = store::open_postgres(server.url());
  if (admin->scalar("SELECT 1 FROM pg_database WHERE datname = ?", name)) return name;
  std::string draft = fresh_name();
  admin->exec_script("CREATE DATABASE " + draft + " STRATEGY = FILE_COPY");
  prepare(server.with_database(draft));
  try {
    admin->exec_script("ALTER DATABASE " + draft + " RENAME TO " + name);
  } catch (const std::exception&) {  // another process was quicker: the same content
    admin->exec_script("DROP DATABASE IF EXISTS " + draft + " WITH (FORCE)");
  }
  std::vector<std::string> stale;
  admin->each(
      "SELECT datname FROM pg_database WHERE substr(datname, 1, ?) = ? AND datname <> ?",
      [&](const store::Row& r) { stale.push_back(r.text(0)); }, static_cast<int64_t>(family.size()),
      family, name);
  for (const auto& s : stale) admin->exec_script("DROP DATABASE IF EXISTS " + s + " WITH (FORCE)");
  return name;
}

PgDatabase::~PgDatabase() {
  try {
    store::open_postgres(PgServer::get().url())
        ->exec_script("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
  } catch (...) {  // the server goes away with the process anyway
  }
}

}  // namespace caunoi::testutil
