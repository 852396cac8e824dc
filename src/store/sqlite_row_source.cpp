// store/sqlite_row_source.cpp — see sqlite_row_source.h.
//
// An eponymous-only virtual table: columns c0..c31 and a hidden argument `src`, which must be
// given (caunoi_rows(?) with a pointer bound under the type name kPointerType, so that no SQL
// text can forge one). The cursor pulls rows from the RowSource and answers column values
// without copying them (SQLITE_STATIC): the source keeps them until its next(). An exception
// from the source cannot cross SQLite's C frames: it is kept and rethrown once the statement
// has stopped.
#include "store/sqlite_row_source.h"

#include <exception>
#include <memory>
#include <string>

#include "common/error.h"
#include "store/sqlite_fail.h"

namespace caunoi::store::sqlite_rows {

namespace {

constexpr int kColumns = 32;  // c0..c31; the hidden `src` is column kColumns
constexpr const char* kPointerType = "caunoi_row_source";

struct Source {
  RowSource* rows;
  std::exception_ptr error;
};

struct Cursor {
  sqlite3_vtab_cursor base;
  Source* src = nullptr;
  bool eof = true;
  sqlite3_int64 rowid = 0;
};

int advance(Cursor* c) {
  try {
    c->eof = !c->src->rows->next();
    ++c->rowid;
    return SQLITE_OK;
  } catch (...) {
    c->src->error = std::current_exception();
    c->eof = true;
    return SQLITE_ERROR;
  }
}

int x_connect(sqlite3* db, void*, int, const char* const*, sqlite3_vtab** out, char**) {
  std::string decl = "CREATE TABLE x(";
  for (int i = 0; i < kColumns; ++i) decl.append("c").append(std::to_string(i)).append(", ");
  decl += "src HIDDEN)";
  if (int rc = sqlite3_declare_vtab(db, decl.c_str()); rc != SQLITE_OK) return rc;
  auto* vt = static_cast<sqlite3_vtab*>(sqlite3_malloc(sizeof(sqlite3_vtab)));
  if (!vt) return SQLITE_NOMEM;
  *vt = sqlite3_vtab{};
  *out = vt;
  return SQLITE_OK;
}

int x_disconnect(sqlite3_vtab* vt) {
  sqlite3_free(vt);
  return SQLITE_OK;
}

// Only a plan that passes `src` is possible: without it there is nothing to read.
int x_best_index(sqlite3_vtab*, sqlite3_index_info* info) {
  for (int i = 0; i < info->nConstraint; ++i) {
    const auto& con = info->aConstraint[i];
    if (con.iColumn == kColumns && con.op == SQLITE_INDEX_CONSTRAINT_EQ && con.usable) {
      info->aConstraintUsage[i].argvIndex = 1;
      info->aConstraintUsage[i].omit = 1;
      info->estimatedCost = 1;
      info->estimatedRows = 1000000;
      return SQLITE_OK;
    }
  }
  return SQLITE_CONSTRAINT;
}

int x_open(sqlite3_vtab*, sqlite3_vtab_cursor** out) {
  auto* c = new (std::nothrow) Cursor();
  if (!c) return SQLITE_NOMEM;
  *out = &c->base;
  return SQLITE_OK;
}

int x_close(sqlite3_vtab_cursor* base) {
  delete reinterpret_cast<Cursor*>(base);
  return SQLITE_OK;
}

int x_filter(sqlite3_vtab_cursor* base, int, const char*, int argc, sqlite3_value** argv) {
  auto* c = reinterpret_cast<Cursor*>(base);
  c->src = argc == 1 ? static_cast<Source*>(sqlite3_value_pointer(argv[0], kPointerType)) : nullptr;
  c->rowid = 0;
  c->eof = true;
  return c->src ? advance(c) : SQLITE_OK;
}

int x_next(sqlite3_vtab_cursor* base) {
  return advance(reinterpret_cast<Cursor*>(base));
}

int x_eof(sqlite3_vtab_cursor* base) {
  return reinterpret_cast<Cursor*>(base)->eof;
}

int x_column(sqlite3_vtab_cursor* base, sqlite3_context* ctx, int i) {
  auto* c = reinterpret_cast<Cursor*>(base);
  if (i >= kColumns) {
    sqlite3_result_null(ctx);
    return SQLITE_OK;
  }
  if (auto v = c->src->rows->text(i)) {
    sqlite3_result_text(ctx, v->data(), static_cast<int>(v->size()), SQLITE_STATIC);
  } else {
    sqlite3_result_null(ctx);
  }
  return SQLITE_OK;
}

int x_rowid(sqlite3_vtab_cursor* base, sqlite3_int64* out) {
  *out = reinterpret_cast<Cursor*>(base)->rowid;
  return SQLITE_OK;
}

sqlite3_module make_module() {
  sqlite3_module m{};
  m.iVersion = 0;
  m.xCreate = nullptr;  // eponymous only: used as caunoi_rows(?), never CREATE VIRTUAL TABLE
  m.xConnect = x_connect;
  m.xBestIndex = x_best_index;
  m.xDisconnect = x_disconnect;
  m.xOpen = x_open;
  m.xClose = x_close;
  m.xFilter = x_filter;
  m.xNext = x_next;
  m.xEof = x_eof;
  m.xColumn = x_column;
  m.xRowid = x_rowid;
  return m;
}

const sqlite3_module kModule = make_module();

}  // namespace

void register_module(sqlite3* db) {
  if (sqlite3_create_module_v2(db, "caunoi_rows", &kModule, nullptr, nullptr) != SQLITE_OK)
    fail(db, "create_module");
}

int64_t insert(sqlite3* db, std::string_view table, const std::vector<std::string>& columns,
               std::string_view tail, RowSource& rows) {
  if (columns.empty() || columns.size() > static_cast<size_t>(kColumns)) {
    throw Error(ErrorKind::internal, "insert_rows_columns",
                "insert_rows: từ 1 đến " + std::to_string(kColumns) + " cột.");
  }
  std::string names, values;
  // append() rather than "a" + b: GCC 12 sees a false -Wrestrict overlap in the latter.
  for (size_t i = 0; i < columns.size(); ++i) {
    names.append(i ? ", " : "").append(columns[i]);
    values.append(i ? ", c" : "c").append(std::to_string(i));
  }
  // "WHERE true" lets an ON CONFLICT clause follow the SELECT (SQLite's parsing rule).
  std::string sql = "INSERT INTO " + std::string(table) + "(" + names + ") SELECT " + values +
                    " FROM caunoi_rows(?) WHERE true " + std::string(tail);
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &raw, nullptr) != SQLITE_OK)
    fail(db, "prepare");
  std::unique_ptr<sqlite3_stmt, int (*)(sqlite3_stmt*)> st(raw, sqlite3_finalize);
  Source src{&rows, nullptr};
  int rc = sqlite3_bind_pointer(st.get(), 1, &src, kPointerType, nullptr);
  if (rc == SQLITE_OK) {
    while ((rc = sqlite3_step(st.get())) == SQLITE_ROW) {
    }
  }
  if (src.error) std::rethrow_exception(src.error);
  if (rc != SQLITE_DONE) fail(db, "insert_rows");  // reads the error before st is finalized
  return sqlite3_changes64(db);
}

}  // namespace caunoi::store::sqlite_rows
