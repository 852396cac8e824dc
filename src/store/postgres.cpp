// store/postgres.cpp — the PostgreSQL implementation of store.h, on libpq.
//
// Statements are prepared once per connection (named caunoi_1, caunoi_2, …) and cached by their
// SQL text; parameters go as text with types left to the server, which infers them from where
// each "$n" stands, as SQLite's loose typing lets the same SQL bind a number or a text. A query's
// rows are fetched whole when it first steps, so that the callback of an each() may run other
// statements on the same connection, as it can on SQLite.
//
// Write transactions are SERIALIZABLE: on SQLite a writer is alone, so domain code reads, decides
// and writes without locking rows; at a weaker level two servers could both pass such a check.
// The price is db_serialization, which store/retry.h turns into a re-run.
#include "store/postgres.h"

#include <libpq-fe.h>

#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <optional>
#include <vector>

#include "common/error.h"

namespace caunoi::store {

std::string number_placeholders(std::string_view sql, int* count) {
  std::string out;
  out.reserve(sql.size() + 16);
  int n = 0;
  for (size_t i = 0; i < sql.size(); ++i) {
    char ch = sql[i];
    auto copy_until = [&](std::string_view end, bool backslash_escapes) {
      size_t j = i + 1;
      while (j < sql.size() && sql.compare(j, end.size(), end) != 0) {
        if (backslash_escapes && sql[j] == '\\') ++j;
        ++j;
      }
      j = std::min(sql.size(), j + end.size());
      out.append(sql.substr(i, j - i));
      i = j - 1;
    };
    if (ch == '\'') {
      // E'…' strings escape with a backslash; a doubled '' in either kind reads as two strings.
      bool e = i > 0 && (sql[i - 1] == 'E' || sql[i - 1] == 'e');
      copy_until("'", e);
    } else if (ch == '"') {
      copy_until("\"", false);
    } else if (ch == '-' && i + 1 < sql.size() && sql[i + 1] == '-') {
      copy_until("\n", false);
    } else if (ch == '/' && i + 1 < sql.size() && sql[i + 1] == '*') {
      copy_until("*/", false);
    } else if (ch == '?') {
      out += '$' + std::to_string(++n);
    } else {
      out += ch;
    }
  }
  if (count) *count = n;
  return out;
}

namespace {

using ResultPtr = std::unique_ptr<PGresult, decltype(&PQclear)>;

ResultPtr hold(PGresult* r) {
  return ResultPtr(r, &PQclear);
}

std::string first_line(const char* msg) {
  std::string s = msg ? msg : "";
  if (auto nl = s.find('\n'); nl != std::string::npos) s.resize(nl);
  return s;
}

// Turns a failed result (or a connection that broke) into caunoi::Error, by SQLSTATE.
[[noreturn]] void fail(PGconn* c, const PGresult* r, std::string_view what) {
  const char* state = r ? PQresultErrorField(r, PG_DIAG_SQLSTATE) : nullptr;
  std::string code = state ? state : "";
  const char* primary = r ? PQresultErrorField(r, PG_DIAG_MESSAGE_PRIMARY) : nullptr;
  std::string msg = first_line(primary ? primary : PQerrorMessage(c));
  if (code.starts_with("23"))
    throw Error(ErrorKind::conflict, "constraint", "Dữ liệu vi phạm ràng buộc: " + msg);
  if (code == "40001" || code == "40P01")
    throw Error(ErrorKind::conflict, "db_serialization",
                "Dữ liệu vừa được người khác thay đổi cùng lúc; xin thử lại.");
  if (code == "55P03" || code == "57014")
    throw Error(ErrorKind::internal, "db_busy", "Cơ sở dữ liệu đang bận, vui lòng thử lại.");
  if (code.starts_with("08") || code.starts_with("57P") || PQstatus(c) == CONNECTION_BAD)
    throw Error(ErrorKind::internal, "db_unreachable",
                "Mất kết nối tới máy chủ PostgreSQL: " + msg);
  throw Error(ErrorKind::internal, "db_error",
              "Lỗi cơ sở dữ liệu: " + std::string(what) + ": " + msg);
}

bool ok(const PGresult* r) {
  auto s = PQresultStatus(r);
  return s == PGRES_COMMAND_OK || s == PGRES_TUPLES_OK;
}

// Rows a command changed, when it is one that changes rows.
std::optional<int64_t> changed_rows(const PGresult* r) {
  std::string_view status = PQcmdStatus(const_cast<PGresult*>(r));
  for (std::string_view verb : {"INSERT", "UPDATE", "DELETE", "MERGE"})
    if (status.starts_with(verb)) return std::atoll(PQcmdTuples(const_cast<PGresult*>(r)));
  return std::nullopt;
}

class PgRow final : public Row {
 public:
  void at(const PGresult* r, int row) {
    r_ = r;
    row_ = row;
  }
  int columns() const override { return PQnfields(r_); }
  bool is_null(int c) const override { return PQgetisnull(r_, row_, c); }
  // Text-format values: a boolean comes as t/f, a REAL read as an integer truncates (as SQLite).
  int64_t i64(int c) const override {
    std::string_view v = value(c);
    if (boolean(c)) return v == "t";
    int64_t out = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), out);
    if (ec == std::errc() && end == v.data() + v.size()) return out;
    return static_cast<int64_t>(f64(c));
  }
  double f64(int c) const override {
    std::string_view v = value(c);
    if (boolean(c)) return v == "t";
    return std::strtod(std::string(v).c_str(), nullptr);
  }
  std::string text(int c) const override { return std::string(value(c)); }

 private:
  static constexpr Oid kBoolOid = 16;  // pg_type.oid of bool, fixed since PostgreSQL 7
  bool boolean(int c) const { return PQftype(r_, c) == kBoolOid; }
  std::string_view value(int c) const {
    return {PQgetvalue(r_, row_, c), static_cast<size_t>(PQgetlength(r_, row_, c))};
  }
  const PGresult* r_ = nullptr;
  int row_ = 0;
};

class PgConnection;

class PgStatement final : public Statement {
 public:
  PgStatement(PgConnection& c, std::string name, std::string sql, int params)
      : c_(c), name_(std::move(name)), sql_(std::move(sql)), binds_(params) {}

  void bind(int i, const Value& v) override {
    auto& slot = at(i);
    if (std::holds_alternative<Null>(v))
      slot.reset();
    else if (auto p = std::get_if<int64_t>(&v))
      slot = std::to_string(*p);
    else if (auto d = std::get_if<double>(&v))
      slot = format_double(*d);
    else
      slot = std::get<std::string>(v);
  }
  // libpq wants text parameters NUL-terminated, so the view is copied after all.
  void bind_view(int i, std::string_view t) override { at(i) = std::string(t); }

  bool step() override;
  const Row& row() const override { return row_; }
  void reset() override {
    release();
    for (auto& b : binds_) b.reset();
  }
  // Frees the fetched rows, keeping the binds.
  void release() {
    result_.reset();
    next_ = 0;
  }

 private:
  void prepare_again();
  std::optional<std::string>& at(int i) {
    if (i < 1 || i > static_cast<int>(binds_.size()))
      throw Error(
          ErrorKind::internal, "db_error",
          "Lỗi cơ sở dữ liệu: bind: tham số " + std::to_string(i) + " không có trong " + sql_);
    release();
    return binds_[static_cast<size_t>(i - 1)];
  }
  static std::string format_double(double d) {
    if (std::isnan(d)) return "NaN";
    if (std::isinf(d)) return d > 0 ? "Infinity" : "-Infinity";
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, d);  // shortest exact form
    return std::string(buf, end);
  }

  PgConnection& c_;
  std::string name_, sql_;
  std::vector<std::optional<std::string>> binds_;
  ResultPtr result_{nullptr, &PQclear};
  int next_ = 0;
  bool stale_ = false;
  PgRow row_;
};

// Backslash escapes of COPY's text format.
void copy_escape(std::string& out, std::string_view v) {
  for (char ch : v) {
    switch (ch) {
      case '\\':
        out += "\\\\";
        break;
      case '\t':
        out += "\\t";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      default:
        out += ch;
    }
  }
}

std::string join(const std::vector<std::string>& v, std::string_view sep) {
  std::string out;
  for (size_t i = 0; i < v.size(); ++i) out += (i ? std::string(sep) : "") + v[i];
  return out;
}

class PgConnection final : public Connection {
 public:
  PgConnection(const std::string& name, const OpenOptions& opt) {
    std::string where = describe(name);
    // Given before the name, so that the name's own settings win; the encoding after, forced.
    const char* keys[] = {"connect_timeout", "application_name", "dbname", "client_encoding",
                          nullptr};
    const char* values[] = {"10", "caunoi", name.c_str(), "UTF8", nullptr};
    pg_ = PQconnectdbParams(keys, values, 1);
    if (PQstatus(pg_) != CONNECTION_OK) {
      std::string msg = first_line(PQerrorMessage(pg_));
      PQfinish(pg_);
      pg_ = nullptr;
      refuse(where, msg);
    }
    // Notices ("table does not exist, skipping") are of no use on the server's stderr.
    PQsetNoticeProcessor(
        pg_, [](void*, const char*) {}, nullptr);
    exec_script("SET lock_timeout = " + std::to_string(opt.busy_timeout_ms));
    if (opt.read_only) exec_script("SET default_transaction_read_only = on");
  }

  ~PgConnection() override {
    cache_.clear();
    if (pg_) PQfinish(pg_);
  }

  PGconn* pg() const { return pg_; }

  // After each statement: what changes() and last_insert_id() report.
  // As on SQLite, the last INSERT's id outlives UPDATEs and DELETEs.
  void ran(const PGresult* r) {
    if (auto n = changed_rows(r)) {
      changes_ = *n;
      if (std::string_view(PQcmdStatus(const_cast<PGresult*>(r))).starts_with("INSERT")) {
        inserted_ = true;
        bulk_last_id_.reset();
      }
    }
  }

  Statement& prepare(std::string_view sql) override {
    auto it = cache_.find(sql);
    if (it != cache_.end()) return *it->second;
    int params = 0;
    std::string text = number_placeholders(sql, &params);
    std::string name = "caunoi_" + std::to_string(cache_.size() + 1);
    auto r = hold(PQprepare(pg_, name.c_str(), text.c_str(), 0, nullptr));
    if (!ok(r.get())) fail(pg_, r.get(), "prepare");
    auto [pos, _] =
        cache_.emplace(std::string(sql), std::make_unique<PgStatement>(*this, name, text, params));
    return *pos->second;
  }

  void exec_script(std::string_view sql) override { run(std::string(sql), "exec"); }

  int64_t last_insert_id() const override {
    if (bulk_last_id_) return *bulk_last_id_;
    if (!inserted_) return 0;
    // lastval() fails in a session that never drew from a sequence, and a failure would end the
    // caller's transaction: inside one, it is asked under a savepoint.
    bool tx = in_transaction();
    std::string sql = tx ? "SAVEPOINT caunoi_lastval; SELECT lastval()" : "SELECT lastval()";
    auto r = hold(PQexec(pg_, sql.c_str()));
    int64_t id = 0;
    if (PQresultStatus(r.get()) == PGRES_TUPLES_OK) id = std::atoll(PQgetvalue(r.get(), 0, 0));
    if (tx) {
      auto end = hold(PQexec(pg_, ok(r.get()) ? "RELEASE SAVEPOINT caunoi_lastval"
                                              : "ROLLBACK TO SAVEPOINT caunoi_lastval"));
      if (!ok(end.get())) fail(pg_, end.get(), "lastval");
    }
    return id;
  }
  int64_t changes() const override { return changes_; }
  std::string backend() const override { return "postgresql"; }
  bool in_transaction() const override { return PQtransactionStatus(pg_) != PQTRANS_IDLE; }

  void reset_statements() override {
    for (auto& [_, st] : cache_) st->release();
  }

  void backup_to(const std::string&) override {
    throw Error(ErrorKind::internal, "db_backup_unsupported",
                "Sao lưu bằng caunoi không áp dụng cho PostgreSQL; hãy dùng pg_dump.");
  }

  int64_t insert_rows(std::string_view table, const std::vector<std::string>& columns,
                      std::string_view tail, RowSource& rows) override;

 protected:
  void begin(bool immediate) override {
    if (in_transaction())
      throw Error(ErrorKind::internal, "nested_transaction",
                  "Giao dịch lồng nhau không được hỗ trợ.");
    run(immediate ? "BEGIN ISOLATION LEVEL SERIALIZABLE" : "BEGIN ISOLATION LEVEL REPEATABLE READ",
        "begin");
  }
  void commit() override {
    // COMMIT of a transaction that an error has already ended answers ROLLBACK, not an error:
    // the caller must not believe its writes were kept.
    if (PQtransactionStatus(pg_) == PQTRANS_INERROR) {
      run("ROLLBACK", "rollback");
      throw Error(ErrorKind::internal, "db_error",
                  "Lỗi cơ sở dữ liệu: giao dịch đã bị hủy bởi một lỗi trước đó; chưa có gì được "
                  "ghi.");
    }
    run("COMMIT", "commit");
  }
  void rollback() override {
    if (PQstatus(pg_) == CONNECTION_OK && in_transaction()) run("ROLLBACK", "rollback");
  }

 private:
  ResultPtr run(const std::string& sql, std::string_view what) {
    auto r = hold(PQexec(pg_, sql.c_str()));
    if (!ok(r.get())) fail(pg_, r.get(), what);
    ran(r.get());
    return r;
  }

  // "caunoi@db.example:5432/caunoi", for messages: never the password.
  static std::string describe(const std::string& name) {
    char* err = nullptr;
    PQconninfoOption* opts = PQconninfoParse(name.c_str(), &err);
    if (!opts) {
      std::string msg = first_line(err);
      PQfreemem(err);
      throw invalid("db_url_invalid", "Địa chỉ cơ sở dữ liệu PostgreSQL không hợp lệ: " + msg);
    }
    std::map<std::string, std::string> v;
    for (auto* o = opts; o->keyword; ++o)
      if (o->val && *o->val) v[o->keyword] = o->val;
    PQconninfoFree(opts);
    std::string host = v.count("host") ? v["host"] : v.count("hostaddr") ? v["hostaddr"] : "";
    std::string out = v.count("user") ? v["user"] + "@" : "";
    out += host.empty() ? "localhost" : host;
    out += ":" + (v.count("port") ? v["port"] : "5432");
    if (v.count("dbname")) out += "/" + v["dbname"];
    return out;
  }

  [[noreturn]] static void refuse(const std::string& where, const std::string& msg) {
    if (msg.find("password authentication failed") != std::string::npos ||
        msg.find("no password supplied") != std::string::npos ||
        msg.find("SCRAM") != std::string::npos)
      throw Error(
          ErrorKind::internal, "db_auth_failed",
          "Máy chủ PostgreSQL " + where + " từ chối đăng nhập: sai tên người dùng hoặc mật khẩu.");
    if (msg.find("database") != std::string::npos &&
        msg.find("does not exist") != std::string::npos)
      throw Error(ErrorKind::internal, "db_not_found",
                  "Máy chủ PostgreSQL " + where + " không có cơ sở dữ liệu này.");
    throw Error(ErrorKind::internal, "db_unreachable",
                "Không kết nối được máy chủ PostgreSQL " + where + ": " + msg);
  }

  // One statement whose rows fill a small answer, for insert_rows' bookkeeping.
  std::vector<int64_t> numbers(const std::string& sql) {
    auto r = run(sql, "insert_rows");
    std::vector<int64_t> out;
    if (PQntuples(r.get()) > 0)
      for (int c = 0; c < PQnfields(r.get()); ++c)
        out.push_back(PQgetisnull(r.get(), 0, c) ? 0 : std::atoll(PQgetvalue(r.get(), 0, c)));
    return out;
  }

  void copy_in(const std::string& sql, size_t columns, RowSource& rows);

  PGconn* pg_ = nullptr;
  std::map<std::string, std::unique_ptr<PgStatement>, std::less<>> cache_;
  int64_t changes_ = 0;
  bool inserted_ = false;
  std::optional<int64_t> bulk_last_id_;
};

// A prepared SELECT * whose table gained a column since fails with "cached plan must not change
// result type" (another server migrated the schema): the statement is prepared again, at once
// outside a transaction, else on its next run, the transaction failing as retryable.
bool PgStatement::step() {
  for (bool again = false; !result_; again = true) {
    if (stale_) prepare_again();
    std::vector<const char*> values;
    values.reserve(binds_.size());
    for (const auto& b : binds_) values.push_back(b ? b->c_str() : nullptr);
    auto r = hold(PQexecPrepared(c_.pg(), name_.c_str(), static_cast<int>(values.size()),
                                 values.data(), nullptr, nullptr, 0));
    if (ok(r.get())) {
      result_ = std::move(r);
      c_.ran(result_.get());
      break;
    }
    const char* state = PQresultErrorField(r.get(), PG_DIAG_SQLSTATE);
    if (again || !state || std::string_view(state) != "0A000" ||
        std::string_view(PQresultErrorMessage(r.get())).find("cached plan") ==
            std::string_view::npos)
      fail(c_.pg(), r.get(), "step");
    stale_ = true;
    if (c_.in_transaction())
      throw Error(ErrorKind::conflict, "db_serialization",
                  "Cấu trúc cơ sở dữ liệu vừa thay đổi; xin thử lại.");
  }
  if (next_ >= PQntuples(result_.get())) return false;
  row_.at(result_.get(), next_++);
  return true;
}

void PgStatement::prepare_again() {
  PQclear(PQexec(c_.pg(), ("DEALLOCATE " + name_).c_str()));
  auto r = hold(PQprepare(c_.pg(), name_.c_str(), sql_.c_str(), 0, nullptr));
  if (!ok(r.get())) fail(c_.pg(), r.get(), "prepare");
  stale_ = false;
}

void PgConnection::copy_in(const std::string& sql, size_t columns, RowSource& rows) {
  auto r = hold(PQexec(pg_, sql.c_str()));
  if (PQresultStatus(r.get()) != PGRES_COPY_IN) fail(pg_, r.get(), "copy");
  auto finish = [&](const char* abort_reason) {
    if (PQputCopyEnd(pg_, abort_reason) != 1) fail(pg_, nullptr, "copy");
    auto end = hold(PQgetResult(pg_));
    while (PGresult* more = PQgetResult(pg_)) PQclear(more);
    return end;
  };
  std::string buf;
  try {
    while (rows.next()) {
      for (size_t i = 0; i < columns; ++i) {
        if (i) buf += '\t';
        if (auto v = rows.text(static_cast<int>(i)))
          copy_escape(buf, *v);
        else
          buf += "\\N";
      }
      buf += '\n';
      if (buf.size() >= (1 << 16)) {
        if (PQputCopyData(pg_, buf.data(), static_cast<int>(buf.size())) != 1)
          fail(pg_, nullptr, "copy");
        buf.clear();
      }
    }
  } catch (...) {
    finish("caunoi: nguồn dữ liệu hỏng");  // the server discards what it received
    throw;
  }
  if (!buf.empty() && PQputCopyData(pg_, buf.data(), static_cast<int>(buf.size())) != 1)
    fail(pg_, nullptr, "copy");
  auto end = finish(nullptr);
  if (!ok(end.get())) fail(pg_, end.get(), "copy");
}

// COPY cannot skip conflicting rows, so the rows go by COPY into a temporary table and from there
// by one INSERT … SELECT with the tail. The ids: rows skipped by ON CONFLICT still draw from the
// sequence, so the inserted ids may have gaps; with the table locked against other writers the
// ids between the first and the last are all this load's, and a gap is closed by renumbering
// them (twice: through negative ids, as the primary key is checked row by row).
int64_t PgConnection::insert_rows(std::string_view table, const std::vector<std::string>& columns,
                                  std::string_view tail, RowSource& rows) {
  std::unique_ptr<Transaction> own;
  if (!in_transaction()) own = std::make_unique<Transaction>(*this);
  std::string t(table), cols = join(columns, ", ");
  std::vector<int64_t> seq = numbers(
      "SELECT (pg_get_serial_sequence(attrelid::regclass::text, attname) IS NOT NULL)::int"
      " FROM pg_attribute WHERE attrelid = '" +
      t + "'::regclass AND attname = 'id' AND NOT attisdropped");
  bool numbered = !seq.empty() && seq[0];
  if (numbered) run("LOCK TABLE " + t + " IN SHARE ROW EXCLUSIVE MODE", "insert_rows");
  run("DROP TABLE IF EXISTS pg_temp.caunoi_stage; CREATE TEMP TABLE caunoi_stage ON COMMIT DROP AS"
      " SELECT " +
          cols + " FROM " + t +
          " WITH NO DATA;"
          " ALTER TABLE caunoi_stage ADD COLUMN caunoi_ord BIGINT GENERATED ALWAYS AS IDENTITY",
      "insert_rows");
  copy_in("COPY caunoi_stage(" + cols + ") FROM STDIN", columns.size(), rows);
  std::string insert = "INSERT INTO " + t + "(" + cols + ") SELECT " + cols +
                       " FROM caunoi_stage ORDER BY caunoi_ord " + std::string(tail);
  int64_t n;
  if (numbered) {
    auto got = numbers("WITH ins AS (" + insert +
                       " RETURNING id) SELECT COUNT(*), MIN(id), MAX(id) FROM ins");
    n = got[0];
    int64_t lo = got[1], hi = got[2];
    if (n > 0 && hi - lo + 1 != n) {
      std::string range = " BETWEEN " + std::to_string(lo) + " AND " + std::to_string(hi);
      run("UPDATE " + t + " SET id = -id WHERE id" + range, "insert_rows");
      run("UPDATE " + t + " SET id = " + std::to_string(lo - 1) +
              " + r.k FROM (SELECT id, ROW_NUMBER() OVER (ORDER BY id DESC) AS k FROM " + t +
              " WHERE id BETWEEN " + std::to_string(-hi) + " AND " + std::to_string(-lo) +
              ") r WHERE " + t + ".id = r.id",
          "insert_rows");
      hi = lo + n - 1;
      run("SELECT setval(pg_get_serial_sequence('" + t + "', 'id'), " + std::to_string(hi) + ")",
          "insert_rows");
    }
    bulk_last_id_ = n > 0 ? std::optional<int64_t>(hi) : std::nullopt;
  } else {
    run(insert, "insert_rows");
    n = changes_;
  }
  run("DROP TABLE pg_temp.caunoi_stage", "insert_rows");
  if (own) own->commit();
  changes_ = n;
  if (n > 0 && numbered) inserted_ = true;
  return n;
}

}  // namespace

std::unique_ptr<Connection> open_postgres(const std::string& name, const OpenOptions& opt) {
  return std::make_unique<PgConnection>(name, opt);
}

}  // namespace caunoi::store
