// places/install.cpp — the units tables and their one-time load from data/admin/*.csv.
//
// The CSV files are the project's copies of public lists (data/SOURCES.md). Names of current
// units come from the 2026 snapshot (same codes as 2025, newest spelling and types); old units
// from the 01/03/2025 list; old→new links from the dvhcvn mapping as corrected in SOURCES.md,
// with the two codes it says to remap. The units load once, in one transaction: a half-loaded
// gazetteer never exists. The links are recomputed from the data when the data changed (relink),
// so a corrected mapping reaches databases installed before it; a checksum of the files the
// links come from, stored with them, spares every other start the reading.
#include "places/install.h"

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>

#include "common/error.h"
#include "common/fnv1a.h"
#include "places/gazetteer.h"
#include "tabular/csv_reader.h"
#include "tabular/csv_records.h"
#include "text/fold.h"

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
    // One row: the checksum of the data unit_successors was last made from (relink).
    {"places", 2, "mapping checksum", "CREATE TABLE unit_mapping (checksum TEXT NOT NULL);"},
};

// The files the links are made from, and the version of the rule that makes them: change it
// with links_from_data (the choice of the primary successor…) so that every database is relinked.
constexpr const char* kMappingFiles[] = {"mapping_provinces_2025.csv", "wards_2026.csv",
                                         "mapping_wards_2025.csv", "districts_old.csv"};
constexpr std::string_view kLinkRule = "links v1: primary keeps the name, else first listed";

std::string old_id(const std::string& code) {
  return "old:" + code;
}

}  // namespace

std::span<const store::Migration> migrations() {
  return kMigrations;
}

int install(store::Connection& c, const std::filesystem::path& data_dir) {
  store::apply_migrations(c, kMigrations);
  if (c.scalar("SELECT COUNT(*) FROM units").value_or(0) > 0) {
    relink(c, data_dir);
    return 0;
  }

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
  for (auto& r : tabular::read_csv_records(admin / "wards_old.csv"))
    add(old_id(r.at("code")), r.at("code"), r.at("name"), r.at("full_name"), r.at("unit_type"),
        Level::commune, Era::old, old_id(r.at("district_code")), r.at("name_en"));

  tx.commit();
  relink(c, data_dir);
  return written;
}

namespace {

struct Link {
  std::string to;
  bool partial = false;
  bool operator==(const Link&) const = default;
};
using Links = std::map<std::string, std::vector<Link>>;  // old id → successors, primary first

// The old→new links the data files give, checked: every old unit's successors lie within its
// old province's successor (the 2025 reform merged provinces whole), so province and national
// figures stay exact whatever the commune mapping says.
Links links_from_data(store::Connection& c, const std::filesystem::path& admin) {
  std::map<std::string, std::string> names, province_of;  // old code → folded name, province
  c.each("SELECT id, name, parent_id, level FROM units WHERE era = 0",
         [&](const store::Row& r) { names[r.text(0)] = text::fold(r.text(1)); });
  Links links;
  std::map<std::string, std::string> province_successor;
  for (auto& r : tabular::read_csv_records(admin / "mapping_provinces_2025.csv")) {
    links[old_id(r.at("old_province_code"))].push_back({r.at("new_province_code"), false});
    province_successor[r.at("old_province_code")] = r.at("new_province_code");
  }
  std::map<std::string, std::string> new_province, new_name;
  for (auto& r : tabular::read_csv_records(admin / "wards_2026.csv")) {
    new_province[r.at("code")] = r.at("province_code");
    new_name[r.at("code")] = text::fold(r.at("name"));
  }
  // Two new codes in the mapping differ from the GSO list (SOURCES.md).
  const std::map<std::string, std::string> remap = {{"06970", "06978"}, {"23737", "23938"}};
  std::set<std::string> mapped_districts;
  std::vector<std::string> outside;
  for (auto& r : tabular::read_csv_records(admin / "mapping_wards_2025.csv")) {
    std::string to = r.at("new_ward_code");
    if (auto it = remap.find(to); it != remap.end()) to = it->second;
    const std::string id = old_id(r.at("old_code"));
    const bool district = r.at("old_level") == "district";
    if (!names.count(id)) continue;  // 12 old codes not in the 2025 list (SOURCES.md)
    if (district) mapped_districts.insert(r.at("old_code"));
    if (new_province[to] != province_successor[r.at("old_province_code")])
      outside.push_back(r.at("old_code") + " " + r.at("old_name") + " → " + to + " " +
                        r.at("new_ward_name"));
    links[id].push_back({to, r.at("merge_type") == "partial"});
  }
  if (!outside.empty()) {
    std::string list;
    for (const auto& o : outside) list += "; " + o;
    throw Error(ErrorKind::internal, "mapping_outside_province",
                "Bảng chuyển đổi đơn vị hành chính có " + std::to_string(outside.size()) +
                    " đơn vị cũ được chuyển ra ngoài tỉnh kế thừa tỉnh cũ của nó" + list + ".");
  }
  // A commune split between several new ones counts, before 1 July 2025, in one of them: the
  // one that kept its name (Phường Ngọc Hà goes to Phường Ngọc Hà, not Ba Đình), else the first
  // the mapping lists (lowest code). The others are shown as taking "một phần".
  for (auto& entry : links) {  // not a structured binding: clang 14 cannot capture one
    const std::string& old_name = names[entry.first];
    auto& to = entry.second;
    if (to.size() > 1)
      std::stable_partition(to.begin(), to.end(),
                            [&](const Link& l) { return new_name[l.to] == old_name; });
  }
  // Districts are not in the commune mapping (except island districts that became đặc khu):
  // each lies whole within its old province, hence within that province's successor.
  for (auto& r : tabular::read_csv_records(admin / "districts_old.csv"))
    if (!mapped_districts.count(r.at("code")))
      links[old_id(r.at("code"))].push_back({province_successor.at(r.at("province_code")), false});
  return links;
}

// A fingerprint of the rule and of the bytes of every file the links come from.
std::string mapping_checksum(const std::filesystem::path& admin) {
  uint64_t h = fnv1a(kLinkRule);
  for (const char* name : kMappingFiles)
    h = fnv1a(tabular::read_file(admin / name), fnv1a(name, h));
  char hex[17];
  std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
  return hex;
}

}  // namespace

int relink(store::Connection& c, const std::filesystem::path& data_dir) {
  const std::string checksum = mapping_checksum(data_dir / "admin");
  std::string stored;
  c.each("SELECT checksum FROM unit_mapping", [&](const store::Row& r) { stored = r.text(0); });
  if (stored == checksum) return 0;
  const Links want = links_from_data(c, data_dir / "admin");
  Links have;
  c.each("SELECT old_id, new_id, partial FROM unit_successors ORDER BY old_id, rank",
         [&](const store::Row& r) {
           have[r.text(0)].push_back({r.text(1), r.i64(2) != 0});
         });
  int changed = 0;
  for (const auto& [id, to] : want) changed += have.count(id) == 0 || have.at(id) != to;
  for (const auto& [id, to] : have) changed += want.count(id) == 0;
  store::Transaction tx(c);
  if (changed) {
    c.execute("DELETE FROM unit_successors");
    for (const auto& [id, to] : want)
      for (std::size_t i = 0; i < to.size(); ++i)
        c.execute("INSERT INTO unit_successors(old_id, new_id, rank, partial) VALUES (?,?,?,?)", id,
                  to[i].to, static_cast<int>(i), to[i].partial);
  }
  c.execute("DELETE FROM unit_mapping");
  c.execute("INSERT INTO unit_mapping(checksum) VALUES (?)", checksum);
  tx.commit();
  return changed;
}

}  // namespace caunoi::places
