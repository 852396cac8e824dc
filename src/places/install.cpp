// places/install.cpp — the units tables and their one-time load from data/admin/*.csv.
//
// The CSV files are the project's copies of public lists (data/SOURCES.md). Names of current
// units come from the 2026 snapshot (same codes as 2025, newest spelling and types); old units
// from the 01/03/2025 list; old→new links from the dvhcvn mapping, with the two codes SOURCES.md
// says to remap. The whole load is one transaction: a half-loaded gazetteer never exists.
#include "places/install.h"

#include <fstream>
#include <map>
#include <set>

#include "common/error.h"
#include "places/gazetteer.h"
#include "tabular/csv_records.h"

namespace caunoi::places {
namespace {

constexpr store::Migration kMigrations[] = {
    {"places", 1, "units",
     "CREATE TABLE units ("
     " id TEXT PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, full_name TEXT NOT NULL,"
     " type TEXT NOT NULL, level INTEGER NOT NULL, era INTEGER NOT NULL,"
     " parent_id TEXT REFERENCES units(id), valid_from TEXT, valid_to TEXT, name_en TEXT);"
     "CREATE INDEX units_parent ON units(parent_id);"
     "CREATE TABLE unit_successors ("
     " old_id TEXT NOT NULL REFERENCES units(id), new_id TEXT NOT NULL REFERENCES units(id),"
     " rank INTEGER NOT NULL, partial INTEGER NOT NULL, PRIMARY KEY (old_id, new_id));"},
};

std::string old_id(const std::string& code) {
  return "old:" + code;
}

}  // namespace

std::span<const store::Migration> migrations() {
  return kMigrations;
}

int install(store::Connection& c, const std::filesystem::path& data_dir) {
  store::apply_migrations(c, kMigrations);
  if (c.scalar("SELECT COUNT(*) FROM units").value_or(0) > 0) return 0;

  const auto admin = data_dir / "admin";
  store::Transaction tx(c);
  int written = 0;
  auto add = [&](const std::string& id, const std::string& code, const std::string& name,
                 const std::string& full, const std::string& type, Level level, Era era,
                 const std::string& parent, const std::string& name_en) {
    c.execute(
        "INSERT INTO units(id, code, name, full_name, type, level, era, parent_id, valid_from,"
        " valid_to, name_en) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
        id, code, name, full, type, static_cast<int>(level), static_cast<int>(era),
        parent.empty() ? store::Value{} : store::Value{parent},
        era == Era::current ? store::Value{kReformDate.iso()} : store::Value{},
        era == Era::old ? store::Value{kReformDate.add_days(-1).iso()} : store::Value{}, name_en);
    ++written;
  };

  add("VN", "VN", "Việt Nam", "Toàn quốc", "Quốc gia", Level::country, Era::current, "", "Vietnam");

  for (auto& r : tabular::read_csv_records(admin / "provinces_2026.csv"))
    add(r.at("code"), r.at("code"), r.at("name"), r.at("full_name"), r.at("unit_type"),
        Level::province, Era::current, "VN", r.at("name_en"));
  for (auto& r : tabular::read_csv_records(admin / "wards_2026.csv"))
    add(r.at("code"), r.at("code"), r.at("name"), r.at("full_name"), r.at("unit_type"),
        Level::commune, Era::current, r.at("province_code"), r.at("name_en"));

  for (auto& r : tabular::read_csv_records(admin / "provinces_old.csv"))
    add(old_id(r.at("code")), r.at("code"), r.at("name"), r.at("full_name"), r.at("unit_type"),
        Level::province, Era::old, "VN", r.at("name_en"));
  for (auto& r : tabular::read_csv_records(admin / "districts_old.csv"))
    add(old_id(r.at("code")), r.at("code"), r.at("name"), r.at("full_name"), r.at("unit_type"),
        Level::district, Era::old, old_id(r.at("province_code")), r.at("name_en"));
  std::set<std::string> old_communes;
  for (auto& r : tabular::read_csv_records(admin / "wards_old.csv")) {
    add(old_id(r.at("code")), r.at("code"), r.at("name"), r.at("full_name"), r.at("unit_type"),
        Level::commune, Era::old, old_id(r.at("district_code")), r.at("name_en"));
    old_communes.insert(r.at("code"));
  }

  auto link = [&](const std::string& from, const std::string& to, int rank, bool partial) {
    c.execute(
        "INSERT OR IGNORE INTO unit_successors(old_id, new_id, rank, partial) VALUES (?,?,?,?)",
        from, to, rank, partial);
  };
  std::map<std::string, std::string> province_successor;
  for (auto& r : tabular::read_csv_records(admin / "mapping_provinces_2025.csv")) {
    link(old_id(r.at("old_province_code")), r.at("new_province_code"), 0, false);
    province_successor[r.at("old_province_code")] = r.at("new_province_code");
  }
  // Two new codes in the mapping differ from the GSO list (SOURCES.md).
  const std::map<std::string, std::string> remap = {{"06970", "06978"}, {"23737", "23938"}};
  std::map<std::string, int> rank;
  std::set<std::string> mapped_districts;
  for (auto& r : tabular::read_csv_records(admin / "mapping_wards_2025.csv")) {
    std::string to = r.at("new_ward_code");
    if (auto it = remap.find(to); it != remap.end()) to = it->second;
    const std::string& code = r.at("old_code");
    bool district = r.at("old_level") == "district";
    if (!district && !old_communes.count(code)) continue;  // 12 codes not in the 2025 list
    if (district) mapped_districts.insert(code);
    link(old_id(code), to, rank[code]++, r.at("merge_type") == "partial");
  }
  // Districts are not in the commune mapping (except island districts that became đặc khu):
  // each lies whole within its old province, hence within that province's successor.
  for (auto& r : tabular::read_csv_records(admin / "districts_old.csv")) {
    if (mapped_districts.count(r.at("code"))) continue;
    link(old_id(r.at("code")), province_successor.at(r.at("province_code")), 0, false);
  }
  tx.commit();
  return written;
}

}  // namespace caunoi::places
