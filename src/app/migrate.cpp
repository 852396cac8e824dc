// app/migrate.cpp — see migrate.h.
//
// What "already holds data" means is measured, not listed: a scratch database prepared in memory
// shows which tables a new database starts with rows in (units, reference lists). Those are
// replaced by the source's rows; any other table with a row in the target refuses the run. The
// checksum of a table is the sum of a hash of each row (FNV-1a over its values, floating-point
// numbers written with 17 digits), so that it does not depend on the order rows come back in:
// the engines order case-insensitive text differently.
#include "app/migrate.h"

#include <boost/json.hpp>

#include <cstdio>
#include <filesystem>
#include <map>
#include <optional>
#include <set>

#include "audit/log.h"
#include "common/error.h"
#include "common/fnv1a.h"
#include "store/dialect.h"
#include "store/open.h"

namespace caunoi::app {
namespace {

std::string select_all(const store::TableInfo& t) {
  std::string cols;
  for (const auto& c : t.columns) cols += (cols.empty() ? "" : ", ") + c;
  return "SELECT " + cols + " FROM " + t.name;
}

// Column i of a row as text, the way both sides write it: null is nullopt, floating-point
// numbers keep all their digits (SQLite's own text of a REAL keeps 15).
std::optional<std::string> value_text(const store::Row& r, int i, bool real) {
  if (r.is_null(i)) return std::nullopt;
  if (!real) return r.text(i);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%.17g", r.f64(i));
  return std::string(buf);
}

using Values = std::vector<std::optional<std::string>>;

// Column i of every column of a row, as value_text writes them.
void read_row(const store::Row& r, const store::TableInfo& t, Values& out) {
  out.resize(t.columns.size());
  for (size_t i = 0; i < out.size(); ++i) out[i] = value_text(r, static_cast<int>(i), t.real[i]);
}

struct Digest {
  int64_t rows = 0;
  uint64_t sum = 0;
  void add(const Values& values) {
    uint64_t h = kFnv1aBasis;
    auto mix = [&](std::string_view bytes) { h = fnv1a(bytes, h); };
    for (const auto& v : values) {
      if (!v) {
        mix("n");
        continue;
      }
      mix("v");  // the length first, so that ("ab", "c") and ("a", "bc") differ
      mix(std::to_string(v->size()));
      mix(":");
      mix(*v);
    }
    ++rows;
    sum += h;
  }
};

Digest digest(store::Connection& c, const store::TableInfo& t) {
  Digest d;
  Values values;
  c.each(select_all(t), [&](const store::Row& r) {
    read_row(r, t, values);
    d.add(values);
  });
  return d;
}

// The source's rows of one table, for Connection::insert_rows, summed as they pass so that the
// source is read once.
class TableRows : public store::RowSource {
 public:
  TableRows(store::Connection& c, const store::TableInfo& t)
      : st_(c.prepare(select_all(t)).with()), table_(t) {}
  ~TableRows() override { st_.reset(); }
  bool next() override {
    if (!st_.step()) return false;
    read_row(st_.row(), table_, values_);
    digest_.add(values_);
    return true;
  }
  std::optional<std::string_view> text(int i) const override {
    const auto& v = values_[static_cast<size_t>(i)];
    return v ? std::optional<std::string_view>(*v) : std::nullopt;
  }
  const Digest& digest() const { return digest_; }

 private:
  store::Statement& st_;
  const store::TableInfo& table_;
  Values values_;
  Digest digest_;
};

// The tables a new database starts with rows in.
std::set<std::string> seeded_tables(const Paths& paths) {
  auto scratch = store::open(":memory:");
  prepare_database(*scratch, paths);
  std::set<std::string> out;
  for (const auto& t : store::tables(*scratch))
    if (scratch->scalar("SELECT COUNT(*) FROM " + t.name).value_or(0) > 0) out.insert(t.name);
  return out;
}

}  // namespace

std::vector<MovedTable> migrate_database(
    const std::string& from, const std::string& to, const Paths& paths,
    const std::function<void(const std::string& table, int64_t rows)>& progress) {
  if (from == to)
    throw invalid("same_database", "Cơ sở dữ liệu nguồn và đích là một; hãy chọn --to khác.");
  if (!store::is_postgres_name(from) && !std::filesystem::exists(from))
    throw not_found("db_missing", "Không có cơ sở dữ liệu nguồn " + from + ".");
  auto src = open_database(from, paths);
  auto dst = open_database(to, paths);
  const auto seeded = seeded_tables(paths);
  const auto tables = store::tables(*src);
  std::map<std::string, store::TableInfo> target;
  for (auto& t : store::tables(*dst)) target[t.name] = t;

  std::string held;
  for (const auto& t : tables) {
    if (!target.count(t.name))
      throw invalid("migrate_mismatch", "Cơ sở dữ liệu đích không có bảng " + t.name +
                                            " của nguồn; nguồn được tạo bởi phiên bản mới hơn?");
    if (target[t.name].columns != t.columns)
      throw invalid("migrate_mismatch",
                    "Bảng " + t.name + " có các cột khác nhau giữa nguồn và đích.");
    if (seeded.count(t.name) || t.name == "schema_migrations") continue;
    if (int64_t n = dst->scalar("SELECT COUNT(*) FROM " + t.name).value_or(0); n > 0)
      held += (held.empty() ? "" : ", ") + t.name + " (" + std::to_string(n) + " dòng)";
  }
  if (!held.empty())
    throw Error(ErrorKind::conflict, "target_not_empty",
                "Cơ sở dữ liệu đích " + store::display_name(to) + " đã có dữ liệu: " + held +
                    ". caunoi migrate chỉ chuyển vào một cơ sở dữ liệu mới; chưa ghi gì.");

  std::vector<MovedTable> moved;
  store::Transaction tx(*dst);
  // What a new database starts with gives way to the source's, those referring to others first.
  // schema_migrations stays the target's: both are already at this build's versions.
  auto moves = [](const store::TableInfo& t) { return t.name != "schema_migrations"; };
  for (auto it = tables.rbegin(); it != tables.rend(); ++it)
    if (moves(*it) && seeded.count(it->name)) dst->execute("DELETE FROM " + it->name);
  for (const auto& t : tables) {
    if (!moves(t)) continue;
    TableRows rows(*src, t);
    dst->insert_rows(t.name, t.columns, "", rows);
    const Digest& a = rows.digest();
    Digest b = digest(*dst, t);
    if (a.rows != b.rows || a.sum != b.sum)
      throw Error(ErrorKind::internal, "migrate_mismatch",
                  "Bảng " + t.name + " khác nhau sau khi chép (nguồn " + std::to_string(a.rows) +
                      " dòng, đích " + std::to_string(b.rows) +
                      " dòng); không có gì được ghi vào đích.");
    moved.push_back({t.name, a.rows, a.sum});
    if (progress) progress(t.name, a.rows);
  }
  boost::json::array summary;
  for (const auto& m : moved) summary.push_back({{"table", m.name}, {"rows", m.rows}});
  audit::record_change(*dst, audit::cli_actor("migrate", "database"),
                       boost::json::serialize(boost::json::object{
                           {"from", store::display_name(from)}, {"tables", summary}}));
  tx.commit();
  return moved;
}

}  // namespace caunoi::app
