// store/dialect.cpp — see dialect.h.
#include "store/dialect.h"

#include <algorithm>
#include <map>
#include <set>
#include <string>

namespace caunoi::store {

bool table_exists(Connection& c, std::string_view name) {
  std::string sql =
      c.backend() == "postgresql"
          ? "SELECT 1 FROM pg_class WHERE relname = ? AND relkind IN ('r', 'p', 'v', 'm')"
            " AND pg_table_is_visible(oid)"
          : "SELECT 1 FROM sqlite_master WHERE type IN ('table', 'view') AND name = ?";
  return c.scalar(sql, std::string(name)).has_value();
}

std::string in_json_array(const Connection& c, std::string_view column) {
  return std::string(column) +
         (c.backend() == "postgresql"
              ? " = ANY(ARRAY(SELECT json_array_elements_text(CAST(? AS json))))"
              : " IN (SELECT value FROM json_each(?))");
}

void each_by_keys(Connection& c, const std::string& select, const std::vector<std::string>& columns,
                  const std::vector<std::vector<Value>>& keys,
                  const std::function<void(const Row&)>& fn) {
  constexpr size_t kKeysPerStatement = 200;
  std::string one = "(";
  for (size_t i = 0; i < columns.size(); ++i) one += (i ? " AND " : "") + columns[i] + " = ?";
  one += ")";
  for (size_t at = 0; at < keys.size(); at += kKeysPerStatement) {
    const size_t n = std::min(kKeysPerStatement, keys.size() - at);
    std::string where;
    std::vector<Value> binds;
    for (size_t k = at; k < at + n; ++k) {
      (where += where.empty() ? "" : " OR ") += one;
      binds.insert(binds.end(), keys[k].begin(), keys[k].end());
    }
    Statement& st = c.prepare(select + " WHERE (" + where + ")").with_values(binds);
    while (st.step()) fn(st.row());
    st.reset();
  }
}

std::string contains(const Connection& c, std::string_view haystack, std::string_view needle) {
  return (c.backend() == "postgresql" ? "strpos(" : "instr(") + std::string(haystack) + ", " +
         std::string(needle) + ") > 0";
}

BulkLoadCache::BulkLoadCache(Connection& c, int mib) : c_(c), sqlite_(c.backend() == "sqlite") {
  if (sqlite_) c_.exec_script("PRAGMA cache_size = -" + std::to_string(mib * 1024));
}

BulkLoadCache::~BulkLoadCache() {
  if (sqlite_) c_.exec_script("PRAGMA cache_size = -2000");  // SQLite's default
}

namespace {

std::vector<TableInfo> sqlite_tables(Connection& c) {
  std::vector<TableInfo> out;
  c.each("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
         [&](const Row& r) {
           out.push_back({r.text(0), {}, {}, {}});
         });
  for (auto& t : out) {
    // Pragmas take no parameters; the name comes from the catalogue, quoted all the same.
    std::string quoted = "'" + t.name + "'";
    c.each("SELECT name, upper(type) FROM pragma_table_info(" + quoted + ") ORDER BY cid",
           [&](const Row& r) {
             t.columns.push_back(r.text(0));
             t.real.push_back(r.text(1).find("REAL") != std::string::npos ||
                              r.text(1).find("DOUB") != std::string::npos);
           });
    c.each("SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(" + quoted + ")",
           [&](const Row& r) { t.references.push_back(r.text(0)); });
  }
  return out;
}

std::vector<TableInfo> postgres_tables(Connection& c) {
  std::vector<TableInfo> out;
  std::map<std::string, size_t> at;
  c.each(
      "SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()"
      " AND table_type = 'BASE TABLE'",
      [&](const Row& r) {
        at[r.text(0)] = out.size();
        out.push_back({r.text(0), {}, {}, {}});
      });
  c.each(
      "SELECT table_name, column_name, data_type FROM information_schema.columns"
      " WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position",
      [&](const Row& r) {
        auto it = at.find(r.text(0));
        if (it == at.end()) return;  // a view's columns
        out[it->second].columns.push_back(r.text(1));
        out[it->second].real.push_back(r.text(2) == "double precision" || r.text(2) == "real");
      });
  c.each(
      "SELECT DISTINCT conrelid::regclass::text, confrelid::regclass::text FROM pg_constraint"
      " WHERE contype = 'f'",
      [&](const Row& r) {
        if (auto it = at.find(r.text(0)); it != at.end())
          out[it->second].references.push_back(r.text(1));
      });
  return out;
}

}  // namespace

std::vector<TableInfo> tables(Connection& c) {
  auto all = c.backend() == "postgresql" ? postgres_tables(c) : sqlite_tables(c);
  std::sort(all.begin(), all.end(),
            [](const TableInfo& a, const TableInfo& b) { return a.name < b.name; });
  // Referenced tables first: repeatedly take every table whose references are all placed.
  std::vector<TableInfo> ordered;
  std::set<std::string> placed;
  while (!all.empty()) {
    auto ready = std::stable_partition(all.begin(), all.end(), [&](const TableInfo& t) {
      return std::all_of(t.references.begin(), t.references.end(), [&](const std::string& ref) {
        return ref == t.name || placed.count(ref);
      });
    });
    if (ready == all.begin()) ready = all.begin() + 1;  // a cycle: break it by name
    for (auto it = all.begin(); it != ready; ++it) placed.insert(it->name);
    ordered.insert(ordered.end(), std::make_move_iterator(all.begin()),
                   std::make_move_iterator(ready));
    all.erase(all.begin(), ready);
  }
  return ordered;
}

}  // namespace caunoi::store
