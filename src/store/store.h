// store/store.h — the storage interface every domain part talks to.
//
// Domain code sees Connection, Statement, Row and Transaction, never sqlite3.h or libpq-fe.h.
// Two backends stand behind it: SQLite (sqlite_backend.cpp) and PostgreSQL (postgres.cpp);
// store/open.h picks one from the database name. SQL text uses "?" placeholders and the common
// subset of SQLite and PostgreSQL; the PostgreSQL backend rewrites "?" to $1, $2, ...
//
// A Connection is used by one thread at a time; Pool (store/pool.h) hands one to each worker.
// Statements are prepared once per connection and cached by their SQL text.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace caunoi::store {

using Null = std::monostate;
using Value = std::variant<Null, int64_t, double, std::string>;

// One result row; valid until the statement steps again.
class Row {
 public:
  virtual ~Row() = default;
  virtual int columns() const = 0;
  virtual bool is_null(int col) const = 0;
  virtual int64_t i64(int col) const = 0;
  virtual double f64(int col) const = 0;
  virtual std::string text(int col) const = 0;
  std::optional<int64_t> opt_i64(int col) const {
    return is_null(col) ? std::nullopt : std::optional<int64_t>(i64(col));
  }
  std::optional<std::string> opt_text(int col) const {
    return is_null(col) ? std::nullopt : std::optional<std::string>(text(col));
  }
};

class Statement {
 public:
  virtual ~Statement() = default;
  // Binds are 1-based, as in SQL.
  virtual void bind(int index, const Value& v) = 0;
  // Binds text without copying it: the bytes must stay put until the statement is next reset or
  // stepped to its end. For bulk writes, where copying every value is a measurable share.
  virtual void bind_view(int index, std::string_view text) = 0;
  // Steps once; true while a row is available (then row() is valid).
  virtual bool step() = 0;
  virtual const Row& row() const = 0;
  // Makes the statement ready to run again with new binds.
  virtual void reset() = 0;

  template <class... Args>
  Statement& with(Args&&... args) {
    reset();
    int i = 1;
    (bind(i++, to_value(std::forward<Args>(args))), ...);
    return *this;
  }

  // The same with binds collected at run time (a WHERE clause built from filters).
  Statement& with_values(const std::vector<Value>& binds) {
    reset();
    for (size_t i = 0; i < binds.size(); ++i) bind(static_cast<int>(i + 1), binds[i]);
    return *this;
  }

  static Value to_value(const Value& v) { return v; }
  static Value to_value(std::string_view s) { return std::string(s); }
  static Value to_value(const std::string& s) { return s; }
  static Value to_value(const char* s) { return std::string(s); }
  static Value to_value(double d) { return d; }
  static Value to_value(bool b) { return int64_t{b}; }
  template <class I>
  requires std::is_integral_v<I>
  static Value to_value(I i) { return static_cast<int64_t>(i); }
  template <class T>
  static Value to_value(const std::optional<T>& o) {
    return o ? to_value(*o) : Value{Null{}};
  }
};

// Rows the caller produces, one at a time, for Connection::insert_rows.
class RowSource {
 public:
  virtual ~RowSource() = default;
  // Moves to the next row (the first, on the first call); false when there are no more.
  virtual bool next() = 0;
  // Column i of the current row as text, nullopt for NULL; must stay valid until next().
  virtual std::optional<std::string_view> text(int i) const = 0;
  // Goes back to before the first row, so that next() hands the same rows out again; false for
  // a source that cannot. PostgreSQL's insert_rows reads the rows a second time when its fast
  // way (COPY straight into the table) meets a conflicting row.
  virtual bool rewind() { return false; }
};

class Connection {
 public:
  virtual ~Connection() = default;

  // A prepared statement, cached by SQL text for the life of the connection. The reference stays
  // valid until the connection closes; reset() is called for you by Statement::with.
  virtual Statement& prepare(std::string_view sql) = 0;
  // Runs SQL with no parameters and no results (schema, pragmas). May hold several statements.
  virtual void exec_script(std::string_view sql) = 0;
  // The id the last INSERT gave its row, for a table whose key is a column `id` numbered by the
  // database: INTEGER PRIMARY KEY on SQLite, an identity (or serial) column on PostgreSQL, where
  // it is the session's lastval(). Call it right after such an INSERT; after an INSERT into any
  // other table (or one whose triggers draw from another sequence) its value is unspecified.
  virtual int64_t last_insert_id() const = 0;
  // Rows changed by the last INSERT, UPDATE or DELETE (a SELECT leaves it as it was).
  virtual int64_t changes() const = 0;
  virtual std::string backend() const = 0;  // "sqlite" or "postgresql"
  virtual bool in_transaction() const = 0;
  // The server that writes through this connection (its pool names it), like PostgreSQL's
  // application_name: the change feed (changes/feed.h) marks each entry with it, so that a
  // server does not apply its own change a second time. Empty for a command.
  void set_writer(std::string name) { writer_ = std::move(name); }
  const std::string& writer() const { return writer_; }
  // Resets every statement still part-way through its rows. A statement left so (a loop over
  // rows that ended by an exception) keeps a read snapshot open; the connection's next write
  // would then fail at once with SQLITE_BUSY once anyone else has written. The pool calls this
  // whenever a connection comes back.
  virtual void reset_statements() = 0;
  // Copies the whole database into the file at `path` (created or overwritten) as one consistent
  // snapshot, while other connections keep reading and writing (SQLite online backup). The
  // PostgreSQL backend refuses (db_backup_unsupported): pg_dump is the tool there.
  virtual void backup_to(const std::string& path) = 0;
  // INSERT INTO table(columns) of every row of `rows`, by one statement, followed by `tail`
  // ("ON CONFLICT DO NOTHING" or ""). Returns the rows inserted; they took consecutive ids
  // ending at last_insert_id(), in the order `rows` gave them. For bulk loads: a statement run
  // once per row spends much of its time opening and closing its cursors on the table and each
  // index. PostgreSQL loads the rows by COPY; while its transaction lasts, other writers to
  // `table` wait (as every other writer waits on SQLite), which keeps the ids consecutive.
  // Rows whose columns include `id` keep the ids they bring (then last_insert_id() is
  // unspecified), and the table's numbering goes on after the largest id, on both engines.
  virtual int64_t insert_rows(std::string_view table, const std::vector<std::string>& columns,
                              std::string_view tail, RowSource& rows) = 0;

  // Runs a statement to completion and returns the number of changed rows.
  template <class... Args>
  int64_t execute(std::string_view sql, Args&&... args) {
    Statement& st = prepare(sql).with(std::forward<Args>(args)...);
    while (st.step()) {
    }
    return changes();
  }

  // Single integer result (COUNT, MAX...); nullopt if no row or NULL.
  template <class... Args>
  std::optional<int64_t> scalar(std::string_view sql, Args&&... args) {
    Statement& st = prepare(sql).with(std::forward<Args>(args)...);
    std::optional<int64_t> out;
    if (st.step() && !st.row().is_null(0)) out = st.row().i64(0);
    st.reset();
    return out;
  }

  // Calls fn(const Row&) for each row.
  template <class Fn, class... Args>
  void each(std::string_view sql, Fn&& fn, Args&&... args) {
    Statement& st = prepare(sql).with(std::forward<Args>(args)...);
    try {
      while (st.step()) fn(st.row());
    } catch (...) {
      st.reset();
      throw;
    }
    st.reset();
  }

 protected:
  friend class Transaction;
  virtual void begin(bool immediate) = 0;
  virtual void commit() = 0;
  virtual void rollback() = 0;

 private:
  std::string writer_;
};

// RAII transaction: rolls back unless commit() was called. Nested use is an error.
// On PostgreSQL a write transaction is SERIALIZABLE (as a SQLite one is, by having the only
// writer) and may fail with db_serialization when it meets another; a read one is a
// REPEATABLE READ snapshot. store/retry.h re-runs a whole transaction on such a failure.
class Transaction {
 public:
  enum class Mode { read, write };
  explicit Transaction(Connection& c, Mode m = Mode::write) : c_(c) { c_.begin(m == Mode::write); }
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;
  ~Transaction() {
    if (!done_) {
      try {
        c_.rollback();
      } catch (...) {
      }
    }
  }
  void commit() {
    c_.commit();
    done_ = true;
  }

 private:
  Connection& c_;
  bool done_ = false;
};

struct OpenOptions {
  bool read_only = false;
  int busy_timeout_ms = 5000;
};

// Opens a SQLite database: a file path or ":memory:". store/open.h opens either engine by name.
std::unique_ptr<Connection> open_sqlite(const std::string& path, const OpenOptions& opt = {});

}  // namespace caunoi::store
